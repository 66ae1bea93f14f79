//! A live page ("blog"): its title, address, summary of key points and time zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::errors::{FieldErrors, optional_lines, required_text};
use super::language::{DEFAULT_LANGUAGE, direction, parse_language};

/// The most characters of a live page's title.
pub const MAX_BLOG_TITLE_CHARS: usize = 200;
/// The most characters of a live page's description.
pub const MAX_DESCRIPTION_CHARS: usize = 1_000;
/// The most characters of a slug.
pub const MAX_SLUG_CHARS: usize = 80;
/// The most sites one live page may name to embed it.
pub const MAX_EMBED_ORIGINS: usize = 20;
/// The most key points in a summary box, and the most characters in one.
pub const MAX_SUMMARY_POINTS: usize = 10;
pub const MAX_SUMMARY_POINT_CHARS: usize = 300;

/// A live page's number, unique across the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BlogId(pub i64);

/// The part of a live page's address after `/live/`: lowercase letters, digits and
/// single hyphens, as in `storm-corran`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(value: &str) -> Result<Slug, String> {
        let value = value.trim();
        let well_formed = !value.is_empty()
            && value.len() <= MAX_SLUG_CHARS
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-')
            && !value.contains("--");
        if well_formed {
            Ok(Slug(value.to_owned()))
        } else {
            Err(format!(
                "Use 1 to {MAX_SLUG_CHARS} lowercase letters, digits and single hyphens, as in storm-live."
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Sites given as origins (`https://news.example`, `http://localhost:8080`), separated
/// by spaces or on lines of their own: the rule for the sites that may embed live
/// pages, every page's and one page's alike. Each is a scheme, a host and an optional
/// port, nothing else: `*` may stand for the whole leftmost part of the name when at
/// least two parts follow (`https://*.news.example`, never `https://*` or
/// `https://*.example`), or for the port.
pub fn parse_origins(value: &str) -> Result<Vec<String>, String> {
    let origins: Vec<String> = value.split_whitespace().map(str::to_owned).collect();
    for origin in &origins {
        check_origin(origin)?;
    }
    if origins.len() > MAX_EMBED_ORIGINS {
        return Err(format!(
            "{} sites; the most is {MAX_EMBED_ORIGINS}.",
            origins.len()
        ));
    }
    Ok(origins)
}

fn check_origin(origin: &str) -> Result<(), String> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(|| format!("{origin} must start with https:// or http://."))?;
    let not_an_origin =
        || format!("{origin} is not a site's origin, such as https://news.example (no path).");
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    if let Some(port) = port {
        let digits =
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
        if port != "*" && !(digits && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p))) {
            return Err(not_an_origin());
        }
    }
    let labels: Vec<&str> = host.split('.').collect();
    let plain = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    match labels.split_first() {
        Some((&"*", after)) if after.len() >= 2 && after.iter().all(|l| plain(l)) => Ok(()),
        Some((&"*", _)) => Err(format!(
            "{origin}: * may stand only for the first part of a name with two or more after it, as in https://*.news.example."
        )),
        _ if host.len() <= 253 && labels.iter().all(|l| plain(l)) => Ok(()),
        _ => Err(not_an_origin()),
    }
}

/// Whether a live page is still being updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlogStatus {
    Live,
    Closed,
}

/// A live page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blog {
    pub id: BlogId,
    pub slug: Slug,
    pub title: String,
    pub description: String,
    /// The summary box: a few key points, in order.
    pub summary: Vec<String>,
    /// Every time on the page is shown in this zone.
    pub time_zone: Tz,
    pub status: BlogStatus,
    pub created_at: DateTime<Utc>,
    /// Oldest entry first, for a Q&A or a timeline; newest first otherwise.
    pub oldest_first: bool,
    /// The sites that may show this page inside their own, besides those every page
    /// allows (`--frame-ancestors`).
    #[serde(default)]
    pub embed_origins: Vec<String>,
    /// The language it is written in, a BCP 47 tag such as `en-GB` or `ar`.
    #[serde(default = "default_language")]
    pub language: String,
    /// What the page asks its readers to send, while it asks.
    #[serde(default)]
    pub callout: Option<super::Callout>,
}

