//! What the API's description says a request body may hold. Limits come from the
//! domain's constants, choices from its own lists (labels, time zones), and each
//! pattern says what one of its checks refuses, so that a client that keeps to the
//! description is never refused for the shape of what it sends. Where a check cannot
//! be written as a pattern (how deep Markdown nests), the description says it in words.
//!
//! The patterns are JSON Schema's (ECMA-262) and kept to what every engine reads alike;
//! the tests below hold each to the domain check it describes.

use serde_json::{Value, json};
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{RefOr, schema::AdditionalProperties};

/// Control characters (Unicode's `Cc`), which no one-line text may hold.
const CONTROL: &str = r"\u0000-\u001F\u007F-\u009F";
/// Control characters but the tab and the line breaks, which no longer text may hold.
const CONTROL_BUT_BREAKS: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";

/// One line: no line break, tab or other control character.
pub(super) fn one_line() -> String {
    format!("^[^{CONTROL}]*$")
}

/// A tag: one line without a comma (Latin, Chinese, Japanese or Arabic), which would
/// make two tags of it.
pub(super) fn tag() -> String {
    format!("^[^,，、،{CONTROL}]*$")
}

/// One line with something in it besides spaces.
pub(super) fn filled_line() -> String {
    format!(r"^[^{CONTROL}]*[^\s{CONTROL}][^{CONTROL}]*$")
}

/// Any lines with something in them besides spaces. U+0085 is named because the
/// server trims it as a space and JavaScript's `\s` does not count it as one.
pub(super) const FILLED_TEXT: &str = r"[^\s\u0085]";

/// Lines: no control character but the tab and line breaks.
pub(super) fn lines() -> String {
    format!("^[^{CONTROL_BUT_BREAKS}]*$")
}

/// A live page's address: lowercase letters and digits, words joined by single hyphens.
pub(super) const SLUG: &str = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

/// A site's origin: `http://` or `https://`, a host whose `*` may stand only for its whole
/// leftmost label with at least two labels after it, and an optional port (or `*`).
pub(super) const ORIGIN: &str = concat!(
    r"^https?://",
    r"(?:\*(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){2,}",
    r"|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)",
    r"(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]|\*))?$",
);

/// A BCP 47 language tag without extensions (`en-GB`, `zh-Hans`, `sr-Latn-RS`), its
/// language of two or three letters as ICU4X reads it, or blank for the default; spaces
/// around it are trimmed.
pub(super) const LANGUAGE: &str = concat!(
    r"^\s*(?:[A-Za-z]{2,3}",
    r"(?:-[A-Za-z]{4})?",
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?",
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*\s*)?$",
);

/// An image's address: `https://` or `http://` and a host, or a path on this server
/// (`/static/…`, not `//…`), with no space, quote, angle bracket, backslash or control
/// character; or blank for no image. Spaces around it are trimmed.
pub(super) fn image_url() -> String {
    let not = format!(r#"\s{CONTROL}"<>\\"#);
    format!(r"^\s*(?:(?:https?://[^/{not}][^{not}]*|/(?:[^/{not}][^{not}]*)?)\s*)?$")
}

/// A file uploaded here: `/media/`, a SHA-256, and the name's rest.
pub(super) fn media_path() -> String {
    r"^\s*(?:/media/[0-9a-f]{64}(?:_[0-9]+x[0-9]+)?\.[a-z0-9]+\s*)?$".to_owned()
}

/// A string property that matches `pattern`.
pub(super) fn matching(pattern: impl Into<String>, example: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .examples([example])
}

/// A string property of at most `max` characters that matches `pattern`.
pub(super) fn text(pattern: impl Into<String>, max: usize, example: &str) -> ObjectBuilder {
    matching(pattern, example).max_length(Some(max))
}

/// A string property that must hold one of `choices`.
pub(super) fn choice<'a>(
    choices: impl IntoIterator<Item = &'a str>,
    example: &str,
) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(choices))
        .examples([example])
}

/// A `true` or `false` property.
pub(super) fn flag(example: bool) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Boolean)
        .examples([example])
}

/// A whole number from `min` to `max`; as in JSON, `3.0` is the number `3`.
pub(super) fn integer(min: u32, max: u32, example: u32) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(min))
        .maximum(Some(max))
        .examples([example])
}

/// A list of at most `max` items.
pub(super) fn list(item: ObjectBuilder, max: usize) -> ArrayBuilder {
    ArrayBuilder::new().items(item).max_items(Some(max))
}

/// A file sent as a part of a multipart form.
pub(super) fn file() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
}

