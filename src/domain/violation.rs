use serde::Serialize;
use utoipa::ToSchema;

/// A rule check that refused (or warned about) a request: a stable code, a human message
/// and the article of the law it rests on. The same explanation is stored with a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Violation {
    /// Stable, machine-readable code of the rule, e.g. `quota-exhausted`.
    #[schema(example = "quota-exhausted")]
    pub code: String,
    /// What is wrong, for a person.
    #[schema(example = "KZ-75 has 0 of 50 units of category 3 left for 2026")]
    pub message: String,
    /// The article of Law 482-V (or of the ministry's order) the rule rests on.
    #[schema(example = "Art. 33(2)")]
    pub article: String,
}

impl Violation {
    pub fn new(code: &str, message: impl Into<String>, article: &str) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            article: article.to_owned(),
        }
    }
}
