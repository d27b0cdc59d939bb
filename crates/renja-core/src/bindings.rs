//! The TypeScript types of everything that crosses to the UI are generated from the Rust
//! types here (ts-rs) into `ui/src/lib/backend/generated/`, committed, and checked for drift
//! by a test: change a type, run `UPDATE_BINDINGS=1 cargo test -p renja-core bindings`.
//!
//! The same test writes `labels.ts`, the words the UI shows for those types (see `labels.rs`),
//! so a label is spelled once, in Rust, and drifts the same way a type does.

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use ts_rs::{Config, TS};

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/backend/generated")
    }

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(e.path()).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn generate(dir: &Path) {
        let cfg = Config::new().with_large_int("number").with_out_dir(dir);
        let export = |r: Result<(), ts_rs::ExportError>| r.expect("export bindings");
        export(crate::IpcError::export_all(&cfg));
        export(crate::model::PlanOverview::export_all(&cfg));
        export(crate::file::Recovery::export_all(&cfg));
        export(crate::model::Peran::export_all(&cfg));
        export(crate::model::Anggota::export_all(&cfg));
        export(crate::recent::RecentFile::export_all(&cfg));
        export(crate::NewPlan::export_all(&cfg));
        export(crate::edit::Edit::export_all(&cfg));
        export(crate::edit::Edited::export_all(&cfg));
        export(crate::realisasi::Realisasi::export_all(&cfg));
        export(crate::bukti::Bukti::export_all(&cfg));
        export(crate::bukti::BuktiInput::export_all(&cfg));
        export(crate::bukti::BuktiProgress::export_all(&cfg));
        export(crate::report::ReportRequest::export_all(&cfg));
        export(crate::report::ReportFormat::export_all(&cfg));
        export(crate::report::PaketRequest::export_all(&cfg));
        export(crate::report::PaketProgress::export_all(&cfg));
        export(crate::report::PaketSummary::export_all(&cfg));
        export(crate::import::Source::export_all(&cfg));
        export(crate::import::Mapping::export_all(&cfg));
        export(crate::import::Preview::export_all(&cfg));
        export(crate::import::ImportView::export_all(&cfg));
        export(crate::merge::MergePreview::export_all(&cfg));
        export(crate::merge::MergeChoices::export_all(&cfg));
        export(crate::merge::MergeResult::export_all(&cfg));
        export(crate::merge::MergeRecord::export_all(&cfg));
        export(crate::merge::MergeProgress::export_all(&cfg));
        export(crate::ringkasan::Ringkasan::export_all(&cfg));
        export(crate::lke::Lke::export_all(&cfg));
        export(crate::lke::BuktiButir::export_all(&cfg));
        std::fs::write(dir.join("labels.ts"), crate::labels::typescript()).expect("write labels");
    }

    #[test]
    fn bindings_are_current() {
        let fresh = tempfile::tempdir().expect("tempdir");
        generate(fresh.path());
        let generated = read_dir(fresh.path());
        assert!(
            generated.contains_key("PlanOverview.ts") && generated.contains_key("labels.ts"),
            "{:?}",
            generated.keys()
        );
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let dir = committed_dir();
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("create bindings dir");
            for (name, text) in &generated {
                std::fs::write(dir.join(name), text).expect("write binding");
            }
        }
        assert_eq!(
            read_dir(&committed_dir()),
            generated,
            "TypeScript bindings are stale: run UPDATE_BINDINGS=1 cargo test -p renja-core bindings"
        );
    }
}
