//! The automatic checks of a permit application (Art. 33(2), (3), (6), (7), 2(3), 7(20)),
//! each a pure function of the figures it is given. A check passes, fails or warns; its
//! finding carries the code (also the catalogue key of its message), the article and the
//! figures, so that it can be stored with the application and rendered in the reader's
//! language when read. The same checks run again at decision time under the rule set then
//! in force.

use crate::domain::article::*;
use crate::domain::route::{Route, RouteAnswer};
use crate::domain::ruleset::{
    KazakhShareRules, LabourMarketTest, ReissueRules, ReplacementDuty, TermChoice, TermUnit,
};
use crate::domain::ProblemCode;
use crate::domain::{Category, CountryCode, Message, RegionCode, Violation};
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule is met.
    Pass,
    /// The rule is not met: the permit cannot be approved as it stands.
    Fail,
    /// Worth the official's attention; does not stop an approval.
    Warning,
}

/// One check's result: its outcome and its finding (code, article, figures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub outcome: Outcome,
    pub finding: Violation,
}

impl Check {
    /// What the check found, for its outcome: a check that failed or warns reads its
    /// finding's message (the code is the catalogue key, as when it refuses); one that
    /// passed reads `<code>-pass`, worded for a rule that is met, with the same figures.
    pub fn message(&self) -> Message {
        let found = self.finding.message();
        match self.outcome {
            Outcome::Pass => Message {
                key: format!("{}-pass", found.key),
                args: found.args,
            },
            Outcome::Fail | Outcome::Warning => found,
        }
    }

    fn judged(ok: bool, finding: Violation) -> Check {
        Check {
            outcome: if ok { Outcome::Pass } else { Outcome::Fail },
            finding,
        }
    }

    fn warn_if(warn: bool, finding: Violation) -> Check {
        Check {
            outcome: if warn {
                Outcome::Warning
            } else {
                Outcome::Pass
            },
            finding,
        }
    }
}

/// The findings of the checks that failed, as violations to refuse with.
pub fn failures(checks: &[Check]) -> Vec<Violation> {
    checks
        .iter()
        .filter(|c| c.outcome == Outcome::Fail)
        .map(|c| c.finding.clone())
        .collect()
}

/// Art. 33(2): the akimat issues permits within the quota the ministry allocated to its
/// region: `left` units of the category remain for `year`, `wanted` are needed.
pub fn quota_available(
    region: &RegionCode,
    year: i32,
    category: Category,
    left: i64,
    wanted: i64,
) -> Check {
    Check::judged(
        left >= wanted,
        Violation::new(ProblemCode::QuotaAvailable, ART_33_2)
            .text("region", region)
            .arg("year", year)
            .text("category", category)
            .arg("left", left)
            .arg("wanted", wanted)
            .quota_left(left),
    )
}

/// Art. 32(4)(2): citizens of a country with a country-of-origin quota draw on it too.
pub fn country_quota_available(country: &CountryCode, year: i32, left: i64, wanted: i64) -> Check {
    Check::judged(
        left >= wanted,
        Violation::new(ProblemCode::CountryQuotaAvailable, ART_32_4_2)
            .text("country", country)
            .arg("year", year)
            .arg("left", left)
            .arg("wanted", wanted)
            .quota_left(left),
    )
}

/// Art. 32(4)(2): a permit draws one hold per region, and a hold names one country, so
/// the citizens of a country with a country-of-origin quota are applied for on a permit of
/// their own: an application mixing them with workers of other countries fails (each
/// country's share could not be held against its quota). `treaty` is the first such
/// country among the workers, `countries` how many citizenships need a permit.
pub fn country_quota_not_mixed(treaty: Option<&CountryCode>, countries: usize) -> Check {
    let finding =
        Violation::service_rule(ProblemCode::CountryQuotaMixed).arg("countries", countries);
    Check::judged(
        treaty.is_none() || countries <= 1,
        match treaty {
            Some(c) => finding.text("country", c),
            None => finding.text("country", "-"),
        },
    )
}

/// The employer's staff in one worker category on a date (Art. 33(6)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Staff {
    /// Kazakh citizens, head count.
    pub kazakh: u32,
    /// Foreign workers who are not EAEU citizens, head count.
    pub foreign: u32,
    /// Citizens of other EAEU states, head count (Art. 2(3): not foreign for the ratio
    /// unless the rule set says so).
    pub eaeu: u32,
    /// Workers posted to the employer under staffing-services contracts who are foreign,
    /// head count (Art. 33(6): counted as foreign).
    pub posted: u32,
}

/// An employer's workforce as the Kazakh share judges it (Art. 33(6)): the staff its
/// profile declares, whose foreign workers are those on no permit of this service, and the
/// foreigners on its own live permits and ICT permits here, which the service counts itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Workforce<'a> {
    /// Staff per category as the profile declares it.
    pub declared: &'a [StaffLine],
    /// Foreign workers on the employer's other live permits and ICT permits in this
    /// service, by category (an ICT head, manager or specialist in category 1, 2 or 3).
    pub permitted: &'a [(Category, u32)],
    /// A branch or representative office of a foreign legal entity.
    pub foreign_division: bool,
    /// A small-business entity, as the employer's profile states.
    pub small_business: bool,
}

