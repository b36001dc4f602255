//! The wire types of `src/api/eligibility.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::eligibility::{EngagementQuestion, Question};
use crate::domain::route::{EmployerType, Finding, Position, Route, RouteAnswer, RouteKind};
use crate::domain::{Category, CountryCode};
use crate::domain::{Condition, Reason};
use crate::error::ApiError;
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// The kind of employer, as far as the exemptions of Art. 32(2) and ICT (Art. 35) turn on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKindParam {
    /// Any employer none of the others describes.
    Ordinary,
    /// A state body (Art. 32(2)(2)).
    StateBody,
    /// An autonomous education organisation, its organisations, or the "Nazarbayev Fund" (Art. 32(2)(1)).
    AutonomousEducation,
    /// The "Astana Hub" international technology park or its participant (Art. 32(2)(12)).
    AstanaHub,
    /// A special-economic-zone participant, or its contractor while building (Art. 32(2)(7)); give `project_value_mrp`.
    SpecialEconomicZone,
    /// An organisation with an investment contract for a priority investment project, or its contractor (Art. 32(2)(3)).
    PriorityInvestmentProject,
    /// A branch of a foreign legal entity (Art. 32(2)(10), 35).
    ForeignBranch,
    /// A representative office of a foreign legal entity (Art. 32(2)(10), 35).
    ForeignRepresentativeOffice,
    /// A Kazakh subsidiary of a foreign legal entity (Art. 1(25), 35).
    ForeignSubsidiary,
}

/// The employer's type, as far as the exemptions of Art. 32(2) and ICT (Art. 35) turn on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerTypeRequest {
    /// The kind of employer.
    pub kind: EmployerKindParam,
    /// For a special economic zone or a priority investment project: the employer is a
    /// contractor, not the participant or project company itself.
    #[serde(default)]
    pub contractor: bool,
    /// For a special economic zone: the project's value in MRP (Art. 32(2)(7)); required
    /// there, absent otherwise.
    #[validate(range(min = 0, max = 1_000_000_000_000_i64))]
    #[schema(minimum = 0, maximum = 1_000_000_000_000_i64, example = 2_500_000)]
    pub project_value_mrp: Option<i64>,
    /// For a special economic zone or a priority investment project: when the object was
    /// commissioned; absent while it is not.
    pub commissioned_on: Option<NaiveDate>,
}

impl EmployerTypeRequest {
    /// The domain's employer type; `at` prefixes the field named in an error.
    pub fn to_domain(&self, at: &str) -> Result<EmployerType, ApiError> {
        Ok(match self.kind {
            EmployerKindParam::Ordinary => EmployerType::Ordinary,
            EmployerKindParam::StateBody => EmployerType::StateBody,
            EmployerKindParam::AutonomousEducation => EmployerType::AutonomousEducation,
            EmployerKindParam::AstanaHub => EmployerType::AstanaHub,
            EmployerKindParam::SpecialEconomicZone => EmployerType::SpecialEconomicZone {
                project_value_mrp: self
                    .project_value_mrp
                    .and_then(|v| u64::try_from(v).ok())
                    .ok_or_else(|| {
                        ApiError::invalid(
                            format!("{at}project_value_mrp"),
                            Reason::RequiredWhen(Condition::SpecialEconomicZone),
                        )
                    })?,
                contractor: self.contractor,
                commissioned_on: self.commissioned_on,
            },
            EmployerKindParam::PriorityInvestmentProject => {
                EmployerType::PriorityInvestmentProject {
                    contractor: self.contractor,
                    commissioned_on: self.commissioned_on,
                }
            }
            EmployerKindParam::ForeignBranch | EmployerKindParam::ForeignRepresentativeOffice => {
                EmployerType::ForeignBranch
            }
            EmployerKindParam::ForeignSubsidiary => EmployerType::ForeignSubsidiary,
        })
    }

