//! The ministry's numbers as one dated, versioned document (DESIGN principle 1). The law
//! leaves ratios, terms, fees, the MRP, deadlines and lists to secondary acts; the service
//! keeps them here, each section with the act it comes from, and never as constants in code.

use crate::domain::{Category, Money, SectorCode, Violation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use utoipa::ToSchema;

/// The whole rule set in force from one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Permit terms and extensions per worker category (Art. 7(20)).
    pub categories: Vec<CategoryTerms>,
    /// Category-4 duty to replace foreigners with Kazakh citizens (refusal ground).
    pub category_4_replacement: ReplacementDuty,
    /// Intra-corporate transfer terms and ratio (Art. 1(25), 35).
    pub ict: IctRules,
    /// Self-employment certificate terms (Art. 34(1),(3)).
    pub self_employment: SelfEmploymentRules,
    /// Minimum share of Kazakh staff (Art. 33(6), 35(4)).
    pub kazakh_share: KazakhShareRules,
    /// Permit fee tables in MRP (Art. 33(4)).
    pub fees: FeeRules,
    /// Monthly calculation index (MRP) in tenge, by date.
    pub mrp: MrpTable,
    /// Decision, payment and notice deadlines.
    pub deadlines: Deadlines,
    /// When an extension may be applied for.
    pub extension_window: ExtensionWindow,
    /// Business trips outside the permit's ATUs (Art. 33(3)).
    pub business_trips: BusinessTripRules,
    /// Labour-market test before an application.
    pub labour_market_test: LabourMarketTest,
    /// Yearly quota-demand cycle (Art. 32(5)).
    pub quota_demand: QuotaDemandCycle,
    /// Priority sectors, in-demand and seasonal professions (Art. 7(21), 7(21-1)).
    pub lists: ProfessionLists,
    /// Public holidays and transferred days off, for working-day deadlines.
    pub holidays: HolidayCalendar,
}

/// Unit of a permit term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    Months,
    Days,
}

/// The terms one may choose from, e.g. 12 months, or 90/180/270/365 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermChoice {
    /// Unit of the lengths in `values`.
    pub unit: TermUnit,
    /// Allowed lengths in `unit`, ascending.
    #[schema(example = json!([12]))]
    pub values: Vec<u32>,
}

/// Terms of the permit for one worker category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryTerms {
    /// Worker category these terms apply to; every category once.
    pub category: Category,
    /// Terms a first permit may be issued for.
    pub initial: TermChoice,
    /// Terms one extension may add; absent when the category cannot be extended.
    pub extension: Option<TermChoice>,
    /// How many extensions are allowed: 0 when `extension` is absent, `null` for no limit.
    pub max_extensions: Option<u32>,
    /// The act these numbers come from.
    pub source: String,
}

/// Category-4 permits oblige the employer to replace the foreigners with Kazakh citizens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplacementDuty {
    /// Shortest replacement period agreed at issue, months.
    pub min_months: u32,
    /// Longest replacement period agreed at issue, months.
    pub max_months: u32,
    /// The order or decree these numbers come from.
    pub source: String,
}

/// Intra-corporate transfer rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctRules {
    /// Longest ICT permit term, months (Art. 1(25), 35(1)).
    pub max_term_months: u32,
    /// Length of the one extension, months.
    pub extension_months: u32,
    /// Number of extensions allowed.
    pub max_extensions: u32,
    /// ICT foreigners as a percentage of Kazakh staff in the same category, at most (Art. 35(4)).
    #[schema(value_type = String, example = "50")]
    #[serde(with = "rust_decimal::serde::str")]
    pub max_percent_of_kazakh_staff: rust_decimal::Decimal,
    /// Calendar days after entry within which the employer reports the arrival (Art. 35(3)).
    pub arrival_notice_days: u32,
    /// The law article or order these numbers come from.
    pub source: String,
}

/// Self-employment certificate rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfEmploymentRules {
    /// Longest first certificate, months (Art. 34(1)).
    pub initial_max_months: u32,
    /// Longest extension, months (Art. 34(1),(3)).
    pub extension_max_months: u32,
    /// Months after issue within which the extension is applied for (Art. 34(3)).
    pub extension_apply_within_months: u32,
    /// The law article or order these numbers come from.
    pub source: String,
}

/// Minimum Kazakh share of staff for one worker category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareRatio {
    /// Worker category the ratio applies to.
    pub category: Category,
    /// Kazakh citizens as a percentage of staff, at least.
    #[schema(value_type = String, example = "70")]
    #[serde(with = "rust_decimal::serde::str")]
    pub min_kazakh_percent: rust_decimal::Decimal,
}

