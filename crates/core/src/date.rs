//! Calendar dates as the documents and the law use them: whole days, no time zone.

use std::fmt;
use std::str::FromStr;

use time::Month;

/// A calendar day, written `YYYY-MM-DD` everywhere (policy files, answers, output).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Date {
    /// A date for places that need one before the real one is known (the rules reader
    /// after an error); never shown.
    pub const PLACEHOLDER: Date = Date(time::Date::MIN);

    /// The first and the last day a result can be worked out for, and the range of
    /// every date a worker can give (issue 14): defined here once. An evaluation date
    /// outside it is refused wherever it arrives (the other-date box, `?date=`, a share
    /// link, the CLI), by `answers::as_of_refused`.
    pub const FIRST: Date = Date::known(1950, Month::January, 1);
    pub const LAST: Date = Date::known(2100, Month::December, 31);

    /// A day known valid at compile time (the constants above).
    const fn known(year: i32, month: Month, day: u8) -> Date {
        match time::Date::from_calendar_date(year, month, day) {
            Ok(d) => Date(d),
            Err(_) => panic!("not a day"),
        }
    }

    /// Whether a result can be worked out for this day: [`Date::FIRST`]..=[`Date::LAST`].
    pub fn in_range(self) -> bool {
        (Date::FIRST..=Date::LAST).contains(&self)
    }

    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        let m = Month::try_from(month)
            .map_err(|_| DateError(format!("month {month} does not exist")))?;
        time::Date::from_calendar_date(year, m, day)
            .map(Date)
            .map_err(|_| DateError(format!("{year:04}-{month:02}-{day:02} is not a real date")))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// `n` days later. A period of N days counted under 民法典 第二百零一条 starts the day
    /// after the event, so its last day is exactly `event + N`.
    pub fn plus_days(self, n: i64) -> Date {
        Date(self.0.saturating_add(time::Duration::days(n)))
    }

    /// Today in UTC from the system clock, for native tools (the CLI's default date, the
    /// widget's page written at build time). The browser asks its own clock instead:
    /// wasm32-unknown-unknown has none.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        Date(time::Date::from_julian_day(2_440_588).unwrap_or(time::Date::MIN))
            .plus_days(days as i64)
    }

    /// The same day `n` years later; 29 February falls back to 28 February
    /// (民法典 第二百零二条: no corresponding day means the month's last day).
    pub fn plus_years(self, n: i32) -> Date {
        let y = self.0.year().saturating_add(n).clamp(-9999, 9999);
        let day = self
            .0
            .day()
            .min(time::util::days_in_month(self.0.month(), y));
        // Not `expect`: its message would format the error, and Debug would reach the wasm.
        match time::Date::from_calendar_date(y, self.0.month(), day) {
            Ok(d) => Date(d),
            Err(_) => unreachable!("clamped day is valid"),
        }
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).whole_days()
    }

    /// Whole calendar months from `self` to `later` (0 if `later` is earlier).
    pub fn whole_months_until(self, later: Date) -> u32 {
        if later <= self {
            return 0;
        }
        let mut months =
            (later.year() - self.year()) * 12 + later.month() as i32 - self.month() as i32;
        if later.day() < self.day() {
            months -= 1;
        }
        months.max(0) as u32
    }

    /// Which calendar month `on` falls in, counting this date's month as month 1:
    /// 「自办理个体工商户登记当月起…3年内」 is months 1 to 36. 0 when `on` is earlier.
    pub fn calendar_month_on(self, on: Date) -> u32 {
        if on < self {
            return 0;
        }
        let months = (on.year() - self.year()) * 12 + on.month() as i32 - self.month() as i32;
        (months + 1) as u32
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let bad = || DateError(format!("'{s}' is not a date written YYYY-MM-DD"));
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse().map_err(|_| bad())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1900..=2200).contains(&y) {
            return Err(DateError(format!("'{s}': year {y} is outside 1900–2200")));
        }
        Date::new(y as i32, m as u8, d as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

/// For the CLI's JSON (the `serde` feature, which the widget leaves off).
#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        assert_eq!(d("2025-12-31").to_string(), "2025-12-31");
        assert!("2025-02-30".parse::<Date>().is_err());
        assert!("2025-1-3".parse::<Date>().is_err());
        assert!("２０２５-01-03".parse::<Date>().is_err());
    }

    #[test]
    fn today_counts_from_the_first_of_january_1970() {
        let epoch = Date(time::Date::from_julian_day(2_440_588).unwrap());
        assert_eq!(epoch, d("1970-01-01"));
        // This code was written on 2026-12-06; the clock only moves on.
        assert!(Date::today_utc() >= d("2026-12-06"));
    }

    #[test]
    fn one_year_after_leap_day_is_the_last_day_of_february() {
        assert_eq!(d("2024-02-29").plus_years(1), d("2025-02-28"));
        assert_eq!(d("2025-03-10").plus_years(1), d("2026-03-10"));
    }

    #[test]
    fn sixty_days_counts_from_the_next_day() {
        assert_eq!(d("2026-03-10").plus_days(60), d("2026-05-09"));
    }

    #[test]
    fn whole_months_need_the_day_reached() {
        assert_eq!(d("2026-01-15").whole_months_until(d("2026-04-14")), 2);
        assert_eq!(d("2026-01-15").whole_months_until(d("2026-04-15")), 3);
        assert_eq!(d("2026-04-15").whole_months_until(d("2026-01-15")), 0);
    }

    #[test]
    fn the_registration_month_is_month_one() {
        // Registered on the 20th: month 1 runs to the end of that month, whatever the day.
        let start = d("2018-09-20");
        assert_eq!(start.calendar_month_on(d("2018-09-20")), 1);
        assert_eq!(start.calendar_month_on(d("2018-09-30")), 1);
        assert_eq!(start.calendar_month_on(d("2018-10-01")), 2);
        assert_eq!(start.calendar_month_on(d("2021-08-31")), 36);
        assert_eq!(start.calendar_month_on(d("2021-09-01")), 37);
        assert_eq!(start.calendar_month_on(d("2018-09-19")), 0);
    }
}