    /// The request that states `t` (a representative office reads as a branch).
    pub fn from_domain(t: EmployerType) -> EmployerTypeRequest {
        let plain = |kind| EmployerTypeRequest {
            kind,
            contractor: false,
            project_value_mrp: None,
            commissioned_on: None,
        };
        match t {
            EmployerType::Ordinary => plain(EmployerKindParam::Ordinary),
            EmployerType::StateBody => plain(EmployerKindParam::StateBody),
            EmployerType::AutonomousEducation => plain(EmployerKindParam::AutonomousEducation),
            EmployerType::AstanaHub => plain(EmployerKindParam::AstanaHub),
            EmployerType::SpecialEconomicZone {
                project_value_mrp,
                contractor,
                commissioned_on,
            } => EmployerTypeRequest {
                kind: EmployerKindParam::SpecialEconomicZone,
                contractor,
                project_value_mrp: i64::try_from(project_value_mrp).ok(),
                commissioned_on,
            },
            EmployerType::PriorityInvestmentProject {
                contractor,
                commissioned_on,
            } => EmployerTypeRequest {
                kind: EmployerKindParam::PriorityInvestmentProject,
                contractor,
                project_value_mrp: None,
                commissioned_on,
            },
            EmployerType::ForeignBranch => plain(EmployerKindParam::ForeignBranch),
            EmployerType::ForeignSubsidiary => plain(EmployerKindParam::ForeignSubsidiary),
        }
    }
}

/// The position the foreigner is engaged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PositionParam {
    /// A head or deputy head (category 1).
    Head,
    /// A head of a structural division (category 2; a manager of Art. 1(25)).
    Manager,
    /// A specialist (category 3).
    Specialist,
    /// A qualified worker (category 4).
    QualifiedWorker,
}

/// The facts of a planned engagement of a foreigner.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRequest {
    /// Citizenship (ISO 3166-1 alpha-3).
    #[schema(example = "TUR", pattern = "^[A-Z]{3}$")]
    pub citizenship: String,
    /// The foreigner permanently resides in Kazakhstan (Art. 32(2)(9)).
    #[serde(default)]
    pub permanent_resident: bool,
    /// The code of the category of the Government's list of persons who need no permit
    /// (Art. 32(2)(11)) the foreigner is in, from `rules.no_permit_list` of the rule set in
    /// force on the start date (`GET /v1/rule-sets/current`); absent: none.
    #[validate(length(min = 1, max = 64))]
    #[schema(example = "kandas", min_length = 1, max_length = 64)]
    pub no_permit_list_category: Option<String>,
    /// Planned start of work; today when absent. Memberships, lists and the contractor's
    /// year after commissioning are judged on this date.
    pub start_date: Option<NaiveDate>,
    /// The employer's kind; null when the foreigner comes to find work on their own
    /// (self-employment, Art. 34).
    pub employer_kind: Option<EmployerKindParam>,
    /// The position; required with `employer_kind`.
    pub position: Option<PositionParam>,
    /// The foreigner has higher education (Art. 32(2)(1),(3),(12)).
    #[serde(default)]
    pub higher_education: bool,
    /// The first head of a branch or representative office (Art. 32(2)(10)).
    #[serde(default)]
    pub first_head: bool,
    /// Seasonal work in a profession of the seasonal list (Art. 7(21-1)).
    #[serde(default)]
    pub seasonal: bool,
    /// For a special economic zone or a priority investment project: the employer is a
    /// contractor, not the participant or project company itself.
    #[serde(default)]
    pub contractor: bool,
    /// For a special economic zone: the project's value in MRP (Art. 32(2)(7)).
    #[validate(range(min = 0, max = 1_000_000_000_000_i64))]
    #[schema(minimum = 0, maximum = 1_000_000_000_000_i64, example = 2_500_000)]
    pub project_value_mrp: Option<i64>,
    /// For a special economic zone or a priority investment project: when the object was
    /// commissioned; absent while it is not.
    pub commissioned_on: Option<NaiveDate>,
    /// The foreigner is transferred within a foreign group of companies (Art. 1(25)).
    #[serde(default)]
    pub intra_corporate_transfer: bool,
    /// For a transfer: the sending entity's country (ISO 3166-1 alpha-3).
    #[schema(example = "DEU", pattern = "^[A-Z]{3}$")]
    pub sender_country: Option<String>,
    /// For self-employment: the occupation code of the profession (national classifier).
    #[validate(length(min = 1, max = 20))]
    #[schema(example = "2512", min_length = 1, max_length = 20)]
    pub occupation_code: Option<String>,
}

/// A route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RouteName {
    /// A citizen of an EAEU member state: no permit, no quota (Art. 2(3)).
    EaeuCitizen,
    /// The quota and permit rules do not apply (Art. 32(2)); `exemption` names the subparagraph.
    Exempt,
    /// A self-employment certificate (Art. 34, 32(2)(8)).
    SelfEmploymentCertificate,
    /// An ICT permit, outside the annual quota and without a fee (Art. 35, 32(3), 33(4)).
    IctPermit,
    /// A permit to the employer within the quota (Art. 33(1)); `category` names the category.
    QuotaPermit,
    /// No route: no employer engages the foreigner and the profession is not in demand.
    None,
}