/// Kazakh-share ratio rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KazakhShareRules {
    /// Minimum Kazakh share per worker category (Art. 33(6)).
    pub ratios: Vec<ShareRatio>,
    /// Branches and representative offices of foreign legal entities with at most this many
    /// employees are exempt.
    pub exemption_max_employees: u32,
    /// Citizens of Eurasian Economic Union states count as foreigners for the ratio.
    pub eaeu_citizens_count_as_foreign: bool,
    /// Posted workers under a staffing-services contract count (Art. 33(6)).
    pub posted_workers_count: bool,
    /// The order or decree these numbers come from.
    pub source: String,
}

/// Fee multiple for one category, in MRP per foreign worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryFee {
    /// Worker category the fee is for.
    pub category: Category,
    /// Fee per foreign worker, in MRP (Art. 33(4)).
    pub mrp: u32,
}

/// A group of OKED sections that pays the same fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SectorFeeGroup {
    /// Number of the fee group.
    pub group: u32,
    /// OKED sections in this group.
    #[schema(value_type = Vec<String>, example = json!(["B", "G"]))]
    pub sectors: Vec<SectorCode>,
    /// Fee per worker category for employers in these sections; categories 1-4 each once.
    pub fees: Vec<CategoryFee>,
}

/// Seasonal permits pay by duration: up to `max_days` days costs `mrp` MRP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeasonalFee {
    /// Longest permit term this fee covers, in days.
    pub max_days: u32,
    /// Fee per seasonal foreign worker, in MRP (Art. 33(4)).
    pub mrp: u32,
}

/// Permit fee tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeRules {
    /// Fees by the employer's OKED sector group; each section in one group at most (Art. 33(4)).
    pub sector_groups: Vec<SectorFeeGroup>,
    /// Seasonal permit fees by term, ascending by `max_days` (Art. 33(4)).
    pub seasonal: Vec<SeasonalFee>,
    /// ICT permits pay no fee (Art. 33(4)).
    pub ict_exempt: bool,
    /// The decree these rates come from (Art. 33(4)).
    pub source: String,
}

/// One MRP value and the date it applies from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MrpValue {
    /// First day the value applies; it applies until the next value's date.
    pub from: NaiveDate,
    /// One MRP, in tenge.
    pub tenge: Money,
}

/// The MRP by date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MrpTable {
    /// MRP values in ascending date order.
    pub values: Vec<MrpValue>,
    /// The laws these values come from (the yearly republican budget laws).
    pub source: String,
}

/// Deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// Working days to decide on a first permit.
    pub issue_decision_working_days: u32,
    /// Working days to decide on an extension.
    pub extension_decision_working_days: u32,
    /// Working days after the notice of a positive decision to pay the fee; unpaid, it lapses.
    pub fee_payment_working_days: u32,
    /// The order or decree these deadlines come from.
    pub source: String,
}

/// Extensions are applied for between `earliest` and `latest` calendar days before expiry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtensionWindow {
    /// An extension may be applied for at most this many calendar days before the permit expires.
    pub earliest_days_before_expiry: u32,
    /// An extension must be applied for at least this many calendar days before the permit expires.
    pub latest_days_before_expiry: u32,
    /// The order or decree these numbers come from.
    pub source: String,
}

/// Business trips of permitted workers to other ATUs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessTripRules {
    /// Calendar days per calendar year, at most (Art. 33(3)).
    pub max_days_per_calendar_year: u32,
    /// The act these numbers come from (Art. 33(3)).
    pub source: String,
}

/// The vacancy must be published on the Electronic Labour Exchange before applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LabourMarketTest {
    /// Applications from this date on need the test.
    pub applies_from: NaiveDate,
    /// Calendar days the vacancy is published before the application, at least.
    pub min_days_published: u32,
    /// The order or decree the test comes from.
    pub source: String,
}

/// The yearly quota-demand cycle: employers file next year's need between `filing_opens`
/// and `filing_closes` (month-day, in the year before the quota year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaDemandCycle {
    /// First month-day (of the year before the quota year) to file demand (Art. 32(5)).
    pub filing_opens: MonthDay,
    /// Last month-day (of the year before the quota year) to file demand (Art. 32(5)).
    pub filing_closes: MonthDay,
    /// Akimats send the regional proposals to the ministry by this month-day.
    pub regional_proposals_due: MonthDay,
    /// The order or decree these dates come from.
    pub source: String,
}

/// Lists the ministry keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfessionLists {
    /// Priority sectors for self-employment (Art. 7(21)).
    #[schema(value_type = Vec<String>)]
    pub priority_sectors: Vec<SectorCode>,
    /// In-demand professions for self-employment (Art. 7(21)).
    pub in_demand_professions: Vec<String>,
    /// Professions open to seasonal foreign workers (Art. 7(21-1)).
    pub seasonal_professions: Vec<String>,
    /// The order or decree these lists come from.
    pub source: String,
}

