//! The limits Law 482-V itself fixes. The ministry's numbers (the rule set) live within
//! them: a rule set that goes beyond one is refused. These constants are the only numbers
//! of the regime allowed in code; each cites its article.

use crate::domain::article::*;
use crate::domain::ProblemCode;
use crate::domain::Violation;

/// Art. 33(3): business trips of a permitted worker outside the ATUs named in the permit,
/// calendar days in total within one calendar year, at most.
pub const MAX_BUSINESS_TRIP_DAYS_PER_YEAR: u32 = 90;

/// Art. 34(1): a first self-employment certificate, months, at most.
pub const MAX_SELF_EMPLOYMENT_INITIAL_MONTHS: u32 = 3;

/// Art. 34(1),(3): the extension of a self-employment certificate, months, at most
/// (the labour-contract term, but not more than three years).
pub const MAX_SELF_EMPLOYMENT_EXTENSION_MONTHS: u32 = 36;

/// Art. 34(3): the extension is applied for within this many months of the certificate's
/// issue, at most.
pub const MAX_SELF_EMPLOYMENT_APPLY_WITHIN_MONTHS: u32 = 3;

/// Art. 35(1), 1(25): an ICT permit, months, at most (three years).
pub const MAX_ICT_TERM_MONTHS: u32 = 36;

/// Art. 35(1), 1(25): the one extension of an ICT permit, months, at most (one year).
pub const MAX_ICT_EXTENSION_MONTHS: u32 = 12;

/// Art. 35(1), 1(25): number of extensions of an ICT permit, at most.
pub const MAX_ICT_EXTENSIONS: u32 = 1;

/// Art. 35(3): calendar days after the foreigners enter Kazakhstan within which the
/// employer reports an intra-corporate transfer, at most.
pub const MAX_ICT_ARRIVAL_NOTICE_DAYS: u32 = 10;

/// Art. 32(2)(7): a special-economic-zone participant's foreign staff are outside the quota
/// only when its project costs more than this many MRP (one million).
pub const MIN_SEZ_PROJECT_VALUE_MRP: u64 = 1_000_000;

/// Art. 32(2)(3),(7): a contractor of a priority investment project or of a
/// special-economic-zone participant engages foreign staff outside the quota only until
/// this many months (one year) after the object is commissioned.
pub const CONTRACTOR_EXEMPTION_MONTHS: u32 = 12;

/// Labour Code of the Republic of Kazakhstan, Art. 31(1): a labour contract is concluded
/// with a person who has reached sixteen (the Code's exceptions from fourteen and fifteen,
/// with a parent's consent, are for light work and study, not for a permit to attract
/// foreign labour). The rule set's minimum working age is never below it.
pub const MIN_WORKING_AGE: u32 = 16;

/// The act of [`MIN_WORKING_AGE`].
pub const WORKING_AGE_SOURCE: &str =
    "Labour Code of the Republic of Kazakhstan No. 414-V of 23.11.2015, Art. 31(1)";

/// APPK Art. 92(1): a complaint is filed no later than three months from the day the
/// participant learnt of the act; a rule set cannot give less.
pub const APPK_FILING_MONTHS: u32 = 3;

/// APPK Art. 91(4): working days the body whose act is contested has to satisfy the
/// complaint itself before it passes it to the body considering complaints, at most.
pub const APPK_RECONSIDERATION_WORKING_DAYS: u32 = 3;

/// APPK Art. 99: working days the body considering the complaint has to decide it,
/// from the day it received it, at most.
pub const APPK_DECISION_WORKING_DAYS: u32 = 20;

/// The act of the complaint terms.
pub const APPK_SOURCE: &str =
    "Administrative Procedural and Process-Related Code of the Republic of Kazakhstan No. 350-VI of 29.06.2020, Art. 91(3)-(4), 92(1), 99";

