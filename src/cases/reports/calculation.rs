//! The quota calculator's answer (Art. 32(4)–(5)): the domain's proposal with every step of
//! its arithmetic as a catalogue message (`calculation-step-*`, kk/ru/en), which the edge
//! renders in the reader's language. Nothing is stored.

use crate::domain::calculation::{self, CalculationInput, Proposal, Share};
use crate::domain::Message;

/// A proposal and the arithmetic that makes it.
pub struct Calculation {
    /// The domain's proposal: the permit quota, the labour immigrants' quota, the splits.
    pub proposal: Proposal,
    /// Per category, in the proposal's order: the arithmetic of its share of the permit
    /// quota, and of each region's share of it (in the input's order of regions).
    pub arithmetic: Vec<(String, Vec<String>)>,
    /// The steps in order, as messages.
    pub steps: Vec<Message>,
    /// Per region, in the input's order: the sum of its parts of every category.
    pub region_totals: Vec<(String, i64)>,
}

/// A part of a split by the largest remainder as arithmetic:
/// `whole × weight / total = floor + remainder/total → floor + extra = number`.
pub fn arithmetic(whole: i64, total: i64, s: &Share) -> String {
    format!(
        "{whole} × {} / {total} = {} + {}/{total} → {} + {} = {}",
        s.weight, s.floor, s.remainder, s.floor, s.extra, s.number
    )
}

/// Art. 32(4)–(5): the proposal for `input` with its steps; `None` when the quota does not
/// fit a number.
pub fn calculate(input: &CalculationInput) -> Option<Calculation> {
    let p = calculation::propose(input)?;
    let mut steps = vec![Message::new("calculation-step-permit-quota")
        .text("labour_force", input.labour_force)
        .text("percent", input.permit_percent.normalize())
        .text("exact", p.permit_exact.normalize())
        .text("total", p.permit_total)];
    if let (Some(pct), Some(exact), Some(total)) = (
        input.immigrant_percent,
        p.immigrant_exact,
        p.immigrant_total,
    ) {
        steps.push(
            Message::new("calculation-step-labour-immigrants")
                .text("labour_force", input.labour_force)
                .text("percent", pct.normalize())
                .text("exact", exact.normalize())
                .text("total", total),
        );
    }
    let cat_total: i64 = p.categories.iter().map(|c| c.share.weight).sum();
    let mut totals: Vec<(String, i64)> = input
        .regions
        .iter()
        .map(|r| (r.region.clone(), 0))
        .collect();
    let mut all = Vec::new();
    for c in &p.categories {
        let share = arithmetic(p.permit_total, cat_total, &c.share);
        steps.push(
            Message::new("calculation-step-category")
                .text("category", c.category)
                .text("arithmetic", &share),
        );
        let region_total: i64 = c.regions.iter().map(|(_, s)| s.weight).sum();
        let mut regions = Vec::new();
        for ((region, s), t) in c.regions.iter().zip(totals.iter_mut()) {
            t.1 += s.number;
            let a = arithmetic(c.share.number, region_total, s);
            steps.push(
                Message::new("calculation-step-category-region")
                    .text("category", c.category)
                    .text("region", region)
                    .text("basis", c.basis.as_str())
                    .text("arithmetic", &a),
            );
            regions.push(a);
        }
        all.push((share, regions));
    }
    Some(Calculation {
        proposal: p,
        arithmetic: all,
        steps,
        region_totals: totals,
    })
}
