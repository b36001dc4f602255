//! `permits demo`: it drives the handlers in-process on its own runtime and always on a
//! fresh SQLite file (it takes no PostgreSQL URL), so these are plain tests.

use permits::config::{Secret, Settings};
use permits::db::quota::regional;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The 2026 permit quota by category, as Order No. 397 of 12.12.2025 published it.
const PUBLISHED_2026: [(&str, i64); 5] = [
    ("1", 726),
    ("2", 3402),
    ("3", 5893),
    ("4", 3131),
    ("seasonal", 4994),
];

/// Invented labour-force figures for all 20 regions, labelled as such in the file.
const FIXTURE: &str = "tests/fixtures/labour-force-invented.csv";

/// A directory of its own for one test's files, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("permits-demo-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn database(&self) -> PathBuf {
        self.0.join("demo.db")
    }

    /// Writes `text` as a labour-force file and returns its path.
    fn csv(&self, text: &str) -> PathBuf {
        let path = self.0.join("labour-force.csv");
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn settings() -> Settings {
    Settings::load().expect("config/default.toml")
}

fn fixture() -> String {
    std::fs::read_to_string(FIXTURE).unwrap()
}

/// The fixture's figures by region, read plainly (not by the code under test).
fn fixture_figures() -> BTreeMap<String, i64> {
    fixture()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && *l != "region,labour_force")
        .map(|l| {
            let (code, n) = l.split_once(',').unwrap();
            (code.to_owned(), n.parse().unwrap())
        })
        .collect()
}

/// Runs the demo with `csv` and expects a refusal that wrote nothing.
fn refused(csv: &str) -> String {
    let dir = Scratch::new();
    let db = dir.database();
    let why = permits::demo::run(settings(), &db, Some(&dir.csv(csv))).unwrap_err();
    assert!(!db.exists(), "a refusal wrote {}", db.display());
    assert!(why.contains("is refused (nothing was written)"), "{why}");
    why
}

#[test]
fn the_demo_runs_on_a_fresh_sqlite_file() {
    let dir = Scratch::new();
    let path = dir.database();
    let result = permits::demo::run(settings(), &path, None);
    let again = permits::demo::run(settings(), &path, None);
    assert_eq!(result, Ok(()));
    assert!(again.unwrap_err().contains("exists"));
}

#[test]
fn with_the_regions_labour_force_the_demo_splits_every_category_among_all_20_regions() {
    let dir = Scratch::new();
    let path = dir.database();
    assert_eq!(
        permits::demo::run(settings(), &path, Some(Path::new(FIXTURE))),
        Ok(())
    );

    let mut db = settings().database;
    db.url = Secret::new(path.to_string_lossy().into_owned());
    let pool = permits::db::pool(&db).unwrap();
    let mut conn = pool.get().unwrap();
    let rows = regional(&mut conn, 2026, None).unwrap();
    let figures = fixture_figures();
    assert_eq!(figures.len(), 20);
    for (category, national) in PUBLISHED_2026 {
        let units: BTreeMap<String, i64> = rows
            .iter()
            .filter(|r| r.category.code() == category)
            .map(|r| (r.region.as_str().to_owned(), r.allocated))
            .collect();
        // Every region got units, and they add up to the national figure exactly.
        assert_eq!(
            units.keys().collect::<Vec<_>>(),
            figures.keys().collect::<Vec<_>>(),
            "category {category}"
        );
        assert!(
            units.values().all(|n| *n > 0),
            "category {category}: {units:?}"
        );
        assert_eq!(units.values().sum::<i64>(), national, "category {category}");
        // A larger labour force never gets fewer units.
        for (a, fa) in &figures {
            for (b, fb) in &figures {
                if fa > fb {
                    assert!(
                        units[a] >= units[b],
                        "category {category}: {a} ({fa}) got {} < {b} ({fb}) {}",
                        units[a],
                        units[b]
                    );
                }
            }
        }
    }
    // The file's source is the allocations' reason.
    let lines =
        permits::db::quota::ledger(&mut conn, 2026, Some("KZ-62"), None, None, 500).unwrap();
    let allocations: Vec<_> = lines.iter().filter(|l| l.allocated_delta > 0).collect();
    assert_eq!(allocations.len(), 5, "one allocation per category");
    for l in allocations {
        assert!(
            l.note
                .contains("labour force: INVENTED TEST FIGURES for the permits test suite"),
            "{}",
            l.note
        );
    }
}

#[test]
fn a_labour_force_file_without_its_source_is_refused() {
    let text = fixture();
    let without = text.lines().skip(1).collect::<Vec<_>>().join("\n");
    let why = refused(&without);
    assert!(
        why.contains("line 1: the first line must name where the figures come from: `# source: <publisher, table, date>`"),
        "{why}"
    );
    let blank = text.replacen(
        "# source: INVENTED TEST FIGURES for the permits test suite - not statistics, not from the Bureau of National Statistics",
        "# source:",
        1,
    );
    assert!(refused(&blank).contains("line 1: the source is blank"));
}

#[test]
fn a_labour_force_file_missing_a_region_is_refused() {
    let why = refused(&fixture().replace("KZ-19,150000\n", ""));
    assert!(
        why.contains("end of file: no row for KZ-19 (Almaty Region); the file must list each of the 20 regions once"),
        "{why}"
    );
}

#[test]
fn a_labour_force_file_naming_a_region_twice_is_refused() {
    let why = refused(&format!("{}KZ-75,1000000\n", fixture()));
    assert!(
        why.contains(
            "line 27: KZ-75 appears again (first on line 13); each region must appear once"
        ),
        "{why}"
    );
}

#[test]
fn a_labour_force_file_with_a_bad_number_or_an_unknown_code_is_refused() {
    let why = refused(
        &fixture()
            .replace("KZ-11,300000", "KZ-11,300 000")
            .replace("KZ-39,200000", "KZ-39,-200000")
            .replace("KZ-71,450000", "KZ-71,4.5e5")
            .replace("KZ-23,700000", "KZ-99,700000"),
    );
    for expected in [
        "line 12: labour_force `4.5e5` is not a number of persons",
        "line 18: labour_force `300 000` is not a number of persons",
        "line 21: `KZ-99` is not a region of the reference data",
        "line 26: labour_force `-200000` is not a number of persons",
        "end of file: no row for KZ-23 (Atyrau Region)",
    ] {
        assert!(why.contains(expected), "{expected} not in {why}");
    }
    let why = refused(&fixture().replace("KZ-55,750000", "KZ-55,750,000"));
    assert!(
        why.contains("line 7: 3 fields where `region,labour_force` has 2"),
        "{why}"
    );
}

#[test]
fn a_labour_force_file_that_leaves_the_demos_cases_without_quota_is_refused_before_writing() {
    let figures = fixture_figures();
    let kz75 = format!("KZ-75,{}", figures["KZ-75"]);
    let why = refused(&fixture().replace(&kz75, "KZ-75,0"));
    assert!(
        why.contains("KZ-75 gets 0 of category 3 where its cases need 1"),
        "{why}"
    );
    let huge = refused(&fixture().replace(&kz75, "KZ-75,4000000000"));
    assert!(huge.contains("where its cases need"), "{huge}");
}
