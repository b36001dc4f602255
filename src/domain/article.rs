//! The provisions of Law 482-V "On Employment of the Population" the service's rules rest
//! on, as typed constants. A rule names its article by one of these, never by a string, so
//! `grep -rnw ART_33_3 src` lists every rule resting on Art. 33(3). A violation or an audit
//! event stores the citation as text (`Art. 33(3)`, or `Art. 33(2), 9(5)` for a rule resting
//! on several), the form clients and auditors read.

use std::fmt;

/// One provision of Law 482-V: an article with its paragraph and, where the law has one, its
/// subparagraph, e.g. `Art. 33(3)`, `Art. 32(2)(12)`, `Art. 7(21-1)`; or a provision of
/// another act the service applies beside it (the Labour Code's working age, the ICAO
/// passport standard). Only the constants of this module exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Article(&'static str);

impl Article {
    /// The citation as the law numbers it, e.g. `Art. 33(3)`.
    pub const fn cite(self) -> &'static str {
        self.0
    }

    /// The numbers of the citation in order (`Art. 7(21-1)` → 7, 21, 1): sorting by them
    /// puts provisions in the order of the law.
    pub fn numbers(self) -> Vec<u32> {
        self.0
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    }
}

impl fmt::Display for Article {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// The citation of a rule resting on several provisions together, in the law's style: the
/// first in full, the rest by number (`Art. 33(2), 9(5)`). Empty for none.
pub fn cite_all(articles: &[Article]) -> String {
    let mut out = String::new();
    for (i, a) in articles.iter().enumerate() {
        if i == 0 {
            out.push_str(a.0);
        } else {
            out.push_str(", ");
            out.push_str(a.0.trim_start_matches("Art. "));
        }
    }
    out
}

/// The act a citation names: Law 482-V itself (no name), or another act the service
/// applies beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Law,
    LabourCode,
    Appk,
}

/// One provision of a citation: article, paragraph and subparagraph numbers as written
/// (`7`, `21-1`, `12`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Provision<'a> {
    article: &'a str,
    paragraph: Option<&'a str>,
    subparagraph: Option<&'a str>,
}

