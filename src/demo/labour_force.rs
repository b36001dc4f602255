//! `permits demo --labour-force FILE`: the regions' labour force an operator supplies (the
//! Bureau of National Statistics' table; the project ships none), and the quota's split
//! among the regions by it.
//!
//! The file is UTF-8 CSV. Its first line names where the figures come from; then comes the
//! header, then one row per region of the reference data, each exactly once, in any order:
//!
//! ```text
//! # source: Bureau of National Statistics, <table>, <period>, <address>, retrieved <date>
//! region,labour_force
//! KZ-10,<persons>
//! ...
//! ```
//!
//! `region` is the ISO 3166-2:KZ code, `labour_force` a number of persons in digits only.
//! The rest is CSV as RFC 4180 defines it (read by the `csv` crate): a field may stand in
//! double quotes, as spreadsheets export it; other lines starting with `#`, and blank lines,
//! are ignored. The source is one line for the whole table (not a column repeated, and
//! possibly differing, on every row): it goes into the reason of every regional allocation.

use crate::db::reference::Region;
use crate::domain::calculation::largest_remainder;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

/// The longest source the file may name: it goes into each allocation's reason, which
/// holds at most 1,000 characters with the demo's own words.
const SOURCE_MAX_CHARS: usize = 500;

/// One region's row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionFigure {
    /// ISO 3166-2:KZ code.
    pub code: String,
    /// Name in English, from the reference data.
    pub name: String,
    /// Persons.
    pub labour_force: i64,
}

/// The regions' labour force as an operator's file states it, checked against the
/// reference data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabourForce {
    /// Where the figures come from, as the file's first line names it.
    pub source: String,
    /// Every region of the reference data, in the order of their codes.
    pub regions: Vec<RegionFigure>,
}

