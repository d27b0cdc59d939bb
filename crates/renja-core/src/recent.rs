//! The list of recently opened plans shown on the start screen: newest first, at most
//! [`MAX`], each with the instansi and tahun it had when last opened, and whether the file is
//! still there. Kept as a small JSON file in the app's config folder; a missing or damaged
//! list is treated as empty, never as an error the user has to deal with.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

pub const MAX: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecentFile {
    pub path: String,
    pub instansi: String,
    pub tahun: i32,
    /// When it was last opened (RFC 3339).
    pub opened_at: String,
    /// Filled in when listing: the file is no longer where it was.
    #[serde(default, skip_deserializing)]
    pub missing: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct RecentList {
    files: Vec<RecentFile>,
}

impl RecentList {
    /// Read the list from `store`; anything unreadable gives an empty list.
    pub fn load(store: &Path) -> RecentList {
        std::fs::read(store)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Write the list to `store` through a temporary file.
    pub fn save(&self, store: &Path) -> Result<()> {
        if let Some(dir) = store.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        crate::file::write_atomically(store, &json)
    }

    /// Put `path` at the top, with what it holds now.
    pub fn touch(&mut self, path: &Path, instansi: &str, tahun: i32, opened_at: &str) {
        let key = path.to_string_lossy().into_owned();
        self.files.retain(|f| f.path != key);
        self.files.insert(
            0,
            RecentFile {
                path: key,
                instansi: instansi.to_owned(),
                tahun,
                opened_at: opened_at.to_owned(),
                missing: false,
            },
        );
        self.files.truncate(MAX);
    }

    /// Take `path` off the list; true if it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        let before = self.files.len();
        self.files.retain(|f| f.path != path);
        before != self.files.len()
    }

    /// The entries, newest first, each marked missing if its file is gone.
    pub fn entries(&self) -> Vec<RecentFile> {
        self.files
            .iter()
            .map(|f| RecentFile {
                missing: !PathBuf::from(&f.path).is_file(),
                ..f.clone()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut list = RecentList::default();
        for i in 0..20 {
            let p = dir.path().join(format!("r{i}.renjarb"));
            std::fs::write(&p, b"x").expect("write");
            list.touch(&p, "Dinas", 2024, "t");
        }
        let again = dir.path().join("r5.renjarb");
        list.touch(&again, "Dinas Perkebunan", 2025, "t2");
        let e = list.entries();
        assert_eq!(e.len(), MAX);
        assert_eq!(e[0].path, again.to_string_lossy());
        assert_eq!(e[0].instansi, "Dinas Perkebunan");
        assert_eq!(e.iter().filter(|f| f.path == e[0].path).count(), 1);
    }

    #[test]
    fn marks_missing_and_survives_a_damaged_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("sub/recent.json");
        let mut list = RecentList::default();
        list.touch(&dir.path().join("gone.renjarb"), "X", 2024, "t");
        list.save(&store).expect("save");
        let loaded = RecentList::load(&store);
        assert!(loaded.entries()[0].missing);
        std::fs::write(&store, b"{not json").expect("write");
        assert!(RecentList::load(&store).entries().is_empty());
        let mut list = loaded;
        assert!(list.remove(&dir.path().join("gone.renjarb").to_string_lossy()));
        assert!(list.entries().is_empty());
    }
}
