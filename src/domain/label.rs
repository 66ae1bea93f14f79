//! Labels: the kinds of entry named above a headline ("Breaking", "Analysis"), a list
//! the newsroom's editors keep, each with its name in each language the newsroom
//! writes in. An entry keeps its label as it was when saved, names and all: renaming or
//! removing one later changes no entry already published.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::errors::{FieldErrors, optional_text};

/// The most labels the newsroom keeps.
pub const MAX_LABELS: usize = 30;
/// The most characters of a label's key.
pub const MAX_LABEL_KEY_CHARS: usize = 40;
/// The most characters of a label's name in one language.
pub const MAX_LABEL_NAME_CHARS: usize = 40;
/// The languages a label is named in: those the newsroom's pages are worded in. The
/// first is the one every label must have a name in.
pub const LABEL_LANGUAGES: [&str; 7] = ["en", "es", "fr", "de", "ar", "hi", "zh-Hans"];
/// The labels every newsroom starts with; older entries keep only their key, and are
/// named by the newsroom's words.
pub const BUILT_IN_LABELS: [&str; 5] = ["breaking", "analysis", "explainer", "fact-check", "watch"];

/// A label as an entry carries it, or as the newsroom keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// What the form and the API send, as in `label=fact-check`: lower-case letters,
    /// digits and hyphens. Readers' pages name it in a class, `label-fact-check`.
    pub key: String,
    /// Its name by language tag (`en`, `zh-Hans`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

/// A label as it was kept: its key alone (earlier versions), or key and names.
impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Label, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Kept {
            Key(String),
            Named {
                key: String,
                #[serde(default)]
                names: BTreeMap<String, String>,
            },
        }
        Ok(match Kept::deserialize(deserializer)? {
            Kept::Key(key) => Label::keyed(&key),
            Kept::Named { key, names } => Label { key, names },
        })
    }
}

impl Label {
    /// A label known by its key alone.
    pub fn keyed(key: &str) -> Label {
        Label {
            key: key.to_owned(),
            names: BTreeMap::new(),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Its name in `language` (a tag such as `es-MX`): that language's, its base
    /// language's, or else English; `None` when it has none of them.
    pub fn name_in(&self, language: &str) -> Option<&str> {
        let base = language.split('-').next().unwrap_or(language);
        let found = self
            .names
            .iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(language))
            .or_else(|| {
                self.names.iter().find(|(tag, _)| {
                    tag.split('-')
                        .next()
                        .is_some_and(|b| b.eq_ignore_ascii_case(base))
                })
            });
        found
            .map(|(_, name)| name.as_str())
            .or_else(|| self.names.get(LABEL_LANGUAGES[0]).map(String::as_str))
    }

    /// `value` as a label's key, if it is one a label could have: lower-case letters,
    /// digits and hyphens (in any case), not starting with a hyphen.
    pub fn well_formed_key(value: &str) -> Option<String> {
        let key = value.trim().to_lowercase();
        let well_formed = !key.is_empty()
            && !key.starts_with('-')
            && key.chars().count() <= MAX_LABEL_KEY_CHARS
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        well_formed.then_some(key)
    }

    /// Whether a form's value names this label: its key, or its name in any language,
    /// in any case.
    pub fn is_named(&self, value: &str) -> bool {
        let value = value.trim().to_lowercase();
        self.key == value || self.names.values().any(|name| name.to_lowercase() == value)
    }
}

/// Reads an entry form's label: empty is none; anything else is looked up in the
/// newsroom's list, by key or name, before the entry is kept.
pub fn parse_label(errors: &mut FieldErrors, value: &str) -> Option<Label> {
    optional_text(
        errors,
        "label",
        "The label",
        value,
        MAX_LABEL_NAME_CHARS.max(MAX_LABEL_KEY_CHARS),
    )
    .map(|value| Label::keyed(&value))
}

/// A label's form as editors fill it in: its key, and a name per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LabelInput {
    pub key: String,
    /// The names as typed, by language tag.
    pub names: BTreeMap<String, String>,
}

