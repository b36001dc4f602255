//! The import graph of the library's production code, file to file: a parser of text, not
//! of Rust, that reads each file's `use` trees and its `crate::`/`super::`/`self::` paths
//! (and paths through a module the file imported or declared), and follows `pub use` to
//! the file that defines the item, as the design review drew the graph. `mod x;` is no
//! edge: declaring a child is not using it. Test modules (`#[cfg(test)] mod …`) are left
//! out: only production code counts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// File → the files it names (by `src/…` path).
pub type Edges = BTreeMap<String, BTreeSet<String>>;

/// One file of `src/`.
struct File {
    /// `src/…` path, the graph's name for the file.
    name: String,
    /// Module path from the crate root (`["api", "quotas", "national"]`; `[]` for `lib.rs`).
    module: Vec<String>,
    /// Production code: comments, literals and the test module removed.
    code: String,
}

/// The graph of `src` (whose `main.rs`, another crate, is left out).
pub fn of(src: &Path) -> Edges {
    let mut files = Vec::new();
    for path in super::rust_files(src) {
        let rel = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "main.rs" {
            continue;
        }
        let mut module: Vec<String> = rel
            .trim_end_matches(".rs")
            .split('/')
            .map(str::to_owned)
            .collect();
        if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
            module.pop();
        }
        let code = strip(&std::fs::read_to_string(&path).unwrap());
        files.push(File {
            name: format!("src/{rel}"),
            module,
            code,
        });
    }
    Crate::new(files).edges()
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// A file's production code: no comments, no string or char literals (their text is no
/// import), and no `#[cfg(test)] mod` (a file's unit tests end it).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, next) = (chars[i], at(i + 1));
        let prev = i.checked_sub(1).and_then(at);
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == Some('*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == Some('/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !is_ident(prev) {
            // A raw string (r"…", r#"…"#), or an identifier such as `r#type`.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == Some('#') {
                hashes += 1;
                j += 1;
            }
            if at(j) != Some('"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|h| at(j + h) == Some('#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' || (c == '\'' && (next == Some('\\') || at(i + 2) == Some('\''))) {
            // A string, or a char literal ('x', '\n') rather than a lifetime.
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            out.push(c);
            i += 1;
        }
    }
    let test_module = out.match_indices("#[cfg(test)]").find(|(i, m)| {
        out[i + m.len()..]
            .trim_start()
            .strip_prefix("mod ")
            .is_some()
    });
    match test_module {
        Some((at, _)) => out[..at].to_owned(),
        None => out,
    }
}

/// Finds `word` as a whole word followed by white space, from `from`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(word) {
        let at = from + i;
        let before = s[..at].chars().next_back();
        let after = s[at + word.len()..].chars().next();
        if !is_ident(before) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// One path a `use` names: the path as written and the name it brings into scope.
struct Use {
    public: bool,
    path: String,
    name: String,
}

/// The `use` statements of a file, each tree expanded into its paths; and the code
/// without them.
fn uses(code: &str) -> (Vec<Use>, String) {
    let mut out = Vec::new();
    let mut rest_of_code = String::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let before = rest[..at].trim_end();
        let public = ["pub", "pub(crate)", "pub(super)"]
            .iter()
            .any(|p| before.ends_with(p));
        rest_of_code.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        let tree: String = after[..end]
            .replace(" as ", "@")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut paths = Vec::new();
        expand("", &tree, &mut paths);
        for p in paths {
            let (path, name) = match p.split_once('@') {
                Some((path, name)) => (path.to_owned(), name.to_owned()),
                None => {
                    let name = p.rsplit("::").next().unwrap_or_default().to_owned();
                    (p, name)
                }
            };
            out.push(Use { public, path, name });
        }
        rest = &after[(end + 1).min(after.len())..];
    }
    rest_of_code.push_str(rest);
    (out, rest_of_code)
}

/// `a::{b, c::{d, e@f}, self}` → `a::b`, `a::c::d`, `a::c::e@f`, `a`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim_start_matches("::");
    let Some(open) = tree.find('{') else {
        if tree == "self" || tree.starts_with("self@") {
            out.push(prefix.trim_end_matches("::").to_owned() + &tree[4..]);
        } else if !tree.is_empty() {
            out.push(format!("{prefix}{tree}"));
        }
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.len().saturating_sub(1).max(open + 1)];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    expand(&head, &inner[start..], out);
}

/// Paths of two or more segments in `code` whose first segment is `crate`, `super`,
/// `self` or one of `names`.
fn paths_in(code: &str, names: &BTreeSet<String>) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let prev = i.checked_sub(1).and_then(at);
        if !is_ident(at(i)) || is_ident(prev) || prev == Some(':') {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut path = String::new();
        loop {
            while is_ident(at(j)) {
                path.push(chars[j]);
                j += 1;
            }
            if at(j) == Some(':') && at(j + 1) == Some(':') && is_ident(at(j + 2)) {
                path.push_str("::");
                j += 2;
            } else {
                break;
            }
        }
        let first = path.split("::").next().unwrap_or_default();
        if path.contains("::")
            && (matches!(first, "crate" | "super" | "self") || names.contains(first))
        {
            out.push(path);
        }
        i = j.max(i + 1);
    }
    out
}

/// The modules a file declares (`mod x;`).
fn children(code: &str) -> Vec<String> {
    code.lines()
        .map(str::trim)
        .filter_map(|l| {
            let l = ["pub(crate) ", "pub "]
                .iter()
                .find_map(|p| l.strip_prefix(p))
                .unwrap_or(l);
            l.strip_prefix("mod ")?.strip_suffix(';').map(str::to_owned)
        })
        .collect()
}

