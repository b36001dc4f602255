//! Which route a planned engagement of a foreigner takes — the question every employer asks
//! first. In the order the law gives way: a ratified treaty (the EAEU, Art. 2(3)); the
//! persons the quota and permit rules do not apply to (Art. 32(2)); self-employment on a
//! certificate (Art. 34, 32(2)(8)); an intra-corporate transfer outside the annual quota
//! (Art. 35, 1(25), 32(3)); otherwise a permit to the employer within the quota (Art. 33(1),
//! 32(4)(1)) in the category of the position.
//!
//! Readings of the Kazakh text (it prevails over the digest):
//! - 32(2)(1) exempts heads **and** specialists, both with higher education ("жоғары
//!   бiлiмдi ... басшылар және мамандар"); 32(2)(3) and (12) ask higher education only of
//!   specialists ("басшылар және жоғары білімі бар мамандар"); heads of structural divisions
//!   (category 2, "manager") are heads ("басшылар") for these subparagraphs.
//! - In 32(2)(3) and (7) the limit "until one year after the object is commissioned" binds
//!   the organisations the project company or SEZ participant engages (contractors), not
//!   the company itself.
//! - 32(2)(10) exempts only the **first** head of a branch or representative office.

use super::statute::{CONTRACTOR_EXEMPTION_MONTHS, MIN_SEZ_PROJECT_VALUE_MRP};
use super::violation::Words;
use super::{Category, Message};
use crate::domain::article::*;
use chrono::{Months, NaiveDate};

/// The position the foreigner is engaged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    /// A head or deputy head (category 1).
    Head,
    /// A head of a structural division (category 2; a "manager" of Art. 1(25)).
    Manager,
    /// A specialist (category 3).
    Specialist,
    /// A qualified worker (category 4).
    QualifiedWorker,
}

impl Position {
    pub const ALL: [Position; 4] = [
        Position::Head,
        Position::Manager,
        Position::Specialist,
        Position::QualifiedWorker,
    ];

    /// Heads in the sense of Art. 32(2) ("басшылар"): heads, deputies and heads of
    /// structural divisions.
    fn is_head(self) -> bool {
        matches!(self, Position::Head | Position::Manager)
    }

    /// The position a permit of `category` engages (categories 1-4), and whether it is
    /// seasonal work (a qualified worker's, Art. 7(21-1)).
    pub fn of_category(category: Category) -> (Position, bool) {
        match category {
            Category::Heads => (Position::Head, false),
            Category::DivisionHeads => (Position::Manager, false),
            Category::Specialists => (Position::Specialist, false),
            Category::QualifiedWorkers => (Position::QualifiedWorker, false),
            Category::Seasonal => (Position::QualifiedWorker, true),
        }
    }

    /// The permit category of the position (the ministry's categories 1-4).
    pub fn category(self) -> Category {
        match self {
            Position::Head => Category::Heads,
            Position::Manager => Category::DivisionHeads,
            Position::Specialist => Category::Specialists,
            Position::QualifiedWorker => Category::QualifiedWorkers,
        }
    }
}

/// What kind of employer engages the foreigner, as far as Art. 32(2) and 35 turn on it.
/// Stored with an employer's profile as JSON tagged by `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EmployerType {
    /// Any other employer.
    #[default]
    Ordinary,
    /// A state body (Art. 32(2)(2)).
    StateBody,
    /// An autonomous education organisation, its organisations, or the "Nazarbayev Fund"
    /// (Art. 32(2)(1)).
    AutonomousEducation,
    /// The "Astana Hub" international technology park or its participant (Art. 32(2)(12)).
    AstanaHub,
    /// A participant of a special economic zone, or its contractor while building
    /// (Art. 32(2)(7)).
    SpecialEconomicZone {
        /// The participant's project value, MRP.
        project_value_mrp: u64,
        /// The employer is a contractor of the participant, not the participant.
        contractor: bool,
        /// When the object was commissioned; `None` while it is not.
        commissioned_on: Option<NaiveDate>,
    },
    /// An organisation with an investment contract for a priority investment project, or
    /// its contractor (Art. 32(2)(3)).
    PriorityInvestmentProject {
        contractor: bool,
        commissioned_on: Option<NaiveDate>,
    },
    /// A branch or representative office of a foreign legal entity (Art. 32(2)(10), 35).
    ForeignBranch,
    /// A Kazakh subsidiary of a foreign legal entity (Art. 1(25), 35).
    ForeignSubsidiary,
}

/// A transfer within a foreign group (Art. 1(25)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// The sending entity's country (ISO 3166-1 alpha-3).
    pub sender_country: String,
    /// The sending country is a WTO member on the date of the engagement.
    pub sender_wto_member: bool,
}

