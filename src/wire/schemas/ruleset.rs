//! The OpenAPI schema of the rule set: one mirror type per type of
//! [`crate::domain::ruleset`], with the same fields, serde attributes and descriptions, and
//! the bounds the contract declares. The domain types carry no schema; the API names these
//! through `#[schema(value_type = …)]` (`RuleSetView`, `NewRuleSetRequest`). A test checks
//! that the mirror and the domain accept the same documents.

use crate::domain::ruleset::MonthDay;
use crate::domain::{Category, Money, SectorCode};
use chrono::NaiveDate;
#[cfg(test)]
use serde::Deserialize;
use utoipa::openapi::schema::{KnownFormat, Schema, SchemaFormat, Type};
use utoipa::openapi::{ObjectBuilder, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// A length of a permit term, in the choice's unit.
#[cfg_attr(test, derive(Deserialize))]
pub struct Term(pub u32);

impl PartialSchema for Term {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
            .minimum(Some(0))
            .maximum(Some(u32::MAX))
            .into()
    }
}
impl ToSchema for Term {}

/// A profession open to seasonal foreign workers.
#[cfg_attr(test, derive(Deserialize))]
pub struct Profession(pub String);

impl PartialSchema for Profession {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(200))
            .into()
    }
}
impl ToSchema for Profession {}

/// The whole rule set in force from one date.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Permit terms and extensions per worker category (Art. 7(20)).
    #[schema(max_items = 5)]
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
    /// Art. 31); absent, the Code's sixteen (not null: leave it out).
    #[serde(default)]
    #[schema(value_type = WorkingAgeRule)]
    pub working_age: Option<WorkingAgeRule>,
    /// The Government's list of persons who need no permit (Art. 32(2)(11)); a rule set
    /// published without this section lists none.
    #[cfg_attr(test, serde(default))]
    pub no_permit_list: NoPermitList,
    /// The terms of a pre-trial complaint against the service's acts and the body that
    /// decides it (APPK Art. 91-92, 99-100); absent, the Code's (not null: leave it out).
    #[serde(default)]
    #[schema(value_type = ComplaintRules)]
    pub complaints: Option<ComplaintRules>,
    /// Grounds on which an akimat refuses a self-employment certificate (Art. 34) or an
    /// ICT permit and its extension (Art. 35); a rule set published without this section
    /// lists none.
    #[cfg_attr(test, serde(default))]
    pub case_grounds: CaseGrounds,
    /// The rule set's English texts — the act each section comes from, the names of the
    /// professions on its lists, the notes of its holiday years — in Kazakh and Russian,
    /// keyed by the English text. A rule set that gives any gives every one (it may also
    /// give its version's source); one without them reads in English on the console.
    #[serde(default)]
    pub words: std::collections::BTreeMap<String, TextWords>,
}

/// One English text of the rule set as Kazakh and Russian write it.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct TextWords {
    /// The text in Kazakh.
    #[schema(min_length = 1, max_length = 4000)]
    pub kk: String,
    /// The text in Russian.
    #[schema(min_length = 1, max_length = 4000)]
    pub ru: String,
}

/// The decision a ground of `case_grounds` refuses: `certificate` (an application for a
/// self-employment certificate, Art. 34(1)), `ict` (an application for an ICT permit,
/// Art. 35(1)) or `ict_extension` (an issued ICT permit's extension application, 35(1)).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum GroundUse {
    Certificate,
    Ict,
    IctExtension,
}

/// One ground an akimat refuses a certificate or an ICT permit on, from the ministry's list.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct CaseGround {
    /// Stable code, e.g. `profession-not-in-demand`; each code once.
    #[schema(
        example = "profession-not-in-demand",
        pattern = "^[a-z0-9-]{1,64}$",
        max_length = 64
    )]
    pub code: String,
    /// The article the ground rests on, e.g. `Art. 34(2)`.
    #[schema(example = "Art. 34(2)", max_length = 64)]
    pub article: String,
    /// The ground in Kazakh, the state language.
    #[schema(max_length = 500)]
    pub name_kk: String,
    /// The ground in Russian.
    #[schema(max_length = 500)]
    pub name_ru: String,
    /// The ground in English.
    #[schema(max_length = 500)]
    pub name_en: String,
    /// The decisions it refuses; at least one, each once.
    #[schema(min_items = 1, max_items = 3)]
    pub applies_to: Vec<GroundUse>,
}

