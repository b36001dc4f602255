//! The ministry's numbers as one dated, versioned document (DESIGN principle 1). The law
//! leaves ratios, terms, fees, the MRP, deadlines and lists to secondary acts; the service
//! keeps them here, each section with the act it comes from, and never as constants in code.

use crate::domain::article::*;
use crate::domain::complaint::{ActKind, DecidingBody};
use crate::domain::ProblemCode;
use crate::domain::{statute, Category, Message, Money, Reason, SectorCode, Violation};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The whole rule set in force from one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Grounds on which a permit is refused or revoked, and the bar that follows a
    /// revocation for unlawful engagement (Art. 33(2), 9(5)).
    pub permit_grounds: PermitGrounds,
    /// The minimum age of a foreign worker on the first day of the permit (Labour Code
    /// Art. 31); a rule set that does not state it has the Code's.
    #[serde(default)]
    pub working_age: WorkingAgeRule,
    /// The Government's list of persons who need no permit (Art. 32(2)(11)); a rule set
    /// published before this section existed lists none.
    #[serde(default)]
    pub no_permit_list: NoPermitList,
    /// The terms of a pre-trial complaint against the service's acts and the body that
    /// decides it (APPK Art. 91-92, 99-100); a rule set that does not state them has the
    /// Code's.
    #[serde(default)]
    pub complaints: ComplaintRules,
    /// Grounds on which an akimat refuses a self-employment certificate (Art. 34) or an
    /// intra-corporate transfer permit and its extension (Art. 35); a rule set published
    /// before this section existed lists none.
    #[serde(default)]
    pub case_grounds: CaseGrounds,
    /// The rule set's English texts — the act each section comes from, the names of the
    /// professions on its lists, the notes of its holiday years — in Kazakh and Russian,
    /// keyed by the English text, for the pages that show them in the reader's language.
    /// A rule set that gives any gives every one ([`RuleSet::problems`]; it may also give
    /// its version's source); one published before this section existed gives none, and
    /// its texts read in English, marked so.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub words: std::collections::BTreeMap<String, TextWords>,
}

/// One English text of the rule set as Kazakh and Russian write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextWords {
    /// The text in Kazakh.
    pub kk: String,
    /// The text in Russian.
    pub ru: String,
}

impl RuleSet {
    /// The English texts the ministry wrote into the rule set: every `source`, the names
    /// of the in-demand professions and the seasonal professions.
    pub fn english_texts(&self) -> BTreeSet<String> {
        fn walk(v: &serde_json::Value, key: &str, out: &mut BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m.iter().filter(|(k, _)| k.as_str() != "words") {
                        walk(x, k, out);
                    }
                }
                serde_json::Value::Array(items) => {
                    for x in items {
                        walk(x, key, out);
                    }
                }
                serde_json::Value::String(s)
                    if matches!(key, "source" | "name" | "seasonal_professions") =>
                {
                    out.insert(s.clone());
                }
                _ => {}
            }
        }
        let mut out = BTreeSet::new();
        // A rule set always serializes (string keys, no floating-point numbers); the walk
        // reads every section, present and future, without naming each.
        walk(
            &serde_json::to_value(self).unwrap_or(serde_json::Value::Null),
            "",
            &mut out,
        );
        out
    }
}

/// Words given for some texts are given for every one, in both languages.
fn check_words(rules: &RuleSet, out: &mut Vec<RuleSetProblem>) {
    if rules.words.is_empty() {
        return;
    }
    for (en, w) in &rules.words {
        for (lang, text) in [("kk", &w.kk), ("ru", &w.ru)] {
            let field = format!("rules.words[{en:?}].{lang}");
            if text.trim().is_empty() {
                out.push(problem(field, Reason::Blank));
            } else if text.chars().count() > 4000 {
                out.push(problem(field, Reason::CharsAtMost { max: 4000 }));
            }
        }
    }
    for text in rules.english_texts() {
        if !rules.words.contains_key(&text) {
            out.push(problem(format!("rules.words[{text:?}]"), Reason::Required));
        }
    }
}

/// Pre-trial complaints (APPK No. 350-VI, Art. 91(3)-(4), 92(1), 99): dated data, so
/// that a special law's shorter terms (the Law on State Services) or another deciding
/// body are published like any other rule, within the Code's limits
/// ([`RuleSet::statutory_violations`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintRules {
    /// Calendar months from the day the employer learnt of the act within which a
    /// complaint is on time; later it is accepted and marked late (APPK Art. 92(1), (3)).
    pub filing_months: u32,
    /// Working days after filing within which the akimat whose act is contested may
    /// satisfy the complaint itself; by then it passes it on (APPK Art. 91(4)).
    pub reconsideration_working_days: u32,
    /// Working days from the day the body considering the complaint received it within
    /// which it decides (APPK Art. 99).
    pub decision_working_days: u32,
    /// The body considering complaints against each kind of act (APPK Art. 91(3)); a kind
    /// not listed goes to the ministry's authorised unit.
    pub deciding_bodies: Vec<DecidingBodyRule>,
    /// The acts these terms come from.
    pub source: String,
}

/// The body considering complaints against one kind of act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecidingBodyRule {
    /// The kind of act.
    pub act: ActKind,
    /// The body that decides complaints against it.
    pub body: DecidingBody,
}

impl Default for ComplaintRules {
    fn default() -> Self {
        ComplaintRules {
            filing_months: statute::APPK_FILING_MONTHS,
            reconsideration_working_days: statute::APPK_RECONSIDERATION_WORKING_DAYS,
            decision_working_days: statute::APPK_DECISION_WORKING_DAYS,
            deciding_bodies: Vec::new(),
            source: statute::APPK_SOURCE.to_owned(),
        }
    }
}

impl ComplaintRules {
    /// APPK Art. 91(3): the body considering complaints against `act`: the one the rule set
    /// names, by default the ministry's authorised unit.
    pub fn deciding_body(&self, act: ActKind) -> DecidingBody {
        self.deciding_bodies
            .iter()
            .find(|r| r.act == act)
            .map_or(DecidingBody::Ministry, |r| r.body)
    }
}

/// The age from which a labour contract may be concluded (Labour Code of the Republic of
/// Kazakhstan, Art. 31), which a foreign worker must have reached on the first day of the
/// permit; never below the Code's [`statute::MIN_WORKING_AGE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingAgeRule {
    /// Whole years of age on the permit's first day, at least.
    pub minimum_age: u32,
    /// The act the age comes from.
    pub source: String,
}

impl Default for WorkingAgeRule {
    fn default() -> Self {
        WorkingAgeRule {
            minimum_age: statute::MIN_WORKING_AGE,
            source: statute::WORKING_AGE_SOURCE.to_owned(),
        }
    }
}

/// One category of the Government's list of persons who need no permit (Art. 32(2)(11)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedCategory {
    /// Stable code, e.g. `kandas`; each code once.
    pub code: String,
    /// The category in Kazakh, the state language.
    pub name_kk: String,
    /// The category in Russian.
    pub name_ru: String,
    /// The category in English.
    pub name_en: String,
}

impl ListedCategory {
    /// The category's name in every language.
    pub fn words(&self) -> crate::domain::violation::Words {
        crate::domain::violation::Words {
            kk: self.name_kk.clone(),
            ru: self.name_ru.clone(),
            en: self.name_en.clone(),
        }
    }
}

/// The Government's list of persons whose work needs no permit (Art. 32(2)(11)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoPermitList {
    /// The categories of persons the list names.
    pub categories: Vec<ListedCategory>,
    /// Whether the list was checked against the decree's text.
    pub confirmed: bool,
    /// The decree the list comes from.
    pub source: String,
}