fn default_language() -> String {
    DEFAULT_LANGUAGE.to_owned()
}

impl Blog {
    pub fn is_live(&self) -> bool {
        self.status == BlogStatus::Live
    }

    /// The page's settings as the settings form would hold them, to change them again.
    pub fn to_input(&self) -> BlogInput {
        BlogInput {
            title: self.title.clone(),
            slug: self.slug.to_string(),
            description: self.description.clone(),
            summary: self.summary.join("\n"),
            time_zone: self.time_zone.name().to_owned(),
            reading_order: self.reading_order().to_owned(),
            embed_origins: self.embed_origins.join("\n"),
            language: self.language.clone(),
        }
    }

    /// `ltr` or `rtl`, as the page's language is written.
    pub fn direction(&self) -> &'static str {
        direction(&self.language)
    }

    /// `newest` or `oldest` (first), as forms and the API say it.
    pub fn reading_order(&self) -> &'static str {
        if self.oldest_first {
            "oldest"
        } else {
            "newest"
        }
    }
}

/// A live page's settings as typed into the form, kept as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BlogInput {
    pub title: String,
    pub slug: String,
    pub description: String,
    /// One key point a line.
    pub summary: String,
    pub time_zone: String,
    /// `newest` (the default) or `oldest` first.
    pub reading_order: String,
    /// The sites that may embed the page: origins, one a line.
    pub embed_origins: String,
    /// A BCP 47 tag; English (`en-GB`) when left empty.
    pub language: String,
}

/// A live page's settings after checking.
#[derive(Debug, Clone, PartialEq)]
pub struct BlogSettings {
    pub title: String,
    pub slug: Slug,
    pub description: String,
    pub summary: Vec<String>,
    pub time_zone: Tz,
    pub oldest_first: bool,
    pub embed_origins: Vec<String>,
    pub language: String,
}

impl BlogSettings {
    pub fn parse(input: &BlogInput) -> Result<BlogSettings, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = required_text(
            &mut errors,
            "title",
            "A title",
            &input.title,
            MAX_BLOG_TITLE_CHARS,
        );
        let slug = Slug::parse(&input.slug)
            .map_err(|m| errors.add("slug", m))
            .ok();
        let description = optional_lines(
            &mut errors,
            "description",
            "The description",
            &input.description,
            MAX_DESCRIPTION_CHARS,
        )
        .unwrap_or_default();

        let summary: Vec<String> = input
            .summary
            .lines()
            .map(|line| {
                line.trim()
                    .trim_start_matches(['-', '*', '•'])
                    .trim()
                    .to_owned()
            })
            .filter(|line| !line.is_empty())
            .collect();
        if summary.len() > MAX_SUMMARY_POINTS {
            errors.add(
                "summary",
                format!(
                    "{} key points; the limit is {MAX_SUMMARY_POINTS}.",
                    summary.len()
                ),
            );
        }
        if let Some(long) = summary
            .iter()
            .find(|p| p.chars().count() > MAX_SUMMARY_POINT_CHARS)
        {
            let start: String = long.chars().take(30).collect();
            errors.add(
                "summary",
                format!("The point starting \"{start}\" is longer than {MAX_SUMMARY_POINT_CHARS} characters."),
            );
        }

        if summary.iter().any(|p| p.chars().any(char::is_control)) {
            errors.add(
                "summary",
                "A key point holds a tab or another control character; take it out.",
            );
        }

        let time_zone = match input.time_zone.trim() {
            "" => Some(Tz::UTC),
            name => super::zone::zone_named(name).or_else(|| {
                errors.add(
                    "time_zone",
                    format!("\"{name}\" is not a time zone; use a name such as Europe/London or America/New_York, or a city's name."),
                );
                None
            }),
        };

