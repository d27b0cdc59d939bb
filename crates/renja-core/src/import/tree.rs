//! Growing the import tree row by row: which node a level's cell belongs to (merged
//! range, filled down, repeated text), and the nodes made for missing levels. The rules are
//! in `build`'s module docs.

use super::preview::{DEFAULT_PROGRAM, GroupNode, ImportTree, Skipped, TahapanRow};

/// A level cell as a row gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Input {
    /// The mapping has no column for this level.
    Absent,
    /// Nothing here (or the column is read on the other kind of row).
    Empty,
    /// Text, with the merged range it comes from (its index in `sheet.merges`).
    Text(String, Option<usize>),
}

/// The node a level is at: its path in the tree, and what identifies it.
#[derive(Debug, Clone)]
pub(super) struct Current {
    index: usize,
    text: String,
    merge: Option<usize>,
}

pub(super) struct Builder {
    pub(super) tree: ImportTree,
    pub(super) current: [Option<Current>; 4],
    pub(super) skipped: Vec<Skipped>,
}

impl Builder {
    /// The children list at `level` under the current nodes above it.
    pub(super) fn list(&mut self, level: usize) -> &mut Vec<GroupNode> {
        let mut list = &mut self.tree.programs;
        for l in 0..level {
            let i = self.current[l].as_ref().map_or(0, |c| c.index);
            list = &mut list[i].children;
        }
        list
    }

    pub(super) fn name_of(&mut self, level: usize) -> String {
        match level.checked_sub(1) {
            None => DEFAULT_PROGRAM.to_owned(),
            Some(parent) => {
                let i = self.current[parent].as_ref().map_or(0, |c| c.index);
                self.list(parent)[i].nama.clone()
            }
        }
    }

    /// Add a node at `level` under the current ones (made first if missing).
    pub(super) fn push(
        &mut self,
        level: usize,
        nama: String,
        row: u32,
        generated: bool,
        merge: Option<usize>,
    ) {
        self.ensure(level.saturating_sub(1), row, level > 0);
        let list = self.list(level);
        list.push(GroupNode {
            nama: nama.clone(),
            row,
            generated,
            children: Vec::new(),
            tahapan: Vec::new(),
        });
        let index = list.len() - 1;
        self.current[level] = Some(Current {
            index,
            text: if generated { String::new() } else { nama },
            merge,
        });
        for below in &mut self.current[level + 1..] {
            *below = None;
        }
    }

    /// Make sure levels `0..=upto` have a node (when `any`), generating missing ones.
    pub(super) fn ensure(&mut self, upto: usize, row: u32, any: bool) {
        if !any {
            return;
        }
        for level in 0..=upto {
            if self.current[level].is_none() {
                let nama = self.name_of(level);
                self.push(level, nama, row, true, None);
            }
        }
    }

    /// Apply one row's level inputs.
    pub(super) fn groups(&mut self, inputs: &[Input; 4], row: u32) {
        let mut parent_changed = false;
        for (level, input) in inputs.iter().enumerate() {
            match input {
                Input::Absent | Input::Empty => {
                    if parent_changed {
                        self.current[level] = None;
                    }
                }
                Input::Text(text, merge) => {
                    // Two merged ranges are two nodes even with the same text; otherwise the
                    // same text as the node above continues it (a heading row's text
                    // continued by a merged cell below, or text repeated on every row).
                    let same = !parent_changed
                        && self.current[level]
                            .as_ref()
                            .is_some_and(|c| match (merge, c.merge) {
                                (Some(a), Some(b)) => *a == b,
                                _ => c.text == *text,
                            });
                    if same {
                        if let Some(c) = self.current[level].as_mut() {
                            c.merge = c.merge.or(*merge);
                        }
                    } else {
                        self.push(level, text.clone(), row, false, *merge);
                        parent_changed = true;
                    }
                }
            }
        }
    }

    pub(super) fn tahapan(&mut self, t: TahapanRow) {
        self.ensure(3, t.row, true);
        let list = self.list(3);
        let i = list.len() - 1;
        list[i].tahapan.push(t);
    }

    pub(super) fn skip(&mut self, row: usize, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            row: row as u32 + 1,
            reason: reason.into(),
        });
    }
}