impl From<RouteKind> for RouteName {
    fn from(k: RouteKind) -> Self {
        match k {
            RouteKind::EaeuCitizen => RouteName::EaeuCitizen,
            RouteKind::Exempt => RouteName::Exempt,
            RouteKind::SelfEmploymentCertificate => RouteName::SelfEmploymentCertificate,
            RouteKind::IctPermit => RouteName::IctPermit,
            RouteKind::QuotaPermit => RouteName::QuotaPermit,
        }
    }
}

/// Another route, checked against the facts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OtherRouteView {
    /// The route checked.
    pub route: RouteName,
    /// The articles the check rests on.
    #[schema(example = json!(["Art. 32(2)(1)"]))]
    pub articles: Vec<String>,
    /// Whether it would apply too (it gives way to the route chosen) or not.
    pub applies: bool,
    /// Why, in the language `Accept-Language` chose.
    pub reason: String,
}

/// Which route the engagement takes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EligibilityView {
    /// The route.
    pub route: RouteName,
    /// For `exempt`: the subparagraph of Art. 32(2), e.g. `Art. 32(2)(1)`.
    #[schema(example = "Art. 32(2)(1)")]
    pub exemption: Option<String>,
    /// For `quota_permit`: the permit category.
    pub category: Option<Category>,
    /// Every article the route rests on.
    #[schema(example = json!(["Art. 33(1)", "Art. 32(4)(1)", "Art. 33(4)"]))]
    pub articles: Vec<String>,
    /// Why the route applies, in the language `Accept-Language` chose.
    pub reason: String,
    /// What to do next, in the language `Accept-Language` chose.
    pub next_step: String,
    /// Every other route, with why it does not apply (or that it gives way to this one).
    pub other_routes: Vec<OtherRouteView>,
    /// The date the facts were judged on.
    pub start_date: NaiveDate,
}

impl EligibilityView {
    pub(crate) fn new(a: &RouteAnswer, on: NaiveDate, lang: Lang) -> EligibilityView {
        let other = |f: &Finding| OtherRouteView {
            route: f.kind.into(),
            articles: f.articles.iter().map(ToString::to_string).collect(),
            applies: f.applies,
            reason: lang.text(&f.reason),
        };
        EligibilityView {
            route: a.route.kind().map_or(RouteName::None, RouteName::from),
            exemption: match a.route {
                Route::Exempt(x) => Some(x.article().to_string()),
                _ => None,
            },
            category: match a.route {
                Route::QuotaPermit(c) => Some(c),
                _ => None,
            },
            articles: a.articles.iter().map(ToString::to_string).collect(),
            reason: lang.text(&a.reason),
            next_step: lang.text(&a.next_step),
            other_routes: a.others.iter().map(other).collect(),
            start_date: on,
        }
    }
}

pub(crate) fn country(code: &str, field: &str) -> Result<CountryCode, ApiError> {
    code.parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid(field, e))
}

/// Turns the request into the question, refusing facts that contradict each other.
pub(crate) fn question(r: EligibilityRequest, today: NaiveDate) -> Result<Question, ApiError> {
    let engagement = match r.employer_kind {
        None if r.position.is_some() || r.intra_corporate_transfer => {
            return Err(ApiError::invalid(
                "employer_kind",
                Reason::RequiredWhen(Condition::PositionOrTransfer),
            ))
        }
        None => None,
        Some(kind) => Some(engagement(&r, kind)?),
    };
    Ok(Question {
        citizenship: country(&r.citizenship, "citizenship")?,
        permanent_resident: r.permanent_resident,
        no_permit_list_category: r.no_permit_list_category,
        on: r.start_date.unwrap_or(today),
        engagement,
        occupation_code: r.occupation_code,
    })
}

impl From<PositionParam> for Position {
    fn from(p: PositionParam) -> Self {
        match p {
            PositionParam::Head => Position::Head,
            PositionParam::Manager => Position::Manager,
            PositionParam::Specialist => Position::Specialist,
            PositionParam::QualifiedWorker => Position::QualifiedWorker,
        }
    }
}

