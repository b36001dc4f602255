use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in tenge with tiyn precision. A decimal string on the API (`"1297500.00"`),
/// whole tiyn (BIGINT) in the database; never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Money(Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("has more than two decimal places")]
    TooPrecise,
    #[error("is out of range")]
    OutOfRange,
    #[error("is not an amount in tenge such as 1297500.00")]
    NotAnAmount,
}

impl Money {
    /// Tenge, refused when finer than one tiyn.
    pub fn from_tenge(amount: Decimal) -> Result<Money, MoneyError> {
        if amount.normalize().scale() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let money = Money(amount.round_dp(2));
        money.tiyn().map(|_| money)
    }

    pub fn from_tiyn(tiyn: i64) -> Money {
        Money(Decimal::new(tiyn, 2))
    }

    /// Whole tiyn, as stored in the database.
    pub fn tiyn(self) -> Result<i64, MoneyError> {
        (self.0 * Decimal::ONE_HUNDRED)
            .trunc()
            .try_into()
            .map_err(|_| MoneyError::OutOfRange)
    }

    pub fn tenge(self) -> Decimal {
        self.0
    }

    /// `self × n`, e.g. an MRP times a fee multiple.
    pub fn times(self, n: u32) -> Money {
        Money((self.0 * Decimal::from(n)).round_dp(2))
    }
}

/// Tenge as text: an optional minus, 1 to 16 digits, and at most two decimals — exactly
/// what fits whole tiyn in a BIGINT; anything else is refused, never rounded.
impl TryFrom<String> for Money {
    type Error = MoneyError;
    fn try_from(s: String) -> Result<Money, MoneyError> {
        let digits = s.strip_prefix('-').unwrap_or(&s);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 16 || !all_digits(whole) || !all_digits(fraction) {
            return Err(MoneyError::NotAnAmount);
        }
        if fraction.len() > 2 || (digits.contains('.') && fraction.is_empty()) {
            return Err(if fraction.len() > 2 {
                MoneyError::TooPrecise
            } else {
                MoneyError::NotAnAmount
            });
        }
        let amount = Decimal::from_str_exact(&s).map_err(|_| MoneyError::OutOfRange)?;
        Money::from_tenge(amount)
    }
}

impl From<Money> for String {
    fn from(m: Money) -> String {
        m.to_string()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn tenge_round_trip_through_tiyn_without_loss() {
        let m = Money::from_tenge(Decimal::from_str("19.99").unwrap()).unwrap();
        assert_eq!(m.tiyn().unwrap(), 1999);
        assert_eq!(Money::from_tiyn(1999), m);
        assert_eq!(m.to_string(), "19.99");
    }

    #[test]
    fn amounts_finer_than_a_tiyn_are_refused() {
        assert_eq!(
            Money::from_tenge(Decimal::from_str("1.005").unwrap()),
            Err(MoneyError::TooPrecise)
        );
    }

    #[test]
    fn serializes_as_a_decimal_string() {
        let m = Money::from_tiyn(129_750_000);
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"1297500.00\"");
        assert!(serde_json::from_str::<Money>("1297500").is_err());
    }

    #[test]
    fn multiplies_an_mrp_by_a_fee_multiple() {
        let mrp = Money::from_tenge(Decimal::from(4325)).unwrap();
        assert_eq!(mrp.times(200).to_string(), "865000.00");
    }

    #[test]
    fn amounts_are_read_exactly_or_refused_never_rounded() {
        let m = |s: &str| Money::try_from(s.to_owned());
        assert_eq!(m("1297500.00").unwrap().tiyn(), Ok(129_750_000));
        assert_eq!(m("4325").unwrap().to_string(), "4325.00");
        assert_eq!(m("-0.5").unwrap().tiyn(), Ok(-50));
        assert_eq!(m("1.005"), Err(MoneyError::TooPrecise));
        for bad in ["", "-", "1.", ".5", "1e3", "12a", "+1", "12345678901234567"] {
            assert_eq!(m(bad), Err(MoneyError::NotAnAmount), "{bad}");
        }
        assert!(m("9999999999999999.99").is_ok());
    }
}
