use serde::{Deserialize, Serialize};
use std::fmt;

/// Worker category of the ministry's permit rules: `1` heads and their deputies, `2` heads of
/// structural divisions, `3` specialists, `4` qualified workers, `seasonal` seasonal workers
/// in professions on the seasonal list (Art. 7(21-1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    #[serde(rename = "1")]
    Heads,
    #[serde(rename = "2")]
    DivisionHeads,
    #[serde(rename = "3")]
    Specialists,
    #[serde(rename = "4")]
    QualifiedWorkers,
    #[serde(rename = "seasonal")]
    Seasonal,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Heads,
        Category::DivisionHeads,
        Category::Specialists,
        Category::QualifiedWorkers,
        Category::Seasonal,
    ];

    /// The code stored in the database and sent over the API.
    pub fn code(self) -> &'static str {
        match self {
            Category::Heads => "1",
            Category::DivisionHeads => "2",
            Category::Specialists => "3",
            Category::QualifiedWorkers => "4",
            Category::Seasonal => "seasonal",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

impl TryFrom<String> for Category {
    type Error = UnknownCategory;
    fn try_from(code: String) -> Result<Category, UnknownCategory> {
        Category::from_code(&code).ok_or(UnknownCategory(code))
    }
}

/// A category code the service does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {0}")]
pub struct UnknownCategory(pub String);

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_round_trips_through_its_code() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), c);
        }
        assert_eq!(Category::from_code("5"), None);
    }
}
