//! Calendar arithmetic for the sample: days since 1970-01-01 to and from `YYYY-MM-DD`, and RFC 3339
//! timestamps in UTC (`+00:00`). Everything is relative to the fixed connection time — never the clock.

/// Seconds in a day.
const DAY: i64 = 86_400;

/// When the sample's accounting connection was established: 2024-06-08T19:52:22+00:00.
pub(crate) const CONNECTION_CREATED: i64 = 1_717_876_342;

/// Day number of the connection (issue dates are never generated on this day, so "before" and "after"
/// the connection are unambiguous for date-only fields).
pub(crate) fn connection_day() -> i64 {
    CONNECTION_CREATED.div_euclid(DAY)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
#[cfg(test)]
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (H. Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `YYYY-MM-DD` of a day number.
pub(crate) fn date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// RFC 3339 timestamp (`YYYY-MM-DDTHH:MM:SS+00:00`) of a Unix time in seconds.
pub(crate) fn datetime(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(DAY));
    let secs = unix.rem_euclid(DAY);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+00:00", secs / 3600, (secs / 60) % 60, secs % 60)
}

/// The year of a day number.
pub(crate) fn year(days: i64) -> i64 {
    civil_from_days(days).0
}

/// Unix time of midnight UTC of a day number.
pub(crate) fn midnight(days: i64) -> i64 {
    days * DAY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_formats() {
        assert_eq!(datetime(CONNECTION_CREATED), "2024-06-08T19:52:22+00:00");
        assert_eq!(date(connection_day()), "2024-06-08");
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(date(days_from_civil(2024, 2, 29)), "2024-02-29");
        for d in -1000..40_000 {
            let (y, m, day) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, day), d);
        }
    }
}
