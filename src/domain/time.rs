//! How times read on a live page: `16:16 GMT 14 March`, in the page's own time zone.

use chrono::{DateTime, Datelike, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The last year the record holds: RFC 3339, in which the store writes every time,
/// has four digits for the year.
pub const LAST_YEAR: i32 = 9999;

/// Whether the store can write `at` and read it back: no later than the end of
/// [`LAST_YEAR`] in UTC, and not before the year 1.
pub fn within_the_record(at: DateTime<Utc>) -> bool {
    (1..=LAST_YEAR).contains(&at.year())
}

/// A publication time as readers see it: hour, minute, the zone's abbreviation, day and
/// month, as in `16:16 GMT 14 March` or `09:05 EDT 2 July`.
pub fn published(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone)
        .format("%H:%M %Z %-d %B")
        .to_string()
}

/// Only the clock time, as in "Updated 16:40".
pub fn clock(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%H:%M").to_string()
}

/// The machine-readable form for `<time datetime>`, in the page's zone.
pub fn rfc3339(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The form of a `<input type="datetime-local">`: `2026-03-14T16:16`, in `zone`.
pub fn local_input(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads a time typed as a `datetime-local` field (`2026-03-14T16:16`, seconds
/// optional) as a time in `zone`. A time the clocks skip (when they go forward) is
/// refused; a time they pass twice (when they go back) means the first.
pub fn parse_local(value: &str, zone: Tz) -> Result<DateTime<Utc>, String> {
    let value = value.trim();
    let local = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
        .ok_or_else(|| {
            format!("\"{value}\" is not a date and time; use the form 2026-03-14T16:16.")
        })?;
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "{} does not happen in {} (the clocks go forward then); choose another time.",
            local.format("%H:%M on %-d %B"),
            zone.name()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::{America, Asia, Europe};

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn london_switches_between_gmt_and_bst() {
        // Clocks go forward at 01:00 UTC on 29 March 2026.
        assert_eq!(
            published(utc(2026, 3, 29, 0, 59), Europe::London),
            "00:59 GMT 29 March"
        );
        assert_eq!(
            published(utc(2026, 3, 29, 1, 0), Europe::London),
            "02:00 BST 29 March"
        );
        // And back at 01:00 UTC on 25 October 2026: 01:30 happens twice.
        assert_eq!(
            published(utc(2026, 10, 25, 0, 30), Europe::London),
            "01:30 BST 25 October"
        );
        assert_eq!(
            published(utc(2026, 10, 25, 1, 30), Europe::London),
            "01:30 GMT 25 October"
        );
    }

    #[test]
    fn new_york_switches_between_est_and_edt() {
        // Clocks go forward at 07:00 UTC on 8 March 2026.
        assert_eq!(
            published(utc(2026, 3, 8, 6, 59), America::New_York),
            "01:59 EST 8 March"
        );
        assert_eq!(
            published(utc(2026, 3, 8, 7, 0), America::New_York),
            "03:00 EDT 8 March"
        );
        assert_eq!(
            published(utc(2026, 11, 1, 6, 0), America::New_York),
            "01:00 EST 1 November"
        );
    }

    #[test]
    fn the_date_is_the_local_date() {
        // 23:30 UTC on 31 December is already New Year's Day in Tokyo.
        assert_eq!(
            published(utc(2026, 12, 31, 23, 30), Asia::Tokyo),
            "08:30 JST 1 January"
        );
        assert_eq!(clock(utc(2026, 12, 31, 23, 30), Asia::Tokyo), "08:30");
    }

    #[test]
    fn typed_times_are_read_in_the_pages_zone() {
        assert_eq!(
            parse_local("2026-07-01T13:00", Europe::London),
            Ok(utc(2026, 7, 1, 12, 0))
        );
        assert_eq!(
            parse_local("2026-01-01T08:30:00", America::New_York),
            Ok(utc(2026, 1, 1, 13, 30))
        );
        assert_eq!(
            local_input(utc(2026, 7, 1, 12, 0), Europe::London),
            "2026-07-01T13:00"
        );
        // 01:30 on 29 March 2026 never happens in London; on 25 October it happens twice.
        assert!(parse_local("2026-03-29T01:30", Europe::London).is_err());
        assert_eq!(
            parse_local("2026-10-25T01:30", Europe::London),
            Ok(utc(2026, 10, 25, 0, 30))
        );
        for bad in ["", "tomorrow", "2026-13-01T10:00", "2026-01-01"] {
            assert!(parse_local(bad, Europe::London).is_err(), "{bad}");
        }
    }

    #[test]
    fn machine_time_carries_the_offset() {
        assert_eq!(
            rfc3339(utc(2026, 7, 1, 12, 0), Europe::London),
            "2026-07-01T13:00:00+01:00"
        );
        assert_eq!(
            rfc3339(utc(2026, 1, 1, 12, 0), Europe::London),
            "2026-01-01T12:00:00+00:00"
        );
    }
}