/// Labour Code Art. 31: the rule set's minimum working age is never below sixteen
/// (`statutory-minimum-not-met`); the rule set may raise it. `years`: the age, in years.
pub fn check_working_age(field: &str, years: u32) -> Option<Violation> {
    within(field, years, MIN_WORKING_AGE, u32::MAX, LABOUR_CODE_31)
}

/// Code of a violation: a rule-set number goes beyond the limit the law fixes.
pub const STATUTORY_LIMIT_EXCEEDED: ProblemCode = ProblemCode::StatutoryLimitExceeded;

/// Code of a violation: a rule-set number falls short of what the law gives (a term or a
/// deadline the law grants the employer or the foreigner cannot be cut below it).
pub const STATUTORY_MINIMUM_NOT_MET: ProblemCode = ProblemCode::StatutoryMinimumNotMet;

/// Code of a violation: a rule-set switch says the opposite of what the law fixes.
pub const STATUTORY_RULE_FIXED: ProblemCode = ProblemCode::StatutoryRuleFixed;

/// Code of a violation: a rule set charges a fee for intra-corporate transfers.
pub const ICT_FEE_NOT_ALLOWED: ProblemCode = ProblemCode::IctFeeNotAllowed;

/// `value` of the rule-set field `field` lies within `minimum..=limit`, the bounds the
/// article gives; a number the law fixes has `minimum == limit`.
fn within(
    field: &str,
    value: u32,
    minimum: u32,
    limit: u32,
    article: Article,
) -> Option<Violation> {
    if value > limit {
        Some(
            Violation::new(STATUTORY_LIMIT_EXCEEDED, article)
                .text("field", field)
                .arg("value", value)
                .arg("limit", limit),
        )
    } else if value < minimum {
        Some(
            Violation::new(STATUTORY_MINIMUM_NOT_MET, article)
                .text("field", field)
                .arg("value", value)
                .arg("minimum", minimum),
        )
    } else {
        None
    }
}

/// The rule-set switch `field` is `value` where the article fixes `required`.
fn fixed_switch(field: &str, value: bool, required: bool, article: Article) -> Option<Violation> {
    (value != required).then(|| {
        Violation::new(STATUTORY_RULE_FIXED, article)
            .text("field", field)
            .text("required", required)
    })
}

/// Art. 33(3): the employer may send a permitted worker on business trips outside the
/// permit's ATUs for 90 calendar days in total a calendar year. The law gives the employer
/// those 90 days, so the rule set can neither add to them nor take any away.
/// `days`: calendar days a year.
pub fn check_business_trip_days(field: &str, days: u32) -> Option<Violation> {
    within(
        field,
        days,
        MAX_BUSINESS_TRIP_DAYS_PER_YEAR,
        MAX_BUSINESS_TRIP_DAYS_PER_YEAR,
        ART_33_3,
    )
}

/// Art. 34(1): a first self-employment certificate lasts at most three months, and at
/// least one (a certificate of no months gives nothing). `months`: the longest first
/// certificate the rule set allows.
pub fn check_self_employment_initial(field: &str, months: u32) -> Option<Violation> {
    within(
        field,
        months,
        1,
        MAX_SELF_EMPLOYMENT_INITIAL_MONTHS,
        ART_34_1,
    )
}

/// Art. 34(1): a self-employment certificate is extended for the labour contract's term,
/// but not more than three years. The law ties the term to the contract, so the rule set
/// cannot cut it below three years. `months`: the longest extension the rule set allows.
pub fn check_self_employment_extension(field: &str, months: u32) -> Option<Violation> {
    within(
        field,
        months,
        MAX_SELF_EMPLOYMENT_EXTENSION_MONTHS,
        MAX_SELF_EMPLOYMENT_EXTENSION_MONTHS,
        ART_34_1,
    )
}

/// Art. 34(3): the extension is applied for within three months of the certificate's
/// issue; the law gives the foreigner those three months. `months`: the window the rule
/// set allows.
pub fn check_self_employment_apply_within(field: &str, months: u32) -> Option<Violation> {
    within(
        field,
        months,
        MAX_SELF_EMPLOYMENT_APPLY_WITHIN_MONTHS,
        MAX_SELF_EMPLOYMENT_APPLY_WITHIN_MONTHS,
        ART_34_3,
    )
}