impl LabourForce {
    /// Reads `path` and checks it against the regions of the reference data (`known`).
    /// A refusal lists every problem found, each with its line.
    pub fn read(path: &Path, known: &[Region]) -> Result<LabourForce, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        LabourForce::parse(&text, known).map_err(|problems| {
            let mut message = format!("{} is refused (nothing was written):", path.display());
            for p in problems {
                message.push_str("\n  ");
                message.push_str(&p);
            }
            message
        })
    }

    /// Parses the text of a file; on refusal, every problem found, each starting with the
    /// line it is on (`line 7: …`) or `end of file: …`.
    pub fn parse(text: &str, known: &[Region]) -> Result<LabourForce, Vec<String>> {
        let mut known: Vec<&Region> = known.iter().collect();
        known.sort_by(|a, b| a.code.cmp(&b.code));
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut problems = Vec::new();
        let source = source_of(text.lines().next().unwrap_or_default());
        if let Err(p) = &source {
            problems.push(format!("line 1: {p}"));
        }
        // The source line is a comment to the reader, as is any later line starting with `#`.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .trim(csv::Trim::All)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut header_seen = false;
        // Each known region on its first line, with its number when that is one.
        let mut found: BTreeMap<String, (usize, Option<i64>)> = BTreeMap::new();
        while reader
            .read_record(&mut record)
            .map_err(|e| vec![e.to_string()])?
        {
            // The line where the reader stopped: a record's `position()` is where it began
            // looking, before skipped lines and a line early after CRLF (rust-csv #208, #395).
            let line = text
                .get(..reader.position().byte() as usize)
                .map_or(0, |read| read.lines().count());
            let fields: Vec<&str> = record.iter().collect();
            if fields == [""] {
                continue; // a line of blanks
            }
            if !header_seen {
                header_seen = true;
                if fields != ["region", "labour_force"] {
                    problems.push(format!(
                        "line {line}: the header must be `region,labour_force`, not `{}`",
                        fields.join(",")
                    ));
                    return Err(problems);
                }
                continue;
            }
            let code = fields.first().copied().unwrap_or_default();
            let labour_force = match fields.as_slice() {
                [_, number] => {
                    let n = persons(number);
                    if n.is_none() {
                        problems.push(format!(
                            "line {line}: labour_force `{number}` is not a number of persons (digits only, no sign, separators or decimals)"
                        ));
                    }
                    n
                }
                _ => {
                    problems.push(format!(
                        "line {line}: {} fields where `region,labour_force` has 2 (write numbers without separators)",
                        fields.len()
                    ));
                    None
                }
            };
            if !known.iter().any(|r| r.code == code) {
                problems.push(format!(
                    "line {line}: `{code}` is not a region of the reference data (an ISO 3166-2:KZ code such as KZ-75)"
                ));
            } else if let Some((first, _)) = found.get(code) {
                problems.push(format!(
                    "line {line}: {code} appears again (first on line {first}); each region must appear once"
                ));
            } else {
                found.insert(code.to_owned(), (line, labour_force));
            }
        }
        if !header_seen {
            problems.push(format!(
                "line {}: no header `region,labour_force` and no rows",
                text.lines().count() + 1
            ));
            return Err(problems);
        }
        let missing: Vec<String> = known
            .iter()
            .filter(|r| !found.contains_key(&r.code))
            .map(|r| format!("{} ({})", r.code, r.name_en))
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "end of file: no row for {}; the file must list each of the {} regions once",
                missing.join(", "),
                known.len()
            ));
        }
        let total = found
            .values()
            .try_fold(0_i64, |sum, (_, n)| sum.checked_add(n.unwrap_or_default()));
        match total {
            None => problems.push(
                "end of file: the labour force adds up beyond what a 64-bit integer holds"
                    .to_owned(),
            ),
            Some(0) if problems.is_empty() => problems.push(
                "end of file: the labour force adds up to 0, so there are no shares to split by"
                    .to_owned(),
            ),
            Some(_) => {}
        }
        match source {
            Ok(source) if problems.is_empty() => Ok(LabourForce {
                source,
                regions: known
                    .iter()
                    .filter_map(|r| {
                        found.get(&r.code).and_then(|(_, n)| {
                            n.map(|labour_force| RegionFigure {
                                code: r.code.clone(),
                                name: r.name_en.clone(),
                                labour_force,
                            })
                        })
                    })
                    .collect(),
            }),
            _ => Err(problems),
        }
    }

    /// The labour force of all the regions together.
    pub fn total(&self) -> i64 {
        self.regions.iter().map(|r| r.labour_force).sum()
    }

    /// A region's share of the total labour force, in per cent to two decimals.
    pub fn percent(&self, region: &RegionFigure) -> Decimal {
        let total = self.total();
        if total == 0 {
            return Decimal::ZERO;
        }
        let mut p = (Decimal::from(region.labour_force) * Decimal::ONE_HUNDRED
            / Decimal::from(total))
        .round_dp(2);
        p.rescale(2);
        p
    }

    /// Splits each of `numbers` (a category's national figure) among the regions in
    /// proportion to their labour force by the largest remainder — the quota calculator's
    /// split ([`largest_remainder`], Art. 32(4)–(5)) — so each category's parts add up to
    /// its figure exactly. Per region, in [`LabourForce::regions`]' order (by code, so a
    /// tie goes the same way however the file is sorted): its units per category.
    pub fn split(&self, numbers: &[i64]) -> Vec<Vec<i64>> {
        let weights: Vec<i64> = self.regions.iter().map(|r| r.labour_force).collect();
        let per_category: Vec<Vec<i64>> = numbers
            .iter()
            .map(|n| {
                largest_remainder(*n, &weights)
                    .into_iter()
                    .map(|s| s.number)
                    .collect()
            })
            .collect();
        (0..self.regions.len())
            .map(|i| {
                per_category
                    .iter()
                    .map(|c| c.get(i).copied().unwrap_or_default())
                    .collect()
            })
            .collect()
    }
}

/// The figures' source from the file's first line, `# source: <text>`.
fn source_of(first_line: &str) -> Result<String, String> {
    const EXPECTED: &str =
        "the first line must name where the figures come from: `# source: <publisher, table, date>`";
    let rest = first_line
        .trim()
        .strip_prefix('#')
        .map(str::trim_start)
        .ok_or(EXPECTED)?;
    let text = rest
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("source:"))
        .and_then(|_| rest.get(7..))
        .map(str::trim)
        .ok_or(EXPECTED)?;
    if text.is_empty() {
        return Err("the source is blank: name where the figures come from".to_owned());
    }
    if text.chars().count() > SOURCE_MAX_CHARS {
        return Err(format!(
            "the source is longer than {SOURCE_MAX_CHARS} characters"
        ));
    }
    Ok(text.to_owned())
}