/// An employer's engagement of the foreigner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    pub employer: EmployerType,
    pub position: Position,
    pub higher_education: bool,
    /// The first head of a branch or representative office (Art. 32(2)(10)).
    pub first_head: bool,
    /// Seasonal work in a listed profession (Art. 7(21-1)): the seasonal category.
    pub seasonal: bool,
    pub transfer: Option<Transfer>,
}

/// The profession a foreigner who comes on their own would work in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profession {
    /// How the caller named it (occupation code).
    pub name: String,
    /// It is on the in-demand list in force on the date (Art. 34(2)).
    pub in_demand: bool,
}

/// The facts of a planned engagement, resolved against reference data and the lists in
/// force on `on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// Citizenship (ISO 3166-1 alpha-3).
    pub citizenship: String,
    /// The citizenship is of a member state of the Eurasian Economic Union.
    pub citizen_of_eaeu: bool,
    pub permanent_resident: bool,
    /// The category of the Government's list of persons who need no permit the foreigner
    /// is in (Art. 32(2)(11)), as the rule set in force on `on` names it.
    pub listed: Option<Words>,
    /// The planned start of work.
    pub on: NaiveDate,
    /// `None`: the foreigner comes to find work on their own (self-employment).
    pub engagement: Option<Engagement>,
    /// For self-employment: the profession.
    pub profession: Option<Profession>,
}

/// A subparagraph of Art. 32(2): persons the quota and permit rules do not apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exemption {
    /// 32(2)(1): autonomous education organisations and the Nazarbayev Fund.
    AutonomousEducation,
    /// 32(2)(2): state bodies.
    StateBody,
    /// 32(2)(3): priority investment projects.
    PriorityInvestment,
    /// 32(2)(7): special economic zones.
    SpecialEconomicZone,
    /// 32(2)(9): permanent residents.
    PermanentResident,
    /// 32(2)(10): first heads of branches and representative offices.
    FirstHead,
    /// 32(2)(11): persons in the Government's list who need no permit.
    GovernmentList,
    /// 32(2)(12): Astana Hub.
    AstanaHub,
}

impl Exemption {
    /// The subparagraph of Art. 32(2).
    pub fn subparagraph(self) -> u32 {
        match self {
            Exemption::AutonomousEducation => 1,
            Exemption::StateBody => 2,
            Exemption::PriorityInvestment => 3,
            Exemption::SpecialEconomicZone => 7,
            Exemption::PermanentResident => 9,
            Exemption::FirstHead => 10,
            Exemption::GovernmentList => 11,
            Exemption::AstanaHub => 12,
        }
    }

    /// The subparagraph of Art. 32(2) that exempts the person, e.g. `Art. 32(2)(1)`.
    pub fn article(self) -> Article {
        match self {
            Exemption::AutonomousEducation => ART_32_2_1,
            Exemption::StateBody => ART_32_2_2,
            Exemption::PriorityInvestment => ART_32_2_3,
            Exemption::SpecialEconomicZone => ART_32_2_7,
            Exemption::PermanentResident => ART_32_2_9,
            Exemption::FirstHead => ART_32_2_10,
            Exemption::GovernmentList => ART_32_2_11,
            Exemption::AstanaHub => ART_32_2_12,
        }
    }
}

/// The route a planned engagement takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// A citizen of an EAEU member state: the treaty prevails (Art. 2(3)).
    EaeuCitizen,
    /// The quota and permit rules do not apply (Art. 32(2)).
    Exempt(Exemption),
    /// A self-employment certificate (Art. 34, 32(2)(8)).
    SelfEmploymentCertificate,
    /// An ICT permit, outside the annual quota (Art. 35, 32(3)).
    IctPermit,
    /// A permit to the employer within the quota, in this category (Art. 33(1)).
    QuotaPermit(Category),
    /// None: no employer engages the foreigner and the profession is not in demand.
    NoRoute,
}

/// The routes, without their details: what a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteKind {
    EaeuCitizen,
    Exempt,
    SelfEmploymentCertificate,
    IctPermit,
    QuotaPermit,
}

impl RouteKind {
    pub const ALL: [RouteKind; 5] = [
        RouteKind::EaeuCitizen,
        RouteKind::Exempt,
        RouteKind::SelfEmploymentCertificate,
        RouteKind::IctPermit,
        RouteKind::QuotaPermit,
    ];

    /// The stable wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteKind::EaeuCitizen => "eaeu_citizen",
            RouteKind::Exempt => "exempt",
            RouteKind::SelfEmploymentCertificate => "self_employment_certificate",
            RouteKind::IctPermit => "ict_permit",
            RouteKind::QuotaPermit => "quota_permit",
        }
    }
}