impl Workforce<'_> {
    /// Every employee: the staff declared and the foreigners on the employer's permits.
    pub fn employees(&self) -> u32 {
        let declared: u32 = self
            .declared
            .iter()
            .map(|l| l.staff.kazakh + l.staff.foreign + l.staff.eaeu + l.staff.posted)
            .sum();
        declared + self.permitted.iter().map(|(_, n)| n).sum::<u32>()
    }

    /// Foreign workers on the employer's permits in `categories`.
    fn permitted_in(&self, categories: &[Category]) -> u32 {
        self.permitted
            .iter()
            .filter(|(c, _)| categories.contains(c))
            .map(|(_, n)| n)
            .sum()
    }
}

/// Art. 33(6): the Kazakh share over the ratio's category group, after adding `adding`
/// foreign workers of `category`: foreign counts the foreigners on the employer's other
/// live permits and ICT permits, the foreigners its profile declares (those on no permit
/// of this service), posted staffing workers (when the rule set says they count) and EAEU
/// citizens only when the rule set counts them as foreign (otherwise they count with the
/// Kazakh staff, Art. 2(3)). Exempt, as the rule set in force on `on` gives: a branch or
/// representative office of a foreign legal entity with at most its number of employees,
/// and, from the small-business exemption's first day, a small-business entity with at most
/// that number; categories in no ratio (seasonal) are not judged.
pub fn kazakh_share(
    rules: &KazakhShareRules,
    category: Category,
    workforce: &Workforce<'_>,
    adding: u32,
    on: NaiveDate,
) -> Check {
    let employees = workforce.employees();
    if workforce.foreign_division && employees <= rules.exemption_max_employees {
        return Check::judged(
            true,
            Violation::new(ProblemCode::KazakhShareExempt, ART_33_6)
                .arg("employees", employees)
                .arg("max", rules.exemption_max_employees),
        );
    }
    if let Some(max) = rules
        .small_business_max_on(on)
        .filter(|max| workforce.small_business && employees <= *max)
    {
        return Check::judged(
            true,
            Violation::new(ProblemCode::KazakhShareSmallBusiness, ART_33_6)
                .arg("employees", employees)
                .arg("max", max),
        );
    }
    let Some(ratio) = rules.ratio_for(category) else {
        return Check::judged(
            true,
            Violation::new(ProblemCode::KazakhShareNotApplicable, ART_33_6)
                .text("category", category),
        );
    };
    let permitted = workforce.permitted_in(&ratio.categories);
    let (mut kazakh, mut foreign) = (0u32, adding + permitted);
    for s in workforce
        .declared
        .iter()
        .filter(|l| ratio.categories.contains(&l.category))
        .map(|l| &l.staff)
    {
        kazakh += s.kazakh;
        foreign += s.foreign;
        if rules.posted_workers_count {
            foreign += s.posted;
        }
        if rules.eaeu_citizens_count_as_foreign {
            foreign += s.eaeu;
        } else {
            kazakh += s.eaeu;
        }
    }
    let categories: Vec<&str> = ratio.categories.iter().map(|c| c.code()).collect();
    Check::judged(
        ratio.is_met(kazakh, foreign),
        Violation::new(ProblemCode::KazakhShare, ART_33_6)
            .text("categories", categories.join("+"))
            .arg("kazakh", kazakh)
            .arg("foreign", foreign)
            .arg("permitted", permitted)
            .text("min", ratio.min_kazakh_percent),
    )
}

/// Art. 33(6): without the employer's workforce on `date` the share cannot be judged, so
/// the check fails until the employer states its profile.
pub fn profile_missing(date: NaiveDate) -> Check {
    Check::judged(
        false,
        Violation::new(ProblemCode::EmployerProfileRequired, ART_33_6).text("date", date),
    )
}

/// One line of an employer's workforce: its staff in one worker category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLine {
    pub category: Category,
    #[serde(flatten)]
    pub staff: Staff,
}

/// What a worker's qualification is described by (Art. 33(7)).
#[derive(Debug, Clone, Copy)]
pub struct Qualification<'a> {
    pub worker: &'a str,
    pub education: &'a str,
    pub occupation_code: &'a str,
    pub experience_years: u32,
    pub reference: Option<&'a str>,
}

/// An NKZ occupation code: four digits, then optionally `-` and digits, repeated.
pub fn is_occupation_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let unit_group = parts.next().unwrap_or_default();
    unit_group.len() == 4
        && unit_group.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Art. 33(7): a foreign worker's education and experience must meet the qualification
/// requirements of professional standards and reference books; the application states the
/// education level, an NKZ occupation code and the qualification reference it relies on.
/// Seasonal workers need no qualification reference.
pub fn qualification(q: &Qualification<'_>, category: Category) -> Check {
    let reference_needed = category != Category::Seasonal;
    let ok = !q.education.trim().is_empty()
        && is_occupation_code(q.occupation_code)
        && (!reference_needed || q.reference.is_some_and(|r| !r.trim().is_empty()));
    Check::judged(
        ok,
        Violation::new(ProblemCode::QualificationData, ART_33_7)
            .text("worker", q.worker)
            .text("occupation", q.occupation_code)
            .arg("years", q.experience_years),
    )
}