/// The ministry's list of grounds to refuse a self-employment certificate (Art. 34) or an
/// ICT permit and its extension (Art. 35).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize, Default))]
#[serde(deny_unknown_fields)]
pub struct CaseGrounds {
    /// The grounds, each naming the decisions it refuses.
    #[schema(max_items = 100)]
    pub refusal: Vec<CaseGround>,
    /// Whether the list was checked against the order's text.
    pub confirmed: bool,
    /// The order the grounds come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Pre-trial complaints (APPK No. 350-VI, Art. 91(3)-(4), 92(1), 99), within the
/// Code's limits.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ComplaintRules {
    /// Calendar months from the day the employer learnt of the act within which a
    /// complaint is on time, at least the Code's three (APPK Art. 92(1)); later it is
    /// accepted and marked late (92(3)).
    #[schema(example = 3, minimum = 3, maximum = 4_294_967_295_u32)]
    pub filing_months: u32,
    /// Working days after filing within which the akimat whose act is contested may
    /// satisfy the complaint itself, at most the Code's three (APPK Art. 91(4)).
    #[schema(example = 3, minimum = 1, maximum = 3)]
    pub reconsideration_working_days: u32,
    /// Working days from the day the body considering the complaint received it within
    /// which it decides, at most the Code's twenty (APPK Art. 99).
    #[schema(example = 20, minimum = 1, maximum = 20)]
    pub decision_working_days: u32,
    /// The body considering complaints against each kind of act (APPK Art. 91(3)); a kind
    /// not listed goes to the ministry's authorised unit.
    #[schema(max_items = 4)]
    pub deciding_bodies: Vec<DecidingBodyRule>,
    /// The acts these terms come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// The body considering complaints against one kind of act.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct DecidingBodyRule {
    /// The kind of act.
    pub act: crate::wire::complaints::ActKindWire,
    /// The body that decides complaints against it.
    pub body: crate::wire::complaints::DecidingBodyWire,
}

/// The age from which a labour contract may be concluded (Labour Code Art. 31), which a
/// foreign worker must have reached on the permit's first day; never below sixteen.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct WorkingAgeRule {
    /// Whole years of age on the permit's first day, at least (16 or more).
    #[schema(minimum = 16, maximum = 4_294_967_295_u32)]
    pub minimum_age: u32,
    /// The act the age comes from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// One category of the Government's list of persons who need no permit (Art. 32(2)(11)).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ListedCategory {
    /// Stable code, e.g. `kandas`; each code once.
    #[schema(example = "kandas", max_length = 64)]
    pub code: String,
    /// The category in Kazakh, the state language.
    #[schema(max_length = 500)]
    pub name_kk: String,
    /// The category in Russian.
    #[schema(max_length = 500)]
    pub name_ru: String,
    /// The category in English.
    #[schema(max_length = 500)]
    pub name_en: String,
}

/// The Government's list of persons whose work needs no permit (Art. 32(2)(11)).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize, Default))]
#[serde(deny_unknown_fields)]
pub struct NoPermitList {
    /// The categories of persons the list names.
    #[schema(max_items = 100)]
    pub categories: Vec<ListedCategory>,
    /// Whether the list was checked against the decree's text.
    pub confirmed: bool,
    /// The decree the list comes from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// One ground an akimat refuses or revokes a permit on, from the ministry's list.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct PermitGround {
    /// Stable code, e.g. `kazakh-share-unmet`; each code once per list.
    #[schema(example = "kazakh-share-unmet", max_length = 64)]
    pub code: String,
    /// The article the ground rests on, e.g. `Art. 33(6)`.
    #[schema(example = "Art. 33(6)", max_length = 64)]
    pub article: String,
    /// The ground in Kazakh, the state language.
    #[schema(max_length = 500)]
    pub name_kk: String,
    /// The ground in Russian.
    #[schema(max_length = 500)]
    pub name_ru: String,
    /// The ground in English.
    #[schema(max_length = 500)]
    pub name_en: String,
    /// A revocation on this ground bars the employer from new permits for
    /// `unlawful_engagement_bar_months` months.
    pub bars_employer: bool,
}