        let oldest_first = match input.reading_order.trim() {
            "" | "newest" => false,
            "oldest" => true,
            _ => {
                errors.add("reading_order", "Choose newest first or oldest first.");
                false
            }
        };

        let embed_origins = parse_origins(&input.embed_origins)
            .map_err(|why| errors.add("embed_origins", why))
            .unwrap_or_default();
        let language = parse_language(&input.language)
            .map_err(|why| errors.add("language", why))
            .unwrap_or_default();

        match (slug, time_zone) {
            (Some(slug), Some(time_zone)) => errors.into_result(BlogSettings {
                title,
                slug,
                description,
                summary,
                time_zone,
                oldest_first,
                embed_origins,
                language,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BlogInput {
        BlogInput {
            title: "Storm live".into(),
            slug: "storm-live".into(),
            description: String::new(),
            summary: "- First point\n\n• Second point\n".into(),
            time_zone: "Europe/London".into(),
            reading_order: String::new(),
            embed_origins: String::new(),
            language: String::new(),
        }
    }

    #[test]
    fn the_sites_that_may_embed_a_page_are_origins() {
        let mut named = input();
        named.embed_origins =
            "https://news.example\n  http://127.0.0.1:8080 https://*.news.example http://localhost:*"
                .into();
        let settings = BlogSettings::parse(&named).unwrap();
        assert_eq!(
            settings.embed_origins,
            vec![
                "https://news.example",
                "http://127.0.0.1:8080",
                "https://*.news.example",
                "http://localhost:*"
            ]
        );
        for bad in [
            "news.example",
            "https://news.example/path",
            "javascript:alert(1)",
            "https://a;b",
            "https://*",
            "http://*:*",
            "https://*.*",
            "https://*.example",
            "https://news.*.example",
            "https://ok.example;",
            "'unsafe-inline'",
            "https://news.example:99999",
            "https://news.example:",
            "https://news..example",
            "https://news.example/",
        ] {
            named.embed_origins = bad.into();
            let errors = BlogSettings::parse(&named).unwrap_err();
            assert!(errors.iter().any(|e| e.field == "embed_origins"), "{bad}");
        }
    }

    #[test]
    fn a_good_page_parses_with_its_summary_points() {
        let draft = BlogSettings::parse(&input()).unwrap();
        assert_eq!(draft.summary, vec!["First point", "Second point"]);
        assert_eq!(draft.time_zone, chrono_tz::Europe::London);
    }

    #[test]
    fn slugs_are_plain() {
        for good in ["a", "storm-2026", "x1-y2"] {
            assert!(Slug::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "Storm",
            "a b",
            "-a",
            "a-",
            "a--b",
            "../etc",
            "é",
            &"a".repeat(81),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_reading_order_is_newest_or_oldest_first() {
        assert!(!BlogSettings::parse(&input()).unwrap().oldest_first);
        let mut i = input();
        i.reading_order = "oldest".into();
        assert!(BlogSettings::parse(&i).unwrap().oldest_first);
        i.reading_order = "sideways".into();
        assert!(
            BlogSettings::parse(&i)
                .unwrap_err()
                .get("reading_order")
                .is_some()
        );
    }

    #[test]
    fn an_unknown_time_zone_is_named() {
        let mut i = input();
        i.time_zone = "Mars/Olympus_Mons".into();
        let errors = BlogSettings::parse(&i).unwrap_err();
        assert!(
            errors
                .get("time_zone")
                .unwrap()
                .contains("Mars/Olympus_Mons")
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let i = BlogInput {
            title: String::new(),
            slug: "Bad Slug".into(),
            time_zone: "Nowhere".into(),
            ..BlogInput::default()
        };
        let errors = BlogSettings::parse(&i).unwrap_err();
        for field in ["title", "slug", "time_zone"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