/// Art. 7(20): the ministry's rules fix the terms a permit of each category may run, and
/// those an extension may add: the requested term is one of `choice`, in its unit.
pub fn term_allowed(category: Category, choice: &TermChoice, unit: TermUnit, length: u32) -> Check {
    let unit_name = match unit {
        TermUnit::Months => "months",
        TermUnit::Days => "days",
    };
    Check::judged(
        choice.unit == unit && choice.allows(length),
        Violation::new(ProblemCode::TermAllowed, ART_7_20)
            .text("category", category)
            .arg("length", length)
            .text("unit", unit_name),
    )
}

/// Art. 7(20) with the ministry's labour-market test: from its start date, the vacancy is
/// published on the Electronic Labour Exchange, with its code quoted, at least the rule
/// set's number of calendar days before the application.
pub fn labour_market_test(
    test: &LabourMarketTest,
    filed_on: NaiveDate,
    code: Option<&str>,
    published_on: Option<NaiveDate>,
) -> Check {
    let days = published_on.map_or(0, |p| (filed_on - p).num_days());
    let needed = filed_on >= test.applies_from;
    let ok = !needed
        || (code.is_some_and(|c| !c.trim().is_empty())
            && published_on.is_some()
            && days >= i64::from(test.min_days_published));
    Check::judged(
        ok,
        Violation::new(ProblemCode::LabourMarketTest, ART_7_20)
            .arg("days", days)
            .arg("min", test.min_days_published),
    )
}

/// Art. 33(2) with the ministry's refusal grounds: an employer whose permit was revoked for
/// engaging foreign labour unlawfully is refused until `barred_until` (inclusive).
pub fn employer_not_barred(barred_until: Option<NaiveDate>, today: NaiveDate) -> Check {
    let until = barred_until.filter(|u| *u >= today);
    let finding = Violation::new(ProblemCode::EmployerBarred, ART_33_2);
    Check::judged(
        until.is_none(),
        match until {
            Some(u) => finding.text("until", u),
            None => finding.text("until", "-"),
        },
    )
}

/// The last day of the bar that follows a revocation for unlawful engagement on `revoked_on`,
/// `months` long (the rule set's number).
pub fn bar_until(revoked_on: NaiveDate, months: u32) -> Option<NaiveDate> {
    revoked_on.checked_add_months(Months::new(months))
}

/// Art. 33(2) with the ministry's category-4 duty: a category-4 application commits to
/// replacing the foreigners with Kazakh citizens within a period the rule set bounds.
pub fn replacement_commitment(
    duty: &ReplacementDuty,
    category: Category,
    months: Option<u32>,
) -> Check {
    let needed = category == Category::QualifiedWorkers;
    let ok = !needed || months.is_some_and(|m| (duty.min_months..=duty.max_months).contains(&m));
    Check::judged(
        ok,
        Violation::new(ProblemCode::ReplacementCommitment, ART_33_2)
            .arg("min", duty.min_months)
            .arg("max", duty.max_months),
    )
}

/// The last day of a category-4 permit's replacement period: `months` after its start.
pub fn replacement_due(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))
}

/// An earlier category-4 permit of the employer: its id, its start and its replacement
/// period in months, as agreed at issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commitment {
    pub permit: i64,
    pub start: NaiveDate,
    pub months: u32,
}

/// Art. 33(2) with the ministry's category-4 duty (the rule set lists
/// `replacement-obligation-unmet` among the refusal grounds, so an unmet commitment fails,
/// it does not merely warn): every earlier category-4 permit whose replacement period ended
/// before `today` must have been reported met, naming the Kazakh citizens hired.
/// `unreported` are the employer's issued category-4 permits with no report.
pub fn replacements_met(unreported: &[Commitment], today: NaiveDate) -> Check {
    let overdue: Vec<String> = unreported
        .iter()
        .filter(|c| replacement_due(c.start, c.months).is_some_and(|due| due < today))
        .map(|c| c.permit.to_string())
        .collect();
    Check::judged(
        overdue.is_empty(),
        Violation::new(ProblemCode::ReplacementObligationMet, ART_33_2)
            .arg("count", overdue.len())
            .text(
                "permits",
                if overdue.is_empty() {
                    "-".to_owned()
                } else {
                    overdue.join(", ")
                },
            ),
    )
}

/// Art. 33(2): a replacement report names at least as many Kazakh citizens hired as the
/// permit had foreign workers to replace, each hired no later than `today`.
pub fn replacement_report(
    hired: &[NaiveDate],
    foreign_workers: usize,
    today: NaiveDate,
) -> Result<(), Violation> {
    let in_time = hired.iter().all(|d| *d <= today);
    if hired.len() >= foreign_workers && in_time {
        Ok(())
    } else {
        Err(
            Violation::new(ProblemCode::ReplacementReportShort, ART_33_2)
                .arg("hired", hired.len())
                .arg("foreign", foreign_workers),
        )
    }
}

/// Another permit case naming the same person ([`crate::domain::person::PersonKey`]): its
/// id, and whether it is the same employer's. An employer never reads another employer's
/// case id ([`Violation::for_employer`]); officials do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherCase {
    pub permit: i64,
    pub own: bool,
}

fn naming(code: ProblemCode, worker: &str, other: Option<OtherCase>) -> Violation {
    let finding = Violation::new(code, ART_33_3).text("worker", worker);
    match other {
        Some(o) => finding
            .text("holder", if o.own { "own" } else { "other" })
            .arg("permit", o.permit),
        None => finding.text("holder", "-").text("permit", "-"),
    }
}

