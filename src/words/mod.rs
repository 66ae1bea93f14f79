//! The words of the reader's and the editor's pages in each language we write them in:
//! message catalogues in Project Fluent's format (`locales/{language}/*.ftl`, built
//! into the binary), dates and numbers as the language writes them (ICU4X).
//!
//! A page asks for its words once, by its language tag: [`Words::of`] finds the
//! nearest catalogue (`es-MX` reads `es`, anything unknown reads English) and keeps
//! the whole tag for dates, so `en-US` and `en-GB` share words but not clocks.

mod dates;
mod numbers;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};

pub use dates::Clock;

static_loader! {
    static CATALOGUES = {
        locales: "./locales",
        fallback_language: "en",
        // Placeables are not wrapped in Unicode isolation marks: every page says its
        // direction in `<html dir>`, and the marks would end up inside attributes.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(numbers::in_the_language));
        },
    };
}

/// The languages there is a catalogue for, the first being the one any other falls
/// back to.
pub const LANGUAGES: [&str; 7] = ["en", "es", "fr", "de", "ar", "hi", "zh-Hans"];

/// Each language there is a catalogue for, by its own name: what a person chooses the
/// newsroom's pages in.
pub const LANGUAGE_NAMES: [(&str, &str); 7] = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("ar", "العربية"),
    ("hi", "हिन्दी"),
    ("zh-Hans", "简体中文"),
];

/// The words of one page, in its language.
#[derive(Debug, Clone)]
pub struct Words {
    /// The catalogue's language (one of [`LANGUAGES`]).
    catalogue: LanguageIdentifier,
    /// The page's own tag, for dates and numbers.
    clock: Clock,
    /// [`Words::for_scripts`], made once for the page and its clones: the embed and
    /// the permalink are rendered on every request.
    scripts: Arc<OnceLock<String>>,
}

impl Words {
    /// The words for a page in `language` (a BCP 47 tag).
    pub fn of(language: &str) -> Words {
        Words {
            catalogue: catalogue_for(language),
            clock: Clock::of(language),
            scripts: Arc::default(),
        }
    }

    /// The catalogue's language: `es` for `es-MX`.
    pub fn catalogue(&self) -> String {
        self.catalogue.to_string()
    }

    /// The page's language tag, for `<html lang>`.
    pub fn tag(&self) -> &str {
        &self.clock.tag
    }