/// The ministry's lists of refusal and revocation grounds (Art. 33(2), 9(5)).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct PermitGrounds {
    /// Grounds to refuse an application or an extension (Art. 33(2)).
    #[schema(max_items = 100)]
    pub refusal: Vec<PermitGround>,
    /// Grounds to revoke a permit (Art. 9(5), 33(2)).
    #[schema(max_items = 100)]
    pub revocation: Vec<PermitGround>,
    /// Months an employer is refused new permits after a revocation on a ground that
    /// `bars_employer` (unlawful engagement of foreign labour).
    #[schema(maximum = 4_294_967_295_u32)]
    pub unlawful_engagement_bar_months: u32,
    /// Whether the lists were checked against the order's text.
    pub confirmed: bool,
    /// The order the grounds come from.
    #[schema(max_length = 2000)]
    pub source: String,
    /// Re-issue of a permit for another foreigner. A rule set published without this
    /// section allows none.
    #[cfg_attr(test, serde(default))]
    pub reissue: ReissueRules,
}

/// Re-issue of a permit for another foreigner in place of a worker who left (Order No. 279,
/// under Art. 7(20)): the permit, its employer, regions, term and quota stay; one worker
/// gives way to another.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize, Default))]
#[serde(deny_unknown_fields)]
pub struct ReissueRules {
    /// Whether a permit may be re-issued for another foreigner at all.
    pub allowed: bool,
    /// Whether the newcomer must take the same occupation (NKZ code) as the worker replaced.
    pub same_occupation: bool,
    /// Whether the rule was checked against the order's text.
    pub confirmed: bool,
    /// The act the rule comes from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Unit of a permit term.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    Months,
    Days,
}

/// The terms one may choose from: exactly one of `values` (e.g. 12 months), or, with
/// `up_to`, any term up to the longest value, priced by the tier it falls in (seasonal
/// permits of up to 90/180/270/365 days).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct TermChoice {
    /// Unit of the lengths in `values`.
    pub unit: TermUnit,
    /// Allowed lengths (or, with `up_to`, the tiers' upper bounds) in `unit`, ascending.
    #[schema(example = json!([12]), max_items = 16, inline)]
    pub values: Vec<Term>,
    /// `true`: any term from 1 up to the longest value is allowed, and falls in the tier of
    /// the first value not below it; `false`: only the listed values.
    pub up_to: bool,
}

/// Terms of the permit for one worker category.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct CategoryTerms {
    /// Worker category these terms apply to; every category once.
    pub category: Category,
    /// Terms a first permit may be issued for.
    pub initial: TermChoice,
    /// Terms one extension may add; absent when the category cannot be extended.
    #[schema(required = true)]
    pub extension: Option<TermChoice>,
    /// How many extensions are allowed: 0 when `extension` is absent, `null` for no limit.
    #[schema(required = true, maximum = 4_294_967_295_u32)]
    pub max_extensions: Option<u32>,
    /// The act these numbers come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Category-4 permits oblige the employer to replace the foreigners with Kazakh citizens.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ReplacementDuty {
    /// Shortest replacement period agreed at issue, months.
    #[schema(maximum = 4_294_967_295_u32)]
    pub min_months: u32,
    /// Longest replacement period agreed at issue, months.
    #[schema(maximum = 4_294_967_295_u32)]
    pub max_months: u32,
    /// The order or decree these numbers come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Intra-corporate transfer rules.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct IctRules {
    /// Longest ICT permit term, months: the contract's term capped at three years, a cap
    /// the law fixes (Art. 1(25), 35(1)); any other value is refused
    /// (`statutory-limit-exceeded` or `statutory-minimum-not-met`).
    #[schema(minimum = 36, maximum = 36)]
    pub max_term_months: u32,
    /// Length of the one extension, months: one year, fixed by the law (Art. 1(25), 35(1)).
    #[schema(minimum = 12, maximum = 12)]
    pub extension_months: u32,
    /// Number of extensions allowed: one, fixed by the law (Art. 1(25), 35(1)).
    #[schema(minimum = 1, maximum = 1)]
    pub max_extensions: u32,
    /// ICT foreigners as a percentage of Kazakh staff in the same category, at most (Art. 35(4)).
    #[schema(value_type = super::Percent, example = "50")]
    pub max_percent_of_kazakh_staff: String,
    /// Calendar days after entry within which the employer reports the arrival: ten, fixed
    /// by the law (Art. 35(3)).
    #[schema(minimum = 10, maximum = 10)]
    pub arrival_notice_days: u32,
    /// The law article or order these numbers come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Self-employment certificate rules.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct SelfEmploymentRules {
    /// Longest first certificate, months: 1 to 3 (Art. 34(1)).
    #[schema(minimum = 1, maximum = 3)]
    pub initial_max_months: u32,
    /// Longest extension, months: the contract's term capped at three years, a cap the law
    /// fixes (Art. 34(1),(3)).
    #[schema(minimum = 36, maximum = 36)]
    pub extension_max_months: u32,
    /// Months after issue within which the extension is applied for: three, fixed by the
    /// law (Art. 34(3)).
    #[schema(minimum = 3, maximum = 3)]
    pub extension_apply_within_months: u32,
    /// The law article or order these numbers come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Minimum Kazakh share of staff over a group of worker categories (e.g. 1 and 2 together).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ShareRatio {
    /// Worker categories counted together for this ratio; each category in one ratio at most.
    #[schema(example = json!(["1", "2"]), max_items = 5)]
    pub categories: Vec<Category>,
    /// Kazakh citizens as a percentage of staff, at least.
    #[schema(value_type = super::Percent, example = "70")]
    pub min_kazakh_percent: String,
}

