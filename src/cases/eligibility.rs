//! The route finder (Art. 32(2)-(3), 2(3), 33(1), 34, 35): the facts of a planned
//! engagement, resolved against the country reference data and the rule set in force on the
//! start date, then answered by the pure [`route::route`]. It changes nothing; permit and
//! ICT applications call it to refuse a worker whose route is another one.

use super::CaseError;
use crate::db::{reference, rulesets, Conn};
use crate::domain::route::{self, EmployerType, Engagement, Facts, Position, Profession, Transfer};
use crate::domain::ruleset::NoPermitList;
use crate::domain::violation::Words;
use crate::domain::ProblemCode;
use crate::domain::{CountryCode, Message, Violation};
use chrono::NaiveDate;

/// The question as asked: codes not yet resolved against reference data.
#[derive(Debug, Clone)]
pub struct Question {
    pub citizenship: CountryCode,
    pub permanent_resident: bool,
    /// The code of the category of the Government's list of persons who need no permit
    /// (Art. 32(2)(11)) the foreigner is in, if any.
    pub no_permit_list_category: Option<String>,
    /// The planned start of work.
    pub on: NaiveDate,
    /// `None`: the foreigner comes to find work on their own.
    pub engagement: Option<EngagementQuestion>,
    /// For self-employment: the occupation code of the profession.
    pub occupation_code: Option<String>,
}

/// An employer's engagement as asked.
#[derive(Debug, Clone)]
pub struct EngagementQuestion {
    pub employer: EmployerType,
    pub position: Position,
    pub higher_education: bool,
    pub first_head: bool,
    pub seasonal: bool,
    /// For a transfer within a foreign group: the sending entity's country.
    pub sender_country: Option<CountryCode>,
}

fn country(conn: &mut Conn, code: &CountryCode) -> Result<reference::Country, CaseError> {
    reference::country(conn, code.as_str())?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-country").text("country", code))
    })
}

/// What the route finder asks of a worker of an application beyond the employer, the
/// position and the education (Art. 32(2)(9)-(11)); all absent for most workers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFacts {
    /// The worker permanently resides in Kazakhstan (Art. 32(2)(9)).
    pub permanent_resident: bool,
    /// The first head of the branch or representative office (Art. 32(2)(10)).
    pub first_head: bool,
    /// The category of the Government's list of persons who need no permit (Art. 32(2)(11)).
    pub no_permit_list_category: Option<String>,
}

impl PersonFacts {
    /// Whether the application states none of them.
    pub fn is_none(&self) -> bool {
        *self == PersonFacts::default()
    }
}

/// Art. 32(2)(11): the category `code` of the Government's list in the rule set in force on
/// `on`, in every language; a code the list does not name is refused.
pub fn listed(
    list: &NoPermitList,
    code: Option<&str>,
    on: NaiveDate,
) -> Result<Option<Words>, CaseError> {
    let Some(code) = code else {
        return Ok(None);
    };
    match list.category(code) {
        Some(c) => Ok(Some(c.words())),
        None => Err(Violation::new(
            ProblemCode::NoPermitListCategoryUnknown,
            crate::domain::article::ART_32_2_11,
        )
        .text("category", code)
        .text("date", on)
        .into()),
    }
}

fn rules_on(
    conn: &mut Conn,
    on: NaiveDate,
) -> Result<std::sync::Arc<crate::domain::ruleset::RuleSet>, CaseError> {
    Ok(rulesets::in_force(conn, on)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", on))
        })?
        .rules)
}

/// Resolves the question: EAEU membership of the citizenship and WTO membership of the
/// sending country on the start date (reference data, Art. 2(3), 1(25)); the category of
/// the Government's list (Art. 32(2)(11)) and whether the profession is on the in-demand
/// list (Art. 34(2)), both of the rule set in force on the start date.
pub fn facts(conn: &mut Conn, q: &Question) -> Result<Facts, CaseError> {
    let citizen_of = country(conn, &q.citizenship)?;
    let engagement = match &q.engagement {
        None => None,
        Some(e) => {
            let transfer = match &e.sender_country {
                None => None,
                Some(code) => {
                    let sender = country(conn, code)?;
                    Some(Transfer {
                        sender_country: sender.code,
                        sender_wto_member: sender.wto_member_since.is_some_and(|d| d <= q.on),
                    })
                }
            };
            Some(Engagement {
                employer: e.employer,
                position: e.position,
                higher_education: e.higher_education,
                first_head: e.first_head,
                seasonal: e.seasonal,
                transfer,
            })
        }
    };
    let listed = match &q.no_permit_list_category {
        Some(code) => listed(&rules_on(conn, q.on)?.no_permit_list, Some(code), q.on)?,
        None => None,
    };
    let profession = match (&q.engagement, &q.occupation_code) {
        (None, Some(code)) => {
            let rules = rules_on(conn, q.on)?;
            let listed = rules
                .lists
                .in_demand_professions
                .iter()
                .find(|p| &p.occupation_code == code);
            Some(Profession {
                name: listed.map_or_else(|| code.clone(), |p| format!("{} ({code})", p.name)),
                in_demand: listed.is_some(),
            })
        }
        _ => None,
    };
    Ok(Facts {
        citizenship: citizen_of.code,
        citizen_of_eaeu: citizen_of.eaeu_member,
        permanent_resident: q.permanent_resident,
        listed,
        on: q.on,
        engagement,
        profession,
    })
}

/// The route of a planned engagement (Art. 32(2)-(3), 2(3), 33(1), 34, 35).
pub fn assess(conn: &mut Conn, q: &Question) -> Result<route::RouteAnswer, CaseError> {
    Ok(route::route(&facts(conn, q)?))
}
