//! A horizontal stacked bar chart drawn on the server as inline SVG: no script, no
//! library, readable without a network.

/// One bar: a region's used, held (pending) and available units.
pub struct Bar {
    pub label: String,
    pub used: i64,
    pub held: i64,
    pub available: i64,
}

/// Room for a region's name (the longest, «Западно-Казахстанская область», in px).
const LABEL_WIDTH: i64 = 230;
const BAR_WIDTH: i64 = 520;
const ROW: i64 = 22;
const NUMBER_WIDTH: i64 = 80;

/// Escapes text for SVG markup.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Width in pixels of `n` units when `max` units fill the bar.
fn width(n: i64, max: i64) -> i64 {
    if max <= 0 {
        return 0;
    }
    n.max(0).saturating_mul(BAR_WIDTH) / max
}

/// The chart: one stacked bar per region (used, held, available), scaled to the largest
/// allocation, with a legend named by `legend` (used, held, available); `name` is its
/// accessible name (the SVG's `<title>` and `aria-label`).
pub fn bars(bars: &[Bar], legend: [String; 3], name: &str) -> String {
    let max = bars
        .iter()
        .map(|b| b.used.max(0) + b.held.max(0) + b.available.max(0))
        .max()
        .unwrap_or(0);
    let height = ROW * (i64::try_from(bars.len()).unwrap_or(0) + 2);
    let total_width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         aria-label=\"{name}\" viewBox=\"0 0 {total_width} {height}\" width=\"{total_width}\" \
         height=\"{height}\"><title>{name}</title>",
        name = escape(name)
    );
    let classes = ["used", "held", "available"];
    for (i, (name, class)) in legend.iter().zip(classes).enumerate() {
        let x = LABEL_WIDTH + i64::try_from(i).unwrap_or(0) * 170;
        svg.push_str(&format!(
            "<rect class=\"{class}\" x=\"{x}\" y=\"4\" width=\"12\" height=\"12\"/>\
             <text x=\"{}\" y=\"15\">{}</text>",
            x + 16,
            escape(name)
        ));
    }
    for (i, b) in bars.iter().enumerate() {
        let y = ROW * (i64::try_from(i).unwrap_or(0) + 1) + 6;
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\">{}</text>",
            y + 14,
            escape(&b.label)
        ));
        let mut x = LABEL_WIDTH;
        for (n, class) in [
            (b.used, "used"),
            (b.held, "held"),
            (b.available, "available"),
        ] {
            let w = width(n, max);
            if w > 0 {
                svg.push_str(&format!(
                    "<rect class=\"{class}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{}\">\
                     <title>{} {}: {n}</title></rect>",
                    ROW - 6,
                    escape(&b.label),
                    escape(
                        &legend[match class {
                            "used" => 0,
                            "held" => 1,
                            _ => 2,
                        }]
                    )
                ));
            }
            x += w;
        }
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{}</text>",
            LABEL_WIDTH + BAR_WIDTH + 6,
            y + 14,
            b.used + b.held + b.available
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legend() -> [String; 3] {
        ["used".into(), "held".into(), "available".into()]
    }

    #[test]
    fn the_largest_allocation_fills_the_bar_and_others_scale_to_it() {
        assert_eq!(width(50, 100), BAR_WIDTH / 2);
        assert_eq!(width(100, 100), BAR_WIDTH);
        assert_eq!(width(5, 0), 0);
        assert_eq!(width(-3, 10), 0);
    }

    #[test]
    fn a_chart_names_every_region_and_escapes_text() {
        let svg = bars(
            &[
                Bar {
                    label: "KZ-75".into(),
                    used: 10,
                    held: 5,
                    available: 85,
                },
                Bar {
                    label: "<KZ>".into(),
                    used: 0,
                    held: 0,
                    available: 0,
                },
            ],
            legend(),
            "Quota <2026>",
        );
        assert!(svg.contains("aria-label=\"Quota &lt;2026&gt;\""));
        assert!(svg.contains("<title>Quota &lt;2026&gt;</title>"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(">KZ-75<"));
        assert!(svg.contains("&lt;KZ&gt;"));
        assert!(!svg.contains("<KZ>"));
    }
}