/// Days off besides Saturdays and Sundays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayCalendar {
    /// Public holidays and transferred days off, not counted as working days.
    pub days_off: Vec<NaiveDate>,
    /// The law and decrees that set these days off.
    pub source: String,
}

/// A day of the year, `MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    month: u32,
    day: u32,
}

impl MonthDay {
    /// This month-day in `year`; 29 February falls back to 28 in common years.
    pub fn in_year(self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .unwrap_or(NaiveDate::MIN)
    }
}

impl utoipa::PartialSchema for MonthDay {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::domain::string_schema(
            "A day of the year, MM-DD.",
            "^[01][0-9]-[0-3][0-9]$",
            "09-30",
        )
    }
}
impl utoipa::ToSchema for MonthDay {}

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a month-day MM-DD");
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        let (month, day) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        if m.len() != 2 || d.len() != 2 || NaiveDate::from_ymd_opt(2024, month, day).is_none() {
            return Err(bad());
        }
        Ok(MonthDay { month, day })
    }
}

impl From<MonthDay> for String {
    fn from(md: MonthDay) -> String {
        format!("{:02}-{:02}", md.month, md.day)
    }
}

/// A problem found in a rule set: the JSON path of the field and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetProblem {
    pub field: String,
    pub message: String,
}

fn problem(field: impl Into<String>, message: impl Into<String>) -> RuleSetProblem {
    RuleSetProblem {
        field: field.into(),
        message: message.into(),
    }
}

fn check_terms(field: &str, t: &TermChoice, out: &mut Vec<RuleSetProblem>) {
    if t.values.is_empty() || t.values.contains(&0) || !t.values.is_sorted() {
        out.push(problem(
            format!("{field}.values"),
            "must list positive terms in ascending order",
        ));
    }
}

fn check_percent(field: String, p: rust_decimal::Decimal, out: &mut Vec<RuleSetProblem>) {
    if p < rust_decimal::Decimal::ZERO || p > rust_decimal::Decimal::ONE_HUNDRED {
        out.push(problem(field, "must be between 0 and 100"));
    }
}

impl RuleSet {
    /// Everything wrong with this rule set, empty when it can be put in force.
    pub fn problems(&self) -> Vec<RuleSetProblem> {
        let mut out = Vec::new();
        for c in Category::ALL {
            let n = self.categories.iter().filter(|t| t.category == c).count();
            if n != 1 {
                out.push(problem(
                    "rules.categories",
                    format!("category {c} must appear exactly once, found {n}"),
                ));
            }
        }
        for (i, t) in self.categories.iter().enumerate() {
            check_terms(
                &format!("rules.categories[{i}].initial"),
                &t.initial,
                &mut out,
            );
            match &t.extension {
                Some(e) => check_terms(&format!("rules.categories[{i}].extension"), e, &mut out),
                None if t.max_extensions != Some(0) => out.push(problem(
                    format!("rules.categories[{i}].max_extensions"),
                    "must be 0 when the category has no extension terms",
                )),
                None => {}
            }
        }
        let r = &self.category_4_replacement;
        if r.min_months == 0 || r.min_months > r.max_months {
            out.push(problem(
                "rules.category_4_replacement",
                "min_months must be positive and not above max_months",
            ));
        }
        if self.ict.max_term_months == 0 {
            out.push(problem("rules.ict.max_term_months", "must be positive"));
        }
        check_percent(
            "rules.ict.max_percent_of_kazakh_staff".into(),
            self.ict.max_percent_of_kazakh_staff,
            &mut out,
        );
        for (i, ratio) in self.kazakh_share.ratios.iter().enumerate() {
            check_percent(
                format!("rules.kazakh_share.ratios[{i}].min_kazakh_percent"),
                ratio.min_kazakh_percent,
                &mut out,
            );
        }
        let mut seen = BTreeSet::new();
        for (i, g) in self.fees.sector_groups.iter().enumerate() {
            for s in &g.sectors {
                if !seen.insert(s.clone()) {
                    out.push(problem(
                        format!("rules.fees.sector_groups[{i}].sectors"),
                        format!("sector {s} is in more than one fee group"),
                    ));
                }
            }
            for c in [
                Category::Heads,
                Category::DivisionHeads,
                Category::Specialists,
                Category::QualifiedWorkers,
            ] {
                if !g.fees.iter().any(|f| f.category == c) {
                    out.push(problem(
                        format!("rules.fees.sector_groups[{i}].fees"),
                        format!("has no fee for category {c}"),
                    ));
                }
            }
        }
        if self.fees.seasonal.is_empty() || !self.fees.seasonal.is_sorted_by_key(|s| s.max_days) {
            out.push(problem(
                "rules.fees.seasonal",
                "must list durations in ascending order",
            ));
        }
        if self.mrp.values.is_empty() || !self.mrp.values.is_sorted_by_key(|v| v.from) {
            out.push(problem(
                "rules.mrp.values",
                "must list MRP values in ascending date order",
            ));
        }
        let w = &self.extension_window;
        if w.earliest_days_before_expiry <= w.latest_days_before_expiry {
            out.push(problem(
                "rules.extension_window",
                "earliest_days_before_expiry must be above latest_days_before_expiry",
            ));
        }
        let q = &self.quota_demand;
        if q.filing_opens > q.filing_closes {
            out.push(problem(
                "rules.quota_demand",
                "filing_opens must not be after filing_closes",
            ));
        }
        out
    }

