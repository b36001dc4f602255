//! Why one field of a request is refused, as a message of the catalogue: each reason is a
//! variant with the figures it names (a bound, a category, a date), never English text, so
//! that a field error reads in Kazakh, Russian or English as `Accept-Language` asks. The
//! catalogue keys are `field-…` (`locales/<lang>/main.ftl`, "Why a field is refused").

use super::violation::Message;
use chrono::NaiveDate;

/// When a field is asked for, or allowed only: the other fields of the request decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// The decision is to issue (a certificate, an ICT permit).
    Issue,
    /// The decision is to refuse.
    Refuse,
    /// The measure is to revoke.
    Revoke,
    /// The application arrives through a foreign mission.
    ForeignMission,
    /// The employer works in a special economic zone.
    SpecialEconomicZone,
    /// The question is about an intra-corporate transfer.
    IntraCorporateTransfer,
    /// A position or an intra-corporate transfer is given.
    PositionOrTransfer,
    /// The employer's kind is given.
    EmployerKind,
}

impl Condition {
    /// Every condition, for the catalogue's test.
    pub const ALL: [Condition; 8] = [
        Condition::Issue,
        Condition::Refuse,
        Condition::Revoke,
        Condition::ForeignMission,
        Condition::SpecialEconomicZone,
        Condition::IntraCorporateTransfer,
        Condition::PositionOrTransfer,
        Condition::EmployerKind,
    ];

    /// The selector the catalogue's messages choose their words by.
    pub fn as_str(self) -> &'static str {
        match self {
            Condition::Issue => "issue",
            Condition::Refuse => "refuse",
            Condition::Revoke => "revoke",
            Condition::ForeignMission => "foreign-mission",
            Condition::SpecialEconomicZone => "special-economic-zone",
            Condition::IntraCorporateTransfer => "intra-corporate-transfer",
            Condition::PositionOrTransfer => "position-or-transfer",
            Condition::EmployerKind => "employer-kind",
        }
    }
}

/// Why a field is refused. Bounds are the field's own (the limit, the length, the range),
/// in the unit the variant names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A number outside `min..=max`.
    Between { min: i64, max: i64 },
    /// A number below `min`.
    AtLeast { min: i64 },
    /// A number above `max`.
    AtMost { max: i64 },
    /// A percentage that must be above 0 and at most `max`.
    AboveZeroAtMost { max: i64 },
    /// Text whose length in characters is outside `min..=max`.
    CharsBetween { min: i64, max: i64 },
    /// Text shorter than `min` characters.
    CharsAtLeast { min: i64 },
    /// Text longer than `max` characters.
    CharsAtMost { max: i64 },
    /// Text of another length than exactly `n` characters.
    CharsExactly { n: i64 },
    /// A list whose number of items is outside `min..=max`.
    ItemsBetween { min: i64, max: i64 },
    /// A list of fewer than `min` items.
    ItemsAtLeast { min: i64 },
    /// A list of more than `max` items.
    ItemsAtMost { max: i64 },
    /// A list of another number of items than exactly `n`.
    ItemsExactly { n: i64 },
    /// Text that is empty or only white space.
    Blank,
    /// A query parameter given with no value.
    Empty,
    /// Text containing U+0000, which PostgreSQL cannot store.
    Nul,
    /// A key of an object containing U+0000.
    NulInKey,
    /// A date outside the years a request may name (`from` and `to`, `YYYY-MM-DD`).
    DateOutside {
        from: &'static str,
        to: &'static str,
    },
    /// A date before the day given, the earliest allowed.
    NotBefore(NaiveDate),
    /// A date typed into a form that reads as none.
    TypedDate,
    /// Something that must be a whole number and is not.
    WholeNumber,
    /// A positive amount of money is asked for.
    PositiveAmount,
    /// A figure too large for the service to compute with.
    TooLarge,
    /// A value given twice in a list.
    Twice,
    /// A list naming the same thing (a category, a region) more than once.
    Repeated,
    /// Category `category` appears `found` times where it must appear once.
    CategoryOnce { category: String, found: i64 },
    /// A value none of `allowed` (a comma-separated list, as the form or query takes them).
    OneOf { allowed: String },
    /// A value of a console form that is none of the page's choices.
    NoneOfChoices,
    /// A refusal ground's code of the wrong shape (1 to `max` characters).
    GroundCode { max: i64 },
    /// A page cursor the service did not send.
    Cursor,
    /// An `Idempotency-Key` of the wrong shape (`min` to `max` visible ASCII characters).
    VisibleAscii { min: i64, max: i64 },
    /// An `If-Match` that is not a quoted version number.
    QuotedVersion,
    /// A field the request needs when `Condition` holds.
    RequiredWhen(Condition),
    /// A field the request takes only when `Condition` holds.
    OnlyWhen(Condition),
    /// A field the request always needs.
    Required,
}

