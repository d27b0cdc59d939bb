//! Tests of the core's shape, read from its own source: top-level modules depend on each other
//! one way only (no circle), and only `storage` and `file` touch SQLite (see the crate docs).
//!
//! The source is read as text: every `crate::x` path outside comments and outside the test
//! code at the end of a file (from its first `#[cfg(test)]`) is an edge from the file's
//! top-level module to `x`. Names the crate root re-exports (`crate::Plan`) count as the module
//! they come from. Test code is exempt: a test may build a plan any way it likes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules that may use `rusqlite`: the tables and the file; `error` wraps SQLite's errors and
/// `ids` says how an id is stored.
const MAY_USE_SQLITE: &[&str] = &["storage", "file", "error", "ids"];

/// Methods that run SQL on a connection or transaction.
const SQL_METHODS: &[&str] = &[
    ".prepare(",
    ".prepare_cached(",
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".blob_open(",
    ".last_insert_rowid(",
    ".pragma_query",
    ".pragma_update(",
    ".transaction(",
];

struct Source {
    module: String,
    path: PathBuf,
    /// The file without comments and test code, line by line (1-based numbers kept).
    lines: Vec<(usize, String)>,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&root).expect("under src");
            let first = rel.components().next()?.as_os_str().to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            // The crate root and this test are not modules with dependencies of their own.
            if module == "lib" || module == "layers" || rel.ends_with("tests.rs") {
                return None;
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            Some(Source {
                module,
                lines: code_lines(&text),
                path: rel.to_path_buf(),
            })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of `text` before its test code, with `//` comments cut off.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        lines.push((i + 1, code.to_string()));
    }
    lines
}

/// The first segment of every `crate::` path in `code`: `crate::a::b` gives `a`,
/// `crate::{a, b::c}` gives `a` and `b`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        // `$crate::` in macros and names ending in "crate" are not paths of this crate.
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            let mut ident = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => item_start = true,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if depth == 1 && item_start {
                    if c.is_alphanumeric() || c == '_' {
                        ident.push(c);
                    } else if !ident.is_empty() {
                        found.push(std::mem::take(&mut ident));
                        item_start = false;
                    }
                }
            }
            if !ident.is_empty() {
                found.push(ident);
            }
        } else {
            let ident: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !ident.is_empty() {
                found.push(ident);
            }
        }
    }
    found
}

/// Names the crate root re-exports, and the module each comes from (`Plan` → `plan`).
fn root_reexports() -> BTreeMap<String, String> {
    let lib = include_str!("lib.rs");
    let mut map = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        let items = items.trim_end_matches(';');
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.trim().rsplit("::").next().unwrap_or_default().trim();
            if !name.is_empty() {
                map.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    map
}

/// Every dependency between top-level modules, with where it is written.
fn edges() -> BTreeMap<(String, String), Vec<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let reexports = root_reexports();
    let mut edges: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for s in &sources {
        for (n, line) in &s.lines {
            for name in crate_paths(line) {
                let target = match reexports.get(&name) {
                    Some(module) => module.clone(),
                    None => name,
                };
                if target != s.module && modules.contains(&target) {
                    edges
                        .entry((s.module.clone(), target))
                        .or_default()
                        .push(format!("{}:{n}", s.path.display()));
                }
            }
        }
    }
    edges
}

/// The strongly connected components with more than one module (Tarjan).
fn circles(edges: &BTreeMap<(String, String), Vec<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        next: &'a BTreeMap<String, Vec<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        found: Vec<Vec<String>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: &str) {
            let i = self.index.len();
            self.index.insert(v.into(), i);
            self.low.insert(v.into(), i);
            self.stack.push(v.into());
            for w in self.next.get(v).cloned().unwrap_or_default() {
                if !self.index.contains_key(&w) {
                    self.visit(&w);
                    let low = self.low[v].min(self.low[&w]);
                    self.low.insert(v.into(), low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[&w]);
                    self.low.insert(v.into(), low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    let done = w == v;
                    component.push(w);
                    if done {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut next: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from.clone()).or_default().push(to.clone());
    }
    let mut walk = Walk {
        next: &next,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in next.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn top_level_modules_depend_one_way() {
    let edges = edges();
    let circles = circles(&edges);
    let mut report = String::new();
    for circle in &circles {
        report.push_str(&format!("circle: {}\n", circle.join(", ")));
        for ((from, to), at) in &edges {
            if circle.contains(from) && circle.contains(to) {
                report.push_str(&format!("  {from} -> {to}   ({})\n", at.join(", ")));
            }
        }
    }
    assert!(circles.is_empty(), "modules in a circle:\n{report}");
}

/// The layers of the crate docs, top (1) to bottom (5). A module not named here is a domain
/// module (3). A module may use modules of its own layer or below, never above.
fn layer(module: &str) -> u8 {
    match module {
        "session" | "generate" | "recent" | "bindings" | "labels" => 1,
        "plan" => 2,
        "storage" | "file" => 4,
        "model" | "ids" | "error" | "clock" | "tanggal" | "limits" | "naming" => 5,
        _ => 3,
    }
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let upward: Vec<String> = edges()
        .into_iter()
        .filter(|((from, to), _)| layer(to) < layer(from))
        .map(|((from, to), at)| format!("{from} -> {to}   ({})", at.join(", ")))
        .collect();
    assert!(
        upward.is_empty(),
        "uses of a layer above:\n{}",
        upward.join("\n")
    );
}

#[test]
fn only_storage_and_file_touch_sqlite() {
    let mut found = Vec::new();
    for s in sources() {
        if MAY_USE_SQLITE.contains(&s.module.as_str()) {
            continue;
        }
        for (n, line) in &s.lines {
            // `storage::Read` is a connection: calling SQL on it needs no `use rusqlite`.
            let sql_call = SQL_METHODS.iter().any(|m| line.contains(m));
            if line.contains("rusqlite") || sql_call {
                found.push(format!("{}:{n}: {}", s.path.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "SQLite outside storage and file:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reader_sees_paths_the_way_rust_does() {
    assert_eq!(crate_paths("use crate::plan::Plan;"), ["plan"]);
    assert_eq!(
        crate_paths("use crate::{error::Result, ids::{A, B}, model};"),
        ["error", "ids", "model"]
    );
    assert_eq!(
        crate_paths("x(crate::storage::f(), $crate::y, mycrate::z)"),
        ["storage"]
    );
    let lines = code_lines("use crate::a; // crate::b\n#[cfg(test)]\nuse crate::c;");
    assert_eq!(lines.len(), 1);
    assert_eq!(crate_paths(&lines[0].1), ["a"]);
    // A circle of two is found, a chain is not.
    let edge = |a: &str, b: &str| ((a.to_string(), b.to_string()), vec![]);
    let chain = BTreeMap::from([edge("a", "b"), edge("b", "c")]);
    assert!(circles(&chain).is_empty());
    let circle = BTreeMap::from([edge("a", "b"), edge("b", "c"), edge("c", "a")]);
    assert_eq!(circles(&circle), [["a", "b", "c"]]);
}
