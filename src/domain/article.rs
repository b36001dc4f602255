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
    APPK_101_1 = "APPK Art. 101(1)";
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
}