impl Default for NoPermitList {
    /// A rule set that says nothing of the list names no category.
    fn default() -> NoPermitList {
        NoPermitList {
            categories: Vec::new(),
            confirmed: false,
            source: "Not in this rule set: no category of the Government's list is known".into(),
        }
    }
}

impl NoPermitList {
    /// Art. 32(2)(11): the category with `code`, if the list names it.
    pub fn category(&self, code: &str) -> Option<&ListedCategory> {
        self.categories.iter().find(|c| c.code == code)
    }
}

/// One ground an akimat refuses or revokes a permit on, from the ministry's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermitGround {
    /// Stable code, e.g. `kazakh-share-unmet`; each code once per list.
    pub code: String,
    /// The article the ground rests on, e.g. `Art. 33(6)`.
    pub article: String,
    /// The ground in Kazakh, the state language.
    pub name_kk: String,
    /// The ground in Russian.
    pub name_ru: String,
    /// The ground in English.
    pub name_en: String,
    /// A revocation on this ground bars the employer from new permits for
    /// `unlawful_engagement_bar_months` months.
    pub bars_employer: bool,
}

/// Whether `code` has the shape of a ground's code in the rule set's lists
/// (`unreliable-documents`): 1 to 64 small letters, digits and hyphens.
pub fn is_ground_code(code: &str) -> bool {
    (1..=64).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl PermitGround {
    /// The ground's name in every language.
    pub fn words(&self) -> crate::domain::violation::Words {
        crate::domain::violation::Words {
            kk: self.name_kk.clone(),
            ru: self.name_ru.clone(),
            en: self.name_en.clone(),
        }
    }
}

/// The ministry's lists of refusal and revocation grounds (Art. 33(2), 9(5)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermitGrounds {
    /// Grounds to refuse an application or an extension (Art. 33(2)).
    pub refusal: Vec<PermitGround>,
    /// Grounds to revoke a permit (Art. 9(5), 33(2)).
    pub revocation: Vec<PermitGround>,
    /// Months an employer is refused new permits after a revocation on a ground that
    /// `bars_employer` (unlawful engagement of foreign labour).
    pub unlawful_engagement_bar_months: u32,
    /// Whether the lists were checked against the order's text.
    pub confirmed: bool,
    /// The order the grounds come from.
    pub source: String,
    /// Re-issue of a permit for another foreigner, one of the grounds a worker's permit
    /// ends on. A rule set published before this section existed allows none.
    #[serde(default)]
    pub reissue: ReissueRules,
}

/// Re-issue of a permit for another foreigner in place of a worker who left (Order No. 279,
/// under Art. 7(20)): the permit, its employer, regions, term and quota stay; one worker
/// gives way to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReissueRules {
    /// Whether a permit may be re-issued for another foreigner at all.
    pub allowed: bool,
    /// Whether the newcomer must take the same occupation (NKZ code) as the worker replaced.
    pub same_occupation: bool,
    /// Whether the rule was checked against the order's text.
    pub confirmed: bool,
    /// The act the rule comes from.
    pub source: String,
}

impl Default for ReissueRules {
    /// A rule set that says nothing of re-issue allows none.
    fn default() -> ReissueRules {
        ReissueRules {
            allowed: false,
            same_occupation: true,
            confirmed: false,
            source: "Not in this rule set: re-issue for another foreigner is not allowed".into(),
        }
    }
}

impl PermitGrounds {
    /// Art. 33(2): the refusal ground with `code`, if the list has it.
    pub fn refusal_ground(&self, code: &str) -> Option<&PermitGround> {
        self.refusal.iter().find(|g| g.code == code)
    }

    /// Art. 9(5), 33(2): the revocation ground with `code`, if the list has it.
    pub fn revocation_ground(&self, code: &str) -> Option<&PermitGround> {
        self.revocation.iter().find(|g| g.code == code)
    }
}

/// The decision a ground of [`CaseGrounds`] refuses: the case's kind and the state it is
/// decided in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroundUse {
    /// An application for a self-employment certificate (Art. 34(1), (3)).
    Certificate,
    /// An application for an ICT permit (Art. 35(1)).
    Ict,
    /// An issued ICT permit's extension application (Art. 35(1)).
    IctExtension,
}

impl GroundUse {
    /// Every use, in the order above.
    pub const ALL: [GroundUse; 3] = [
        GroundUse::Certificate,
        GroundUse::Ict,
        GroundUse::IctExtension,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            GroundUse::Certificate => "certificate",
            GroundUse::Ict => "ict",
            GroundUse::IctExtension => "ict_extension",
        }
    }
}

/// One ground an akimat refuses a certificate or an ICT permit on, from the ministry's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseGround {
    /// Stable code, e.g. `profession-not-in-demand`; each code once.
    pub code: String,
    /// The article the ground rests on, e.g. `Art. 34(2)`.
    pub article: String,
    /// The ground in Kazakh, the state language.
    pub name_kk: String,
    /// The ground in Russian.
    pub name_ru: String,
    /// The ground in English.
    pub name_en: String,
    /// The decisions it refuses; at least one, each once.
    pub applies_to: Vec<GroundUse>,
}

impl CaseGround {
    /// The ground's name in every language.
    pub fn words(&self) -> crate::domain::violation::Words {
        crate::domain::violation::Words {
            kk: self.name_kk.clone(),
            ru: self.name_ru.clone(),
            en: self.name_en.clone(),
        }
    }

    /// Whether it refuses the decision `used`.
    pub fn applies(&self, used: GroundUse) -> bool {
        self.applies_to.contains(&used)
    }
}

/// The ministry's list of grounds to refuse a self-employment certificate (Art. 34) or an
/// ICT permit and its extension (Art. 35), one list for both kinds: each ground names the
/// decisions it refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseGrounds {
    /// The grounds.
    pub refusal: Vec<CaseGround>,
    /// Whether the list was checked against the order's text.
    pub confirmed: bool,
    /// The order the grounds come from.
    pub source: String,
}

impl Default for CaseGrounds {
    /// A rule set that says nothing of these grounds lists none: nothing can be refused
    /// under it until the ministry publishes them.
    fn default() -> CaseGrounds {
        CaseGrounds {
            refusal: Vec::new(),
            confirmed: false,
            source:
                "Not in this rule set: no ground to refuse a certificate or an ICT permit is listed"
                    .into(),
        }
    }
}

impl CaseGrounds {
    /// The ground with `code`, if the list has it.
    pub fn ground(&self, code: &str) -> Option<&CaseGround> {
        self.refusal.iter().find(|g| g.code == code)
    }

    /// The grounds that refuse the decision `used`, in the list's order: the choices an
    /// official is offered.
    pub fn for_use(&self, used: GroundUse) -> impl Iterator<Item = &CaseGround> {
        self.refusal.iter().filter(move |g| g.applies(used))
    }
}

/// Unit of a permit term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    Months,
    Days,
}

impl TermUnit {
    pub const ALL: [TermUnit; 2] = [TermUnit::Months, TermUnit::Days];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            TermUnit::Months => "months",
            TermUnit::Days => "days",
        }
    }

    /// Parses the stored and wire form; any other word is no unit (never months).
    pub fn parse(s: &str) -> Option<TermUnit> {
        TermUnit::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

impl TryFrom<String> for TermUnit {
    type Error = super::demand::UnknownState;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        TermUnit::parse(&s).ok_or(super::demand::UnknownState(s))
    }
}

/// The terms one may choose from: exactly one of `values` (e.g. 12 months), or, with
/// `up_to`, any term up to the longest value, priced by the tier it falls in (seasonal
/// permits of up to 90/180/270/365 days).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermChoice {
    /// Unit of the lengths in `values`.
    pub unit: TermUnit,
    /// Allowed lengths (or, with `up_to`, the tiers' upper bounds) in `unit`, ascending.
    pub values: Vec<u32>,
    /// `true`: any term from 1 up to the longest value is allowed, and falls in the tier of
    /// the first value not below it; `false`: only the listed values.
    pub up_to: bool,
}

