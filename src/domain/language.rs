//! A live page's language: a BCP 47 tag (`en-GB`, `ar`, `zh-Hans`), kept in its
//! canonical form, and the direction its script runs in.

use icu_locale_core::LanguageIdentifier;

/// The language of a page that names none.
pub const DEFAULT_LANGUAGE: &str = "en-GB";
/// The longest language tag taken: BCP 47 (RFC 5646, section 4.4.1) asks
/// implementations to support tags of at least 35 characters, which holds every tag a
/// page needs, as in `zh-Hant-HK` or `sr-Latn-RS`.
pub const MAX_LANGUAGE_CHARS: usize = 35;

/// Scripts written right to left.
const RIGHT_TO_LEFT_SCRIPTS: [&str; 8] = [
    "Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Syrc", "Thaa",
];
/// Languages written right to left when the tag names no script.
const RIGHT_TO_LEFT_LANGUAGES: [&str; 12] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// A BCP 47 language tag, checked and in its canonical form (`zh-hans` is `zh-Hans`).
pub fn parse_language(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(DEFAULT_LANGUAGE.to_owned());
    }
    if value.chars().count() > MAX_LANGUAGE_CHARS {
        return Err(format!(
            "A language tag has at most {MAX_LANGUAGE_CHARS} characters, as in en-GB or zh-Hans."
        ));
    }
    value
        .parse::<LanguageIdentifier>()
        .map(|id| id.to_string())
        .map_err(|_| {
            format!("{value} is not a language tag; use one such as en-GB, es, ar or zh-Hans.")
        })
}

/// `rtl` for a language written right to left, `ltr` otherwise.
pub fn direction(tag: &str) -> &'static str {
    let Ok(id) = LanguageIdentifier::try_from_str(tag) else {
        return "ltr";
    };
    let right_to_left = match id.script {
        Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script.as_str()),
        None => RIGHT_TO_LEFT_LANGUAGES.contains(&id.language.as_str()),
    };
    if right_to_left { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_and_written_one_way() {
        assert_eq!(parse_language("zh-hans").unwrap(), "zh-Hans");
        assert_eq!(parse_language(" en-gb ").unwrap(), "en-GB");
        assert_eq!(parse_language("").unwrap(), DEFAULT_LANGUAGE);
        for bad in ["english", "en_GB!", "<script>", "e", "en\"><script>"] {
            assert!(parse_language(bad).is_err(), "{bad}");
        }
        let long: String = std::iter::once("en".to_owned())
            .chain(('a'..='e').map(|c| format!("variant{c}")))
            .collect::<Vec<_>>()
            .join("-");
        assert!(long.parse::<LanguageIdentifier>().is_ok() && long.len() > MAX_LANGUAGE_CHARS);
        assert!(parse_language(&long).unwrap_err().contains("35"));
    }

    #[test]
    fn the_direction_follows_the_script() {
        for rtl in ["ar", "ar-EG", "he", "fa", "ur", "az-Arab"] {
            assert_eq!(direction(rtl), "rtl", "{rtl}");
        }
        for ltr in ["en-GB", "es", "fr", "de", "hi", "zh-Hans", "az", "ar-Latn"] {
            assert_eq!(direction(ltr), "ltr", "{ltr}");
        }
    }
}