    /// `rtl` for a language written right to left, `ltr` otherwise.
    pub fn direction(&self) -> &'static str {
        crate::domain::direction(&self.clock.tag)
    }

    /// The message `key`.
    pub fn get(&self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// The message `key` with its arguments, such as `[("title", title.into())]`.
    pub fn with(&self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        self.lookup(key, Some(&args))
    }

    /// The message `key` for `count` of something, in the plural the language uses
    /// for it, the number written as the language writes it.
    pub fn count(&self, key: &str, count: usize) -> String {
        self.with(key, &[("count", FluentValue::from(count))])
    }

    /// The words of `key` before and after its one argument `name`, for a message whose
    /// argument is markup (a `<time>`): "Updated " and "" for "Updated { $time }".
    pub fn around(&self, key: &str, name: &'static str) -> (String, String) {
        const MARK: &str = "\u{1}";
        let text = self.with(key, &[(name, MARK.into())]);
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (text, String::new()),
        }
    }

    /// A time of publication: `16:16 GMT 14 March`, `14 de marzo, 16:16 GMT`.
    pub fn published(&self, at: DateTime<Utc>, zone: Tz) -> String {
        let (date, time, zone_name) = self.clock.parts(at, zone);
        self.with(
            "published-time",
            &[
                ("date", date.into()),
                ("time", time.into()),
                ("zone", zone_name.into()),
            ],
        )
    }

    /// Only the clock time: `16:40`, `٤:٤٠ م`.
    pub fn clock(&self, at: DateTime<Utc>, zone: Tz) -> String {
        self.clock.time(at, zone)
    }

    /// Each plural form of `key` in this language, with `{n}` for the number: what the
    /// browser chooses among when the count changes there (with `Intl.PluralRules`).
    pub fn plural_forms(&self, key: &str) -> Vec<(&'static str, String)> {
        numbers::examples(&self.clock.tag)
            .into_iter()
            .map(|(category, example)| {
                let written = numbers::write(&self.clock.tag, example);
                let text = self.count(key, example).replacen(&written, "{n}", 1);
                (category, text)
            })
            .collect()
    }

    /// The words the reader's scripts write, as JSON for a `<script
    /// type="application/json">`: the page's tag (for `Intl`), each message with
    /// `{title}` where a title goes, and each plural form of "N new updates".
    pub fn for_scripts(&self) -> &str {
        self.scripts.get_or_init(|| self.scripts_json())
    }

    fn scripts_json(&self) -> String {
        let title = || [("title", FluentValue::from("{title}"))];
        let provider = || [("provider", FluentValue::from("{provider}"))];
        let new_updates: serde_json::Map<String, serde_json::Value> = self
            .plural_forms("new-updates")
            .into_iter()
            .map(|(category, text)| (category.to_owned(), text.into()))
            .collect();
        let words = serde_json::json!({
            "lang": self.clock.tag,
            "live": self.get("live-badge"),
            "ended": self.get("page-ended"),
            "pause": self.get("pause-live"),
            "resume": self.get("resume-live"),
            "newUpdates": new_updates,
            "newUpdate": self.with("js-new-update", &title()),
            "reopenedNotice": self.get("js-page-reopened"),
            "endedNotice": self.get("js-page-ended"),
            "newSinceLastVisit": self.get("js-new-since-last-visit"),
            "share": self.get("js-share"),
            "shareEntry": self.with("js-share-entry", &title()),
            "linkCopied": self.get("js-link-copied"),
            "linkToEntry": self.get("js-link-to-entry"),
            "justNow": self.get("js-just-now"),
            "calloutFailed": self.get("callout-failed"),
            "pushOn": self.get("push-on"),
            "pushOff": self.get("push-off"),
            "pushTurnedOn": self.get("push-turned-on"),
            "pushTurnedOff": self.get("push-turned-off"),
            "pushRefused": self.get("push-refused"),
            "pollVoted": self.get("poll-voted"),
            "pollChoose": self.get("poll-choose"),
            "pollFailed": self.get("poll-failed"),
            "pollClosed": self.get("poll-closed"),
            "showAll": self.get("js-show-all"),
            "showLess": self.get("js-show-less"),
            "embedShow": self.with("js-embed-show", &provider()),
            "embedAlways": self.with("js-embed-always", &provider()),
            "embedPrivacy": self.with("js-embed-privacy", &provider()),
            "galleryPrevious": self.get("js-gallery-previous"),
            "galleryNext": self.get("js-gallery-next"),
            "galleryPlace": self.with(
                "gallery-place",
                &[("number", FluentValue::from("{number}")), ("count", FluentValue::from("{count}"))],
            ),
            "otherUpdates": self.with("js-other-updates", &[("count", FluentValue::from("{count}"))]),
        });
        script_data(&words)
    }

    fn lookup(
        &self,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
    ) -> String {
        // The catalogue is one of ours already: no negotiation on each word.
        if let Ok(text) = CATALOGUES.lookup_single_language(&self.catalogue, key, args) {
            return text;
        }
        match CATALOGUES.try_lookup_complete(&self.catalogue, key, args) {
            Some(text) => text,
            // Every key is in the English catalogue (a test holds every catalogue to
            // it): a missing one is a typo in a template, shown rather than hidden.
            None => key.to_owned(),
        }
    }
}