/// A stored citation read back into its parts: the act and its provisions
/// (`Art. 33(2), 9(5)` → Law 482-V, 33(2) and 9(5)); `None` for a text not in the form
/// [`Article`] and [`cite_all`] write, and for the ICAO standard, which has no articles.
fn parse(citation: &str) -> Option<(Act, Vec<Provision<'_>>)> {
    let (act, rest) = if let Some(r) = citation.strip_prefix("Labour Code of the RK, Art. ") {
        (Act::LabourCode, r)
    } else if let Some(r) = citation.strip_prefix("APPK Art. ") {
        (Act::Appk, r)
    } else {
        (Act::Law, citation.strip_prefix("Art. ")?)
    };
    // A complaint's step stores each provision with its act named again
    // (`APPK Art. 91(1), APPK Art. 91(4)`): the same act, read once.
    let again = match act {
        Act::Law => "Art. ",
        Act::LabourCode => "Labour Code of the RK, Art. ",
        Act::Appk => "APPK Art. ",
    };
    let provisions = rest
        .split(", ")
        .map(|one| {
            let one = one.strip_prefix(again).unwrap_or(one);
            let mut parts = one.split('(');
            let article = parts.next().filter(|a| is_number(a))?;
            let mut inner = parts.map(|p| p.strip_suffix(')').filter(|p| is_number(p)));
            let paragraph = inner.next().map(|p| p.ok_or(())).transpose().ok()?;
            let subparagraph = inner.next().map(|p| p.ok_or(())).transpose().ok()?;
            inner.next().is_none().then_some(Provision {
                article,
                paragraph,
                subparagraph,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((act, provisions))
}

/// A number of the law's numbering: digits, or digits joined by hyphens (`21-1`).
fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The ICAO standard's citation (`ICAO Doc 9303 Part 3`): its part number.
fn icao_part(citation: &str) -> Option<&str> {
    citation
        .strip_prefix("ICAO Doc 9303 Part ")
        .filter(|p| is_number(p))
}

/// A citation as Kazakh legal texts write it: «33-баптың 2-тармағы»,
/// «32-баптың 2-тармағының 12) тармақшасы», «ҚР Еңбек кодексінің 31-бабы»,
/// «ӘРПК 91-бабының 1-тармағы», «ИКАО 9303 құжатының 3-бөлігі»; several provisions
/// joined by commas, several citations (`Art. 9(5), 33(2); Art. 33(2)`) by semicolons. A
/// text in no known form is shown as it is.
pub fn in_kazakh(citation: &str) -> String {
    if citation.contains("; ") {
        return citation
            .split("; ")
            .map(in_kazakh)
            .collect::<Vec<_>>()
            .join("; ");
    }
    if let Some(part) = icao_part(citation) {
        return format!("ИКАО 9303 құжатының {part}-бөлігі");
    }
    let Some((act, provisions)) = parse(citation) else {
        return citation.to_owned();
    };
    let prefix = match act {
        Act::Law => "",
        Act::LabourCode => "ҚР Еңбек кодексінің ",
        Act::Appk => "ӘРПК ",
    };
    let of_act = act != Act::Law;
    provisions
        .iter()
        .map(|p| {
            let whole = match (p.paragraph, p.subparagraph) {
                (None, _) if of_act => format!("{}-бабы", p.article),
                (None, _) => format!("{}-бап", p.article),
                (Some(par), None) if of_act => format!("{}-бабының {par}-тармағы", p.article),
                (Some(par), None) => format!("{}-баптың {par}-тармағы", p.article),
                (Some(par), Some(sub)) if of_act => {
                    format!("{}-бабының {par}-тармағының {sub}) тармақшасы", p.article)
                }
                (Some(par), Some(sub)) => {
                    format!("{}-баптың {par}-тармағының {sub}) тармақшасы", p.article)
                }
            };
            format!("{prefix}{whole}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A citation as Russian legal texts abbreviate it: «ст. 33 п. 2», «ст. 32 п. 2 пп. 12»,
/// «ст. 31 Трудового кодекса РК», «ст. 91 п. 1 АППК», «документ ИКАО 9303, часть 3»;
/// several provisions joined by commas, several citations by semicolons. A text in no known
/// form is shown as it is.
pub fn in_russian(citation: &str) -> String {
    if citation.contains("; ") {
        return citation
            .split("; ")
            .map(in_russian)
            .collect::<Vec<_>>()
            .join("; ");
    }
    if let Some(part) = icao_part(citation) {
        return format!("документ ИКАО 9303, часть {part}");
    }
    let Some((act, provisions)) = parse(citation) else {
        return citation.to_owned();
    };
    let suffix = match act {
        Act::Law => "",
        Act::LabourCode => " Трудового кодекса РК",
        Act::Appk => " АППК",
    };
    provisions
        .iter()
        .map(|p| {
            let mut out = format!("ст. {}", p.article);
            if let Some(par) = p.paragraph {
                out.push_str(&format!(" п. {par}"));
            }
            if let Some(sub) = p.subparagraph {
                out.push_str(&format!(" пп. {sub}"));
            }
            out.push_str(suffix);
            out
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A citation as English writes it: the stored form itself (`Art. 33(2)`).
pub fn in_english(citation: &str) -> String {
    citation.to_owned()
}

/// The legal basis an audit event stores for an act no provision of the law governs, a rule
/// of the service itself (an employer withdrawing its application, returning its permit):
/// empty, shown to readers as `null`, as a violation of a service rule has no article.
pub const SERVICE_RULE: &str = "";

macro_rules! articles {
    ($($name:ident = $text:literal;)*) => {
        $(
            #[doc = $text]
            pub const $name: Article = Article($text);
        )*
    };
}

articles! {
    ART_1_25 = "Art. 1(25)";
    ART_1_30 = "Art. 1(30)";
    ART_2_3 = "Art. 2(3)";
    ART_6_2 = "Art. 6(2)";
    ART_7_20 = "Art. 7(20)";
    ART_7_21 = "Art. 7(21)";
    ART_7_21_1 = "Art. 7(21-1)";
    ART_7_22 = "Art. 7(22)";
    ART_7_23 = "Art. 7(23)";
    ART_9_5 = "Art. 9(5)";
    ART_28_2_8 = "Art. 28(2)(8)";
    ART_28_2_10 = "Art. 28(2)(10)";
    ART_32_1 = "Art. 32(1)";
    ART_32_2 = "Art. 32(2)";
    ART_32_2_1 = "Art. 32(2)(1)";
    ART_32_2_2 = "Art. 32(2)(2)";
    ART_32_2_3 = "Art. 32(2)(3)";
    ART_32_2_7 = "Art. 32(2)(7)";
    ART_32_2_8 = "Art. 32(2)(8)";
    ART_32_2_9 = "Art. 32(2)(9)";
    ART_32_2_10 = "Art. 32(2)(10)";
    ART_32_2_11 = "Art. 32(2)(11)";
    ART_32_2_12 = "Art. 32(2)(12)";
    ART_32_3 = "Art. 32(3)";
    ART_32_4 = "Art. 32(4)";
    ART_32_4_1 = "Art. 32(4)(1)";
    ART_32_4_2 = "Art. 32(4)(2)";
    ART_32_4_3 = "Art. 32(4)(3)";
    ART_32_5 = "Art. 32(5)";
    ART_33_1 = "Art. 33(1)";
    ART_33_2 = "Art. 33(2)";
    ART_33_3 = "Art. 33(3)";
    ART_33_4 = "Art. 33(4)";
    ART_33_5 = "Art. 33(5)";
    ART_33_6 = "Art. 33(6)";
    ART_33_7 = "Art. 33(7)";
    ART_34_1 = "Art. 34(1)";
    ART_34_2 = "Art. 34(2)";
    ART_34_3 = "Art. 34(3)";
    ART_34_4 = "Art. 34(4)";
    ART_35_1 = "Art. 35(1)";
    ART_35_2 = "Art. 35(2)";
    ART_35_3 = "Art. 35(3)";
    ART_35_4 = "Art. 35(4)";
    ART_37_2 = "Art. 37(2)";
}

// Other acts the service applies beside Law 482-V, cited the same way.
articles! {
    ICAO_9303_3 = "ICAO Doc 9303 Part 3";
    ICAO_9303_4 = "ICAO Doc 9303 Part 4";
    LABOUR_CODE_31 = "Labour Code of the RK, Art. 31";
}

// The Administrative Procedural and Process-Related Code of the Republic of Kazakhstan
// No. 350-VI of 29.06.2020 (APPK): the pre-trial complaint against the service's acts
// (docs/LAW.md, "Complaints").
articles! {
    APPK_91_1 = "APPK Art. 91(1)";
    APPK_91_2 = "APPK Art. 91(2)";
    APPK_91_3 = "APPK Art. 91(3)";
    APPK_91_4 = "APPK Art. 91(4)";
    APPK_92_1 = "APPK Art. 92(1)";
    APPK_92_2 = "APPK Art. 92(2)";
    APPK_92_3 = "APPK Art. 92(3)";
    APPK_99 = "APPK Art. 99";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_resting_on_several_provisions_cites_them_in_the_laws_style() {
        assert_eq!(cite_all(&[ART_33_2, ART_9_5]), "Art. 33(2), 9(5)");
        assert_eq!(cite_all(&[ART_32_2_12]), "Art. 32(2)(12)");
        assert_eq!(cite_all(&[]), "");
        assert_eq!(ART_7_21_1.to_string(), "Art. 7(21-1)");
    }
    #[test]
    fn a_citation_naming_its_act_before_each_provision_reads_as_one_citation() {
        let stored = "APPK Art. 91(1), APPK Art. 91(4), APPK Art. 92(1)";
        assert_eq!(
            in_russian(stored),
            "ст. 91 п. 1 АППК, ст. 91 п. 4 АППК, ст. 92 п. 1 АППК"
        );
        assert_eq!(
            in_kazakh(stored),
            "ӘРПК 91-бабының 1-тармағы, ӘРПК 91-бабының 4-тармағы, ӘРПК 92-бабының 1-тармағы"
        );
    }

    #[test]
    fn a_citation_reads_as_kazakh_and_russian_legal_texts_write_it() {
        let cases = [
            ("Art. 33(2)", "33-баптың 2-тармағы", "ст. 33 п. 2"),
            (
                "Art. 32(2)(12)",
                "32-баптың 2-тармағының 12) тармақшасы",
                "ст. 32 п. 2 пп. 12",
            ),
            ("Art. 7(21-1)", "7-баптың 21-1-тармағы", "ст. 7 п. 21-1"),
            (
                "Art. 33(2), 9(5)",
                "33-баптың 2-тармағы, 9-баптың 5-тармағы",
                "ст. 33 п. 2, ст. 9 п. 5",
            ),
            (
                "Labour Code of the RK, Art. 31",
                "ҚР Еңбек кодексінің 31-бабы",
                "ст. 31 Трудового кодекса РК",
            ),
            (
                "APPK Art. 91(1)",
                "ӘРПК 91-бабының 1-тармағы",
                "ст. 91 п. 1 АППК",
            ),
            (
                "Art. 9(5), 33(2); Art. 33(2)",
                "9-баптың 5-тармағы, 33-баптың 2-тармағы; 33-баптың 2-тармағы",
                "ст. 9 п. 5, ст. 33 п. 2; ст. 33 п. 2",
            ),
            (
                "ICAO Doc 9303 Part 3",
                "ИКАО 9303 құжатының 3-бөлігі",
                "документ ИКАО 9303, часть 3",
            ),
        ];
        for (text, kk, ru) in cases {
            assert_eq!(in_kazakh(text), kk);
            assert_eq!(in_russian(text), ru);
            assert_eq!(in_english(text), text);
        }
    }

    #[test]
    fn every_provision_the_service_cites_reads_in_kazakh_and_russian_without_latin_letters() {
        let all = [
            ART_1_25,
            ART_7_21_1,
            ART_32_2_12,
            ART_33_3,
            ICAO_9303_3,
            ICAO_9303_4,
            LABOUR_CODE_31,
            APPK_91_1,
            APPK_99,
        ];
        for a in all {
            for text in [in_kazakh(a.cite()), in_russian(a.cite())] {
                assert!(
                    !text.chars().any(|c| c.is_ascii_alphabetic()),
                    "{a}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_text_in_no_known_form_is_shown_as_it_is() {
        for text in ["", "Art. ", "Art. x(2)", "Art. 33(2", "Order No. 397"] {
            assert_eq!(in_kazakh(text), text);
            assert_eq!(in_russian(text), text);
        }
    }
}