/// Kazakh-share ratio rules.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct KazakhShareRules {
    /// Minimum Kazakh share per group of worker categories; categories 1-4 each in exactly
    /// one group (Art. 33(6)).
    #[schema(max_items = 4)]
    pub ratios: Vec<ShareRatio>,
    /// Branches and representative offices of foreign legal entities with at most this many
    /// employees are exempt.
    #[schema(maximum = 4_294_967_295_u32)]
    pub exemption_max_employees: u32,
    /// Citizens of Eurasian Economic Union states count as foreigners for the ratio: always
    /// `false`, they are not foreign labour (Art. 2(3)); `true` is refused
    /// (`statutory-rule-fixed`).
    pub eaeu_citizens_count_as_foreign: bool,
    /// Posted workers under a staffing-services contract count: always `true` (Art. 33(6));
    /// `false` is refused (`statutory-rule-fixed`).
    pub posted_workers_count: bool,
    /// The order or decree these numbers come from.
    #[schema(max_length = 2000)]
    pub source: String,
    /// Small-business entities exempt from the share, from a date; absent (a rule set
    /// published before this section existed): no such exemption.
    #[cfg_attr(test, serde(default))]
    pub small_business_exemption: Option<SmallBusinessExemption>,
}

/// Small-business entities with few employees keep no Kazakh share (Order No. 279 as
/// amended by Order No. 93 of 28.03.2025, from 01.09.2025, under Art. 33(6)).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct SmallBusinessExemption {
    /// The first day the exemption applies; before it, none.
    #[schema(example = "2025-09-01")]
    pub applies_from: NaiveDate,
    /// Small-business entities with at most this many employees are exempt.
    #[schema(example = 20, maximum = 4_294_967_295_u32)]
    pub max_employees: u32,
    /// Whether the rule was checked against the order's text.
    pub confirmed: bool,
    /// The act the exemption comes from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Fee for a permit of one particular term, in MRP per foreign worker.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct TermFee {
    /// Permit term this rate is for, months (category 1: 12, 24 or 36).
    #[schema(maximum = 4_294_967_295_u32)]
    pub term_months: u32,
    /// Fee per foreign worker for a permit of this term, in MRP (Art. 33(4)).
    #[schema(maximum = 4_294_967_295_u32)]
    pub mrp: u32,
}

/// Fee multiple for one category, in MRP per foreign worker.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct CategoryFee {
    /// Worker category the fee is for.
    pub category: Category,
    /// Fee per foreign worker, in MRP, for any term without its own rate in `by_term`
    /// (Art. 33(4)).
    #[schema(maximum = 4_294_967_295_u32)]
    pub mrp: u32,
    /// Rates that depend on the permit term (category 1: 1, 2 or 3 years), ascending by
    /// `term_months`, each term once; empty when the fee does not depend on the term.
    #[schema(max_items = 16)]
    pub by_term: Vec<TermFee>,
}