/// `value` as JSON to put inside a `<script type="application/json">`: "</" could end
/// the element there, so every "<" is written as the escape JSON allows for it.
pub fn script_data(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The catalogue nearest to `language`: its own, else its language's (`es` for
/// `es-MX`, `zh-Hans` for `zh-CN`), else English.
fn catalogue_for(language: &str) -> LanguageIdentifier {
    let fallback = || {
        LANGUAGES[0]
            .parse::<LanguageIdentifier>()
            .expect("the first of LANGUAGES is a language identifier")
    };
    let Ok(wanted) = language.parse::<LanguageIdentifier>() else {
        return fallback();
    };
    let chinese_simplified = wanted.language.as_str() == "zh"
        && wanted.script.is_none_or(|script| script.as_str() == "Hans")
        && wanted
            .region
            .is_none_or(|region| ["CN", "SG", "MY"].contains(&region.as_str()));
    LANGUAGES
        .iter()
        .filter_map(|tag| tag.parse::<LanguageIdentifier>().ok())
        .find(|known| {
            if known.language.as_str() == "zh" {
                chinese_simplified
            } else {
                known.language == wanted.language
            }
        })
        .unwrap_or_else(fallback)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use chrono::TimeZone;
    use fluent_syntax::ast::Entry;
    use fluent_templates::fluent_bundle::FluentResource;

    use super::*;

    /// The message ids of one catalogue file, which must parse without an error.
    fn keys(language: &str, file: &str) -> BTreeSet<String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(language)
            .join(file);
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let resource = FluentResource::try_new(source)
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_key_and_no_other() {
        for file in ["reader.ftl", "editor.ftl"] {
            let english = keys("en", file);
            assert!(english.len() > 20, "{file}");
            for language in &LANGUAGES[1..] {
                let theirs = keys(language, file);
                let missing: Vec<_> = english.difference(&theirs).collect();
                let unknown: Vec<_> = theirs.difference(&english).collect();
                assert!(
                    missing.is_empty() && unknown.is_empty(),
                    "{language}/{file}: missing {missing:?}, not in English {unknown:?}"
                );
            }
        }
    }

    #[test]
    fn no_key_is_in_two_files_of_a_language() {
        // A language's files make one bundle, which refuses a key given twice.
        let reader = keys("en", "reader.ftl");
        let twice: Vec<_> = keys("en", "editor.ftl")
            .into_iter()
            .filter(|key| reader.contains(key))
            .collect();
        assert!(twice.is_empty(), "in reader.ftl and editor.ftl: {twice:?}");
    }

    #[test]
    fn every_message_formats_in_every_language_without_an_error() {
        for file in ["reader.ftl", "editor.ftl"] {
            for language in LANGUAGES {
                let words = Words::of(language);
                for key in keys("en", file) {
                    // A message whose variables are all given formats without an
                    // error; the ones given here are what the templates pass.
                    let text = words.with(
                        &key,
                        &[
                            ("count", 3.into()),
                            ("number", 2.into()),
                            ("time", "16:16".into()),
                            ("date", "14 March".into()),
                            ("zone", "GMT".into()),
                            ("credit", "Reuters".into()),
                            ("title", "A title".into()),
                            ("user", "ana".into()),
                            ("page", "Storm".into()),
                            ("provider", "YouTube".into()),
                            ("tag", "Harbour".into()),
                            ("editor", "ana".into()),
                            ("id", 7.into()),
                            ("limit", 200.into()),
                            ("link", "/live/storm".into()),
                            ("name", "ana".into()),
                            ("names", "ana, ben".into()),
                            ("over", 5.into()),
                            ("percent", 40.into()),
                            ("reason", "a reason".into()),
                            ("settings", "settings".into()),
                            ("size", "2 MB".into()),
                            ("status", "404".into()),
                            ("titles", "A, B".into()),
                            ("used", 3.into()),
                            ("prompt", "Ask us".into()),
                            ("hours", 6.into()),
                            ("peak", 3.into()),
                            ("views", 2.into()),
                            ("shares", 1.into()),
                        ],
                    );
                    assert!(!text.trim().is_empty(), "{language} {key}");
                    assert_ne!(text, key, "{language} {key} is missing");
                }
            }
        }
    }

    #[test]
    fn a_page_reads_the_nearest_catalogue() {
        for (tag, catalogue) in [
            ("en-GB", "en"),
            ("es-MX", "es"),
            ("fr-CA", "fr"),
            ("de-AT", "de"),
            ("ar-EG", "ar"),
            ("hi", "hi"),
            ("zh-Hans", "zh-Hans"),
            ("zh-CN", "zh-Hans"),
            ("zh", "zh-Hans"),
            ("zh-Hant", "en"),
            ("zh-TW", "en"),
            ("pt-BR", "en"),
            ("not a tag", "en"),
        ] {
            assert_eq!(Words::of(tag).catalogue(), catalogue, "{tag}");
        }
    }

    #[test]
    fn times_read_as_each_language_writes_them() {
        let at = Utc.with_ymd_and_hms(2026, 3, 14, 16, 16, 0).unwrap();
        let london = chrono_tz::Europe::London;
        assert_eq!(
            Words::of("en-GB").published(at, london),
            "16:16 GMT 14 March"
        );
        let arabic = Words::of("ar").published(at, chrono_tz::Asia::Riyadh);
        assert!(arabic.contains("مارس"), "{arabic}");
        let hindi = Words::of("hi").published(at, chrono_tz::Asia::Kolkata);
        assert!(hindi.contains("मार्च"), "{hindi}");
        assert!(hindi.contains("IST"), "{hindi}");
        let chinese = Words::of("zh-Hans").published(at, chrono_tz::Asia::Shanghai);
        assert!(chinese.contains("3月15日 00:16"), "{chinese}");
        let spanish = Words::of("es").published(at, london);
        assert!(spanish.contains("14 de marzo"), "{spanish}");
        assert_eq!(Words::of("de").clock(at, london), "16:16");
    }

    #[test]
    fn counts_take_the_plural_their_language_uses() {
        let english = Words::of("en-GB");
        assert_eq!(english.count("new-updates", 1), "1 new update");
        assert_eq!(english.count("new-updates", 5), "5 new updates");
        let arabic = Words::of("ar");
        let forms: Vec<&str> = arabic
            .plural_forms("new-updates")
            .iter()
            .map(|(category, _)| *category)
            .collect();
        for category in ["zero", "one", "two", "few", "many", "other"] {
            assert!(forms.contains(&category), "{category} in {forms:?}");
        }
        // Three and eleven take different nouns in Arabic.
        assert_ne!(
            arabic.count("new-updates", 3).replace('3', ""),
            arabic.count("new-updates", 11).replace("11", "")
        );
        let chinese = Words::of("zh-Hans").plural_forms("new-updates");
        assert_eq!(chinese.len(), 1, "{chinese:?}");
        assert!(chinese[0].1.contains("{n}"), "{chinese:?}");
    }

    #[test]
    fn the_words_for_scripts_cannot_end_their_element() {
        let words = Words::of("en-GB");
        let json = words.for_scripts();
        assert!(!json.contains('<'), "{json}");
        let words: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(words["newUpdates"]["other"], "{n} new updates");
        assert_eq!(words["lang"], "en-GB");
    }
}