/// The engagement a question with an employer asks about.
pub(crate) fn engagement(
    r: &EligibilityRequest,
    kind: EmployerKindParam,
) -> Result<EngagementQuestion, ApiError> {
    let position = r.position.ok_or_else(|| {
        ApiError::invalid("position", Reason::RequiredWhen(Condition::EmployerKind))
    })?;
    let employer = EmployerTypeRequest {
        kind,
        contractor: r.contractor,
        project_value_mrp: r.project_value_mrp,
        commissioned_on: r.commissioned_on,
    }
    .to_domain("")?;
    Ok(EngagementQuestion {
        employer,
        position: position.into(),
        higher_education: r.higher_education,
        first_head: r.first_head,
        seasonal: r.seasonal,
        sender_country: sender_country(r)?,
    })
}

/// The sending company's country: given exactly when the transfer is intra-corporate.
pub(crate) fn sender_country(r: &EligibilityRequest) -> Result<Option<CountryCode>, ApiError> {
    match (r.intra_corporate_transfer, &r.sender_country) {
        (true, Some(c)) => Ok(Some(country(c, "sender_country")?)),
        (true, None) => Err(ApiError::invalid(
            "sender_country",
            Reason::RequiredWhen(Condition::IntraCorporateTransfer),
        )),
        (false, Some(_)) => Err(ApiError::invalid(
            "sender_country",
            Reason::OnlyWhen(Condition::IntraCorporateTransfer),
        )),
        (false, None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::route::{route, Engagement, Facts, Profession, Transfer};

    /// Every message the route finder can give renders in Kazakh, Russian and English
    /// with its arguments.
    #[test]
    fn every_answer_of_the_route_finder_renders_in_all_three_languages() {
        let employers = [
            EmployerType::Ordinary,
            EmployerType::StateBody,
            EmployerType::AutonomousEducation,
            EmployerType::AstanaHub,
            EmployerType::SpecialEconomicZone {
                project_value_mrp: 10,
                contractor: false,
                commissioned_on: None,
            },
            EmployerType::SpecialEconomicZone {
                project_value_mrp: 2_000_000,
                contractor: true,
                commissioned_on: Some("2020-01-01".parse().unwrap()),
            },
            EmployerType::SpecialEconomicZone {
                project_value_mrp: 2_000_000,
                contractor: false,
                commissioned_on: None,
            },
            EmployerType::PriorityInvestmentProject {
                contractor: false,
                commissioned_on: None,
            },
            EmployerType::ForeignBranch,
            EmployerType::ForeignSubsidiary,
        ];
        let mut keys = std::collections::BTreeSet::new();
        let mut check = |f: Facts| {
            let a = route(&f);
            let mut messages = vec![a.reason.clone(), a.next_step.clone()];
            messages.extend(a.others.iter().map(|o| o.reason.clone()));
            for m in messages {
                keys.insert(m.key.clone());
                for lang in Lang::ALL {
                    assert!(lang.renders(&m), "{} in {lang:?}", m.key);
                }
            }
        };
        for employer in employers {
            for position in Position::ALL {
                for higher in [false, true] {
                    for (first_head, wto) in [
                        (false, None),
                        (true, None),
                        (false, Some(true)),
                        (false, Some(false)),
                    ] {
                        for eaeu in [false, true] {
                            check(Facts {
                                citizenship: "TUR".into(),
                                citizen_of_eaeu: eaeu,
                                permanent_resident: first_head,
                                listed: (first_head && eaeu).then(|| {
                                    crate::domain::violation::Words {
                                        kk: "қандас".into(),
                                        ru: "кандас".into(),
                                        en: "kandas".into(),
                                    }
                                }),
                                on: "2027-01-01".parse().unwrap(),
                                engagement: Some(Engagement {
                                    employer,
                                    position,
                                    higher_education: higher,
                                    first_head,
                                    seasonal: false,
                                    transfer: wto.map(|w| Transfer {
                                        sender_country: "DEU".into(),
                                        sender_wto_member: w,
                                    }),
                                }),
                                profession: None,
                            });
                        }
                    }
                }
            }
        }
        for profession in [None, Some((true, "2512")), Some((false, "9999"))] {
            check(Facts {
                citizenship: "TUR".into(),
                citizen_of_eaeu: false,
                permanent_resident: false,
                listed: None,
                on: "2027-01-01".parse().unwrap(),
                engagement: None,
                profession: profession.map(|(in_demand, name)| Profession {
                    name: name.into(),
                    in_demand,
                }),
            });
        }
        let en =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/main.ftl"))
                .unwrap();
        let catalogue: Vec<&str> = en
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .filter(|k| k.starts_with("route-"))
            .collect();
        let unused: Vec<&&str> = catalogue.iter().filter(|k| !keys.contains(**k)).collect();
        assert!(unused.is_empty(), "route messages never given: {unused:?}");
    }
}