impl Reason {
    /// The reason as a message of the catalogue.
    pub fn message(&self) -> Message {
        let bounds =
            |key: &str, min: i64, max: i64| Message::new(key).arg("min", min).arg("max", max);
        // A bound of a value's range has no noun to agree with; of four digits or fewer it
        // is written as it is, so that the years 2000-2100 never read "2 000" or "2,000",
        // and a larger one grouped as every figure is.
        let bound = |m: Message, name: &str, n: i64| {
            if n.abs() < 10_000 {
                m.text(name, n)
            } else {
                m.arg(name, n)
            }
        };
        match self {
            Reason::Between { min, max } => bound(
                bound(Message::new("field-between"), "min", *min),
                "max",
                *max,
            ),
            Reason::AtLeast { min } => bound(Message::new("field-at-least"), "min", *min),
            Reason::AtMost { max } => bound(Message::new("field-at-most"), "max", *max),
            Reason::AboveZeroAtMost { max } => {
                Message::new("field-above-zero-at-most").arg("max", *max)
            }
            Reason::CharsBetween { min, max } => bounds("field-chars-between", *min, *max),
            Reason::CharsAtLeast { min } => Message::new("field-chars-at-least").arg("min", *min),
            Reason::CharsAtMost { max } => Message::new("field-chars-at-most").arg("max", *max),
            Reason::CharsExactly { n } => Message::new("field-chars-exactly").arg("n", *n),
            Reason::ItemsBetween { min, max } => bounds("field-items-between", *min, *max),
            Reason::ItemsAtLeast { min } => Message::new("field-items-at-least").arg("min", *min),
            Reason::ItemsAtMost { max } => Message::new("field-items-at-most").arg("max", *max),
            Reason::ItemsExactly { n } => Message::new("field-items-exactly").arg("n", *n),
            Reason::Blank => Message::new("field-blank"),
            Reason::Empty => Message::new("field-empty"),
            Reason::Nul => Message::new("field-nul"),
            Reason::NulInKey => Message::new("field-nul-in-key"),
            Reason::DateOutside { from, to } => Message::new("field-date-outside")
                .text("from", from)
                .text("to", to),
            Reason::NotBefore(earliest) => {
                Message::new("field-not-before").text("earliest", earliest)
            }
            Reason::TypedDate => Message::new("field-typed-date"),
            Reason::WholeNumber => Message::new("field-whole-number"),
            Reason::PositiveAmount => Message::new("field-positive-amount"),
            Reason::TooLarge => Message::new("field-too-large"),
            Reason::Twice => Message::new("field-twice"),
            Reason::Repeated => Message::new("field-repeated"),
            Reason::CategoryOnce { category, found } => Message::new("field-category-once")
                .text("category", category)
                .arg("found", *found),
            Reason::OneOf { allowed } => Message::new("field-one-of").text("allowed", allowed),
            Reason::NoneOfChoices => Message::new("field-none-of-choices"),
            Reason::GroundCode { max } => Message::new("field-ground-code").arg("max", *max),
            Reason::Cursor => Message::new("field-cursor"),
            Reason::VisibleAscii { min, max } => bounds("field-visible-ascii", *min, *max),
            Reason::QuotedVersion => Message::new("field-quoted-version"),
            Reason::RequiredWhen(c) => Message::new("field-required-when").text("when", c.as_str()),
            Reason::OnlyWhen(c) => Message::new("field-only-when").text("when", c.as_str()),
            Reason::Required => Message::new("field-required"),
        }
    }
}

impl From<Reason> for Message {
    fn from(r: Reason) -> Message {
        r.message()
    }
}
