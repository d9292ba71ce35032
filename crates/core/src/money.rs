//! Money in yuan as an exact decimal: never a float.

use std::fmt;

use rust_decimal::Decimal;

/// An amount of yuan. Always exact; parsed from text, never from a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
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
        let d = plain_decimal(t).ok_or_else(|| {
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

    /// `self × n`, or None when the product does not fit (a 28-digit wage times a
    /// percentage): never a panic.
    pub fn checked_times(self, n: Decimal) -> Option<Money> {
        self.0.checked_mul(n).map(Money)
    }

    /// `self + other`, or None when the sum does not fit.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Rounds to the fen (half away from zero), the rule used for yuan amounts.
    pub fn round_to_fen(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }
}

/// "-12.30" as a decimal; None unless it is an optional '-', digits, and at most one '.'
/// with digits on at least one side. Written out rather than `Decimal::from_str`, whose
/// scientific-notation fallback adds several KB to the wasm for text we never accept.
fn plain_decimal(text: &str) -> Option<Decimal> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.len() + fraction.len() == 0
        || whole.len() + fraction.len() > 28
        || !(whole.bytes().chain(fraction.bytes())).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut mantissa: i128 = 0;
    for c in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa * 10 + i128::from(c - b'0');
    }
    if negative {
        mantissa = -mantissa;
    }
    Decimal::try_from_i128_with_scale(mantissa, fraction.len() as u32).ok()
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
        for bad in ["", ".", "-", "1.2.3", "--1", "1,000", "１００"] {
            assert!(Money::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Money::parse(".5").unwrap(), Money::parse("0.50").unwrap());
        assert_eq!(Money::parse("-0").unwrap(), Money::ZERO);
        assert_eq!(Money::parse(" 7 ").unwrap(), Money::yuan(7));
        // As many digits as a decimal holds, and no more.
        assert!(Money::parse(&"9".repeat(28)).is_ok());
        assert!(Money::parse(&"9".repeat(29)).is_err());
        assert!(Money::parse("五百").is_err());
    }

    #[test]
    fn tenth_of_a_fen_never_appears() {
        // 0.1 + 0.2 is exactly 0.3 in decimal, unlike binary floats.
        let sum = Money::parse("0.1")
            .unwrap()
            .checked_add(Money::parse("0.2").unwrap());
        assert_eq!(sum, Some(Money::parse("0.3").unwrap()));
    }

    /// Review 2026-12-06 M07: half a fen rounds up, away from zero, not to the even fen.
    /// 15 % of a wage ending in .30 gives one (4000.30 × 15 % = 600.045).
    #[test]
    fn half_a_fen_rounds_away_from_zero() {
        let round = |thousandths: i64| {
            Money(Decimal::new(thousandths, 3))
                .round_to_fen()
                .to_string()
        };
        assert_eq!(round(45), "0.05");
        assert_eq!(round(125), "0.13");
        assert_eq!(round(600_045), "600.05");
        assert_eq!(round(44), "0.04");
        let share = Money::parse("4000.30")
            .unwrap()
            .checked_times(Decimal::new(15, 2))
            .unwrap();
        assert_eq!(share.round_to_fen(), Money::parse("600.05").unwrap());
        assert_eq!(
            Money(Decimal::new(-45, 3)).round_to_fen(),
            Money(Decimal::new(-5, 2))
        );
    }

    #[test]
    fn the_largest_amounts_overflow_into_none_not_a_panic() {
        let huge = Money::parse(&"9".repeat(28)).unwrap();
        assert_eq!(Money(Decimal::MAX).checked_add(Money::yuan(1)), None);
        assert_eq!(huge.checked_times(Decimal::from(10)), None);
        assert!(huge.checked_times(Decimal::new(2, 1)).is_some());
    }
}