/// A group of OKED sections that pays the same fee.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct SectorFeeGroup {
    /// Number of the fee group, each group once.
    #[schema(maximum = 4_294_967_295_u32)]
    pub group: u32,
    /// OKED sections in this group; each section in one group at most.
    #[schema(example = json!(["B", "G"]), max_items = 21)]
    pub sectors: Vec<SectorCode>,
    /// Fee per worker category for employers in these sections; categories 1-4 each once.
    #[schema(max_items = 5)]
    pub fees: Vec<CategoryFee>,
    /// Whether the rates and the sector list were checked against the decree's text.
    pub confirmed: bool,
    /// The decree and table these rates and sections come from, and what is unconfirmed.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Seasonal permits pay by duration: up to `max_days` days costs `mrp` MRP.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct SeasonalFee {
    /// Longest permit term this fee covers, in days.
    #[schema(maximum = 4_294_967_295_u32)]
    pub max_days: u32,
    /// Fee per seasonal foreign worker, in MRP (Art. 33(4)).
    #[schema(maximum = 4_294_967_295_u32)]
    pub mrp: u32,
}

/// Permit fee tables.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct FeeRules {
    /// Fees by the employer's OKED sector group; each section in one group at most (Art. 33(4)).
    #[schema(max_items = 21)]
    pub sector_groups: Vec<SectorFeeGroup>,
    /// Seasonal permit fees by term, ascending by `max_days` (Art. 33(4)).
    #[schema(max_items = 16)]
    pub seasonal: Vec<SeasonalFee>,
    /// ICT permits pay no fee (Art. 33(4)).
    pub ict_exempt: bool,
    /// The decree these rates come from (Art. 33(4)).
    #[schema(max_length = 2000)]
    pub source: String,
}

/// One MRP value and the date it applies from.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct MrpValue {
    /// First day the value applies; it applies until the next value's date.
    pub valid_from: NaiveDate,
    /// One MRP, in tenge.
    pub tenge: Money,
}

/// The MRP by date.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct MrpTable {
    /// MRP values in ascending date order.
    #[schema(max_items = 100)]
    pub values: Vec<MrpValue>,
    /// The laws these values come from (the yearly republican budget laws).
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Deadlines.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// Working days to decide on a first permit.
    #[schema(maximum = 4_294_967_295_u32)]
    pub issue_decision_working_days: u32,
    /// Working days to decide on an extension.
    #[schema(maximum = 4_294_967_295_u32)]
    pub extension_decision_working_days: u32,
    /// Working days after the notice of a positive decision to pay the fee; unpaid, it lapses.
    #[schema(maximum = 4_294_967_295_u32)]
    pub fee_payment_working_days: u32,
    /// The order or decree these deadlines come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Extensions are applied for between `earliest` and `latest` calendar days before expiry.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ExtensionWindow {
    /// An extension may be applied for at most this many calendar days before the permit expires.
    #[schema(maximum = 4_294_967_295_u32)]
    pub earliest_days_before_expiry: u32,
    /// An extension must be applied for at least this many calendar days before the permit expires.
    #[schema(maximum = 4_294_967_295_u32)]
    pub latest_days_before_expiry: u32,
    /// The order or decree these numbers come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// Business trips of permitted workers to other ATUs.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct BusinessTripRules {
    /// Calendar days per calendar year: 90, fixed by the law (Art. 33(3)); any other value
    /// is refused (`statutory-limit-exceeded` or `statutory-minimum-not-met`).
    #[schema(minimum = 90, maximum = 90)]
    pub max_days_per_calendar_year: u32,
    /// The act these numbers come from (Art. 33(3)).
    #[schema(max_length = 2000)]
    pub source: String,
}

/// The vacancy must be published on the Electronic Labour Exchange before applying.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct LabourMarketTest {
    /// Applications from this date on need the test.
    pub applies_from: NaiveDate,
    /// Calendar days the vacancy is published before the application, at least.
    #[schema(maximum = 4_294_967_295_u32)]
    pub min_days_published: u32,
    /// The order or decree the test comes from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// The yearly quota-demand cycle: employers file next year's need between `filing_opens`