/// Art. 33(3): a permit is its employer's alone; a person already on a live permit — one
/// approved and not ended — cannot be named on another. The first approval wins.
pub fn worker_free(worker: &str, live: Option<OtherCase>) -> Check {
    Check::judged(
        live.is_none(),
        naming(ProblemCode::WorkerOnLivePermit, worker, live),
    )
}

/// Art. 33(3): a person also named on an application still awaiting its decisions is
/// flagged for the deciding akimat (a warning: an application is no permit, so it blocks
/// nothing; whichever is approved first wins, and the other then fails
/// [`worker_free`]).
pub fn worker_not_pending(worker: &str, pending: Option<OtherCase>) -> Check {
    Check::warn_if(
        pending.is_some(),
        naming(ProblemCode::WorkerOnPendingApplication, worker, pending),
    )
}

/// A passport that expires before the permit ends is flagged for the official (a warning
/// of the service, no article).
pub fn passport_valid(worker: &str, expiry: NaiveDate, permit_end: NaiveDate) -> Check {
    Check::warn_if(
        expiry < permit_end,
        Violation::service_rule(ProblemCode::PassportExpires)
            .text("worker", worker)
            .text("expiry", expiry)
            .text("end", permit_end),
    )
}

/// Art. 2(3) with the EAEU Treaty: citizens of other EAEU states work without a permit, so
/// such a worker is refused for the permit (never drawing quota) and the rest go on.
pub fn needs_no_permit(worker: &str, country: &CountryCode) -> Check {
    Check::warn_if(
        true,
        Violation::new(ProblemCode::WorkerNeedsNoPermit, ART_2_3)
            .text("worker", worker)
            .text("country", country),
    )
}

/// What a re-issue of a permit for another foreigner is judged on.
#[derive(Debug, Clone, Copy)]
pub struct Reissue<'a> {
    /// The worker who gives way: their NKZ occupation code.
    pub leaving_occupation: &'a str,
    /// The newcomer's NKZ occupation code.
    pub newcomer_occupation: &'a str,
    /// The newcomer's citizenship.
    pub newcomer_country: &'a CountryCode,
    /// Whether the newcomer is a citizen of another EAEU state (Art. 2(3)).
    pub newcomer_eaeu: bool,
    /// The country quota the permit's units are held in (Art. 32(4)(2)), if any.
    pub held_country: Option<&'a CountryCode>,
    /// The country quota the newcomer would draw on, if their country has one.
    pub newcomer_quota_country: Option<&'a CountryCode>,
}

/// Order No. 279 under Art. 7(20), with Art. 2(3), 32(4)(2) and 33(3): a permit is re-issued
/// for another foreigner only where the rule set allows it; the newcomer takes the same
/// occupation where the rule set says so; a citizen of another EAEU state needs no permit;
/// and the permit's units stay in the quota they were held in, so the newcomer must draw on
/// the same country quota (or on none, as the worker replaced did). The permit's employer,
/// regions and term do not change (Art. 33(3)).
pub fn reissue(rules: &ReissueRules, r: &Reissue<'_>) -> Vec<Violation> {
    let mut out = Vec::new();
    if !rules.allowed {
        out.push(Violation::new(ProblemCode::ReissueNotAllowed, ART_7_20));
    }
    if rules.same_occupation && r.leaving_occupation != r.newcomer_occupation {
        out.push(
            Violation::new(ProblemCode::ReissueOccupationDiffers, ART_7_20)
                .text("occupation", r.leaving_occupation)
                .text("newcomer", r.newcomer_occupation),
        );
    }
    if r.newcomer_eaeu {
        out.push(
            Violation::new(ProblemCode::ReissueNeedsNoPermit, ART_2_3)
                .text("country", r.newcomer_country),
        );
    } else if r.held_country != r.newcomer_quota_country {
        let held = r.held_country.map_or("-", |c| c.as_str());
        out.push(
            Violation::new(ProblemCode::ReissueCountryQuota, ART_32_4_2)
                .text("country", r.newcomer_country)
                .text("held", held),
        );
    }
    out
}

/// Art. 32(2)(1), (3), (12): the education levels that are higher education (an
/// application states the level as `higher` or `postgraduate`, in any case).
pub fn higher_education(level: &str) -> bool {
    let level = level.trim();
    level.eq_ignore_ascii_case("higher") || level.eq_ignore_ascii_case("postgraduate")
}

/// Art. 32(2): a worker the route finder found exempt, by the subparagraph it chose and in
/// its words (the category of the Government's list for 32(2)(11)); `None` for any other
/// route.
pub fn worker_exempt(worker: &str, answer: &RouteAnswer) -> Option<Violation> {
    let Route::Exempt(x) = answer.route else {
        return None;
    };
    let mut v = Violation::new(ProblemCode::WorkerExempt, x.article())
        .text("worker", worker)
        .arg("subparagraph", x.subparagraph());
    if let Some((_, category)) = answer.reason.args.iter().find(|(n, _)| n == "category") {
        v = v.arg("category", category.clone());
    }
    Some(v)
}