/// Art. 35(1), 1(25): an ICT permit runs for the labour contract's term but not more than
/// three years; the law ties the term to the contract, so the rule set cannot cut it below
/// three years. `months`: the longest ICT permit the rule set allows.
pub fn check_ict_term(field: &str, months: u32) -> Option<Violation> {
    within(
        field,
        months,
        MAX_ICT_TERM_MONTHS,
        MAX_ICT_TERM_MONTHS,
        ART_35_1,
    )
}

/// Art. 35(1), 1(25): the law gives an ICT permit the right to one extension of one year.
/// `months`: length of an extension; `count`: number of extensions the rule set allows;
/// both are fixed by the law.
pub fn check_ict_extension(
    months_field: &str,
    months: u32,
    count_field: &str,
    count: u32,
) -> Vec<Violation> {
    [
        within(
            months_field,
            months,
            MAX_ICT_EXTENSION_MONTHS,
            MAX_ICT_EXTENSION_MONTHS,
            ART_35_1,
        ),
        within(
            count_field,
            count,
            MAX_ICT_EXTENSIONS,
            MAX_ICT_EXTENSIONS,
            ART_35_1,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Art. 35(3): the employer reports an ICT arrival within ten calendar days of entry; the
/// law gives the employer those ten days, so the rule set can neither lengthen nor shorten
/// them. `days`: calendar days.
pub fn check_ict_arrival_notice(field: &str, days: u32) -> Option<Violation> {
    within(
        field,
        days,
        MAX_ICT_ARRIVAL_NOTICE_DAYS,
        MAX_ICT_ARRIVAL_NOTICE_DAYS,
        ART_35_3,
    )
}

/// Art. 33(4): the permit fee does not apply to intra-corporate transfers, so a rule set
/// must keep ICT permits free. `exempt`: the rule set's `ict_exempt`.
pub fn check_ict_fee_exempt(field: &str, exempt: bool) -> Option<Violation> {
    (!exempt).then(|| Violation::new(ICT_FEE_NOT_ALLOWED, ART_33_4).text("field", field))
}

/// Art. 33(6): the foreigners an employer engages are counted against the Kazakh share
/// **together with the posted workers** of a sending party under a staffing-services
/// contract. `counted`: the rule set's `posted_workers_count`, which must be `true`.
pub fn check_posted_workers_count(field: &str, counted: bool) -> Option<Violation> {
    fixed_switch(field, counted, true, ART_33_6)
}

/// Art. 2(3): citizens of Eurasian Economic Union states work in Kazakhstan without
/// permits, on the terms of the Union's treaty, so they are not foreign labour for the
/// Kazakh share. `counted`: the rule set's `eaeu_citizens_count_as_foreign`, which must
/// be `false`.
pub fn check_eaeu_citizens_not_foreign(field: &str, counted: bool) -> Option<Violation> {
    fixed_switch(field, counted, false, ART_2_3)
}

/// APPK Art. 92(1): the rule set cannot cut the three months the Code gives to file a
/// complaint. `months`: calendar months from the day the act was notified.
pub fn check_complaint_filing_months(field: &str, months: u32) -> Option<Violation> {
    within(field, months, APPK_FILING_MONTHS, u32::MAX, APPK_92_1)
}

/// APPK Art. 91(4): the body whose act is contested has at most three working days to
/// satisfy the complaint itself before it must pass it on. `days`: working days.
pub fn check_complaint_reconsideration_days(field: &str, days: u32) -> Option<Violation> {
    within(field, days, 1, APPK_RECONSIDERATION_WORKING_DAYS, APPK_91_4)
}

/// APPK Art. 99: the body considering the complaint decides within twenty working
/// days at most (a law may set a shorter term). `days`: working days.
pub fn check_complaint_decision_days(field: &str, days: u32) -> Option<Violation> {
    within(field, days, 1, APPK_DECISION_WORKING_DAYS, APPK_99)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::violation::Arg;

    #[test]
    fn appk_a_rule_set_cannot_shorten_the_filing_term_or_lengthen_the_bodies_terms() {
        assert_eq!(check_complaint_filing_months("f", 3), None);
        assert_eq!(check_complaint_filing_months("f", 6), None);
        let v = check_complaint_filing_months("f", 2).unwrap();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            (STATUTORY_MINIMUM_NOT_MET.as_str(), Some("APPK Art. 92(1)"))
        );
        assert_eq!(check_complaint_reconsideration_days("f", 3), None);
        let v = check_complaint_reconsideration_days("f", 4).unwrap();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            (STATUTORY_LIMIT_EXCEEDED.as_str(), Some("APPK Art. 91(4)"))
        );
        // A special law may set a shorter term (the Law on State Services: 15 days).
        assert_eq!(check_complaint_decision_days("f", 15), None);
        let v = check_complaint_decision_days("f", 21).unwrap();
        assert_eq!(v.get("limit"), Some(&Arg::Number(20)));
        assert_eq!(v.article.as_deref(), Some("APPK Art. 99"));
    }

    #[test]
    fn art_33_3_the_90_trip_days_a_year_are_within_the_law() {
        assert_eq!(check_business_trip_days("t", 90), None);
    }

    #[test]
    fn art_33_3_fewer_trip_days_than_the_law_gives_are_refused() {
        for days in [0, 1, 30, 89] {
            let v = check_business_trip_days("t", days).unwrap();
            assert_eq!(v.code, STATUTORY_MINIMUM_NOT_MET);
            assert_eq!(v.article.as_deref(), Some("Art. 33(3)"));
            assert_eq!(v.get("minimum"), Some(&Arg::Number(90)));
        }
    }

    #[test]
    fn art_34_1_a_certificate_of_no_months_is_refused() {
        let v = check_self_employment_initial("f", 0).unwrap();
        assert_eq!(v.code, STATUTORY_MINIMUM_NOT_MET);
        assert_eq!(v.article.as_deref(), Some("Art. 34(1)"));
        assert_eq!(check_self_employment_initial("f", 1), None);
        assert_eq!(
            check_self_employment_extension("f", 0).unwrap().code,
            STATUTORY_MINIMUM_NOT_MET
        );
    }

    #[test]
    fn art_34_3_an_extension_window_shorter_than_3_months_is_refused() {
        for months in [0, 2] {
            let v = check_self_employment_apply_within("f", months).unwrap();
            assert_eq!(v.code, STATUTORY_MINIMUM_NOT_MET);
            assert_eq!(v.article.as_deref(), Some("Art. 34(3)"));
        }
    }

    #[test]
    fn art_35_1_an_ict_permit_without_its_one_year_extension_is_refused() {
        let v = check_ict_extension("m", 12, "n", 0);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].code, STATUTORY_MINIMUM_NOT_MET);
        assert_eq!(v[0].article.as_deref(), Some("Art. 35(1)"));
        assert_eq!(check_ict_extension("m", 0, "n", 1).len(), 1);
        assert_eq!(
            check_ict_term("f", 0).unwrap().code,
            STATUTORY_MINIMUM_NOT_MET
        );
    }

    #[test]
    fn art_35_3_an_arrival_notice_deadline_shorter_than_10_days_is_refused() {
        for days in [0, 1, 9] {
            let v = check_ict_arrival_notice("f", days).unwrap();
            assert_eq!(v.code, STATUTORY_MINIMUM_NOT_MET);
            assert_eq!(v.get("minimum"), Some(&Arg::Number(10)));
        }
    }

    #[test]
    fn labour_code_31_a_working_age_below_16_is_refused_as_below_the_minimum_and_above_it_is_not() {
        for years in [0, 14, 15] {
            let v = check_working_age("f", years).unwrap();
            assert_eq!(v.code, STATUTORY_MINIMUM_NOT_MET);
            assert_eq!(v.article.as_deref(), Some("Labour Code of the RK, Art. 31"));
            assert_eq!(v.get("minimum"), Some(&Arg::Number(16)));
        }
        for years in [16, 18, 60] {
            assert_eq!(check_working_age("f", years), None);
        }
    }

    #[test]
    fn art_33_6_posted_workers_always_count_towards_the_ratio() {
        assert_eq!(check_posted_workers_count("f", true), None);
        let v = check_posted_workers_count("f", false).unwrap();
        assert_eq!(v.code, STATUTORY_RULE_FIXED);
        assert_eq!(v.article.as_deref(), Some("Art. 33(6)"));
        assert_eq!(v.get("required"), Some(&Arg::Text("true".into())));
    }

    #[test]
    fn art_2_3_eaeu_citizens_never_count_as_foreign_labour() {
        assert_eq!(check_eaeu_citizens_not_foreign("f", false), None);
        let v = check_eaeu_citizens_not_foreign("f", true).unwrap();
        assert_eq!(v.code, STATUTORY_RULE_FIXED);
        assert_eq!(v.article.as_deref(), Some("Art. 2(3)"));
    }

    #[test]
    fn art_33_3_trips_over_90_days_a_year_exceed_the_law() {
        let v = check_business_trip_days("t", 91).unwrap();
        assert_eq!(v.code, "statutory-limit-exceeded");
        assert_eq!(v.article.as_deref(), Some("Art. 33(3)"));
        assert_eq!(v.get("limit"), Some(&Arg::Number(90)));
    }

    #[test]
    fn art_34_1_certificates_over_3_months_or_extensions_over_3_years_exceed_the_law() {
        assert_eq!(check_self_employment_initial("f", 3), None);
        assert_eq!(
            check_self_employment_initial("f", 4)
                .unwrap()
                .article
                .as_deref(),
            Some("Art. 34(1)")
        );
        assert_eq!(check_self_employment_extension("f", 36), None);
        assert_eq!(
            check_self_employment_extension("f", 37)
                .unwrap()
                .article
                .as_deref(),
            Some("Art. 34(1)")
        );
    }

    #[test]
    fn art_34_3_an_extension_window_over_3_months_exceeds_the_law() {
        assert_eq!(check_self_employment_apply_within("f", 3), None);
        assert_eq!(
            check_self_employment_apply_within("f", 6)
                .unwrap()
                .article
                .as_deref(),
            Some("Art. 34(3)")
        );
    }

    #[test]
    fn art_35_1_ict_over_3_years_or_more_than_one_extension_of_1_year_exceeds_the_law() {
        assert_eq!(check_ict_term("f", 36), None);
        assert_eq!(
            check_ict_term("f", 120).unwrap().article.as_deref(),
            Some("Art. 35(1)")
        );
        assert!(check_ict_extension("m", 12, "n", 1).is_empty());
        let both = check_ict_extension("m", 24, "n", 2);
        assert_eq!(both.len(), 2);
        assert!(both.iter().all(|v| v.code == "statutory-limit-exceeded"));
    }

    #[test]
    fn art_35_3_an_arrival_notice_later_than_10_days_exceeds_the_law() {
        assert_eq!(check_ict_arrival_notice("f", 10), None);
        assert_eq!(
            check_ict_arrival_notice("f", 11)
                .unwrap()
                .article
                .as_deref(),
            Some("Art. 35(3)")
        );
    }

    #[test]
    fn art_33_4_an_ict_fee_is_not_allowed() {
        assert_eq!(check_ict_fee_exempt("f", true), None);
        let v = check_ict_fee_exempt("f", false).unwrap();
        assert_eq!(v.code, "ict-fee-not-allowed");
        assert_eq!(v.article.as_deref(), Some("Art. 33(4)"));
    }
}
