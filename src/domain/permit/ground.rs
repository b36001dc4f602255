//! The grounds a permit ends on (`permits.end_ground`) and how a reader reads them: the
//! service's own grounds — an unpaid fee (Art. 33(4)), a return by the employer (the
//! service's own rule), the end of the permit an extension extends (Art. 33(2)) — in the
//! catalogue's words, and the rule set's revocation grounds (Art. 9(5), 33(2)) in the
//! names the ministry's list gives them, each with the article that carries it. A stored
//! code never reaches a reader as such.

use super::lifecycle::{PermitEvent, PermitState};
use crate::domain::article::{cite_all, Article};
use crate::domain::ruleset::{PermitGround, PermitGrounds};
use crate::domain::Message;

/// How the permit an extension extends ended before the extension was issued: the
/// extension ends with it (Art. 33(2)) on the ground `parent-revoked`, … .
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentEnd {
    Revoked,
    Returned,
    Lapsed,
    Expired,
    /// Re-issued for another foreigner in place of a worker the extension names.
    Reissued,
}

impl ParentEnd {
    pub const ALL: [ParentEnd; 5] = [
        ParentEnd::Revoked,
        ParentEnd::Returned,
        ParentEnd::Lapsed,
        ParentEnd::Expired,
        ParentEnd::Reissued,
    ];

    /// The stored end ground of the extension.
    pub fn ground(self) -> &'static str {
        match self {
            ParentEnd::Revoked => "parent-revoked",
            ParentEnd::Returned => "parent-returned",
            ParentEnd::Lapsed => "parent-lapsed",
            ParentEnd::Expired => "parent-expired",
            ParentEnd::Reissued => "parent-reissued",
        }
    }

    /// How the parent ended, as the catalogue's `ground-parent-ended` selects it
    /// (`revoked`, …).
    fn state(self) -> &'static str {
        match self {
            ParentEnd::Revoked => "revoked",
            ParentEnd::Returned => "returned",
            ParentEnd::Lapsed => "lapsed",
            ParentEnd::Expired => "expired",
            ParentEnd::Reissued => "reissued",
        }
    }

    /// The end of a parent in `state` (as of the day), if it has ended.
    pub fn of_state(state: PermitState) -> Option<ParentEnd> {
        match state {
            PermitState::Revoked => Some(ParentEnd::Revoked),
            PermitState::Returned => Some(ParentEnd::Returned),
            PermitState::Lapsed => Some(ParentEnd::Lapsed),
            PermitState::Expired => Some(ParentEnd::Expired),
            _ => None,
        }
    }
}

/// A ground on which the service itself ends a permit, beside the rule set's lists of
/// refusal and revocation grounds, with the provisions that carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnGround {
    /// The fee was not paid to every named region in time (Art. 33(4)).
    UnpaidFee,
    /// The employer returned the permit (the service's own rule: no provision of the law
    /// governs it).
    Returned,
    /// The permit the extension extends ended before the extension was issued (Art. 33(2)).
    ParentEnded(ParentEnd),
}

impl OwnGround {
    pub const ALL: [OwnGround; 7] = [
        OwnGround::UnpaidFee,
        OwnGround::Returned,
        OwnGround::ParentEnded(ParentEnd::Revoked),
        OwnGround::ParentEnded(ParentEnd::Returned),
        OwnGround::ParentEnded(ParentEnd::Lapsed),
        OwnGround::ParentEnded(ParentEnd::Expired),
        OwnGround::ParentEnded(ParentEnd::Reissued),
    ];

    /// The stored code (`permits.end_ground`).
    pub fn code(self) -> &'static str {
        match self {
            OwnGround::UnpaidFee => "unpaid-fee",
            OwnGround::Returned => "returned",
            OwnGround::ParentEnded(end) => end.ground(),
        }
    }

    pub fn parse(code: &str) -> Option<OwnGround> {
        OwnGround::ALL.into_iter().find(|g| g.code() == code)
    }

    /// The provisions that carry it: those of the move that ends the permit on it
    /// ([`PermitEvent::legal_basis`]), so the ground and the move cite one place; none for
    /// a return.
    pub fn legal_basis(self) -> &'static [Article] {
        match self {
            OwnGround::UnpaidFee => PermitEvent::Lapse.legal_basis(),
            OwnGround::Returned => PermitEvent::Return.legal_basis(),
            OwnGround::ParentEnded(_) => PermitEvent::ParentEnded.legal_basis(),
        }
    }

    /// Its words in the catalogue.
    pub fn message(self) -> Message {
        match self {
            OwnGround::UnpaidFee => Message::new("ground-unpaid-fee"),
            OwnGround::Returned => Message::new("ground-returned"),
            OwnGround::ParentEnded(end) => {
                Message::new("ground-parent-ended").text("state", end.state())
            }
        }
    }
}

