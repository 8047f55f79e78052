//! Dates and date-times as the API writes them (`2024-06-08`, `2024-06-08T19:52:22.557280+00:00`), parsed
//! without a clock or a time-zone database, to decide whether a document predates the connection.

/// A calendar date or an instant, both in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// Days since 1970-01-01.
    Date(i64),
    /// Seconds since 1970-01-01T00:00:00Z.
    Instant(i64),
}

impl Moment {
    /// The UTC calendar day (days since 1970-01-01).
    pub fn day(self) -> i64 {
        match self {
            Self::Date(d) => d,
            Self::Instant(s) => s.div_euclid(86_400),
        }
    }

    /// True when `self` is strictly before `other`. A date is compared by day: a bill dated the day the
    /// connection was made does not predate it.
    pub fn is_before(self, other: Moment) -> bool {
        match (self, other) {
            (Self::Instant(a), Self::Instant(b)) => a < b,
            _ => self.day() < other.day(),
        }
    }
}

/// Parses `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fraction]]` and `Z` or `±HH:MM`
/// (no offset = UTC). Returns a message for the caller on failure.
pub fn parse(text: &str) -> Result<Moment, String> {
    let text = text.trim();
    let bad = || format!("expected a date (YYYY-MM-DD) or an RFC 3339 date-time, found \"{text}\"");
    let date_part = text.get(..10).ok_or_else(bad)?;
    let days = parse_date(date_part).ok_or_else(bad)?;
    let rest = text.get(10..).unwrap_or_default();
    if rest.is_empty() {
        return Ok(Moment::Date(days));
    }
    let time = rest.strip_prefix(['T', 't', ' ']).ok_or_else(bad)?;
    let seconds = parse_time(time).ok_or_else(bad)?;
    Ok(Moment::Instant(days * 86_400 + seconds))
}

/// An ordering key for a date or date-time: seconds since the epoch (UTC) and the nanoseconds of the
/// fraction, so that two updates within one second still order (synced records, SPEC §3.0). A plain date
/// is its midnight. `None` when the text does not parse.
pub fn order_key(text: &str) -> Option<(i64, u32)> {
    let text = text.trim();
    let seconds = match parse(text).ok()? {
        Moment::Date(days) => return Some((days * 86_400, 0)),
        Moment::Instant(seconds) => seconds,
    };
    // parse() accepted the text, so any fraction sits between the seconds' '.' and the offset.
    let nanos = text.get(19..).and_then(|rest| rest.strip_prefix('.')).map_or(0, |rest| {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).take(9).collect();
        format!("{digits:0<9}").parse().unwrap_or(0)
    });
    Some((seconds, nanos))
}

fn number(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = number(s.get(0..4)?)?;
    let month = number(s.get(5..7)?)?;
    let day = number(s.get(8..10)?)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// Seconds from midnight UTC, after applying the offset.
fn parse_time(s: &str) -> Option<i64> {
    let (clock, offset) = match s.find(['Z', 'z', '+', '-']) {
        Some(at) => (s.get(..at)?, s.get(at..)?),
        None => (s, ""),
    };
    let mut parts = clock.splitn(3, ':');
    let hours = number(parts.next()?)?;
    let minutes = number(parts.next()?)?;
    let seconds = match parts.next() {
        Some(sec) => {
            let whole = sec.split('.').next()?;
            let frac_ok = sec.split('.').nth(1).is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
            if !frac_ok || sec.matches('.').count() > 1 {
                return None;
            }
            number(whole)?
        }
        None => 0,
    };
    if hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    let offset_seconds = match offset {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (oh, om) = offset.get(1..)?.split_once(':')?;
            let (oh, om) = (number(oh)?, number(om)?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    Some(hours * 3600 + minutes * 60 + seconds - offset_seconds)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_instants_in_utc() {
        assert_eq!(parse("1970-01-02"), Ok(Moment::Date(1)));
        assert_eq!(parse("1970-01-01T01:00:00+01:00"), Ok(Moment::Instant(0)));
        assert_eq!(parse("2024-06-08T19:52:22.557280+00:00").map(Moment::day), parse("2024-06-08").map(Moment::day));
        assert!(parse("2024-02-30").is_err());
        assert!(parse("yesterday").is_err());
        assert!(parse("2024-06-08T25:00:00Z").is_err());
        let (Ok(day), Ok(connected)) = (parse("2024-06-08"), parse("2024-06-08T19:52:22+00:00")) else {
            unreachable!("both parse")
        };
        assert!(!day.is_before(connected), "the connection's own day does not predate it");
        assert!(Moment::Date(day.day() - 1).is_before(connected));
    }

    #[test]
    fn order_keys_keep_the_fraction_of_a_second() {
        let a = order_key("2024-06-08T19:52:22.5+00:00");
        let b = order_key("2024-06-08T19:52:22.557280+00:00");
        assert!(a < b, "{a:?} < {b:?}");
        assert_eq!(order_key("2024-06-08"), Some((order_key("2024-06-08T00:00:00Z").map_or(0, |k| k.0), 0)));
        assert_eq!(order_key("2024-06-08T21:52:22+02:00"), order_key("2024-06-08T19:52:22Z"));
        assert_eq!(order_key("soon"), None);
    }
}