/// A request body: an object of `fields` and nothing else. The `required` ones must be
/// there and not null; any other may be left out or sent as null, which the server
/// takes alike. `needs` names, for a field, those that must come with it, filled in.
pub(super) fn body(
    description: &str,
    fields: Vec<(&'static str, Schema)>,
    required: &[&str],
    needs: &[(&str, &[&str])],
) -> RefOr<Schema> {
    let mut object = ObjectBuilder::new()
        .description(Some(description))
        .additional_properties(Some(AdditionalProperties::FreeForm(false)));
    for (name, schema) in fields {
        if required.contains(&name) {
            object = object.property(name, schema).required(name);
        } else {
            object = object.property(name, or_null(schema));
        }
    }
    if !needs.is_empty() {
        // JSON Schema's `if` and `then` (OpenAPI 3.1 speaks JSON Schema 2020-12), which
        // utoipa has no field for. A field counts as given when it holds more than
        // spaces, as the server counts it; null or blank is none.
        let filled = json!({"type": "string", "pattern": FILLED_TEXT});
        let given = |names: &[&str]| {
            let properties: serde_json::Map<String, Value> = names
                .iter()
                .map(|name| ((*name).to_owned(), filled.clone()))
                .collect();
            json!({"required": names, "properties": properties})
        };
        let rules: Vec<Value> = needs
            .iter()
            .map(|(field, needed)| json!({"if": given(&[field]), "then": given(needed)}))
            .collect();
        object = object.extensions(Some(Extensions::from_iter([("allOf", rules)])));
    }
    RefOr::T(Schema::Object(object.build()))
}

/// `schema`, or null.
fn or_null(schema: Schema) -> Schema {
    let with_null = |kind: SchemaType| match kind {
        SchemaType::Type(kind) => [kind, Type::Null].into_iter().collect(),
        other => other,
    };
    match schema {
        Schema::Object(mut object) => {
            object.schema_type = with_null(object.schema_type);
            if let Some(choices) = object.enum_values.as_mut() {
                choices.push(Value::Null);
            }
            Schema::Object(object)
        }
        Schema::Array(mut array) => {
            array.schema_type = with_null(array.schema_type);
            Schema::Array(array)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;
    use crate::domain::{Slug, is_safe_image_url, parse_language, parse_origins};

    fn matches(pattern: &str, value: &str) -> bool {
        Regex::new(pattern).expect("a pattern").is_match(value)
    }

    #[test]
    fn a_slug_the_pattern_takes_is_a_slug() {
        for value in [
            "a",
            "storm-2026",
            "x1-y2",
            "",
            "Storm",
            "a b",
            "-a",
            "a-",
            "a--b",
            "é",
        ] {
            if matches(SLUG, value) {
                assert!(Slug::parse(value).is_ok(), "{value}");
            }
        }
        assert!(matches(SLUG, "storm-2026") && !matches(SLUG, "a--b"));
    }

    #[test]
    fn an_origin_the_pattern_takes_is_an_origin() {
        let taken = [
            "https://news.example",
            "http://localhost:8080",
            "http://127.0.0.1:8080",
            "https://*.news.example",
            "https://news.example:*",
            "http://localhost:65535",
        ];
        let refused = [
            "http://localhost:65536",
            "http://localhost:0",
            "https://news.example:99999",
            "https://*",
            "https://*.*",
            "https://*.example",
            "https://news.*.example",
            "news.example",
            "https://news.example/path",
            "https://news.example:80:80",
            "https://a;b",
            "javascript:alert(1)",
            "",
        ];
        for origin in taken {
            assert!(matches(ORIGIN, origin), "{origin}");
            assert!(parse_origins(origin).is_ok(), "{origin}");
        }
        for origin in refused {
            assert!(!matches(ORIGIN, origin), "{origin}");
        }
    }

    #[test]
    fn a_language_the_pattern_takes_is_a_language() {
        let tags = [
            "en-GB",
            "ar",
            "zh-Hans",
            "sr-Latn-RS",
            "es-419",
            "de-CH-1996",
            "sl-rozaj",
            " en-gb ",
            "",
            "english",
            "en_GB!",
            "<script>",
            "e",
            "en-u-ca-buddhist",
        ];
        for tag in tags {
            if matches(LANGUAGE, tag) {
                assert!(parse_language(tag).is_ok(), "{tag}");
            }
        }
        assert!(matches(LANGUAGE, "sr-Latn-RS") && !matches(LANGUAGE, "english"));
    }

    #[test]
    fn an_image_address_the_pattern_takes_is_safe() {
        let addresses = [
            "https://example.org/a.png",
            "http://example.org",
            "/static/a.png",
            "/",
            "//evil.example/a.png",
            "https:///a.png",
            "javascript:alert(1)",
            "https://example.org/a b.png",
            "https://example.org/\"onerror=",
            "https://example.org/a\\b",
        ];
        for address in addresses {
            if matches(&image_url(), address) && !address.trim().is_empty() {
                assert!(is_safe_image_url(address.trim()), "{address}");
            }
        }
        assert!(matches(&image_url(), "/static/a.png"));
        assert!(!matches(&image_url(), "//evil.example/a.png"));
    }

    #[test]
    fn lines_and_blanks_are_told_apart() {
        assert!(matches(&one_line(), "A headline") && !matches(&one_line(), "two\nlines"));
        assert!(matches(&filled_line(), " x ") && !matches(&filled_line(), "  "));
        assert!(!matches(&filled_line(), "bell\u{7}"));
        assert!(matches(FILLED_TEXT, "\n x\n") && !matches(FILLED_TEXT, " \n\u{85}"));
        assert!(matches(&lines(), "two\nlines\tand a tab") && !matches(&lines(), "a\u{0}b"));
    }
}