    /// The MRP in force on `date` (the fee is counted at the MRP of the payment date,
    /// Art. 33(4) with the tax law), or `None` before the table starts.
    pub fn mrp_on(&self, date: NaiveDate) -> Option<Money> {
        self.mrp
            .values
            .iter()
            .rev()
            .find(|v| v.from <= date)
            .map(|v| v.tenge)
    }

    /// Art. 32(5): employers file their demand for `quota_year` within the filing window
    /// of the year before; outside it the demand is refused, saying when the window is.
    pub fn check_demand_filing(&self, quota_year: i32, today: NaiveDate) -> Option<Violation> {
        let q = &self.quota_demand;
        let opens = q.filing_opens.in_year(quota_year - 1);
        let closes = q.filing_closes.in_year(quota_year - 1);
        (today < opens || closes < today).then(|| {
            Violation::new("demand-filing-closed", "Art. 32(5), 6(2)")
                .arg("year", quota_year)
                .text("opens", opens)
                .text("closes", closes)
                .text("today", today)
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The seeded rule set, as shipped in `config/seed/rule-set.json`.
    pub(crate) fn seeded() -> RuleSet {
        let text = include_str!("../../config/seed/rule-set.json");
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        serde_json::from_value(v["rules"].clone()).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_seeded_rule_set_has_no_problems() {
        assert_eq!(seeded().problems(), vec![]);
    }

    #[test]
    fn mrp_is_taken_from_the_value_in_force_on_the_date() {
        let rules = seeded();
        assert_eq!(
            rules.mrp_on(date("2020-03-31")).unwrap().to_string(),
            "2651.00"
        );
        assert_eq!(
            rules.mrp_on(date("2020-04-01")).unwrap().to_string(),
            "2778.00"
        );
        assert_eq!(
            rules.mrp_on(date("2026-06-01")).unwrap().to_string(),
            "4325.00"
        );
        assert_eq!(rules.mrp_on(date("1990-01-01")), None);
    }

    #[test]
    fn a_category_missing_from_the_terms_is_a_problem() {
        let mut rules = seeded();
        rules
            .categories
            .retain(|c| c.category != Category::Seasonal);
        assert!(rules
            .problems()
            .iter()
            .any(|p| p.message.contains("category seasonal")));
    }

    #[test]
    fn percentages_above_one_hundred_are_a_problem() {
        let mut rules = seeded();
        rules.kazakh_share.ratios[0].min_kazakh_percent = rust_decimal::Decimal::from(101);
        assert_eq!(
            rules.problems()[0].field,
            "rules.kazakh_share.ratios[0].min_kazakh_percent"
        );
    }

    #[test]
    fn a_sector_in_two_fee_groups_is_a_problem() {
        let mut rules = seeded();
        let s = rules.fees.sector_groups[0].sectors[0].clone();
        rules.fees.sector_groups[1].sectors.push(s);
        assert!(rules.problems()[0]
            .message
            .contains("more than one fee group"));
    }

    #[test]
    fn art_32_5_demand_is_filed_in_the_window_of_the_year_before() {
        let rules = seeded();
        assert_eq!(rules.check_demand_filing(2027, date("2026-08-01")), None);
        assert_eq!(rules.check_demand_filing(2027, date("2026-09-30")), None);
        let late = rules.check_demand_filing(2027, date("2026-10-01")).unwrap();
        assert_eq!(late.code, "demand-filing-closed");
        assert_eq!(late.article.as_deref(), Some("Art. 32(5), 6(2)"));
        assert!(rules
            .check_demand_filing(2026, date("2026-08-15"))
            .is_some());
    }

    #[test]
    fn month_days_parse_strictly() {
        assert!(MonthDay::try_from("02-29".to_owned()).is_ok());
        assert!(MonthDay::try_from("2-9".to_owned()).is_err());
        assert!(MonthDay::try_from("13-01".to_owned()).is_err());
        let feb29 = MonthDay::try_from("02-29".to_owned()).unwrap();
        assert_eq!(feb29.in_year(2026), date("2026-02-28"));
    }
}