/// and `filing_closes` (month-day, in the year before the quota year).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct QuotaDemandCycle {
    /// First month-day (of the year before the quota year) to file demand (Art. 32(5)).
    pub filing_opens: MonthDay,
    /// Last month-day (of the year before the quota year) to file demand (Art. 32(5)).
    pub filing_closes: MonthDay,
    /// Akimats send the regional proposals to the ministry by this month-day.
    pub regional_proposals_due: MonthDay,
    /// The order or decree these dates come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// An in-demand profession of a priority sector (Art. 7(21), 34(1)).
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct InDemandProfession {
    /// Name of the profession.
    #[schema(example = "Software developer", max_length = 200)]
    pub name: String,
    /// The priority sector (OKED section letter) the profession belongs to; one of
    /// `priority_sectors`.
    #[schema(example = "J")]
    pub sector: SectorCode,
    /// Code of the occupation in the national classifier of occupations (NKZ, after ISCO-08):
    /// four digits, optionally followed by `-` and more digits.
    #[schema(example = "2512", max_length = 32, pattern = "^[0-9]{4}(-[0-9]+)*$")]
    pub occupation_code: String,
    /// The profession asks for higher education (Art. 34(4)); absent in older versions: no.
    #[serde(default)]
    pub higher_education_required: bool,
    /// Years of work experience in the profession the profession asks for, at least
    /// (Art. 34(4)); absent in older versions: none.
    #[serde(default)]
    #[schema(example = 3, maximum = 4_294_967_295_u32)]
    pub min_experience_years: u32,
}

/// Lists the ministry keeps.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ProfessionLists {
    /// Priority sectors for self-employment (Art. 7(21)).
    #[schema(max_items = 21)]
    pub priority_sectors: Vec<SectorCode>,
    /// In-demand professions for self-employment, each in a priority sector (Art. 7(21)).
    #[schema(max_items = 1000)]
    pub in_demand_professions: Vec<InDemandProfession>,
    /// Professions open to seasonal foreign workers (Art. 7(21-1)).
    #[schema(max_items = 1000, inline)]
    pub seasonal_professions: Vec<Profession>,
    /// Whether the lists were checked against the order's text.
    pub confirmed: bool,
    /// The order or decree these lists come from.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// One year of the working calendar: the weekdays that are days off and the weekend days
/// that are working days. A holiday on a Saturday or Sunday moves to the next working day
/// (except Orthodox Christmas and Kurban Ait); the moved day is listed in `days_off`.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    /// The calendar year.
    #[schema(example = 2026, minimum = -2_147_483_648, maximum = 2_147_483_647)]
    pub year: i32,
    /// Mondays to Fridays that are not working days: public holidays, holidays moved from a
    /// weekend, days off transferred by a Government decree. Ascending, in `year`.
    #[schema(max_items = 366)]
    pub days_off: Vec<NaiveDate>,
    /// Saturdays and Sundays that a Government decree made working days (transfer of days
    /// off). Ascending, in `year`.
    #[schema(max_items = 366)]
    pub working_weekend_days: Vec<NaiveDate>,
    /// Whether this year was checked against the official calendar and decrees.
    pub confirmed: bool,
    /// The law, decrees and announcements this year comes from, and what is unconfirmed.
    #[schema(max_length = 2000)]
    pub source: String,
}

/// The working calendar, by year; a year not listed has only Saturdays and Sundays off.
#[derive(ToSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct HolidayCalendar {
    /// One entry per year, ascending.
    #[schema(max_items = 100)]
    pub years: Vec<HolidayYear>,
    /// The laws that set holidays and the rule that moves them.
    #[schema(max_length = 2000)]
    pub source: String,
}

#[cfg(test)]
mod tests {
    use crate::domain::ruleset::RuleSet as Domain;
    use serde_json::{json, Value};

    fn seeded() -> Value {
        let text = include_str!("../../../config/seed/rule-set.json");
        serde_json::from_str::<Value>(text).unwrap()["rules"].clone()
    }

    /// Whether the domain takes `v` as a rule set without a problem, and whether the mirror
    /// parses it.
    fn accepted(v: &Value) -> (bool, bool) {
        let domain =
            serde_json::from_value::<Domain>(v.clone()).is_ok_and(|r| r.problems().is_empty());
        let mirror = serde_json::from_value::<super::RuleSet>(v.clone()).is_ok();
        (domain, mirror)
    }

