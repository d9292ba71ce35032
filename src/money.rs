//! Money in yuan as an exact decimal: never a float.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An amount of yuan. Always exact; parsed from text, never from a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn yuan(n: i64) -> Money {
        Money(Decimal::from(n))
    }

    /// Parses "500", "420.50". Rejects negatives, more than two decimal places and junk.
    pub fn parse(text: &str) -> Result<Money, String> {
        let t = text.trim();
        // Plain digits only: no exponents, separators or signs other than a leading minus.
        let digits = t.strip_prefix('-').unwrap_or(t);
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
            return Err(format!(
                "'{text}' is not an amount of money (write digits, e.g. 500 or 420.50)"
            ));
        }
        let d = Decimal::from_str(t).map_err(|_| {
            format!("'{text}' is not an amount of money (write digits, e.g. 500 or 420.50)")
        })?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(format!("'{text}' is negative; amounts of money cannot be"));
        }
        if d.scale() > 2 {
            return Err(format!(
                "'{text}' has more than two decimal places (fen is the smallest unit)"
            ));
        }
        Ok(Money(d))
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other {
            self
        } else {
            other
        }
    }

    pub fn times(self, n: Decimal) -> Money {
        Money(self.0 * n)
    }

    /// Rounds to the fen (half away from zero), the rule used for yuan amounts.
    pub fn round_to_fen(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }
}

impl fmt::Display for Money {
    /// Whole yuan without decimals ("1000"), otherwise two places ("420.50").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.normalize();
        if d.scale() == 0 {
            write!(f, "{d}")
        } else {
            write!(f, "{:.2}", self.0)
        }
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_amounts_and_rejects_bad_ones() {
        assert_eq!(Money::parse("420.50").unwrap().to_string(), "420.50");
        assert_eq!(Money::parse("1000").unwrap().to_string(), "1000");
        assert_eq!(Money::parse("1000.00").unwrap().to_string(), "1000");
        assert!(Money::parse("-5").is_err());
        assert!(Money::parse("12.345").is_err());
        assert!(Money::parse("1e3").is_err());
        assert!(Money::parse("五百").is_err());
    }

    #[test]
    fn tenth_of_a_fen_never_appears() {
        // 0.1 + 0.2 is exactly 0.3 in decimal, unlike binary floats.
        let sum = Money::parse("0.1").unwrap() + Money::parse("0.2").unwrap();
        assert_eq!(sum, Money::parse("0.3").unwrap());
    }
}
