//! Numbers as a language writes them (`٣` in Arabic), inside catalogue messages and
//! for the browser's plural forms.

use fluent_templates::fluent_bundle::FluentValue;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;

/// ICU's number formatter for one language, kept by each catalogue's memoizer.
struct Digits(DecimalFormatter);

impl Memoizable for Digits {
    type Args = ();
    type Error = String;

    fn construct(lang: fluent_templates::LanguageIdentifier, _: ()) -> Result<Digits, Self::Error> {
        let locale = locale(&lang.to_string());
        DecimalFormatter::try_new(locale.into(), Default::default())
            .map(Digits)
            .map_err(|error| error.to_string())
    }
}

fn locale(tag: &str) -> Locale {
    tag.parse::<Locale>()
        .or_else(|_| crate::domain::DEFAULT_LANGUAGE.parse::<Locale>())
        .expect("the default language is a locale")
}

/// Fluent's hook for writing a value: whole numbers in the catalogue's own digits.
pub fn in_the_language(value: &FluentValue<'_>, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    if number.value.fract() != 0.0 || number.value.abs() > 1e15 {
        return None;
    }
    let whole = Decimal::from(number.value as i64);
    memoizer
        .with_try_get::<Digits, _, _>((), |digits| digits.0.format(&whole).to_string())
        .ok()
}

/// `number` written as the language of `tag` writes it.
pub fn write(tag: &str, number: usize) -> String {
    DecimalFormatter::try_new(locale(tag).into(), Default::default())
        .map(|digits| digits.format(&Decimal::from(number as u64)).to_string())
        .unwrap_or_else(|_| number.to_string())
}

/// One small number for each plural category the language has, with the category's
/// CLDR name (`one`, `few`, `other`…).
pub fn examples(tag: &str) -> Vec<(&'static str, usize)> {
    let Ok(rules) = PluralRules::try_new_cardinal(locale(tag).into()) else {
        return vec![("one", 1), ("other", 2)];
    };
    let mut found: Vec<(&'static str, usize)> = Vec::new();
    for number in 0..1000usize {
        let name = name(rules.category_for(number));
        if !found.iter().any(|(seen, _)| *seen == name) {
            found.push((name, number));
        }
    }
    found
}

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}