    /// A key as a JSON pointer writes it (RFC 6901: `~` as `~0`, `/` as `~1`): the words'
    /// keys are English texts, some with slashes.
    fn token(key: &str) -> String {
        key.replace('~', "~0").replace('/', "~1")
    }

    /// Every object in the seeded rule set, by its JSON pointer.
    fn objects(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(fields) => {
                out.push(at.clone());
                for (k, x) in fields {
                    objects(x, format!("{at}/{}", token(k)), out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    objects(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_mirror_and_the_domain_accept_the_seeded_rule_set() {
        assert_eq!(accepted(&seeded()), (true, true));
    }

    /// Without any one field, or with one unknown field, the mirror and the domain agree:
    /// the contract's required fields and `additionalProperties: false` are the domain's.
    /// (A missing `Option` field is taken by both; the contract lists it as required and
    /// nullable because responses always send it.)
    #[test]
    fn the_mirror_and_the_domain_refuse_the_same_missing_and_unknown_fields() {
        let seeded = seeded();
        let mut at = Vec::new();
        objects(&seeded, String::new(), &mut at);
        for pointer in at {
            let keys: Vec<String> = seeded
                .pointer(&pointer)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            for key in keys {
                let mut v = seeded.clone();
                v.pointer_mut(&pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(&key);
                let (domain, mirror) = accepted(&v);
                assert!(
                    !domain || mirror,
                    "without {pointer}/{key}: the domain takes what the mirror refuses"
                );
                assert_eq!(
                    serde_json::from_value::<Domain>(v).is_ok(),
                    mirror,
                    "without {pointer}/{key}"
                );
            }
            let mut v = seeded.clone();
            v.pointer_mut(&pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert("unknown".into(), json!(1));
            assert_eq!(accepted(&v), (false, false), "unknown field in {pointer}");
        }
    }

    /// A string one character over its `maxLength`, or a list one entry over its `maxItems`,
    /// anywhere in the seeded rule set is refused by the domain.
    #[test]
    fn the_domain_refuses_what_the_contract_bounds() {
        let doc = serde_json::to_value(crate::api::openapi()).unwrap();
        let schemas = &doc["components"]["schemas"];
        let seeded = seeded();
        let mut over = Vec::new();
        bounded(
            &seeded,
            &schemas["RuleSet"],
            schemas,
            String::new(),
            &mut over,
        );
        assert!(over.len() > 40, "only {} bounded values found", over.len());
        for (pointer, too_big) in over {
            let mut v = seeded.clone();
            *v.pointer_mut(&pointer).unwrap() = too_big;
            assert!(!accepted(&v).0, "{pointer} over its bound is taken");
        }
    }

    /// The JSON pointer and an over-the-bound replacement of every bounded value in `v`.
    fn bounded(
        v: &Value,
        schema: &Value,
        schemas: &Value,
        at: String,
        out: &mut Vec<(String, Value)>,
    ) {
        if let Some(name) = schema["$ref"].as_str() {
            let name = name.rsplit('/').next().unwrap();
            return bounded(v, &schemas[name], schemas, at, out);
        }
        if let Some(one_of) = schema["oneOf"].as_array() {
            for s in one_of.iter().filter(|s| s["type"] != "null") {
                bounded(v, s, schemas, at.clone(), out);
            }
            return;
        }
        match v {
            Value::String(_) => {
                if let Some(max) = schema["maxLength"].as_u64() {
                    out.push((at, Value::String("7".repeat(max as usize + 1))));
                }
            }
            Value::Array(items) => {
                if let (Some(max), Some(last)) = (schema["maxItems"].as_u64(), items.last()) {
                    let mut longer = items.clone();
                    longer.resize(max as usize + 1, last.clone());
                    out.push((at.clone(), Value::Array(longer)));
                }
                for (i, x) in items.iter().enumerate() {
                    bounded(x, &schema["items"], schemas, format!("{at}/{i}"), out);
                }
            }
            Value::Object(fields) => {
                for (k, x) in fields {
                    bounded(
                        x,
                        &schema["properties"][k],
                        schemas,
                        format!("{at}/{}", token(k)),
                        out,
                    );
                }
            }
            _ => {}
        }
    }
}