/// Art. 2(3), 32(2): why a worker needs no permit, as the route finder answered: an EAEU
/// citizen ([`needs_no_permit`]) or an exempt person ([`worker_exempt`]); `None` for a
/// worker who needs one.
pub fn why_no_permit(
    worker: &str,
    country: &CountryCode,
    answer: &RouteAnswer,
) -> Option<Violation> {
    match answer.route {
        Route::EaeuCitizen => Some(needs_no_permit(worker, country).finding),
        _ => worker_exempt(worker, answer),
    }
}

/// Art. 32(2)-(3), 33(1): the route finder's answer for a worker of a permit application.
/// A worker whose route is not a permit within the quota — an exempt person (Art. 32(2))
/// — was refused for the permit at filing (`needs_permit` false), drawing no quota: a
/// warning naming the subparagraph in its words ([`worker_exempt`]). A worker filed as needing a permit whose route is
/// now another (the employer's type changed), or the reverse, fails: the application no
/// longer names its workers rightly. EAEU citizens are [`needs_no_permit`]'s.
pub fn worker_route(worker: &str, answer: &RouteAnswer, needs_permit: bool) -> Option<Check> {
    let quota = matches!(answer.route, Route::QuotaPermit(_));
    if answer.route == Route::EaeuCitizen || (quota && needs_permit) {
        return None;
    }
    let route = answer.route.kind().map_or("none", |k| k.as_str());
    let finding = Violation::resting_on(ProblemCode::WorkerRouteOther, &answer.articles)
        .text("worker", worker)
        .text("route", route);
    Some(if !needs_permit && !quota {
        Check::warn_if(true, worker_exempt(worker, answer).unwrap_or(finding))
    } else {
        Check::judged(false, finding)
    })
}

/// Art. 33(1): a permit whose workers all need no permit within the quota has nothing to
/// permit (at filing each such worker is refused with the article of their own route).
pub fn nothing_to_permit() -> Violation {
    Violation::new(ProblemCode::NoWorkerNeedsPermit, ART_33_1)
}

