//! A post from another platform that an entry carries, with what the editor copied of
//! it: who posted it and what it said. The entry keeps saying what the post said when
//! the platform is out of reach or the post is taken down.

use serde::{Deserialize, Serialize};

use super::embeds::{self, Embed, PROVIDERS};
use super::errors::{FieldErrors, optional_lines, optional_text};

/// The most characters of a post's address.
pub const MAX_POST_URL_CHARS: usize = 2_000;
/// The most characters of who posted it.
pub const MAX_POST_AUTHOR_CHARS: usize = 200;
/// The most characters of the post's words as copied.
pub const MAX_POST_TEXT_CHARS: usize = 3_000;

/// The post an entry names in its own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPost {
    /// The post's address, as the platform gives it.
    pub url: String,
    /// Who posted it, as "Met Office (@metoffice)".
    pub author: Option<String>,
    /// What it said, as copied from it.
    pub text: Option<String>,
}

impl SharedPost {
    /// The platform and frame of the post; a post read back from the store whose
    /// platform is no longer in the table is none.
    pub fn embed(&self) -> Option<Embed> {
        embeds::embed_for(&self.url)
    }

    /// Whether `embed` is this post.
    pub fn is(&self, embed: &Embed) -> bool {
        self.embed().is_some_and(|own| own.url == embed.url)
    }
}

/// Reads the post fields of a form: the address, who posted it and what it said. Empty
/// means no post; words without an address, or an address of no platform we show, are
/// the `post_url` field's problem.
pub fn parse_shared_post(
    errors: &mut FieldErrors,
    url: &str,
    author: &str,
    text: &str,
) -> Option<SharedPost> {
    let url = optional_text(
        errors,
        "post_url",
        "The post's address",
        url,
        MAX_POST_URL_CHARS,
    );
    let author = optional_text(
        errors,
        "post_author",
        "Who posted it",
        author,
        MAX_POST_AUTHOR_CHARS,
    );
    let text = optional_lines(
        errors,
        "post_text",
        "The post's text",
        &text.replace("\r\n", "\n"),
        MAX_POST_TEXT_CHARS,
    );
    let Some(url) = url else {
        if author.is_some() || text.is_some() {
            errors.add(
                "post_url",
                "Give the post's address for its author and text.",
            );
        }
        return None;
    };
    if embeds::embed_for(&url).is_none() {
        let names: Vec<&str> = PROVIDERS.iter().map(|p| p.name).collect();
        errors.add(
            "post_url",
            format!(
                "That is not the address of a post on a platform we show ({}). Put other links in the text.",
                names.join(", ")
            ),
        );
        return None;
    }
    Some(SharedPost { url, author, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str, author: &str, text: &str) -> Result<Option<SharedPost>, FieldErrors> {
        let mut errors = FieldErrors::default();
        let post = parse_shared_post(&mut errors, url, author, text);
        errors.into_result(post)
    }

    #[test]
    fn a_post_with_its_author_and_words() {
        let post = parsed(
            " https://x.com/metoffice/status/1600000000000000000 ",
            "Met Office (@metoffice)",
            "Amber warning extended.\r\nStay safe.",
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            post.url,
            "https://x.com/metoffice/status/1600000000000000000"
        );
        assert_eq!(
            post.text.as_deref(),
            Some("Amber warning extended.\nStay safe.")
        );
        assert_eq!(post.embed().unwrap().provider.key, "x");
        assert_eq!(parsed("", "", "").unwrap(), None);
    }

    #[test]
    fn words_need_an_address_of_a_platform_we_show() {
        let errors = parsed("", "Met Office", "").unwrap_err();
        assert!(errors.get("post_url").unwrap().contains("address"));
        let errors = parsed("https://example.org/news/1", "", "").unwrap_err();
        let message = errors.get("post_url").unwrap();
        assert!(
            message.contains("YouTube") && message.contains("Mastodon"),
            "{message}"
        );
        let long = "x".repeat(MAX_POST_TEXT_CHARS + 1);
        let errors = parsed("https://youtu.be/dQw4w9WgXcQ", "", &long).unwrap_err();
        assert!(errors.get("post_text").is_some());
    }
}