impl TermChoice {
    /// Art. 7(20): the ministry's rules fix the permit terms; a term of `length` (in `unit`)
    /// is allowed when it is one of `values`, or, for "up to" terms, between 1 and the
    /// longest value.
    pub fn allows(&self, length: u32) -> bool {
        match self.up_to {
            true => length > 0 && self.values.last().is_some_and(|max| length <= *max),
            false => self.values.contains(&length),
        }
    }

    /// Art. 7(20): the tier a term of `length` (in `unit`) falls in: the first value not
    /// below it (a 100-day seasonal permit is in the "up to 180 days" tier); `None` when
    /// the term is not allowed.
    pub fn tier(&self, length: u32) -> Option<u32> {
        self.allows(length)
            .then(|| self.values.iter().copied().find(|v| *v >= length))
            .flatten()
    }
}

/// Terms of the permit for one worker category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IctRules {
    /// Longest ICT permit term, months (Art. 1(25), 35(1)).
    pub max_term_months: u32,
    /// Length of the one extension, months.
    pub extension_months: u32,
    /// Number of extensions allowed.
    pub max_extensions: u32,
    /// ICT foreigners as a percentage of Kazakh staff in the same category, at most (Art. 35(4)).
    #[serde(with = "crate::domain::percent")]
    pub max_percent_of_kazakh_staff: rust_decimal::Decimal,
    /// Calendar days after entry within which the employer reports the arrival (Art. 35(3)).
    pub arrival_notice_days: u32,
    /// The law article or order these numbers come from.
    pub source: String,
}

/// Self-employment certificate rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Minimum Kazakh share of staff over a group of worker categories (e.g. 1 and 2 together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareRatio {
    /// Worker categories counted together for this ratio; each category in one ratio at most.
    pub categories: Vec<Category>,
    /// Kazakh citizens as a percentage of staff, at least.
    #[serde(with = "crate::domain::percent")]
    pub min_kazakh_percent: rust_decimal::Decimal,
}

impl ShareRatio {
    /// Art. 33(6): the employer keeps the ministry's ratio of foreign workers to Kazakh
    /// staff, counted over the ratio's categories together: `kazakh` and `foreign` are
    /// head counts in those categories (foreign counting posted staffing-contract workers).
    /// Met when Kazakh citizens are at least `min_kazakh_percent` of the two together;
    /// an empty workforce meets it.
    pub fn is_met(&self, kazakh: u32, foreign: u32) -> bool {
        let total = u64::from(kazakh) + u64::from(foreign);
        total == 0
            || rust_decimal::Decimal::from(kazakh) * rust_decimal::Decimal::ONE_HUNDRED
                >= self.min_kazakh_percent * rust_decimal::Decimal::from(total)
    }
}

impl KazakhShareRules {
    /// Art. 33(6): the ratio that covers `category`, `None` when none does (seasonal).
    pub fn ratio_for(&self, category: Category) -> Option<&ShareRatio> {
        self.ratios
            .iter()
            .find(|r| r.categories.contains(&category))
    }
}

/// Kazakh-share ratio rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KazakhShareRules {
    /// Minimum Kazakh share per group of worker categories; categories 1-4 each in exactly
    /// one group (Art. 33(6)).
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
    /// Small-business entities exempt from the share, from a date; absent (a rule set
    /// published before this section existed): no such exemption.
    #[serde(default)]
    pub small_business_exemption: Option<SmallBusinessExemption>,
}

/// Small-business entities with few employees keep no Kazakh share (Order No. 279 as
/// amended by Order No. 93 of 28.03.2025, from 01.09.2025, under Art. 33(6)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmallBusinessExemption {
    /// The first day the exemption applies; before it, none.
    pub applies_from: NaiveDate,
    /// Small-business entities with at most this many employees are exempt.
    pub max_employees: u32,
    /// Whether the rule was checked against the order's text.
    pub confirmed: bool,
    /// The act the exemption comes from.
    pub source: String,
}

impl KazakhShareRules {
    /// The small-business exemption's employee limit on `date`, if one applies then.
    pub fn small_business_max_on(&self, date: NaiveDate) -> Option<u32> {
        self.small_business_exemption
            .as_ref()
            .filter(|x| x.applies_from <= date)
            .map(|x| x.max_employees)
    }
}

/// Fee for a permit of one particular term, in MRP per foreign worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermFee {
    /// Permit term this rate is for, months (category 1: 12, 24 or 36).
    pub term_months: u32,
    /// Fee per foreign worker for a permit of this term, in MRP (Art. 33(4)).
    pub mrp: u32,
}

/// Fee multiple for one category, in MRP per foreign worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryFee {
    /// Worker category the fee is for.
    pub category: Category,
    /// Fee per foreign worker, in MRP, for any term without its own rate in `by_term`
    /// (Art. 33(4)).
    pub mrp: u32,
    /// Rates that depend on the permit term (category 1: 1, 2 or 3 years), ascending by
    /// `term_months`, each term once; empty when the fee does not depend on the term.
    pub by_term: Vec<TermFee>,
}

/// A group of OKED sections that pays the same fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorFeeGroup {
    /// Number of the fee group, each group once.
    pub group: u32,
    /// OKED sections in this group; each section in one group at most.
    pub sectors: Vec<SectorCode>,
    /// Fee per worker category for employers in these sections; categories 1-4 each once.
    pub fees: Vec<CategoryFee>,
    /// Whether the rates and the sector list were checked against the decree's text.
    pub confirmed: bool,
    /// The decree and table these rates and sections come from, and what is unconfirmed.
    pub source: String,
}

/// Seasonal permits pay by duration: up to `max_days` days costs `mrp` MRP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeasonalFee {
    /// Longest permit term this fee covers, in days.
    pub max_days: u32,
    /// Fee per seasonal foreign worker, in MRP (Art. 33(4)).
    pub mrp: u32,
}

/// Permit fee tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MrpValue {
    /// First day the value applies; it applies until the next value's date. Versions
    /// stored before issue 22 name it `from` (a reserved word in Python).
    #[serde(alias = "from")]
    pub valid_from: NaiveDate,
    /// One MRP, in tenge.
    pub tenge: Money,
}

/// The MRP by date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MrpTable {
    /// MRP values in ascending date order.
    pub values: Vec<MrpValue>,
    /// The laws these values come from (the yearly republican budget laws).
    pub source: String,
}

/// Deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessTripRules {
    /// Calendar days per calendar year, at most (Art. 33(3)).
    pub max_days_per_calendar_year: u32,
    /// The act these numbers come from (Art. 33(3)).
    pub source: String,
}

/// The vacancy must be published on the Electronic Labour Exchange before applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// An in-demand profession of a priority sector (Art. 7(21), 34(1)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InDemandProfession {
    /// Name of the profession.
    pub name: String,
    /// The priority sector (OKED section letter) the profession belongs to; one of
    /// `priority_sectors`.
    pub sector: SectorCode,
    /// Code of the occupation in the national classifier of occupations (NKZ, after ISCO-08):
    /// four digits, optionally followed by `-` and more digits.
    pub occupation_code: String,
    /// The profession asks for higher education (Art. 34(4)); absent in older versions: no.
    #[serde(default)]
    pub higher_education_required: bool,
    /// Years of work experience in the profession the profession asks for, at least
    /// (Art. 34(4)); absent in older versions: none.
    #[serde(default)]
    pub min_experience_years: u32,
}