/// Art. 7(20): the last day of a permit of `length` `unit` starting on `start`.
pub fn end_date(start: NaiveDate, unit: TermUnit, length: u32) -> Option<NaiveDate> {
    let after = match unit {
        TermUnit::Months => start.checked_add_months(Months::new(length))?,
        TermUnit::Days => start.checked_add_days(Days::new(u64::from(length)))?,
    };
    after.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruleset::tests::seeded;
    use crate::domain::violation::Arg;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn line(category: Category, k: u32, f: u32, e: u32, p: u32) -> StaffLine {
        StaffLine {
            category,
            staff: Staff {
                kazakh: k,
                foreign: f,
                eaeu: e,
                posted: p,
            },
        }
    }

    fn codes(v: &[Violation]) -> Vec<&str> {
        v.iter().map(|x| x.code.as_str()).collect()
    }

    fn answer(route: Route) -> RouteAnswer {
        RouteAnswer {
            route,
            articles: vec![crate::domain::article::ART_32_2_12],
            reason: crate::domain::Message::new("x"),
            next_step: crate::domain::Message::new("x"),
            others: Vec::new(),
        }
    }

    #[test]
    fn art_32_2_an_exempt_worker_is_refused_for_the_permit_and_a_changed_route_fails() {
        use crate::domain::route::Exemption;
        let exempt = answer(Route::Exempt(Exemption::AstanaHub));
        let quota = answer(Route::QuotaPermit(Category::Specialists));
        assert_eq!(worker_route("A", &quota, true), None);
        assert_eq!(worker_route("A", &answer(Route::EaeuCitizen), false), None);
        let filed_exempt = worker_route("A", &exempt, false).unwrap();
        assert_eq!(filed_exempt.outcome, Outcome::Warning);
        assert_eq!(filed_exempt.finding.code, "worker-exempt");
        assert_eq!(
            filed_exempt.finding.article.as_deref(),
            Some("Art. 32(2)(12)")
        );
        assert_eq!(
            worker_route("A", &exempt, true).unwrap().outcome,
            Outcome::Fail
        );
        assert_eq!(
            worker_route("A", &quota, false).unwrap().outcome,
            Outcome::Fail
        );
    }

    #[test]
    fn art_32_2_a_worker_needing_no_permit_is_refused_with_the_subparagraph_of_their_route() {
        use crate::domain::route::{route, Facts};
        use crate::domain::violation::Words;
        let tur: CountryCode = "TUR".parse().unwrap();
        let kandas = Words {
            kk: "қандас".into(),
            ru: "кандас".into(),
            en: "kandas".into(),
        };
        let listed = route(&Facts {
            citizenship: "MNG".into(),
            citizen_of_eaeu: false,
            permanent_resident: false,
            listed: Some(kandas.clone()),
            on: d("2026-01-15"),
            engagement: None,
            profession: None,
        });
        let v = why_no_permit("A", &tur, &listed).unwrap();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("worker-exempt", Some("Art. 32(2)(11)"))
        );
        assert_eq!(v.get("subparagraph"), Some(&Arg::Number(11)));
        assert_eq!(v.get("category"), Some(&Arg::Words(kandas)));
        let eaeu = answer(Route::EaeuCitizen);
        let v = why_no_permit("A", &tur, &eaeu).unwrap();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("worker-needs-no-permit", Some("Art. 2(3)"))
        );
        let quota = answer(Route::QuotaPermit(Category::Specialists));
        assert_eq!(why_no_permit("A", &tur, &quota), None);
    }

    #[test]
    fn art_32_2_higher_education_is_the_higher_or_postgraduate_level() {
        assert!(higher_education("higher"));
        assert!(higher_education(" Postgraduate "));
        assert!(!higher_education("vocational"));
        assert!(!higher_education("secondary"));
    }

    #[test]
    fn order_279_a_permit_is_reissued_for_a_newcomer_of_the_same_occupation_and_quota() {
        let rules = seeded().permit_grounds.reissue;
        let ind: CountryCode = "IND".parse().unwrap();
        let tur: CountryCode = "TUR".parse().unwrap();
        let rus: CountryCode = "RUS".parse().unwrap();
        let base = Reissue {
            leaving_occupation: "2142",
            newcomer_occupation: "2142",
            newcomer_country: &ind,
            newcomer_eaeu: false,
            held_country: None,
            newcomer_quota_country: None,
        };
        assert!(reissue(&rules, &base).is_empty());
        let other_job = Reissue {
            newcomer_occupation: "7212",
            ..base
        };
        assert_eq!(
            codes(&reissue(&rules, &other_job)),
            ["reissue-occupation-differs"]
        );
        let eaeu = Reissue {
            newcomer_country: &rus,
            newcomer_eaeu: true,
            ..base
        };
        assert_eq!(codes(&reissue(&rules, &eaeu)), ["reissue-needs-no-permit"]);
        let treaty = Reissue {
            newcomer_country: &tur,
            newcomer_quota_country: Some(&tur),
            ..base
        };
        assert_eq!(codes(&reissue(&rules, &treaty)), ["reissue-country-quota"]);
        let same_treaty = Reissue {
            held_country: Some(&tur),
            ..treaty
        };
        assert!(reissue(&rules, &same_treaty).is_empty());
    }

    #[test]
    fn order_279_a_rule_set_that_allows_no_reissue_refuses_it() {
        let rules = ReissueRules::default();
        let ind: CountryCode = "IND".parse().unwrap();
        let r = Reissue {
            leaving_occupation: "2142",
            newcomer_occupation: "2142",
            newcomer_country: &ind,
            newcomer_eaeu: false,
            held_country: None,
            newcomer_quota_country: None,
        };
        let v = reissue(&rules, &r);
        assert_eq!(codes(&v), ["reissue-not-allowed"]);
        assert_eq!(v[0].article.as_deref(), Some("Art. 7(20)"));
    }

    fn declared(lines: &[StaffLine]) -> Workforce<'_> {
        Workforce {
            declared: lines,
            ..Workforce::default()
        }
    }

    fn branch(lines: &[StaffLine]) -> Workforce<'_> {
        Workforce {
            declared: lines,
            foreign_division: true,
            ..Workforce::default()
        }
    }

    #[test]
    fn art_33_6_the_share_counts_the_new_workers_and_posted_staff_as_foreign() {
        let rules = seeded().kazakh_share;
        // Categories 3+4 need 90 %: 90 Kazakh, 8 foreign, 1 posted, +1 new = 90/100.
        let s = [
            line(Category::Specialists, 60, 5, 0, 1),
            line(Category::QualifiedWorkers, 30, 3, 0, 0),
        ];
        let c = kazakh_share(
            &rules,
            Category::Specialists,
            &declared(&s),
            1,
            d("2026-03-01"),
        );
        assert_eq!(c.outcome, Outcome::Pass, "{c:?}");
        let c = kazakh_share(
            &rules,
            Category::Specialists,
            &declared(&s),
            2,
            d("2026-03-01"),
        );
        assert_eq!(c.outcome, Outcome::Fail);
        assert_eq!(c.finding.article.as_deref(), Some("Art. 33(6)"));
    }

    #[test]
    fn art_33_6_the_foreigners_on_the_employers_own_permits_count_in_their_categories() {
        let rules = seeded().kazakh_share;
        // 18 Kazakh specialists and no foreigner declared: 2 new ones keep 90 % alone.
        let s = [line(Category::Specialists, 18, 0, 0, 0)];
        assert_eq!(
            kazakh_share(
                &rules,
                Category::Specialists,
                &declared(&s),
                2,
                d("2026-03-01")
            )
            .outcome,
            Outcome::Pass
        );
        // With 1 on a live permit (category 4) and 1 ICT specialist, 2 more are too many.
        let permitted = [(Category::QualifiedWorkers, 1), (Category::Specialists, 1)];
        let w = Workforce {
            declared: &s,
            permitted: &permitted,
            ..Workforce::default()
        };
        let c = kazakh_share(&rules, Category::Specialists, &w, 2, d("2026-03-01"));
        assert_eq!(c.outcome, Outcome::Fail);
        assert_eq!(c.finding.get("foreign"), Some(&Arg::Number(4)));
        assert_eq!(c.finding.get("permitted"), Some(&Arg::Number(2)));
        // Foreigners on permits in categories 1-2 are another ratio's.
        let heads = [(Category::Heads, 5)];
        let w = Workforce {
            declared: &s,
            permitted: &heads,
            ..Workforce::default()
        };
        assert_eq!(
            kazakh_share(&rules, Category::Specialists, &w, 2, d("2026-03-01")).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn art_2_3_eaeu_citizens_do_not_count_as_foreign_for_the_share() {
        let rules = seeded().kazakh_share;
        let s = [line(Category::Heads, 5, 3, 2, 0)];
        // 70 %: 5 Kazakh + 2 EAEU = 7 against 3 foreign.
        assert_eq!(
            kazakh_share(&rules, Category::Heads, &declared(&s), 0, d("2026-03-01")).outcome,
            Outcome::Pass
        );
        assert_eq!(
            kazakh_share(&rules, Category::Heads, &declared(&s), 1, d("2026-03-01")).outcome,
            Outcome::Fail
        );
    }

    #[test]
    fn art_33_6_a_small_branch_of_a_foreign_entity_is_exempt() {
        let rules = seeded().kazakh_share;
        let s = [line(Category::Heads, 2, 8, 0, 0)];
        let c = kazakh_share(&rules, Category::Heads, &branch(&s), 1, d("2026-03-01"));
        assert_eq!(
            (c.outcome, c.finding.code.as_str()),
            (Outcome::Pass, "kazakh-share-exempt")
        );
        let s = [line(Category::Heads, 3, 8, 0, 0)];
        assert_eq!(
            kazakh_share(&rules, Category::Heads, &branch(&s), 1, d("2026-03-01")).outcome,
            Outcome::Fail
        );
        // The foreigners on its permits are its employees too: 2 + 7 declared and 2 on
        // permits make 11.
        let s = [line(Category::Heads, 2, 7, 0, 0)];
        let permitted = [(Category::Specialists, 2)];
        let w = Workforce {
            permitted: &permitted,
            ..branch(&s)
        };
        assert_eq!(w.employees(), 11);
        assert_eq!(
            kazakh_share(&rules, Category::Heads, &w, 1, d("2026-03-01")).outcome,
            Outcome::Fail
        );
    }

    #[test]
    fn order_93_a_small_business_of_at_most_20_is_exempt_from_1_september_2025() {
        let rules = seeded().kazakh_share;
        // 12 Kazakh and 3 foreign specialists: far below 90 %.
        let s = [line(Category::Specialists, 12, 3, 0, 0)];
        let small = Workforce {
            declared: &s,
            small_business: true,
            ..Workforce::default()
        };
        let c = kazakh_share(&rules, Category::Specialists, &small, 1, d("2025-09-01"));
        assert_eq!(
            (c.outcome, c.finding.code.as_str()),
            (Outcome::Pass, "kazakh-share-small-business")
        );
        assert_eq!(c.finding.get("max"), Some(&Arg::Number(20)));
        // The day before the exemption applies, the share is judged.
        let c = kazakh_share(&rules, Category::Specialists, &small, 1, d("2025-08-31"));
        assert_eq!(
            (c.outcome, c.finding.code.as_str()),
            (Outcome::Fail, "kazakh-share")
        );
        // Not a small business, or more than 20 employees with those on its permits: judged.
        let ordinary = declared(&s);
        assert_eq!(
            kazakh_share(&rules, Category::Specialists, &ordinary, 1, d("2026-03-01")).outcome,
            Outcome::Fail
        );
        let permitted = [(Category::QualifiedWorkers, 6)];
        let bigger = Workforce {
            permitted: &permitted,
            ..small
        };
        assert_eq!(bigger.employees(), 21);
        assert_eq!(
            kazakh_share(&rules, Category::Specialists, &bigger, 1, d("2026-03-01"))
                .finding
                .code,
            "kazakh-share"
        );
        // A rule set without the section has no such exemption.
        let mut none = rules.clone();
        none.small_business_exemption = None;
        assert_eq!(
            kazakh_share(&none, Category::Specialists, &small, 1, d("2026-03-01")).outcome,
            Outcome::Fail
        );
    }

    #[test]
    fn art_33_7_qualification_data_must_be_present() {
        let q = Qualification {
            worker: "A",
            education: "higher",
            occupation_code: "2146",
            experience_years: 5,
            reference: Some("ETKS 2146"),
        };
        assert_eq!(
            qualification(&q, Category::Specialists).outcome,
            Outcome::Pass
        );
        let bad = Qualification {
            reference: None,
            ..q
        };
        assert_eq!(
            qualification(&bad, Category::Specialists).outcome,
            Outcome::Fail
        );
        assert_eq!(
            qualification(&bad, Category::Seasonal).outcome,
            Outcome::Pass
        );
        let bad = Qualification {
            occupation_code: "21",
            ..q
        };
        assert_eq!(
            qualification(&bad, Category::Specialists).outcome,
            Outcome::Fail
        );
    }

    #[test]
    fn art_7_20_a_term_counts_its_first_day_and_ends_the_day_before_the_same_date() {
        assert_eq!(
            end_date(d("2026-01-15"), TermUnit::Months, 12),
            Some(d("2027-01-14"))
        );
        assert_eq!(
            end_date(d("2026-12-01"), TermUnit::Months, 3),
            Some(d("2027-02-28"))
        );
        // The later month has no 31st: the date is its last day, the term ends before it.
        assert_eq!(
            end_date(d("2026-01-31"), TermUnit::Months, 1),
            Some(d("2026-02-27"))
        );
        assert_eq!(
            end_date(d("2026-06-01"), TermUnit::Days, 90),
            Some(d("2026-08-29"))
        );
    }

    #[test]
    fn art_7_20_the_labour_market_test_needs_15_days_of_publication() {
        let t = seeded().labour_market_test;
        let filed = d("2025-12-10");
        let ok = labour_market_test(&t, filed, Some("ELX-1"), Some(d("2025-11-25")));
        assert_eq!(ok.outcome, Outcome::Pass);
        let short = labour_market_test(&t, filed, Some("ELX-1"), Some(d("2025-11-26")));
        assert_eq!(short.outcome, Outcome::Fail);
        let none = labour_market_test(&t, filed, None, None);
        assert_eq!(none.outcome, Outcome::Fail);
        let before = labour_market_test(&t, d("2025-08-01"), None, None);
        assert_eq!(before.outcome, Outcome::Pass);
    }

    #[test]
    fn art_7_20_a_term_the_category_does_not_allow_fails() {
        let rules = seeded();
        let cat3 = &rules.categories[2].initial;
        let c = Category::Specialists;
        assert_eq!(
            term_allowed(c, cat3, TermUnit::Months, 12).outcome,
            Outcome::Pass
        );
        assert_eq!(
            term_allowed(c, cat3, TermUnit::Months, 24).outcome,
            Outcome::Fail
        );
        assert_eq!(
            term_allowed(c, cat3, TermUnit::Days, 12).outcome,
            Outcome::Fail
        );
    }

    #[test]
    fn art_33_2_a_revocation_for_unlawful_engagement_bars_the_employer_for_its_months() {
        let until = bar_until(d("2026-03-10"), 12);
        assert_eq!(until, Some(d("2027-03-10")));
        assert_eq!(
            employer_not_barred(until, d("2027-03-10")).outcome,
            Outcome::Fail
        );
        assert_eq!(
            employer_not_barred(until, d("2027-03-11")).outcome,
            Outcome::Pass
        );
        assert_eq!(
            employer_not_barred(None, d("2027-03-11")).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn art_33_2_category_4_needs_a_replacement_commitment_within_the_bounds() {
        let duty = seeded().category_4_replacement;
        let c4 = Category::QualifiedWorkers;
        assert_eq!(
            replacement_commitment(&duty, c4, Some(6)).outcome,
            Outcome::Pass
        );
        assert_eq!(
            replacement_commitment(&duty, c4, Some(13)).outcome,
            Outcome::Fail
        );
        assert_eq!(
            replacement_commitment(&duty, c4, None).outcome,
            Outcome::Fail
        );
        assert_eq!(
            replacement_commitment(&duty, Category::Specialists, None).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn a_passport_expiring_before_the_permit_ends_is_a_warning() {
        let c = passport_valid("A", d("2026-06-01"), d("2027-01-14"));
        assert_eq!(c.outcome, Outcome::Warning);
        assert_eq!(
            passport_valid("A", d("2028-06-01"), d("2027-01-14")).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn art_7_20_a_twelve_month_permit_ends_the_day_before_its_anniversary() {
        assert_eq!(
            end_date(d("2026-01-15"), TermUnit::Months, 12),
            Some(d("2027-01-14"))
        );
        assert_eq!(
            end_date(d("2026-04-01"), TermUnit::Days, 90),
            Some(d("2026-06-29"))
        );
    }

    #[test]
    fn art_33_2_a_category_4_commitment_unreported_after_its_period_fails() {
        let c = Commitment {
            permit: 7,
            start: d("2026-01-15"),
            months: 6,
        };
        assert_eq!(replacement_due(c.start, 6), Some(d("2026-07-15")));
        // The period runs to its last day inclusive.
        assert_eq!(
            replacements_met(&[c], d("2026-07-15")).outcome,
            Outcome::Pass
        );
        let late = replacements_met(&[c], d("2026-07-16"));
        assert_eq!(late.outcome, Outcome::Fail);
        assert_eq!(late.finding.code, "replacement-obligation-met");
        assert_eq!(late.finding.article.as_deref(), Some("Art. 33(2)"));
        assert_eq!(
            replacements_met(&[], d("2030-01-01")).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn art_33_2_a_replacement_report_names_as_many_citizens_as_foreigners_hired_by_today() {
        let today = d("2026-08-01");
        assert!(replacement_report(&[d("2026-07-01"), d("2026-07-02")], 2, today).is_ok());
        assert_eq!(
            replacement_report(&[d("2026-07-01")], 2, today)
                .unwrap_err()
                .code,
            "replacement-report-short"
        );
        assert!(replacement_report(&[d("2026-07-01"), d("2026-08-02")], 2, today).is_err());
    }

    #[test]
    fn art_32_4_2_a_treaty_country_is_not_mixed_with_others_on_one_permit() {
        let uzb: CountryCode = "UZB".parse().unwrap();
        assert_eq!(
            country_quota_not_mixed(Some(&uzb), 1).outcome,
            Outcome::Pass
        );
        assert_eq!(country_quota_not_mixed(None, 3).outcome, Outcome::Pass);
        let mixed = country_quota_not_mixed(Some(&uzb), 2);
        assert_eq!(
            (mixed.outcome, mixed.finding.code.as_str()),
            (Outcome::Fail, "country-quota-mixed")
        );
    }
}