impl Route {
    /// Which kind of route it is; `None` for [`Route::NoRoute`].
    pub fn kind(self) -> Option<RouteKind> {
        match self {
            Route::EaeuCitizen => Some(RouteKind::EaeuCitizen),
            Route::Exempt(_) => Some(RouteKind::Exempt),
            Route::SelfEmploymentCertificate => Some(RouteKind::SelfEmploymentCertificate),
            Route::IctPermit => Some(RouteKind::IctPermit),
            Route::QuotaPermit(_) => Some(RouteKind::QuotaPermit),
            Route::NoRoute => None,
        }
    }
}

/// One route checked against the facts: whether it applies, why, and on which articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: RouteKind,
    /// The route it would be.
    route: Option<Route>,
    pub articles: Vec<Article>,
    pub applies: bool,
    pub reason: Message,
}

/// The answer of the route finder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteAnswer {
    pub route: Route,
    /// Every article the route rests on.
    pub articles: Vec<Article>,
    /// Why this route applies.
    pub reason: Message,
    /// What to do next.
    pub next_step: Message,
    /// Every other route checked: why it does not apply, or that it applies too but gives
    /// way to the route chosen.
    pub others: Vec<Finding>,
}

fn arts(list: &[Article]) -> Vec<Article> {
    list.to_vec()
}

fn finding(kind: RouteKind, route: Route, articles: Vec<Article>, reason: Message) -> Finding {
    Finding {
        kind,
        route: Some(route),
        articles,
        applies: true,
        reason,
    }
}

fn not(kind: RouteKind, articles: Vec<Article>, reason: Message) -> Finding {
    Finding {
        kind,
        route: None,
        articles,
        applies: false,
        reason,
    }
}

/// Art. 2(3): a treaty Kazakhstan ratified prevails over the law; under the EAEU Treaty
/// citizens of its member states work without permits and outside the quota.
pub fn eaeu(facts: &Facts) -> Finding {
    let articles = arts(&[ART_2_3]);
    if facts.citizen_of_eaeu {
        finding(
            RouteKind::EaeuCitizen,
            Route::EaeuCitizen,
            articles,
            Message::new("route-eaeu-applies").text("country", &facts.citizenship),
        )
    } else {
        not(
            RouteKind::EaeuCitizen,
            articles,
            Message::new("route-eaeu-not-member").text("country", &facts.citizenship),
        )
    }
}

/// Art. 32(2)(9): the quota and permit rules do not apply to foreigners permanently
/// residing in Kazakhstan.
pub fn permanent_residence(facts: &Facts) -> Finding {
    let e = Exemption::PermanentResident;
    if facts.permanent_resident {
        finding(
            RouteKind::Exempt,
            Route::Exempt(e),
            vec![e.article()],
            Message::new("route-resident-applies"),
        )
    } else {
        not(
            RouteKind::Exempt,
            vec![e.article()],
            Message::new("route-resident-not"),
        )
    }
}

/// Art. 32(2)(11): the quota and permit rules do not apply to the persons in the
/// Government's list of those who need no permit (its categories are rule-set data).
pub fn government_list(facts: &Facts) -> Finding {
    let e = Exemption::GovernmentList;
    match &facts.listed {
        Some(category) => finding(
            RouteKind::Exempt,
            Route::Exempt(e),
            vec![e.article()],
            Message::new("route-list-applies").arg("category", category.clone()),
        ),
        None => not(
            RouteKind::Exempt,
            vec![e.article()],
            Message::new("route-list-not"),
        ),
    }
}

/// Art. 32(2)(3),(7): a contractor's foreign staff are exempt only until one year after
/// the object is commissioned; `None` while that year has not passed on `on`.
fn contractor_expired(
    contractor: bool,
    commissioned_on: Option<NaiveDate>,
    on: NaiveDate,
) -> Option<Message> {
    let commissioned = commissioned_on.filter(|_| contractor)?;
    let until = commissioned.checked_add_months(Months::new(CONTRACTOR_EXEMPTION_MONTHS))?;
    (on >= until).then(|| {
        Message::new("route-contractor-expired")
            .text("commissioned", commissioned)
            .text("start", on)
    })
}