/// Whether `code` defines an item called `name`.
fn defines(code: &str, name: &str) -> bool {
    [
        "fn", "struct", "enum", "trait", "type", "const", "static", "mod", "union",
    ]
    .iter()
    .any(|kw| {
        let head = format!("{kw} {name}");
        code.match_indices(&head).any(|(i, _)| {
            !is_ident(code[..i].chars().next_back())
                && !is_ident(code[i + head.len()..].chars().next())
        })
    })
}

struct Crate {
    files: Vec<File>,
    by_module: BTreeMap<Vec<String>, usize>,
    uses: Vec<Vec<Use>>,
    /// Each file's code without its `use` statements.
    bodies: Vec<String>,
    /// Per file: name → absolute path of what its `pub use` re-exports under that name.
    reexports: Vec<BTreeMap<String, Vec<String>>>,
    /// Per file: modules it re-exports whole (`pub use m::*`).
    globs: Vec<Vec<Vec<String>>>,
}

impl Crate {
    fn new(files: Vec<File>) -> Crate {
        let by_module = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.module.clone(), i))
            .collect();
        let (uses, bodies) = files.iter().map(|f| uses(&f.code)).unzip();
        let mut krate = Crate {
            reexports: vec![BTreeMap::new(); files.len()],
            globs: vec![Vec::new(); files.len()],
            files,
            by_module,
            uses,
            bodies,
        };
        for i in 0..krate.files.len() {
            for u in krate.uses[i].iter().filter(|u| u.public) {
                let full = krate.absolute(i, &u.path);
                if u.name == "*" {
                    let mut module = full;
                    module.pop();
                    krate.globs[i].push(module);
                } else if !full.is_empty() {
                    krate.reexports[i].insert(u.name.clone(), full);
                }
            }
        }
        krate
    }

    /// A written path as absolute segments; empty for an external crate's.
    fn absolute(&self, file: usize, path: &str) -> Vec<String> {
        let f = &self.files[file];
        let mut segs = path.split("::").peekable();
        let mut out = match segs.peek().copied() {
            Some("crate") => {
                segs.next();
                Vec::new()
            }
            Some("self") => {
                segs.next();
                f.module.clone()
            }
            Some("super") => {
                let mut base = f.module.clone();
                while segs.peek() == Some(&"super") {
                    segs.next();
                    base.pop();
                }
                base
            }
            Some(first) if children(&f.code).iter().any(|c| c == first) => f.module.clone(),
            _ => return Vec::new(),
        };
        out.extend(segs.map(str::to_owned));
        out
    }

    /// The file that defines what `path` names, following `pub use`.
    fn resolve(&self, path: &[String], depth: usize) -> Option<usize> {
        if path.is_empty() {
            return None;
        }
        let n = (0..=path.len())
            .rev()
            .find(|n| self.by_module.contains_key(&path[..*n]))?;
        let file = self.by_module[&path[..n]];
        if depth > 8 || n == path.len() {
            return Some(file);
        }
        let name = &path[n];
        if let Some(target) = self.reexports[file].get(name) {
            let mut full = target.clone();
            full.extend(path[n + 1..].iter().cloned());
            return self.resolve(&full, depth + 1).or(Some(file));
        }
        if !defines(&self.files[file].code, name) {
            for glob in &self.globs[file] {
                let mut full = glob.clone();
                full.extend(path[n..].iter().cloned());
                match self.resolve(&full, depth + 1) {
                    Some(f) if f != file && defines(&self.files[f].code, name) => return Some(f),
                    _ => {}
                }
            }
        }
        Some(file)
    }

    fn edges(&self) -> Edges {
        let mut edges = Edges::new();
        for i in 0..self.files.len() {
            // Names that stand for a module in this file: its children and the modules it
            // imports (`use crate::db::{self, quota as q}` → `db`, `q`).
            let mut modules: BTreeMap<String, Vec<String>> = children(&self.files[i].code)
                .into_iter()
                .map(|c| {
                    let mut full = self.files[i].module.clone();
                    full.push(c.clone());
                    (c, full)
                })
                .collect();
            let mut targets = Vec::new();
            for u in &self.uses[i] {
                let full = self.absolute(i, &u.path);
                if self.by_module.contains_key(&full) && u.name != "*" {
                    modules.insert(u.name.clone(), full);
                } else if u.name == "*" {
                    targets.push(full[..full.len().saturating_sub(1)].to_vec());
                } else {
                    targets.push(full);
                }
            }
            let names: BTreeSet<String> = modules.keys().cloned().collect();
            for p in paths_in(&self.bodies[i], &names) {
                let (first, rest) = p.split_once("::").unwrap_or((&p, ""));
                let full = match modules.get(first) {
                    Some(module) => {
                        let mut full = module.clone();
                        full.extend(rest.split("::").map(str::to_owned));
                        full
                    }
                    None => self.absolute(i, &p),
                };
                targets.push(full);
            }
            let set = edges.entry(self.files[i].name.clone()).or_default();
            for t in targets {
                match self.resolve(&t, 0) {
                    Some(to) if to != i => {
                        set.insert(self.files[to].name.clone());
                    }
                    _ => {}
                }
            }
        }
        edges
    }
}

/// Strongly connected sets of more than one file (Tarjan), each sorted.
pub fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        edges: &'a Edges,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut set = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    set.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if set.len() > 1 {
                    set.sort();
                    self.found.push(set);
                }
            }
        }
    }
    let mut t = Tarjan {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    t.found.sort();
    t.found
}