/// Lists the ministry keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfessionLists {
    /// Priority sectors for self-employment (Art. 7(21)).
    pub priority_sectors: Vec<SectorCode>,
    /// In-demand professions for self-employment, each in a priority sector (Art. 7(21)).
    pub in_demand_professions: Vec<InDemandProfession>,
    /// Professions open to seasonal foreign workers (Art. 7(21-1)).
    pub seasonal_professions: Vec<String>,
    /// Whether the lists were checked against the order's text.
    pub confirmed: bool,
    /// The order or decree these lists come from.
    pub source: String,
}

/// One year of the working calendar: the weekdays that are days off and the weekend days
/// that are working days. A holiday on a Saturday or Sunday moves to the next working day
/// (except Orthodox Christmas and Kurban Ait); the moved day is listed in `days_off`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    /// The calendar year.
    pub year: i32,
    /// Mondays to Fridays that are not working days: public holidays, holidays moved from a
    /// weekend, days off transferred by a Government decree. Ascending, in `year`.
    pub days_off: Vec<NaiveDate>,
    /// Saturdays and Sundays that a Government decree made working days (transfer of days
    /// off). Ascending, in `year`.
    pub working_weekend_days: Vec<NaiveDate>,
    /// Whether this year was checked against the official calendar and decrees.
    pub confirmed: bool,
    /// The law, decrees and announcements this year comes from, and what is unconfirmed.
    pub source: String,
}

/// The working calendar, by year; a year not listed has only Saturdays and Sundays off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayCalendar {
    /// One entry per year, ascending.
    pub years: Vec<HolidayYear>,
    /// The laws that set holidays and the rule that moves them.
    pub source: String,
}