/// Art. 32(2)(1),(2),(3),(7),(10),(12): the exemptions that turn on the employer, the
/// position and education. `None` for an employer none of them names.
pub fn employer_exemption(e: &Engagement, on: NaiveDate) -> Finding {
    let exempt = |x: Exemption, key: &str| {
        finding(
            RouteKind::Exempt,
            Route::Exempt(x),
            vec![x.article()],
            Message::new(key),
        )
    };
    let refused = |x: Exemption, m: Message| not(RouteKind::Exempt, vec![x.article()], m);
    let p = e.position;
    match e.employer {
        EmployerType::Ordinary => not(
            RouteKind::Exempt,
            arts(&[ART_32_2]),
            Message::new("route-employer-not-listed"),
        ),
        // 32(2)(1): heads and specialists, both with higher education.
        EmployerType::AutonomousEducation => {
            let x = Exemption::AutonomousEducation;
            if p == Position::QualifiedWorker {
                refused(x, Message::new("route-education-position"))
            } else if !e.higher_education {
                refused(x, Message::new("route-education-needs-higher"))
            } else {
                exempt(x, "route-education-applies")
            }
        }
        EmployerType::StateBody => exempt(Exemption::StateBody, "route-state-body-applies"),
        // 32(2)(3): heads; specialists with higher education; qualified workers by the
        // contract's list; a contractor until a year after commissioning.
        EmployerType::PriorityInvestmentProject {
            contractor,
            commissioned_on,
        } => {
            let x = Exemption::PriorityInvestment;
            if let Some(m) = contractor_expired(contractor, commissioned_on, on) {
                refused(x, m)
            } else if p == Position::Specialist && !e.higher_education {
                refused(x, Message::new("route-investment-needs-higher"))
            } else {
                exempt(x, "route-investment-applies")
            }
        }
        // 32(2)(7): projects over one million MRP; a contractor until a year after
        // commissioning; positions by the commission's categories and numbers.
        EmployerType::SpecialEconomicZone {
            project_value_mrp,
            contractor,
            commissioned_on,
        } => {
            let x = Exemption::SpecialEconomicZone;
            if project_value_mrp <= MIN_SEZ_PROJECT_VALUE_MRP {
                refused(
                    x,
                    Message::new("route-sez-value-too-low")
                        .text("value", project_value_mrp)
                        .text("min", MIN_SEZ_PROJECT_VALUE_MRP),
                )
            } else if let Some(m) = contractor_expired(contractor, commissioned_on, on) {
                refused(x, m)
            } else {
                exempt(x, "route-sez-applies")
            }
        }
        // 32(2)(12): heads; specialists only with higher education.
        EmployerType::AstanaHub => {
            let x = Exemption::AstanaHub;
            if p.is_head() || (p == Position::Specialist && e.higher_education) {
                exempt(x, "route-hub-applies")
            } else if p == Position::Specialist {
                refused(x, Message::new("route-hub-needs-higher"))
            } else {
                refused(x, Message::new("route-hub-position"))
            }
        }
        // 32(2)(10): the first head only.
        EmployerType::ForeignBranch => {
            let x = Exemption::FirstHead;
            if e.first_head && p == Position::Head {
                exempt(x, "route-first-head-applies")
            } else {
                refused(x, Message::new("route-first-head-not"))
            }
        }
        EmployerType::ForeignSubsidiary => not(
            RouteKind::Exempt,
            arts(&[ART_32_2]),
            Message::new("route-employer-not-listed"),
        ),
    }
}

/// Art. 34(1), 32(2)(8), 1(30): a foreigner who comes to find work on their own in an
/// in-demand profession of a priority sector works on a certificate, without a permit.
pub fn self_employment(facts: &Facts) -> Finding {
    let articles = arts(&[ART_34_1, ART_32_2_8, ART_1_30]);
    let kind = RouteKind::SelfEmploymentCertificate;
    match (&facts.engagement, &facts.profession) {
        (Some(_), _) => not(
            kind,
            articles,
            Message::new("route-self-employment-employer"),
        ),
        (None, None) => not(
            kind,
            articles,
            Message::new("route-self-employment-no-profession"),
        ),
        (None, Some(p)) if !p.in_demand => not(
            kind,
            articles,
            Message::new("route-self-employment-not-in-demand")
                .text("profession", &p.name)
                .text("date", facts.on),
        ),
        (None, Some(p)) => finding(
            kind,
            Route::SelfEmploymentCertificate,
            articles,
            Message::new("route-self-employment-applies").text("profession", &p.name),
        ),
    }
}

