//! Dates and clock times as a language writes them, in the page's time zone: the
//! patterns, month names and digits are ICU4X's (CLDR's), for the page's whole tag.

use std::sync::Arc;

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{MD, T};
use icu_datetime::input::{Date, Time};
use icu_locale_core::Locale;

/// The formatters for one language tag.
#[derive(Clone)]
pub struct Clock {
    /// The tag they format for, as the page gave it (checked, canonical).
    pub tag: String,
    formats: Arc<Formats>,
}

struct Formats {
    /// Day and month: `14 March`, `14 de marzo`, `3月14日`.
    date: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    /// Hours and minutes: `16:16`, `4:16 PM`.
    time: FixedCalendarDateTimeFormatter<Gregorian, T>,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clock").field("tag", &self.tag).finish()
    }
}

impl Clock {
    /// The formatters for `tag`; a tag ICU cannot read formats as `en-GB` would.
    pub fn of(tag: &str) -> Clock {
        let locale = tag
            .parse::<Locale>()
            .or_else(|_| crate::domain::DEFAULT_LANGUAGE.parse::<Locale>())
            .expect("the default language is a locale");
        let date = FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), MD::long())
            .expect("compiled data has day-and-month patterns for every locale, by fallback");
        let time = FixedCalendarDateTimeFormatter::try_new(locale.into(), T::hm())
            .expect("compiled data has clock patterns for every locale, by fallback");
        Clock {
            tag: tag.to_owned(),
            formats: Arc::new(Formats { date, time }),
        }
    }

    /// The date, the clock time and the zone's abbreviation of `at` in `zone`.
    pub fn parts(&self, at: DateTime<Utc>, zone: Tz) -> (String, String, String) {
        let local = at.with_timezone(&zone);
        let date = gregorian(&local);
        let date = self.formats.date.format(&date).to_string();
        (date, self.time(at, zone), local.format("%Z").to_string())
    }

    /// The clock time of `at` in `zone`.
    pub fn time(&self, at: DateTime<Utc>, zone: Tz) -> String {
        let local = at.with_timezone(&zone);
        let time = Time::try_new(local.hour() as u8, local.minute() as u8, 0, 0)
            .expect("chrono's hours and minutes are in range");
        self.formats.time.format(&time).to_string()
    }
}

fn gregorian(local: &DateTime<Tz>) -> Date<Gregorian> {
    Date::try_new_gregorian(local.year(), local.month() as u8, local.day() as u8)
        .expect("chrono's dates are Gregorian dates")
}