impl LabelInput {
    pub fn of(label: &Label) -> LabelInput {
        LabelInput {
            key: label.key.clone(),
            names: label.names.clone(),
        }
    }

    /// The name typed for `language`.
    pub fn name(&self, language: &str) -> &str {
        self.names.get(language).map_or("", String::as_str)
    }

    /// Checks the form: a key of lower-case letters, digits and hyphens, a name in
    /// English, and in each other language at most one line.
    pub fn parse(&self) -> Result<Label, FieldErrors> {
        let mut errors = FieldErrors::default();
        let key = Label::well_formed_key(&self.key);
        if key.is_none() {
            errors.add(
                "key",
                format!(
                    "Give the label a key of lower-case letters, digits and hyphens, at most {MAX_LABEL_KEY_CHARS}, such as kursk-offensive."
                ),
            );
        }
        let mut names = BTreeMap::new();
        for (n, language) in LABEL_LANGUAGES.into_iter().enumerate() {
            let typed = self.name(language);
            let field = NAME_FIELDS[n];
            match optional_text(&mut errors, field, "The name", typed, MAX_LABEL_NAME_CHARS) {
                Some(name) => {
                    names.insert(language.to_owned(), name);
                }
                None if n == 0 && errors.get(field).is_none() => {
                    errors.add(
                        field,
                        "Give the label its name in English, shown where it has no other.",
                    );
                }
                None => {}
            }
        }
        let key = key.unwrap_or_default();
        errors.into_result(Label { key, names })
    }
}

/// The form's field for each of [`LABEL_LANGUAGES`], in the same order.
pub const NAME_FIELDS: [&str; 7] = [
    "name_en",
    "name_es",
    "name_fr",
    "name_de",
    "name_ar",
    "name_hi",
    "name_zh-Hans",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn named(key: &str, names: &[(&str, &str)]) -> Label {
        Label {
            key: key.into(),
            names: names
                .iter()
                .map(|(l, n)| ((*l).into(), (*n).into()))
                .collect(),
        }
    }

    #[test]
    fn a_label_is_named_in_the_page_s_language_or_english() {
        let label = named(
            "kursk",
            &[("en", "Kursk"), ("fr", "Koursk"), ("zh-Hans", "库尔斯克")],
        );
        assert_eq!(label.name_in("fr-CA"), Some("Koursk"));
        assert_eq!(label.name_in("zh-Hans-CN"), Some("库尔斯克"));
        assert_eq!(label.name_in("de"), Some("Kursk"));
        assert_eq!(Label::keyed("watch").name_in("en"), None);
        assert!(label.is_named(" KOURSK ") && label.is_named("kursk") && !label.is_named("Kur"));
    }

    #[test]
    fn a_label_kept_by_its_key_alone_is_read_back() {
        let old: Label = serde_json::from_str("\"fact-check\"").unwrap();
        assert_eq!(old, Label::keyed("fact-check"));
        let label = named("kursk", &[("en", "Kursk")]);
        let kept = serde_json::to_string(&label).unwrap();
        assert_eq!(serde_json::from_str::<Label>(&kept).unwrap(), label);
    }

    #[test]
    fn a_label_needs_a_key_and_an_english_name() {
        let mut input = LabelInput {
            key: " Kursk-2 ".into(),
            ..LabelInput::default()
        };
        input.names.insert("en".into(), "Kursk".into());
        input.names.insert("fr".into(), " ".into());
        let label = input.parse().unwrap();
        assert_eq!(label.key, "kursk-2");
        assert_eq!(label.names.len(), 1, "a blank name is none");
        for (key, english, field) in [
            ("kursk offensive", "Kursk", "key"),
            ("kursk", "", "name_en"),
            ("", "K", "key"),
        ] {
            let mut input = LabelInput {
                key: key.into(),
                ..LabelInput::default()
            };
            input.names.insert("en".into(), english.into());
            assert!(
                input.parse().unwrap_err().get(field).is_some(),
                "{key:?} {english:?}"
            );
        }
    }
}