/// Art. 1(25), 35(1), 32(3): a head, manager or specialist of an entity established in a
/// WTO member, transferred to its branch, subsidiary or representative office in
/// Kazakhstan, works on an ICT permit outside the annual quota and without a fee
/// (Art. 33(4)).
pub fn intra_corporate_transfer(facts: &Facts) -> Finding {
    let articles = arts(&[ART_35_1, ART_1_25, ART_32_3, ART_33_4]);
    let kind = RouteKind::IctPermit;
    let Some(e) = &facts.engagement else {
        return not(kind, articles, Message::new("route-ict-not-transfer"));
    };
    let Some(t) = &e.transfer else {
        return not(kind, articles, Message::new("route-ict-not-transfer"));
    };
    if !t.sender_wto_member {
        return not(
            kind,
            articles,
            Message::new("route-ict-sender-not-wto")
                .text("country", &t.sender_country)
                .text("date", facts.on),
        );
    }
    if !matches!(
        e.employer,
        EmployerType::ForeignBranch | EmployerType::ForeignSubsidiary
    ) {
        return not(kind, articles, Message::new("route-ict-employer"));
    }
    if e.position == Position::QualifiedWorker {
        return not(kind, articles, Message::new("route-ict-position"));
    }
    finding(
        kind,
        Route::IctPermit,
        articles,
        Message::new("route-ict-applies").text("country", &t.sender_country),
    )
}

/// Art. 33(1), 32(4)(1), 33(4): everyone else works on a permit the akimat issues to the
/// employer within the quota, in the category of the position (seasonal work in the
/// seasonal category), on payment of the fee.
pub fn quota_permit(facts: &Facts) -> Finding {
    let articles = arts(&[ART_33_1, ART_32_4_1, ART_33_4]);
    match &facts.engagement {
        None => not(
            RouteKind::QuotaPermit,
            articles,
            Message::new("route-quota-no-employer"),
        ),
        Some(e) => {
            let category = if e.seasonal {
                Category::Seasonal
            } else {
                e.position.category()
            };
            finding(
                RouteKind::QuotaPermit,
                Route::QuotaPermit(category),
                articles,
                Message::new("route-quota-applies").text("category", category.code()),
            )
        }
    }
}

fn next_step(route: Route) -> Message {
    match route {
        Route::EaeuCitizen => Message::new("route-next-eaeu"),
        Route::Exempt(Exemption::StateBody) => Message::new("route-next-state-body"),
        Route::Exempt(Exemption::PriorityInvestment) => Message::new("route-next-investment"),
        Route::Exempt(Exemption::SpecialEconomicZone) => Message::new("route-next-sez"),
        Route::Exempt(x) => Message::new("route-next-exempt").arg("subparagraph", x.subparagraph()),
        Route::SelfEmploymentCertificate => Message::new("route-next-self-employment"),
        Route::IctPermit => Message::new("route-next-ict"),
        Route::QuotaPermit(c) => Message::new("route-next-quota").text("category", c.code()),
        Route::NoRoute => Message::new("route-next-none"),
    }
}

