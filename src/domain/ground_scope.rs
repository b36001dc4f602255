//! Which of the rule set's grounds may be used for which permit: a ground that rests on a
//! duty only some permits carry is offered, and accepted, only for those.

use super::article::{Article, ART_33_2};
use super::category::Category;
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

#[cfg(test)]
mod tests {
    use super::*;

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
