//! Which of the rule set's grounds may be used for which permit: a ground that rests on a
//! duty only some permits carry is offered, and accepted, only for those.

use super::article::{Article, ART_33_2, ART_34_1, ART_35_1};
use super::category::Category;
use super::ruleset::{CaseGround, CaseGrounds, GroundUse};
use super::violation::Violation;
use crate::domain::ProblemCode;

/// The revocation ground of the category-4 replacement obligation (the rule set's code).
pub const REPLACEMENT_OBLIGATION_UNMET: &str = "replacement-obligation-unmet";

/// Where a ground may be used.
pub const GROUND_SCOPE: Article = ART_33_2;

/// Art. 33(2): a permit is revoked for an unmet replacement obligation only when it carries
/// one — a category-4 permit, whose employer committed to replace its foreign workers with
/// Kazakh citizens within the agreed months; every other revocation ground applies to a
/// permit of any category. (Refusal grounds apply to every application: an employer's
/// unmet category-4 commitments refuse its application of any category,
/// `checks::replacements_met`.)
pub fn revocation_ground_applies(code: &str, category: Category) -> bool {
    code != REPLACEMENT_OBLIGATION_UNMET || category == Category::QualifiedWorkers
}

/// [`revocation_ground_applies`] as a refusal of the revocation: 422
/// `ground-not-for-category` naming the ground and the category.
pub fn check_revocation_ground(code: &str, category: Category) -> Result<(), Violation> {
    if revocation_ground_applies(code, category) {
        Ok(())
    } else {
        Err(
            Violation::new(ProblemCode::GroundNotForCategory, GROUND_SCOPE)
                .text("ground", code)
                .text("category", category.code()),
        )
    }
}

/// The article under which the decision `used` is refused: Art. 34(1) for a certificate,
/// Art. 35(1) for an ICT permit and its extension.
pub fn refusal_article(used: GroundUse) -> Article {
    match used {
        GroundUse::Certificate => ART_34_1,
        GroundUse::Ict | GroundUse::IctExtension => ART_35_1,
    }
}