/// Art. 2(3), 32(2)-(3), 33(1), 34, 35: the route of a planned engagement. Every route is
/// checked in the order the law gives way — treaty, exemptions (permanent residence and the
/// Government's list first, then the employer's), self-employment, intra-corporate transfer, the quota — and the
/// first that applies is the answer; the others are listed with their reasons.
pub fn route(facts: &Facts) -> RouteAnswer {
    let mut findings = vec![
        eaeu(facts),
        permanent_residence(facts),
        government_list(facts),
    ];
    if let Some(e) = &facts.engagement {
        findings.push(employer_exemption(e, facts.on));
    }
    findings.extend([
        self_employment(facts),
        intra_corporate_transfer(facts),
        quota_permit(facts),
    ]);
    match findings.iter().position(|f| f.applies) {
        Some(i) => {
            let chosen = findings.remove(i);
            let route = chosen.route.unwrap_or(Route::NoRoute);
            RouteAnswer {
                route,
                articles: chosen.articles,
                reason: chosen.reason,
                next_step: next_step(route),
                others: findings,
            }
        }
        None => RouteAnswer {
            route: Route::NoRoute,
            articles: arts(&[ART_33_1, ART_34_1]),
            reason: Message::new("route-none"),
            next_step: next_step(Route::NoRoute),
            others: findings,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EmployerType as T;
    use Position as P;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn facts(engagement: Option<Engagement>) -> Facts {
        Facts {
            citizenship: "TUR".into(),
            citizen_of_eaeu: false,
            permanent_resident: false,
            listed: None,
            on: date("2027-03-01"),
            engagement,
            profession: None,
        }
    }

    fn job(employer: EmployerType, position: Position, higher_education: bool) -> Engagement {
        Engagement {
            employer,
            position,
            higher_education,
            first_head: false,
            seasonal: false,
            transfer: None,
        }
    }

    fn transfer(wto: bool) -> Option<Transfer> {
        Some(Transfer {
            sender_country: "DEU".into(),
            sender_wto_member: wto,
        })
    }

    fn sez(value: u64, contractor: bool, commissioned: Option<&str>) -> EmployerType {
        T::SpecialEconomicZone {
            project_value_mrp: value,
            contractor,
            commissioned_on: commissioned.map(date),
        }
    }

    fn pip(contractor: bool, commissioned: Option<&str>) -> EmployerType {
        T::PriorityInvestmentProject {
            contractor,
            commissioned_on: commissioned.map(date),
        }
    }

    fn exempt(sub: u32) -> Route {
        [
            Exemption::AutonomousEducation,
            Exemption::StateBody,
            Exemption::PriorityInvestment,
            Exemption::SpecialEconomicZone,
            Exemption::PermanentResident,
            Exemption::FirstHead,
            Exemption::GovernmentList,
            Exemption::AstanaHub,
        ]
        .into_iter()
        .find(|x| x.subparagraph() == sub)
        .map(Route::Exempt)
        .unwrap()
    }

    fn quota(c: Category) -> Route {
        Route::QuotaPermit(c)
    }

    /// Every route and every edge of every subparagraph, one row each: the facts, the
    /// route, and the first article it cites.
    #[test]
    fn art_32_2_and_3_every_route_with_its_article_table() {
        let mut first_head = job(T::ForeignBranch, P::Head, false);
        first_head.first_head = true;
        let mut deputy_first_head = job(T::ForeignBranch, P::Specialist, true);
        deputy_first_head.first_head = true;
        let mut ict = job(T::ForeignBranch, P::Specialist, true);
        ict.transfer = transfer(true);
        let mut ict_subsidiary = job(T::ForeignSubsidiary, P::Manager, false);
        ict_subsidiary.transfer = transfer(true);
        let mut ict_non_wto = job(T::ForeignBranch, P::Specialist, true);
        ict_non_wto.transfer = transfer(false);
        let mut ict_worker = job(T::ForeignSubsidiary, P::QualifiedWorker, false);
        ict_worker.transfer = transfer(true);
        let mut ict_head_office = job(T::Ordinary, P::Head, true);
        ict_head_office.transfer = transfer(true);
        let mut seasonal = job(T::Ordinary, P::QualifiedWorker, false);
        seasonal.seasonal = true;
        let cases: Vec<(&str, Facts, Route, &str)> = vec![
            (
                "EAEU citizen",
                Facts {
                    citizenship: "KGZ".into(),
                    citizen_of_eaeu: true,
                    ..facts(Some(job(T::Ordinary, P::QualifiedWorker, false)))
                },
                Route::EaeuCitizen,
                "Art. 2(3)",
            ),
            (
                "permanent resident",
                Facts {
                    permanent_resident: true,
                    ..facts(Some(job(T::Ordinary, P::QualifiedWorker, false)))
                },
                exempt(9),
                "Art. 32(2)(9)",
            ),
            (
                "(11) a person in the Government's list",
                Facts {
                    listed: Some(Words {
                        kk: "қандас".into(),
                        ru: "кандас".into(),
                        en: "kandas".into(),
                    }),
                    ..facts(Some(job(T::Ordinary, P::QualifiedWorker, false)))
                },
                exempt(11),
                "Art. 32(2)(11)",
            ),
            (
                "(1) head with higher education",
                facts(Some(job(T::AutonomousEducation, P::Head, true))),
                exempt(1),
                "Art. 32(2)(1)",
            ),
            (
                "(1) specialist with higher education",
                facts(Some(job(T::AutonomousEducation, P::Specialist, true))),
                exempt(1),
                "Art. 32(2)(1)",
            ),
            (
                "(1) head WITHOUT higher education is not exempt",
                facts(Some(job(T::AutonomousEducation, P::Head, false))),
                quota(Category::Heads),
                "Art. 33(1)",
            ),
            (
                "(1) qualified worker is not exempt",
                facts(Some(job(T::AutonomousEducation, P::QualifiedWorker, true))),
                quota(Category::QualifiedWorkers),
                "Art. 33(1)",
            ),
            (
                "(2) state body",
                facts(Some(job(T::StateBody, P::QualifiedWorker, false))),
                exempt(2),
                "Art. 32(2)(2)",
            ),
            (
                "(3) head without higher education is exempt",
                facts(Some(job(pip(false, None), P::Head, false))),
                exempt(3),
                "Art. 32(2)(3)",
            ),
            (
                "(3) specialist with higher education",
                facts(Some(job(pip(false, None), P::Specialist, true))),
                exempt(3),
                "Art. 32(2)(3)",
            ),
            (
                "(3) specialist without higher education is not",
                facts(Some(job(pip(false, None), P::Specialist, false))),
                quota(Category::Specialists),
                "Art. 33(1)",
            ),
            (
                "(3) qualified worker by the contract's list",
                facts(Some(job(pip(false, None), P::QualifiedWorker, false))),
                exempt(3),
                "Art. 32(2)(3)",
            ),
            (
                "(3) contractor within a year of commissioning",
                facts(Some(job(pip(true, Some("2026-03-02")), P::Head, false))),
                exempt(3),
                "Art. 32(2)(3)",
            ),
            (
                "(3) contractor a year after commissioning",
                facts(Some(job(pip(true, Some("2026-03-01")), P::Head, false))),
                quota(Category::Heads),
                "Art. 33(1)",
            ),
            (
                "(3) the project company itself long after commissioning",
                facts(Some(job(pip(false, Some("2020-01-01")), P::Head, false))),
                exempt(3),
                "Art. 32(2)(3)",
            ),
            (
                "(7) project over one million MRP",
                facts(Some(job(
                    sez(1_000_001, false, None),
                    P::QualifiedWorker,
                    false,
                ))),
                exempt(7),
                "Art. 32(2)(7)",
            ),
            (
                "(7) project of exactly one million MRP",
                facts(Some(job(sez(1_000_000, false, None), P::Specialist, true))),
                quota(Category::Specialists),
                "Art. 33(1)",
            ),
            (
                "(7) contractor a year after commissioning",
                facts(Some(job(
                    sez(5_000_000, true, Some("2025-01-01")),
                    P::Specialist,
                    true,
                ))),
                quota(Category::Specialists),
                "Art. 33(1)",
            ),
            (
                "(10) first head of a branch",
                facts(Some(first_head)),
                exempt(10),
                "Art. 32(2)(10)",
            ),
            (
                "(10) other staff of a branch",
                facts(Some(deputy_first_head)),
                quota(Category::Specialists),
                "Art. 33(1)",
            ),
            (
                "(12) head without higher education is exempt",
                facts(Some(job(T::AstanaHub, P::Head, false))),
                exempt(12),
                "Art. 32(2)(12)",
            ),
            (
                "(12) manager without higher education is exempt",
                facts(Some(job(T::AstanaHub, P::Manager, false))),
                exempt(12),
                "Art. 32(2)(12)",
            ),
            (
                "(12) specialist without higher education is not",
                facts(Some(job(T::AstanaHub, P::Specialist, false))),
                quota(Category::Specialists),
                "Art. 33(1)",
            ),
            (
                "(12) qualified worker is not",
                facts(Some(job(T::AstanaHub, P::QualifiedWorker, true))),
                quota(Category::QualifiedWorkers),
                "Art. 33(1)",
            ),
            (
                "(8) self-employment in an in-demand profession",
                Facts {
                    profession: Some(Profession {
                        name: "2512".into(),
                        in_demand: true,
                    }),
                    ..facts(None)
                },
                Route::SelfEmploymentCertificate,
                "Art. 34(1)",
            ),
            (
                "(8) self-employment in a profession not in demand",
                Facts {
                    profession: Some(Profession {
                        name: "9999".into(),
                        in_demand: false,
                    }),
                    ..facts(None)
                },
                Route::NoRoute,
                "Art. 33(1)",
            ),
            (
                "ICT to a branch",
                facts(Some(ict)),
                Route::IctPermit,
                "Art. 35(1)",
            ),
            (
                "ICT to a subsidiary",
                facts(Some(ict_subsidiary)),
                Route::IctPermit,
                "Art. 35(1)",
            ),
            (
                "ICT from a non-WTO country",
                facts(Some(ict_non_wto)),
                quota(Category::Specialists),
                "Art. 33(1)",
            ),
            (
                "ICT of a qualified worker",
                facts(Some(ict_worker)),
                quota(Category::QualifiedWorkers),
                "Art. 33(1)",
            ),
            (
                "ICT to a head office",
                facts(Some(ict_head_office)),
                quota(Category::Heads),
                "Art. 33(1)",
            ),
            (
                "quota, category 2",
                facts(Some(job(T::Ordinary, P::Manager, true))),
                quota(Category::DivisionHeads),
                "Art. 33(1)",
            ),
            (
                "quota, seasonal",
                facts(Some(seasonal)),
                quota(Category::Seasonal),
                "Art. 33(1)",
            ),
        ];
        for (name, f, expected, article) in cases {
            let a = route(&f);
            assert_eq!(a.route, expected, "{name}");
            assert_eq!(a.articles[0].cite(), article, "{name}");
        }
    }

    /// Every combination of the facts the finder turns on: the answer is one route, its
    /// articles and messages are given, every other route is accounted for, and the
    /// precedence and the education rules of Art. 32(2) hold.
    #[test]
    fn every_combination_of_facts_gets_one_route_and_every_other_route_explained() {
        let employers = [
            T::Ordinary,
            T::StateBody,
            T::AutonomousEducation,
            T::AstanaHub,
            sez(2_000_000, false, None),
            sez(2_000_000, true, Some("2025-01-01")),
            sez(500_000, false, None),
            pip(false, None),
            pip(true, Some("2026-12-01")),
            pip(true, Some("2020-12-01")),
            T::ForeignBranch,
            T::ForeignSubsidiary,
        ];
        let mut engagements: Vec<Option<Engagement>> = vec![None];
        for employer in employers {
            for position in P::ALL {
                for higher_education in [false, true] {
                    for first_head in [false, true] {
                        for seasonal in [false, true] {
                            for t in [None, transfer(false), transfer(true)] {
                                engagements.push(Some(Engagement {
                                    employer,
                                    position,
                                    higher_education,
                                    first_head,
                                    seasonal,
                                    transfer: t,
                                }));
                            }
                        }
                    }
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for engagement in engagements {
            for eaeu in [false, true] {
                for resident in [false, true] {
                    for profession in [
                        None,
                        Some(Profession {
                            name: "2512".into(),
                            in_demand: true,
                        }),
                        Some(Profession {
                            name: "9999".into(),
                            in_demand: false,
                        }),
                    ] {
                        let f = Facts {
                            citizen_of_eaeu: eaeu,
                            permanent_resident: resident,
                            engagement: engagement.clone(),
                            profession,
                            ..facts(None)
                        };
                        let a = route(&f);
                        seen.insert(a.route.kind());
                        assert!(!a.articles.is_empty());
                        // Every route kind is either the answer or explained among the others.
                        for kind in RouteKind::ALL {
                            let explained = a.others.iter().any(|o| o.kind == kind);
                            assert!(
                                explained || a.route.kind() == Some(kind),
                                "{kind:?} unexplained for {f:?}"
                            );
                        }
                        assert!(a.others.iter().all(|o| !o.articles.is_empty()));
                        // A treaty prevails, then permanent residence.
                        if eaeu {
                            assert_eq!(a.route, Route::EaeuCitizen);
                        } else if resident {
                            assert_eq!(a.route, exempt(9));
                        }
                        let Some(e) = &f.engagement else {
                            continue;
                        };
                        // 32(2)(1): never without higher education, whatever the position.
                        if a.route == exempt(1) {
                            assert!(e.higher_education && e.position != P::QualifiedWorker);
                        }
                        // 32(2)(12): a specialist only with higher education; heads without.
                        if a.route == exempt(12) {
                            assert!(e.position.is_head() || e.higher_education);
                        }
                        if a.route == Route::IctPermit {
                            let t = e.transfer.as_ref().unwrap();
                            assert!(t.sender_wto_member && e.position != P::QualifiedWorker);
                        }
                        if let Route::QuotaPermit(c) = a.route {
                            let expected = if e.seasonal {
                                Category::Seasonal
                            } else {
                                e.position.category()
                            };
                            assert_eq!(c, expected);
                        }
                    }
                }
            }
        }
        // Every route occurs.
        assert_eq!(seen.len(), RouteKind::ALL.len() + 1, "{seen:?}");
    }

    #[test]
    fn art_32_2_the_answer_explains_why_the_other_routes_do_not_apply() {
        let mut e = job(T::AutonomousEducation, P::Head, false);
        e.transfer = transfer(false);
        let a = route(&facts(Some(e)));
        assert_eq!(a.route, quota(Category::Heads));
        let reasons: Vec<&str> = a.others.iter().map(|o| o.reason.key.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "route-eaeu-not-member",
                "route-resident-not",
                "route-list-not",
                "route-education-needs-higher",
                "route-self-employment-employer",
                "route-ict-sender-not-wto",
            ]
        );
        assert_eq!(a.next_step.key, "route-next-quota");
    }

    #[test]
    fn art_2_3_a_treaty_route_still_lists_the_routes_that_would_apply_too() {
        let f = Facts {
            citizen_of_eaeu: true,
            permanent_resident: true,
            ..facts(Some(job(T::Ordinary, P::Specialist, true)))
        };
        let a = route(&f);
        assert_eq!(a.route, Route::EaeuCitizen);
        assert!(a
            .others
            .iter()
            .any(|o| o.applies && o.kind == RouteKind::Exempt));
    }
}