impl HolidayCalendar {
    fn year(&self, year: i32) -> Option<&HolidayYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

impl crate::domain::dates::WorkCalendar for HolidayCalendar {
    fn is_weekday_off(&self, d: NaiveDate) -> bool {
        self.year(d.year()).is_some_and(|y| y.days_off.contains(&d))
    }
    fn is_weekend_working_day(&self, d: NaiveDate) -> bool {
        self.year(d.year())
            .is_some_and(|y| y.working_weekend_days.contains(&d))
    }
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

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a month-day MM-DD");
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        let (month, day) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        let two_digits = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(m) || !two_digits(d) || NaiveDate::from_ymd_opt(2024, month, day).is_none() {
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

/// Longest `source` text of a rule-set section, in characters.
const MAX_SOURCE: usize = 2000;

/// A problem found in a rule set: the JSON path of the field and what is wrong, as a
/// message of the catalogue (a [`Reason`] or a `field-rules-…` message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetProblem {
    pub field: String,
    pub message: Message,
}

fn problem(field: impl Into<String>, message: impl Into<Message>) -> RuleSetProblem {
    RuleSetProblem {
        field: field.into(),
        message: message.into(),
    }
}

fn check_terms(field: &str, t: &TermChoice, out: &mut Vec<RuleSetProblem>) {
    if t.values.is_empty() || t.values.contains(&0) || !t.values.is_sorted() {
        out.push(problem(
            format!("{field}.values"),
            Message::new("field-rules-terms-ascending"),
        ));
    }
}

/// `true` when `dates` are in strictly ascending order (sorted, no repeats).
fn strictly_ascending<T: PartialOrd>(xs: &[T]) -> bool {
    xs.windows(2).all(|w| w[0] < w[1])
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn check_holidays(cal: &HolidayCalendar, out: &mut Vec<RuleSetProblem>) {
    if !strictly_ascending(&cal.years.iter().map(|y| y.year).collect::<Vec<_>>()) {
        out.push(problem(
            "rules.holidays.years",
            Message::new("field-rules-years-once"),
        ));
    }
    for (i, y) in cal.years.iter().enumerate() {
        let field = format!("rules.holidays.years[{i}]");
        let in_year = |d: &NaiveDate| d.year() == y.year;
        if !strictly_ascending(&y.days_off) || !y.days_off.iter().all(in_year) {
            out.push(problem(
                format!("{field}.days_off"),
                Message::new("field-rules-dates-of-year").arg("year", y.year),
            ));
        }
        if let Some(d) = y.days_off.iter().find(|d| is_weekend(**d)) {
            out.push(problem(
                format!("{field}.days_off"),
                Message::new("field-rules-weekend-off").text("date", d),
            ));
        }
        if !strictly_ascending(&y.working_weekend_days)
            || !y.working_weekend_days.iter().all(in_year)
        {
            out.push(problem(
                format!("{field}.working_weekend_days"),
                Message::new("field-rules-dates-of-year").arg("year", y.year),
            ));
        }
        if let Some(d) = y.working_weekend_days.iter().find(|d| !is_weekend(**d)) {
            out.push(problem(
                format!("{field}.working_weekend_days"),
                Message::new("field-rules-not-weekend").text("date", d),
            ));
        }
    }
}

fn check_share_groups(rules: &KazakhShareRules, out: &mut Vec<RuleSetProblem>) {
    for (i, ratio) in rules.ratios.iter().enumerate() {
        if ratio.categories.is_empty() {
            out.push(problem(
                format!("rules.kazakh_share.ratios[{i}].categories"),
                Reason::ItemsAtLeast { min: 1 },
            ));
        }
        check_percent(
            format!("rules.kazakh_share.ratios[{i}].min_kazakh_percent"),
            ratio.min_kazakh_percent,
            out,
        );
    }
    for c in Category::ALL {
        let n = rules
            .ratios
            .iter()
            .flat_map(|r| &r.categories)
            .filter(|x| **x == c)
            .count();
        let needed = c != Category::Seasonal;
        if n > 1 || (needed && n == 0) {
            out.push(problem(
                "rules.kazakh_share.ratios",
                Message::new("field-rules-category-one-ratio")
                    .text("category", c)
                    .arg("found", n),
            ));
        }
    }
}

fn check_fees(fees: &FeeRules, out: &mut Vec<RuleSetProblem>) {
    let mut seen = BTreeSet::new();
    let mut groups = BTreeSet::new();
    for (i, g) in fees.sector_groups.iter().enumerate() {
        if !groups.insert(g.group) {
            out.push(problem(
                format!("rules.fees.sector_groups[{i}].group"),
                Message::new("field-rules-group-repeated").arg("group", g.group),
            ));
        }
        for s in &g.sectors {
            if !seen.insert(s.clone()) {
                out.push(problem(
                    format!("rules.fees.sector_groups[{i}].sectors"),
                    Message::new("field-rules-sector-in-groups").text("sector", s),
                ));
            }
        }
        for c in Category::ALL
            .into_iter()
            .filter(|c| *c != Category::Seasonal)
        {
            let n = g.fees.iter().filter(|f| f.category == c).count();
            if n != 1 {
                out.push(problem(
                    format!("rules.fees.sector_groups[{i}].fees"),
                    Message::new("field-rules-fee-per-category")
                        .text("category", c)
                        .arg("found", n),
                ));
            }
        }
        for (j, f) in g.fees.iter().enumerate() {
            let terms: Vec<u32> = f.by_term.iter().map(|t| t.term_months).collect();
            if terms.contains(&0) || !strictly_ascending(&terms) {
                out.push(problem(
                    format!("rules.fees.sector_groups[{i}].fees[{j}].by_term"),
                    Message::new("field-rules-terms-once"),
                ));
            }
        }
    }
    let days: Vec<u32> = fees.seasonal.iter().map(|s| s.max_days).collect();
    if days.is_empty() || days.contains(&0) || !strictly_ascending(&days) {
        out.push(problem(
            "rules.fees.seasonal",
            Message::new("field-rules-durations-ascending"),
        ));
    }
}

/// An NKZ occupation code: four digits, then optionally `-` and digits, repeated.
fn is_occupation_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let unit_group = parts.next().unwrap_or_default();
    unit_group.len() == 4
        && unit_group.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn check_lists(lists: &ProfessionLists, out: &mut Vec<RuleSetProblem>) {
    for (i, p) in lists.in_demand_professions.iter().enumerate() {
        let field = format!("rules.lists.in_demand_professions[{i}]");
        if p.name.trim().is_empty() {
            out.push(problem(format!("{field}.name"), Reason::Blank));
        }
        if !lists.priority_sectors.contains(&p.sector) {
            out.push(problem(
                format!("{field}.sector"),
                Message::new("field-rules-sector-not-priority").text("sector", &p.sector),
            ));
        }
        if !is_occupation_code(&p.occupation_code) {
            out.push(problem(
                format!("{field}.occupation_code"),
                Message::new("field-rules-occupation-code"),
            ));
        }
    }
}

fn check_grounds(g: &PermitGrounds, out: &mut Vec<RuleSetProblem>) {
    if g.reissue.source.trim().is_empty() {
        out.push(problem(
            "rules.permit_grounds.reissue.source".to_owned(),
            Message::new("field-rules-source"),
        ));
    }
    for (name, list) in [("refusal", &g.refusal), ("revocation", &g.revocation)] {
        let codes: BTreeSet<&str> = list.iter().map(|x| x.code.as_str()).collect();
        if list.is_empty() || codes.len() != list.len() {
            out.push(problem(
                format!("rules.permit_grounds.{name}"),
                Message::new("field-rules-grounds-listed"),
            ));
        }
        if list.iter().any(|x| {
            [&x.code, &x.article, &x.name_kk, &x.name_ru, &x.name_en]
                .iter()
                .any(|t| t.trim().is_empty())
        }) {
            out.push(problem(
                format!("rules.permit_grounds.{name}"),
                Message::new("field-rules-ground-named"),
            ));
        }
    }
}

fn check_case_grounds(g: &CaseGrounds, out: &mut Vec<RuleSetProblem>) {
    let codes: BTreeSet<&str> = g.refusal.iter().map(|x| x.code.as_str()).collect();
    if codes.len() != g.refusal.len() || codes.iter().any(|c| !is_ground_code(c)) {
        out.push(problem(
            "rules.case_grounds.refusal",
            Message::new("field-rules-ground-codes"),
        ));
    }
    if g.refusal.iter().any(|x| {
        [&x.article, &x.name_kk, &x.name_ru, &x.name_en]
            .iter()
            .any(|t| t.trim().is_empty())
    }) {
        out.push(problem(
            "rules.case_grounds.refusal",
            Message::new("field-rules-ground-article"),
        ));
    }
    if g.refusal.iter().any(|x| {
        let uses: BTreeSet<GroundUse> = x.applies_to.iter().copied().collect();
        uses.is_empty() || uses.len() != x.applies_to.len()
    }) {
        out.push(problem(
            "rules.case_grounds.refusal",
            Message::new("field-rules-ground-applies"),
        ));
    }
    if g.source.trim().is_empty() {
        out.push(problem(
            "rules.case_grounds.source",
            Message::new("field-rules-source"),
        ));
    }
}

fn check_list(list: &NoPermitList, out: &mut Vec<RuleSetProblem>) {
    let codes: BTreeSet<&str> = list.categories.iter().map(|c| c.code.as_str()).collect();
    if codes.len() != list.categories.len()
        || list.categories.iter().any(|c| {
            [&c.code, &c.name_kk, &c.name_ru, &c.name_en]
                .iter()
                .any(|t| t.trim().is_empty())
        })
    {
        out.push(problem(
            "rules.no_permit_list.categories",
            Message::new("field-rules-list-categories"),
        ));
    }
    if list.source.trim().is_empty() {
        out.push(problem(
            "rules.no_permit_list.source",
            Message::new("field-rules-source"),
        ));
    }
}

fn check_percent(field: String, p: rust_decimal::Decimal, out: &mut Vec<RuleSetProblem>) {
    if p < rust_decimal::Decimal::ZERO || p > rust_decimal::Decimal::ONE_HUNDRED {
        out.push(problem(field, Reason::Between { min: 0, max: 100 }));
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
                    Reason::CategoryOnce {
                        category: c.to_string(),
                        found: n as i64,
                    },
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
                    Message::new("field-rules-no-extension-terms"),
                )),
                None => {}
            }
        }
        let r = &self.category_4_replacement;
        if r.min_months == 0 || r.min_months > r.max_months {
            out.push(problem(
                "rules.category_4_replacement",
                Message::new("field-rules-replacement-months"),
            ));
        }
        if self.ict.max_term_months == 0 {
            out.push(problem(
                "rules.ict.max_term_months",
                Reason::AtLeast { min: 1 },
            ));
        }
        check_percent(
            "rules.ict.max_percent_of_kazakh_staff".into(),
            self.ict.max_percent_of_kazakh_staff,
            &mut out,
        );
        check_share_groups(&self.kazakh_share, &mut out);
        check_fees(&self.fees, &mut out);
        if self.mrp.values.is_empty() || !self.mrp.values.is_sorted_by_key(|v| v.valid_from) {
            out.push(problem(
                "rules.mrp.values",
                Message::new("field-rules-mrp-ascending"),
            ));
        }
        for (i, v) in self.mrp.values.iter().enumerate() {
            if Money::from_tenge(v.tenge.tenge()).is_err() || v.tenge.tenge().is_sign_negative() {
                out.push(problem(
                    format!("rules.mrp.values[{i}].tenge"),
                    Message::new("field-rules-mrp-amount"),
                ));
            }
        }
        let w = &self.extension_window;
        if w.earliest_days_before_expiry <= w.latest_days_before_expiry {
            out.push(problem(
                "rules.extension_window",
                Message::new("field-rules-extension-window"),
            ));
        }
        let q = &self.quota_demand;
        if q.filing_opens > q.filing_closes {
            out.push(problem(
                "rules.quota_demand",
                Message::new("field-rules-filing-window"),
            ));
        }
        let longest_seasonal = self
            .categories
            .iter()
            .filter(|t| t.category == Category::Seasonal)
            .filter_map(|t| t.initial.values.last())
            .max();
        let longest_priced = self.fees.seasonal.iter().map(|s| s.max_days).max();
        if let Some(term) = longest_seasonal.filter(|t| Some(**t) > longest_priced) {
            out.push(problem(
                "rules.fees.seasonal",
                Message::new("field-rules-seasonal-rate").arg("term", *term),
            ));
        }
        check_lists(&self.lists, &mut out);
        check_holidays(&self.holidays, &mut out);
        self.check_sizes(&mut out);
        check_grounds(&self.permit_grounds, &mut out);
        check_list(&self.no_permit_list, &mut out);
        check_case_grounds(&self.case_grounds, &mut out);
        check_words(self, &mut out);
        out
    }

    /// The sizes the contract declares for a rule set: texts and lists beyond them are
    /// problems (the document is stored whole and served with every version).
    fn check_sizes(&self, out: &mut Vec<RuleSetProblem>) {
        let mut size = |field: String, len: usize, max: usize| {
            if len > max {
                out.push(problem(
                    field,
                    Message::new("field-rules-size").arg("max", max),
                ));
            }
        };
        let text = |s: &String| s.chars().count();
        let r = "rules";
        size(
            format!("{r}.complaints.deciding_bodies"),
            self.complaints.deciding_bodies.len(),
            ActKind::ALL.len(),
        );
        let grounds = &self.permit_grounds;
        for (name, list) in [
            ("refusal", &grounds.refusal),
            ("revocation", &grounds.revocation),
        ] {
            let f = format!("{r}.permit_grounds.{name}");
            size(f.clone(), list.len(), 100);
            for (i, g) in list.iter().enumerate() {
                size(format!("{f}[{i}].code"), text(&g.code), 64);
                size(format!("{f}[{i}].article"), text(&g.article), 64);
                for (lang, t) in [("kk", &g.name_kk), ("ru", &g.name_ru), ("en", &g.name_en)] {
                    size(format!("{f}[{i}].name_{lang}"), text(t), 500);
                }
            }
        }
        size(
            format!("{r}.permit_grounds.source"),
            text(&grounds.source),
            MAX_SOURCE,
        );
        size(
            format!("{r}.permit_grounds.reissue.source"),
            text(&grounds.reissue.source),
            MAX_SOURCE,
        );
        let cases = &self.case_grounds;
        let f = format!("{r}.case_grounds.refusal");
        size(f.clone(), cases.refusal.len(), 100);
        for (i, g) in cases.refusal.iter().enumerate() {
            size(format!("{f}[{i}].code"), text(&g.code), 64);
            size(format!("{f}[{i}].article"), text(&g.article), 64);
            size(
                format!("{f}[{i}].applies_to"),
                g.applies_to.len(),
                GroundUse::ALL.len(),
            );
            for (lang, t) in [("kk", &g.name_kk), ("ru", &g.name_ru), ("en", &g.name_en)] {
                size(format!("{f}[{i}].name_{lang}"), text(t), 500);
            }
        }
        size(
            format!("{r}.case_grounds.source"),
            text(&cases.source),
            MAX_SOURCE,
        );
        let list = &self.no_permit_list;
        size(
            format!("{r}.no_permit_list.categories"),
            list.categories.len(),
            100,
        );
        for (i, c) in list.categories.iter().enumerate() {
            let f = format!("{r}.no_permit_list.categories[{i}]");
            size(format!("{f}.code"), text(&c.code), 64);
            for (lang, t) in [("kk", &c.name_kk), ("ru", &c.name_ru), ("en", &c.name_en)] {
                size(format!("{f}.name_{lang}"), text(t), 500);
            }
        }
        size(
            format!("{r}.no_permit_list.source"),
            text(&list.source),
            MAX_SOURCE,
        );
        size(format!("{r}.categories"), self.categories.len(), 5);
        for (i, c) in self.categories.iter().enumerate() {
            let f = format!("{r}.categories[{i}]");
            size(format!("{f}.initial.values"), c.initial.values.len(), 16);
            if let Some(e) = &c.extension {
                size(format!("{f}.extension.values"), e.values.len(), 16);
            }
            size(format!("{f}.source"), text(&c.source), MAX_SOURCE);
        }
        let fees = &self.fees;
        size(
            format!("{r}.fees.sector_groups"),
            fees.sector_groups.len(),
            21,
        );
        for (i, g) in fees.sector_groups.iter().enumerate() {
            let f = format!("{r}.fees.sector_groups[{i}]");
            size(format!("{f}.sectors"), g.sectors.len(), 21);
            size(format!("{f}.fees"), g.fees.len(), 5);
            for (j, c) in g.fees.iter().enumerate() {
                size(format!("{f}.fees[{j}].by_term"), c.by_term.len(), 16);
            }
            size(format!("{f}.source"), text(&g.source), MAX_SOURCE);
        }
        size(format!("{r}.fees.seasonal"), fees.seasonal.len(), 16);
        size(
            format!("{r}.kazakh_share.ratios"),
            self.kazakh_share.ratios.len(),
            4,
        );
        for (i, ratio) in self.kazakh_share.ratios.iter().enumerate() {
            let f = format!("{r}.kazakh_share.ratios[{i}].categories");
            size(f, ratio.categories.len(), 5);
        }
        size(format!("{r}.mrp.values"), self.mrp.values.len(), 100);
        let lists = &self.lists;
        size(
            format!("{r}.lists.priority_sectors"),
            lists.priority_sectors.len(),
            21,
        );
        let professions = &lists.in_demand_professions;
        size(
            format!("{r}.lists.in_demand_professions"),
            professions.len(),
            1000,
        );
        for (i, p) in professions.iter().enumerate() {
            let f = format!("{r}.lists.in_demand_professions[{i}]");
            size(format!("{f}.name"), text(&p.name), 200);
            size(format!("{f}.occupation_code"), text(&p.occupation_code), 32);
        }
        let seasonal = &lists.seasonal_professions;
        size(
            format!("{r}.lists.seasonal_professions"),
            seasonal.len(),
            1000,
        );
        for (i, p) in seasonal.iter().enumerate() {
            size(format!("{r}.lists.seasonal_professions[{i}]"), text(p), 200);
        }
        size(
            format!("{r}.holidays.years"),
            self.holidays.years.len(),
            100,
        );
        for (i, y) in self.holidays.years.iter().enumerate() {
            let f = format!("{r}.holidays.years[{i}]");
            size(format!("{f}.days_off"), y.days_off.len(), 366);
            size(
                format!("{f}.working_weekend_days"),
                y.working_weekend_days.len(),
                366,
            );
            size(format!("{f}.source"), text(&y.source), MAX_SOURCE);
        }
        for (field, source) in [
            (
                "category_4_replacement",
                &self.category_4_replacement.source,
            ),
            ("ict", &self.ict.source),
            ("self_employment", &self.self_employment.source),
            ("kazakh_share", &self.kazakh_share.source),
            (
                "kazakh_share.small_business_exemption",
                self.kazakh_share
                    .small_business_exemption
                    .as_ref()
                    .map_or(&self.kazakh_share.source, |x| &x.source),
            ),
            ("fees", &self.fees.source),
            ("mrp", &self.mrp.source),
            ("deadlines", &self.deadlines.source),
            ("extension_window", &self.extension_window.source),
            ("business_trips", &self.business_trips.source),
            ("labour_market_test", &self.labour_market_test.source),
            ("quota_demand", &self.quota_demand.source),
            ("lists", &self.lists.source),
            ("holidays", &self.holidays.source),
            ("working_age", &self.working_age.source),
            ("complaints", &self.complaints.source),
        ] {
            size(format!("{r}.{field}.source"), text(source), MAX_SOURCE);
        }
    }

    /// Everything in this rule set that goes beyond a limit Law 482-V fixes, falls short
    /// of what it gives, or turns a switch it fixes the other way (see [`statute`]): each a
    /// violation with the article; empty when the rule set is within the law. Run on every
    /// publication and on the seed at start-up. Distinct from [`RuleSet::problems`], which finds inconsistent data.
    pub fn statutory_violations(&self) -> Vec<Violation> {
        let ict = &self.ict;
        let se = &self.self_employment;
        let mut out: Vec<Violation> = [
            statute::check_business_trip_days(
                "rules.business_trips.max_days_per_calendar_year",
                self.business_trips.max_days_per_calendar_year,
            ),
            statute::check_self_employment_initial(
                "rules.self_employment.initial_max_months",
                se.initial_max_months,
            ),
            statute::check_self_employment_extension(
                "rules.self_employment.extension_max_months",
                se.extension_max_months,
            ),
            statute::check_self_employment_apply_within(
                "rules.self_employment.extension_apply_within_months",
                se.extension_apply_within_months,
            ),
            statute::check_ict_term("rules.ict.max_term_months", ict.max_term_months),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.extend(statute::check_ict_extension(
            "rules.ict.extension_months",
            ict.extension_months,
            "rules.ict.max_extensions",
            ict.max_extensions,
        ));
        out.extend(statute::check_ict_arrival_notice(
            "rules.ict.arrival_notice_days",
            ict.arrival_notice_days,
        ));
        out.extend(statute::check_ict_fee_exempt(
            "rules.fees.ict_exempt",
            self.fees.ict_exempt,
        ));
        out.extend(statute::check_posted_workers_count(
            "rules.kazakh_share.posted_workers_count",
            self.kazakh_share.posted_workers_count,
        ));
        out.extend(statute::check_eaeu_citizens_not_foreign(
            "rules.kazakh_share.eaeu_citizens_count_as_foreign",
            self.kazakh_share.eaeu_citizens_count_as_foreign,
        ));
        out.extend(statute::check_working_age(
            "rules.working_age.minimum_age",
            self.working_age.minimum_age,
        ));
        let c = &self.complaints;
        out.extend(statute::check_complaint_filing_months(
            "rules.complaints.filing_months",
            c.filing_months,
        ));
        out.extend(statute::check_complaint_reconsideration_days(
            "rules.complaints.reconsideration_working_days",
            c.reconsideration_working_days,
        ));
        out.extend(statute::check_complaint_decision_days(
            "rules.complaints.decision_working_days",
            c.decision_working_days,
        ));
        out
    }

    /// The provisions a publication of this rule set rests on: for each section that differs
    /// from `before` (every section for a first rule set), the article that lets the
    /// ministry set it, each once in the order of the law. The holiday calendar rests on the
    /// Law on Holidays and the Labour Code, the working age on the Labour Code, the complaint
    /// terms on the APPK, not on Law 482-V: they add none; nor do the words, which only
    /// say the other sections' texts in Kazakh and Russian.
    /// - terms, the category-4 replacement duty, ICT conditions, deadlines, the extension
    ///   window, the labour-market test, refusal and revocation grounds: Art. 7(20);
    /// - self-employment terms, priority sectors and in-demand professions: Art. 7(21);
    /// - grounds to refuse a certificate or an ICT permit: Art. 7(20) and 7(21) both;
    /// - seasonal professions: Art. 7(21-1);
    /// - the quota-demand cycle: Art. 6(2) (the Government's quota rules);
    /// - business trips: Art. 33(3); fees and the MRP: Art. 33(4); the Kazakh share: Art. 33(6);
    /// - the Government's list of persons who need no permit: Art. 32(2)(11).
    pub fn publication_basis(&self, before: Option<&RuleSet>) -> Vec<Article> {
        let RuleSet {
            categories,
            category_4_replacement,
            ict,
            self_employment,
            kazakh_share,
            fees,
            mrp,
            deadlines,
            extension_window,
            business_trips,
            labour_market_test,
            quota_demand,
            lists,
            holidays: _,
            working_age: _,
            complaints: _,
            words: _,
            permit_grounds,
            no_permit_list,
            case_grounds,
        } = self;
        let changed = |differs: &dyn Fn(&RuleSet) -> bool| before.is_none_or(differs);
        let sections: [(bool, Article); 18] = [
            (changed(&|b| &b.categories != categories), ART_7_20),
            (
                changed(&|b| &b.category_4_replacement != category_4_replacement),
                ART_7_20,
            ),
            (changed(&|b| &b.ict != ict), ART_7_20),
            (changed(&|b| &b.deadlines != deadlines), ART_7_20),
            (
                changed(&|b| &b.extension_window != extension_window),
                ART_7_20,
            ),
            (
                changed(&|b| &b.labour_market_test != labour_market_test),
                ART_7_20,
            ),
            (changed(&|b| &b.permit_grounds != permit_grounds), ART_7_20),
            (changed(&|b| &b.case_grounds != case_grounds), ART_7_20),
            (
                changed(&|b| &b.self_employment != self_employment),
                ART_7_21,
            ),
            (changed(&|b| &b.case_grounds != case_grounds), ART_7_21),
            (
                changed(&|b| {
                    b.lists.priority_sectors != lists.priority_sectors
                        || b.lists.in_demand_professions != lists.in_demand_professions
                }),
                ART_7_21,
            ),
            (
                changed(&|b| b.lists.seasonal_professions != lists.seasonal_professions),
                ART_7_21_1,
            ),
            (changed(&|b| &b.quota_demand != quota_demand), ART_6_2),
            (changed(&|b| &b.business_trips != business_trips), ART_33_3),
            (changed(&|b| &b.fees != fees), ART_33_4),
            (changed(&|b| &b.mrp != mrp), ART_33_4),
            (changed(&|b| &b.kazakh_share != kazakh_share), ART_33_6),
            (
                changed(&|b| &b.no_permit_list != no_permit_list),
                ART_32_2_11,
            ),
        ];
        let mut out: Vec<Article> = sections
            .into_iter()
            .filter_map(|(changed, a)| changed.then_some(a))
            .collect();
        out.sort_by_key(|a| a.numbers());
        out.dedup();
        out
    }

    /// The MRP in force on `date` (the fee is counted at the MRP of the payment date,
    /// Art. 33(4) with the tax law), or `None` before the table starts.
    pub fn mrp_on(&self, date: NaiveDate) -> Option<Money> {
        self.mrp
            .values
            .iter()
            .rev()
            .find(|v| v.valid_from <= date)
            .map(|v| v.tenge)
    }

    /// Art. 32(5): employers file their demand for `quota_year` within the filing window
    /// of the year before; outside it the demand is refused, saying when the window is.
    pub fn check_demand_filing(&self, quota_year: i32, today: NaiveDate) -> Option<Violation> {
        let q = &self.quota_demand;
        let opens = q.filing_opens.in_year(quota_year - 1);
        let closes = q.filing_closes.in_year(quota_year - 1);
        (today < opens || closes < today).then(|| {
            Violation::resting_on(ProblemCode::DemandFilingClosed, &[ART_32_5, ART_6_2])
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
        assert!(rules.problems().iter().any(|p| p.message
            == Reason::CategoryOnce {
                category: "seasonal".into(),
                found: 0,
            }
            .message()));
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
        assert_eq!(
            rules.problems()[0].message.key,
            "field-rules-sector-in-groups"
        );
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
    fn the_seeded_rule_set_is_within_the_law() {
        assert_eq!(seeded().statutory_violations(), vec![]);
    }

    #[test]
    fn art_33_3_a_rule_set_with_120_trip_days_is_refused() {
        let mut rules = seeded();
        rules.business_trips.max_days_per_calendar_year = 120;
        let v = rules.statutory_violations();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, "statutory-limit-exceeded");
        assert_eq!(v[0].article.as_deref(), Some("Art. 33(3)"));
        assert_eq!(
            v[0].get("value"),
            Some(&crate::domain::violation::Arg::Number(120))
        );
        assert_eq!(
            rules.problems(),
            vec![],
            "a breach of the law is not a shape problem"
        );
    }

    #[test]
    fn art_34_1_a_rule_set_with_24_month_certificates_is_refused() {
        let mut rules = seeded();
        rules.self_employment.initial_max_months = 24;
        let v = rules.statutory_violations();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].article.as_deref(), Some("Art. 34(1)"));
    }

    #[test]
    fn a_rule_set_that_gives_its_texts_in_kazakh_and_russian_gives_every_one_in_both() {
        let rules = seeded();
        assert!(rules.english_texts().contains("Fruit and vegetable picker"));
        assert!(rules.english_texts().contains("Law 482-V Art. 33(3)"));
        assert!(rules
            .english_texts()
            .iter()
            .all(|t| rules.words.contains_key(t)));
        // A text without its words.
        let mut one_short = rules.clone();
        one_short.words.remove("Fruit and vegetable picker");
        let p = one_short.problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].field, "rules.words[\"Fruit and vegetable picker\"]");
        assert_eq!(p[0].message, Reason::Required.message(), "{p:?}");
        // A text in one language only.
        let mut half = rules.clone();
        if let Some(w) = half.words.get_mut("Law 482-V Art. 33(3)") {
            w.ru = " ".into();
        }
        assert_eq!(
            half.problems()[0].field,
            "rules.words[\"Law 482-V Art. 33(3)\"].ru"
        );
        // A rule set that gives none (published before the words existed) is whole.
        let mut none = rules;
        none.words.clear();
        assert_eq!(none.problems(), vec![]);
    }

    #[test]
    fn art_35_1_a_rule_set_with_120_month_ict_and_two_extensions_is_refused() {
        let mut rules = seeded();
        rules.ict.max_term_months = 120;
        rules.ict.max_extensions = 2;
        let v = rules.statutory_violations();
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|v| v.article.as_deref() == Some("Art. 35(1)")));
    }

    #[test]
    fn art_35_3_a_rule_set_giving_30_days_for_the_ict_arrival_notice_is_refused() {
        let mut rules = seeded();
        rules.ict.arrival_notice_days = 30;
        assert_eq!(
            rules.statutory_violations()[0].article.as_deref(),
            Some("Art. 35(3)")
        );
    }

    #[test]
    fn art_33_4_a_rule_set_charging_an_ict_fee_is_refused() {
        let mut rules = seeded();
        rules.fees.ict_exempt = false;
        let v = rules.statutory_violations();
        assert_eq!(v[0].code, "ict-fee-not-allowed");
        assert_eq!(v[0].article.as_deref(), Some("Art. 33(4)"));
    }

    fn seasonal_terms() -> TermChoice {
        seeded()
            .categories
            .into_iter()
            .find(|c| c.category == Category::Seasonal)
            .unwrap()
            .initial
    }

    #[test]
    fn art_7_20_a_seasonal_permit_may_run_any_term_up_to_365_days() {
        let t = seasonal_terms();
        assert!(t.up_to);
        assert!(t.allows(1));
        assert!(t.allows(100));
        assert!(t.allows(365));
        assert!(!t.allows(366));
        assert!(!t.allows(0));
    }

    #[test]
    fn art_7_20_a_seasonal_term_falls_in_the_first_tier_not_below_it() {
        let t = seasonal_terms();
        assert_eq!(t.tier(45), Some(90));
        assert_eq!(t.tier(90), Some(90));
        assert_eq!(t.tier(100), Some(180));
        assert_eq!(t.tier(271), Some(365));
        assert_eq!(t.tier(400), None);
    }

    #[test]
    fn art_7_20_other_categories_allow_only_the_listed_terms() {
        let rules = seeded();
        let heads = &rules.categories[0];
        assert_eq!(heads.category, Category::Heads);
        assert!(!heads.initial.up_to);
        assert!(heads.initial.allows(24));
        assert!(!heads.initial.allows(18));
        assert_eq!(heads.initial.tier(36), Some(36));
    }

    #[test]
    fn art_33_6_the_kazakh_share_is_counted_over_categories_1_and_2_together() {
        let rules = seeded();
        let r = rules
            .kazakh_share
            .ratio_for(Category::DivisionHeads)
            .unwrap();
        assert_eq!(r.categories, vec![Category::Heads, Category::DivisionHeads]);
        assert!(std::ptr::eq(
            r,
            rules.kazakh_share.ratio_for(Category::Heads).unwrap()
        ));
        assert!(rules.kazakh_share.ratio_for(Category::Seasonal).is_none());
        // 70 %: 7 Kazakh and 3 foreign staff meet it, 6 and 3 do not.
        assert!(r.is_met(7, 3));
        assert!(!r.is_met(6, 3));
        assert!(r.is_met(0, 0));
    }

    #[test]
    fn art_33_6_the_kazakh_share_of_categories_3_and_4_is_90_percent() {
        let rules = seeded();
        let r = rules
            .kazakh_share
            .ratio_for(Category::QualifiedWorkers)
            .unwrap();
        assert!(r.is_met(90, 10));
        assert!(!r.is_met(89, 10));
    }

    #[test]
    fn a_category_in_two_share_ratios_or_in_none_is_a_problem() {
        let mut rules = seeded();
        rules.kazakh_share.ratios[1].categories = vec![Category::Heads, Category::Specialists];
        let messages: Vec<Message> = rules.problems().into_iter().map(|p| p.message).collect();
        let once = |category: &str, found: usize| {
            Message::new("field-rules-category-one-ratio")
                .text("category", category)
                .arg("found", found)
        };
        assert!(messages.contains(&once("1", 2)), "{messages:?}");
        assert!(messages.contains(&once("4", 0)), "{messages:?}");
    }

    #[test]
    fn art_7_21_an_in_demand_profession_outside_the_priority_sectors_is_a_problem() {
        let mut rules = seeded();
        rules.lists.in_demand_professions[0].sector = "B".parse().unwrap();
        let p = rules.problems();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].field, "rules.lists.in_demand_professions[0].sector");
    }

    #[test]
    fn an_occupation_code_must_be_an_nkz_code() {
        assert!(is_occupation_code("2512"));
        assert!(is_occupation_code("2512-1-001"));
        assert!(!is_occupation_code("251"));
        assert!(!is_occupation_code("2512-"));
        assert!(!is_occupation_code("25a2"));
    }

    #[test]
    fn a_weekend_listed_as_a_day_off_or_a_weekday_as_a_working_weekend_day_is_a_problem() {
        let mut rules = seeded();
        let y = rules
            .holidays
            .years
            .iter_mut()
            .find(|y| y.year == 2026)
            .unwrap();
        y.days_off.push(date("2026-12-19"));
        y.working_weekend_days.push(date("2026-12-21"));
        let fields: Vec<String> = rules.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "rules.holidays.years[3].days_off",
                "rules.holidays.years[3].working_weekend_days"
            ]
        );
    }

    #[test]
    fn a_holiday_listed_under_the_wrong_year_is_a_problem() {
        let mut rules = seeded();
        rules.holidays.years[0].days_off.push(date("2024-12-31"));
        assert_eq!(
            rules.problems()[0].field,
            "rules.holidays.years[0].days_off"
        );
    }

    #[test]
    fn the_seeded_calendar_marks_the_years_it_could_not_confirm() {
        let cal = seeded().holidays;
        let unconfirmed: Vec<i32> = cal
            .years
            .iter()
            .filter(|y| !y.confirmed)
            .map(|y| y.year)
            .collect();
        assert_eq!(unconfirmed, [2023, 2024, 2027]);
        assert!(cal.years.iter().all(|y| !y.source.is_empty()));
    }

    #[test]
    fn art_33_4_a_seasonal_term_longer_than_the_last_fee_tier_is_a_problem() {
        let mut rules = seeded();
        rules.fees.seasonal.pop();
        let p = rules.problems();
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].message,
            Message::new("field-rules-seasonal-rate").arg("term", 365)
        );
    }

    #[test]
    fn a_fee_group_listed_twice_is_a_problem() {
        let mut rules = seeded();
        rules.fees.sector_groups[2].group = 1;
        assert_eq!(
            rules.problems()[0].field,
            "rules.fees.sector_groups[2].group"
        );
    }

    #[test]
    fn unknown_fields_in_a_rule_set_are_refused() {
        let text = include_str!("../../config/seed/rule-set.json");
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        v["rules"]["holidays"]["days_off"] = serde_json::json!([]);
        assert!(serde_json::from_value::<RuleSet>(v["rules"].clone()).is_err());
    }

    #[test]
    fn month_days_parse_strictly() {
        assert!(MonthDay::try_from("02-29".to_owned()).is_ok());
        assert!(MonthDay::try_from("2-9".to_owned()).is_err());
        assert!(MonthDay::try_from("13-01".to_owned()).is_err());
        assert!(MonthDay::try_from("+1-01".to_owned()).is_err());
        let feb29 = MonthDay::try_from("02-29".to_owned()).unwrap();
        assert_eq!(feb29.in_year(2026), date("2026-02-28"));
    }

    #[test]
    fn art_9_5_a_ground_code_is_small_letters_digits_and_hyphens() {
        assert!(is_ground_code("unreliable-documents"));
        assert!(is_ground_code("a1"));
        assert!(!is_ground_code(""));
        assert!(!is_ground_code("Unreliable"));
        assert!(!is_ground_code("no spaces"));
        assert!(!is_ground_code(&"a".repeat(65)));
    }
}