/// Art. 34(1), 35(1): the grounds a refusal of the decision `used` names, read from the
/// rule set's list, each once in the order given. A list with no ground for that decision
/// (a rule set published before `case_grounds` existed) refuses every refusal with
/// `rule-set-lists-no-grounds`: the ministry must publish a version that lists them. A
/// refusal names at least one (`grounds-required`); a code the list does not have is `unknown-ground`; a ground the
/// list has for another kind of case or another decision (an ICT ground for a certificate,
/// an extension's ground for an application) is `ground-not-for-case` — each under the
/// decision's article.
pub fn case_refusal_grounds<'a>(
    list: &'a CaseGrounds,
    codes: &[String],
    used: GroundUse,
) -> Result<Vec<&'a CaseGround>, Violation> {
    let article = refusal_article(used);
    if list.for_use(used).next().is_none() {
        return Err(Violation::new(ProblemCode::RuleSetListsNoGrounds, article)
            .text("decision", used.as_str()));
    }
    if codes.is_empty() {
        return Err(Violation::service_rule(ProblemCode::GroundsRequired));
    }
    let mut out: Vec<&CaseGround> = Vec::new();
    for code in codes {
        let g = list.ground(code).ok_or_else(|| {
            Violation::new(ProblemCode::UnknownGround, article).text("ground", code)
        })?;
        if !g.applies(used) {
            return Err(Violation::new(ProblemCode::GroundNotForCase, article)
                .text("ground", code)
                .text("decision", used.as_str()));
        }
        if !out.iter().any(|o| o.code == g.code) {
            out.push(g);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ground(code: &str, applies_to: Vec<GroundUse>) -> CaseGround {
        CaseGround {
            code: code.into(),
            article: "Art. 35(4)".into(),
            name_kk: "kk".into(),
            name_ru: "ru".into(),
            name_en: "en".into(),
            applies_to,
        }
    }

    fn list() -> CaseGrounds {
        CaseGrounds {
            refusal: vec![
                ground("profession-not-in-demand", vec![GroundUse::Certificate]),
                ground(
                    "ict-ratio-unmet",
                    vec![GroundUse::Ict, GroundUse::IctExtension],
                ),
                ground("ict-contract-not-extended", vec![GroundUse::IctExtension]),
            ],
            confirmed: false,
            source: "test".into(),
        }
    }

    #[test]
    fn art_34_1_35_1_a_refusal_names_grounds_of_its_decision_each_once() {
        let l = list();
        let codes = vec!["ict-ratio-unmet".to_owned(), "ict-ratio-unmet".to_owned()];
        let got = case_refusal_grounds(&l, &codes, GroundUse::Ict).expect("applies");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].code, "ict-ratio-unmet");
        let ext = vec!["ict-contract-not-extended".to_owned()];
        assert!(case_refusal_grounds(&l, &ext, GroundUse::IctExtension).is_ok());
    }

    #[test]
    fn art_34_1_35_1_a_ground_of_another_kind_or_decision_is_refused_with_the_article() {
        let l = list();
        let ict = vec!["ict-ratio-unmet".to_owned()];
        let v = case_refusal_grounds(&l, &ict, GroundUse::Certificate).expect_err("kind");
        assert_eq!(v.code, ProblemCode::GroundNotForCase.as_str());
        assert_eq!(v.article.as_deref(), Some(ART_34_1.cite()));
        let ext = vec!["ict-contract-not-extended".to_owned()];
        let v = case_refusal_grounds(&l, &ext, GroundUse::Ict).expect_err("state");
        assert_eq!(v.code, ProblemCode::GroundNotForCase.as_str());
        assert_eq!(v.article.as_deref(), Some(ART_35_1.cite()));
    }

    #[test]
    fn art_34_1_a_refusal_without_grounds_or_with_an_unlisted_one_is_refused() {
        let l = list();
        let v = case_refusal_grounds(&l, &[], GroundUse::Certificate).expect_err("none");
        assert_eq!(v.code, ProblemCode::GroundsRequired.as_str());
        let v = case_refusal_grounds(&l, &["unreliable-documents".to_owned()], GroundUse::Ict)
            .expect_err("unlisted");
        assert_eq!(v.code, ProblemCode::UnknownGround.as_str());
    }

    #[test]
    fn art_34_1_35_1_a_rule_set_listing_no_grounds_for_a_decision_says_so_whatever_is_named() {
        let none = CaseGrounds::default();
        for used in [
            GroundUse::Certificate,
            GroundUse::Ict,
            GroundUse::IctExtension,
        ] {
            for codes in [vec![], vec!["ict-ratio-unmet".to_owned()]] {
                let v = case_refusal_grounds(&none, &codes, used).expect_err("no list");
                assert_eq!(v.code, ProblemCode::RuleSetListsNoGrounds.as_str());
                assert_eq!(v.article.as_deref(), Some(refusal_article(used).cite()));
            }
        }
        // A list with grounds for other decisions only: none for this one.
        let ict_only = CaseGrounds {
            refusal: vec![ground("ict-ratio-unmet", vec![GroundUse::Ict])],
            ..list()
        };
        let v = case_refusal_grounds(&ict_only, &[], GroundUse::Certificate).expect_err("none");
        assert_eq!(v.code, ProblemCode::RuleSetListsNoGrounds.as_str());
        let v = case_refusal_grounds(&ict_only, &[], GroundUse::Ict).expect_err("none named");
        assert_eq!(v.code, ProblemCode::GroundsRequired.as_str());
    }

    #[test]
    fn art_33_2_the_replacement_ground_revokes_only_category_4_permits() {
        assert!(revocation_ground_applies(
            REPLACEMENT_OBLIGATION_UNMET,
            Category::QualifiedWorkers
        ));
        for c in Category::ALL
            .into_iter()
            .filter(|c| *c != Category::QualifiedWorkers)
        {
            assert!(!revocation_ground_applies(REPLACEMENT_OBLIGATION_UNMET, c));
            assert!(check_revocation_ground(REPLACEMENT_OBLIGATION_UNMET, c).is_err());
        }
    }

    #[test]
    fn art_33_2_other_revocation_grounds_apply_to_every_category() {
        for c in Category::ALL {
            assert!(revocation_ground_applies("unlawful-engagement", c));
            assert!(check_revocation_ground("kazakh-share-breached", c).is_ok());
        }
    }
}