/// A permit's end ground as a reader reads it: one of the service's own, or one of the
/// rule set's revocation grounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndGround<'a> {
    Own(OwnGround),
    Listed(&'a PermitGround),
}

impl<'a> EndGround<'a> {
    /// The end ground stored as `code`: the service's own ground of that code, else the
    /// revocation ground of that code in `grounds` (the rule set's lists); `None` when
    /// neither knows it (a ground a later rule set dropped).
    pub fn of(code: &str, grounds: Option<&'a PermitGrounds>) -> Option<EndGround<'a>> {
        OwnGround::parse(code).map(EndGround::Own).or_else(|| {
            grounds
                .and_then(|g| g.revocation_ground(code))
                .map(EndGround::Listed)
        })
    }

    /// The citation of the provisions that carry it (`Art. 33(4)`); `None` for a ground of
    /// the service's own rule.
    pub fn citation(self) -> Option<String> {
        match self {
            EndGround::Own(g) => Some(cite_all(g.legal_basis())).filter(|c| !c.is_empty()),
            EndGround::Listed(g) => Some(g.article.clone()),
        }
    }

    /// Its words: the catalogue's message for the service's own grounds, the list's names
    /// in each language for the rule set's (the catalogue's `ground-listed` shows them).
    pub fn message(self) -> Message {
        match self {
            EndGround::Own(g) => g.message(),
            EndGround::Listed(g) => Message::new("ground-listed").arg(
                "name",
                crate::domain::violation::Words {
                    kk: g.name_kk.clone(),
                    ru: g.name_ru.clone(),
                    en: g.name_en.clone(),
                },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruleset::tests::seeded;

    #[test]
    fn art_33_every_own_end_ground_round_trips_its_code_and_cites_its_moves_provisions() {
        for g in OwnGround::ALL {
            assert_eq!(OwnGround::parse(g.code()), Some(g));
        }
        let cite = |code: &str| EndGround::of(code, None).and_then(EndGround::citation);
        assert_eq!(cite("unpaid-fee").as_deref(), Some("Art. 33(4)"));
        assert_eq!(cite("parent-revoked").as_deref(), Some("Art. 33(2)"));
        // Returning a permit is the service's own rule: no article.
        assert_eq!(
            EndGround::of("returned", None),
            Some(EndGround::Own(OwnGround::Returned))
        );
        assert_eq!(cite("returned"), None);
    }

    #[test]
    fn art_33_2_every_end_of_a_parent_is_a_ground_that_names_it() {
        for e in ParentEnd::ALL {
            assert_eq!(e.ground(), format!("parent-{}", e.state()));
            if e != ParentEnd::Reissued {
                let parsed = PermitState::parse(e.state()).unwrap();
                assert_eq!(ParentEnd::of_state(parsed), Some(e));
            }
        }
        for s in [
            PermitState::Applied,
            PermitState::AwaitingPayment,
            PermitState::Active,
            PermitState::Suspended,
        ] {
            assert_eq!(ParentEnd::of_state(s), None, "{s:?} has not ended");
        }
    }

    #[test]
    fn art_9_5_a_revocation_ground_reads_from_the_rule_sets_list_with_its_article() {
        let rules = seeded();
        let g = EndGround::of("unlawful-engagement", Some(&rules.permit_grounds)).unwrap();
        assert!(matches!(g, EndGround::Listed(l) if l.code == "unlawful-engagement"));
        assert!(g.citation().is_some_and(|c| c.starts_with("Art. ")));
        assert_eq!(g.message().key, "ground-listed");
        assert_eq!(
            EndGround::of("no-such-ground", Some(&rules.permit_grounds)),
            None
        );
    }
}