/// A number of persons: digits only.
fn persons(field: &str) -> Option<i64> {
    if field.is_empty() || !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<Region> {
        ["KZ-75", "KZ-10", "KZ-11"]
            .into_iter()
            .map(|code| Region {
                code: code.to_owned(),
                kato_prefix: code[3..].to_owned(),
                name_kk: String::new(),
                name_ru: String::new(),
                name_en: format!("Region {code}"),
            })
            .collect()
    }

    const GOOD: &str = "# source: invented test figures\nregion,labour_force\n# a comment\nKZ-75,300\n\nKZ-10,100\nKZ-11,200\n";

    #[test]
    fn a_good_file_gives_every_region_in_code_order_with_its_source() {
        let lf = LabourForce::parse(GOOD, &known()).unwrap();
        assert_eq!(lf.source, "invented test figures");
        let codes: Vec<(&str, i64)> = lf
            .regions
            .iter()
            .map(|r| (r.code.as_str(), r.labour_force))
            .collect();
        assert_eq!(codes, vec![("KZ-10", 100), ("KZ-11", 200), ("KZ-75", 300)]);
        assert_eq!(lf.percent(&lf.regions[2]).to_string(), "50.00");
        assert_eq!(lf.percent(&lf.regions[0]).to_string(), "16.67");
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_ends_are_read() {
        let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
        assert_eq!(
            LabourForce::parse(&text, &known()).unwrap(),
            LabourForce::parse(GOOD, &known()).unwrap()
        );
    }

    #[test]
    fn fields_are_read_as_csv_and_lines_counted_past_blank_and_comment_lines() {
        let text = "# source: x\r\n\r\nregion,labour_force\r\n# c\r\n\"KZ-10\",\"1,200\"\r\n  \r\nKZ-11,1,2";
        assert_eq!(
            LabourForce::parse(text, &known()).unwrap_err(),
            vec![
                "line 5: labour_force `1,200` is not a number of persons (digits only, no sign, separators or decimals)",
                "line 7: 3 fields where `region,labour_force` has 2 (write numbers without separators)",
                "end of file: no row for KZ-75 (Region KZ-75); the file must list each of the 3 regions once",
            ]
        );
    }

    #[test]
    fn the_split_adds_up_per_category_and_follows_the_labour_force() {
        let lf = LabourForce::parse(GOOD, &known()).unwrap();
        // 7 by 1 : 2 : 3 = 1.17 / 2.33 / 3.5: floors 1 + 2 + 3 = 6, the one left to .5.
        assert_eq!(
            lf.split(&[7, 0, 600]),
            vec![vec![1, 0, 100], vec![2, 0, 200], vec![4, 0, 300]]
        );
    }

    #[test]
    fn problems_are_reported_with_their_lines() {
        let p = |text: &str| LabourForce::parse(text, &known()).unwrap_err();
        assert_eq!(
            p("region,labour_force\nKZ-10,1\nKZ-11,1\nKZ-75,1\n"),
            vec!["line 1: the first line must name where the figures come from: `# source: <publisher, table, date>`"]
        );
        assert_eq!(
            p("# source:  \nregion,labour_force\nKZ-10,1\nKZ-11,1\nKZ-75,1\n"),
            vec!["line 1: the source is blank: name where the figures come from"]
        );
        assert_eq!(
            p("# source: x\nregion;labour_force\n"),
            vec!["line 2: the header must be `region,labour_force`, not `region;labour_force`"]
        );
        assert_eq!(
            p("# source: x\nregion,labour_force\nKZ-10,1\nKZ-11,-4\nKZ-75,1 200\nKZ-99,5\nKZ-10,2\n"),
            vec![
                "line 4: labour_force `-4` is not a number of persons (digits only, no sign, separators or decimals)",
                "line 5: labour_force `1 200` is not a number of persons (digits only, no sign, separators or decimals)",
                "line 6: `KZ-99` is not a region of the reference data (an ISO 3166-2:KZ code such as KZ-75)",
                "line 7: KZ-10 appears again (first on line 3); each region must appear once",
            ]
        );
        assert_eq!(
            p("# source: x\nregion,labour_force\nKZ-10,1\nKZ-11,1\nKZ-75,1,200\n"),
            vec![
                "line 5: 3 fields where `region,labour_force` has 2 (write numbers without separators)"
            ]
        );
        assert_eq!(
            p("# source: x\nregion,labour_force\nKZ-10,1\n"),
            vec!["end of file: no row for KZ-11 (Region KZ-11), KZ-75 (Region KZ-75); the file must list each of the 3 regions once"]
        );
        assert_eq!(
            p("# source: x\nregion,labour_force\nKZ-10,0\nKZ-11,0\nKZ-75,0\n"),
            vec!["end of file: the labour force adds up to 0, so there are no shares to split by"]
        );
    }
}
