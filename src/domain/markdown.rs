//! Entry bodies: Markdown in, HTML that is safe to put in front of a reader out.
//!
//! The editor writes CommonMark with GitHub's extensions. A quote that starts with
//! `[!NOTE]` becomes a "For context" note. Whatever the HTML from the Markdown, it goes
//! through an allow-list (ammonia) last, so no script, event handler or `javascript:`
//! address an editor types can reach a reader.
//!
//! A post from another platform whose address stands alone on a line of its own, at
//! the top of the text (not inside a list or a quote), comes out as a [`Block::Post`]
//! in its place, for the page to show as a card (see `domain::embeds`).

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::embeds::{Embed, embed_for};
use super::entry::{Image, MAX_IMAGE_URL_CHARS, is_safe_image_url};

/// The allow-list every rendered body passes through.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["aside"])
        // Images belong in the entry's image fields, with alt text and credit.
        .rm_tags(["img"])
        .add_allowed_classes("aside", ["context"])
        .add_allowed_classes("strong", ["context-label"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"));
    builder
});

/// The deepest quotes, lists, emphasis and the like may nest in an entry. Real
/// entries stay under ten; the sanitiser's cost grows with the square of the depth, so
/// a text nested thousands deep would take seconds of CPU to render.
pub const MAX_NESTING: usize = 32;

const OPTIONS: Options = Options::ENABLE_GFM
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TABLES)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// Whether the text nests deeper than `limit`. Reading stops at the first step beyond,
/// so it costs no more than parsing the text once, which is fast whatever it holds.
pub fn nests_deeper_than(markdown: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// An entry body as plain text, for what reads no HTML (a search engine's
/// `articleBody`, a page's description): its words, paragraphs apart, no markup.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow,
            ) => text.push_str("\n\n"),
            _ => {}
        }
    }
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// A part of an entry body: sanitised HTML, a post from another platform, or a
/// picture standing on a line of its own (`![alt text](address "caption")`).
#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    Html(String),
    Post(Embed),
    Picture(Image),
}

/// Renders an entry body to sanitised HTML, with English words; a post from another
/// platform stays the link it is.
pub fn render(markdown: &str) -> String {
    render_with(markdown, "For context")
}

/// Renders an entry body to sanitised HTML; a `[!NOTE]` quote becomes a note headed
/// `context_label` (the page's words for "For context"). A post from another
/// platform stays the link it is.
pub fn render_with(markdown: &str, context_label: &str) -> String {
    sanitised(Parser::new_ext(markdown, OPTIONS), context_label)
}

/// Renders an entry body into its blocks: sanitised HTML, with each post from another
/// platform on a line of its own taken out as a [`Block::Post`] in its place.
pub fn render_blocks(markdown: &str, context_label: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text: Vec<Event> = Vec::new();
    let mut paragraph: Option<Vec<Event>> = None;
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, OPTIONS) {
        match &event {
            Event::Start(Tag::Paragraph) if depth == 0 => {
                paragraph = Some(Vec::new());
            }
            Event::End(TagEnd::Paragraph) if depth == 1 => {
                if let Some(mut inside) = paragraph.take() {
                    let standing = lone_post(&inside)
                        .map(Block::Post)
                        .or_else(|| lone_picture(&inside).map(Block::Picture));
                    match standing {
                        Some(block) => {
                            if !text.is_empty() {
                                blocks.push(Block::Html(sanitised(text.drain(..), context_label)));
                            }
                            blocks.push(block);
                        }
                        None => {
                            text.push(Event::Start(Tag::Paragraph));
                            text.append(&mut inside);
                            text.push(event.clone());
                        }
                    }
                }
            }
            _ => match paragraph.as_mut() {
                Some(inside) => inside.push(event.clone()),
                None => text.push(event.clone()),
            },
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if !text.is_empty() {
        blocks.push(Block::Html(sanitised(text.into_iter(), context_label)));
    }
    blocks
}

/// The post a paragraph holds, if it holds nothing else: its address as plain text,
/// as `<address>`, or as a link whose words are its address.
fn lone_post(inside: &[Event]) -> Option<Embed> {
    let address = match inside {
        [
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }),
            words @ ..,
            Event::End(TagEnd::Link),
        ] => {
            let words = text_only(words)?;
            let autolink = matches!(link_type, LinkType::Autolink);
            (autolink || words.trim() == dest_url.as_ref()).then(|| dest_url.to_string())?
        }
        text => text_only(text)?,
    };
    embed_for(&address)
}

/// The picture a paragraph holds, if it holds nothing else and is one a reader may be
/// shown: an address on the web or this server, and words for who cannot see it.
fn lone_picture(inside: &[Event]) -> Option<Image> {
    let [
        Event::Start(Tag::Image {
            dest_url, title, ..
        }),
        alt @ ..,
        Event::End(TagEnd::Image),
    ] = inside
    else {
        return None;
    };
    let alt = text_only(alt)?.trim().to_owned();
    let url = dest_url.trim();
    if alt.is_empty() || url.chars().count() > MAX_IMAGE_URL_CHARS || !is_safe_image_url(url) {
        return None;
    }
    let caption = title.trim();
    Some(Image {
        url: url.to_owned(),
        alt,
        caption: (!caption.is_empty()).then(|| caption.to_owned()),
        credit: None,
    })
}

/// The text of `events` if they are text only.
fn text_only(events: &[Event]) -> Option<String> {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(part) => text.push_str(part),
            _ => return None,
        }
    }
    Some(text)
}

/// `events` as HTML, through the allow-list.
fn sanitised<'a>(events: impl Iterator<Item = Event<'a>>, context_label: &str) -> String {
    let opening = format!(
        "<aside class=\"context\"><strong class=\"context-label\">{}</strong>",
        ammonia::clean_text(context_label)
    );
    let events = events.map(|event| match event {
        Event::Start(Tag::BlockQuote(Some(BlockQuoteKind::Note))) => {
            Event::Html(CowStr::from(opening.clone()))
        }
        Event::End(TagEnd::BlockQuote(Some(BlockQuoteKind::Note))) => {
            Event::Html(CowStr::Borrowed("</aside>"))
        }
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    SANITISER.clean(&html).to_string()
}

#[cfg(test)]
mod inert;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::inert::script_capable;
    use super::render;

    #[test]
    fn nesting_is_counted_without_rendering() {
        use super::{MAX_NESTING, nests_deeper_than};
        assert!(!nests_deeper_than(
            "> - a quote\n>   - with a list",
            MAX_NESTING
        ));
        let deep = ">- ".repeat(6666);
        let started = std::time::Instant::now();
        assert!(nests_deeper_than(&deep, MAX_NESTING));
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        assert!(nests_deeper_than(
            &"> ".repeat(MAX_NESTING + 1),
            MAX_NESTING
        ));
        assert!(!nests_deeper_than(
            &format!("{}x", "> ".repeat(MAX_NESTING - 1)),
            MAX_NESTING
        ));
    }

    #[test]
    fn paragraphs_quotes_and_lists_render() {
        let html = render("Water is rising.\n\n> \"Stay inside,\" she said.\n\n- one\n- two\n");
        assert!(html.contains("<p>Water is rising.</p>"));
        assert!(html.contains("<blockquote>"));
        assert!(html.contains("<li>one</li>"));
    }

    #[test]
    fn a_note_quote_becomes_for_context() {
        let html = render("> [!NOTE]\n> The bridge was built in 1904.");
        assert!(html.contains("<aside class=\"context\">"), "{html}");
        assert!(html.contains("For context"));
        assert!(html.contains("built in 1904"));
        assert!(!html.contains("[!NOTE]"));
    }

    #[test]
    fn scripts_and_handlers_are_inert() {
        let cases = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://example.org\"></iframe>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<aside class=\"context\" onclick=\"alert(1)\">x</aside>",
            "<scr<script>ipt>alert(1)</script>",
        ];
        for case in cases {
            assert_eq!(script_capable(&render(case)), None, "{case:?}");
            let html = render(case).to_ascii_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "onclick",
                "javascript:",
                "<iframe",
                "<svg",
                "style=",
                "data:",
            ] {
                assert!(!html.contains(bad), "{case:?} gave {html:?}");
            }
        }
    }

    /// What each block of a body is: "html" or the post's platform.
    fn kinds(markdown: &str) -> Vec<String> {
        super::render_blocks(markdown, "For context")
            .into_iter()
            .map(|block| match block {
                super::Block::Html(_) => "html".to_owned(),
                super::Block::Post(post) => post.provider.key.to_owned(),
                super::Block::Picture(_) => "picture".to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_post_on_a_line_of_its_own_is_taken_out_in_its_place() {
        let video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        assert_eq!(kinds(video), ["youtube"]);
        assert_eq!(kinds(&format!("<{video}>")), ["youtube"]);
        assert_eq!(kinds(&format!("[{video}]({video})")), ["youtube"]);
        assert_eq!(
            kinds(&format!(
                "Before.\n\n{video}\n\nhttps://x.com/desk/status/1\n\nAfter."
            )),
            ["html", "youtube", "x", "html"]
        );
        let blocks = super::render_blocks(&format!("> [!NOTE]\n> Old.\n\n{video}"), "Context");
        let super::Block::Html(note) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(note.contains("<aside class=\"context\">") && note.ends_with("</aside>"));
    }

    #[test]
    fn a_picture_on_a_line_of_its_own_stands_in_the_text() {
        let blocks = super::render_blocks(
            "Before.\n\n![The quay under water](/media/quay.jpg \"At 08:10\")\n\nAfter.",
            "Context",
        );
        let super::Block::Picture(picture) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (picture.alt.as_str(), picture.caption.as_deref()),
            ("The quay under water", Some("At 08:10"))
        );
        for text in [
            "![](/media/quay.jpg)",
            "![x](javascript:alert(1))",
            "![x](data:image/png;base64,AAAA)",
            "Look: ![x](/media/quay.jpg)",
        ] {
            assert!(
                super::render_blocks(text, "Context")
                    .iter()
                    .all(|b| matches!(b, super::Block::Html(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_post_among_words_stays_a_link() {
        let video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        for text in [
            format!("Watch {video} now."),
            format!("[Watch it]({video})"),
            format!("- {video}"),
            format!("> {video}"),
            format!("{video}\nand more"),
            "https://example.org/watch?v=dQw4w9WgXcQ".to_owned(),
        ] {
            assert_eq!(kinds(&text), ["html"], "{text}");
        }
        assert_eq!(super::render_blocks("", "Context"), []);
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        let text = super::plain_text(
            "The **first** sailing [left](https://example.org) on time.\n\n> \"We are back.\"\n\n- one\n- two <b>x</b>",
        );
        assert_eq!(
            text,
            "The first sailing left on time.\n\n“We are back.”\n\none\n\ntwo x"
        );
    }

    #[test]
    fn links_open_safely() {
        let html = render("[Met Office](https://example.org/warnings)");
        assert!(html.contains("href=\"https://example.org/warnings\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn only_our_classes_survive() {
        let html = render("<p class=\"evil\">x</p><aside class=\"context other\">y</aside>");
        assert!(!html.contains("evil"));
        assert!(!html.contains("other"));
    }

    /// Pieces of the usual attacks, to be strung together in every order.
    fn hostile_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<script>alert(1)</script>"),
            Just("<script"),
            Just("<img src=x onerror=alert(1)>"),
            Just("<svg onload=alert(1)>"),
            Just("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>"),
            Just("<iframe srcdoc=\"<script>alert(1)</script>\">"),
            Just("<a href=\""),
            Just("\">"),
            Just(" onmouseover=alert(1) "),
            Just("javascript:alert(1)"),
            Just("JaVa&#x53;cript&colon;alert(1)"),
            Just("java\tscript:"),
            Just("data:text/html;base64,PHNjcmlwdD4="),
            Just("vbscript:"),
            Just("[x]("),
            Just("![x]("),
            Just(")"),
            Just("<"),
            Just(">"),
            Just("<!--"),
            Just("-->"),
            Just("<![CDATA["),
            Just("<style>*{}</style>"),
            Just("<p style=\"x\">"),
            Just("> [!NOTE]\n> "),
            Just("`"),
            Just("\n\n"),
            Just("&#60;script&#62;"),
            Just("<aside class=\"context\" onclick=\"x\">"),
            Just("<form action=\"javascript:x\"><button>"),
        ]
        .prop_map(str::to_owned);
        let any = "\\PC{0,8}";
        prop::collection::vec(prop_oneof![3 => piece, 1 => any], 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn no_string_of_attacks_renders_to_anything_that_runs(text in hostile_text()) {
            let html = render(&text);
            prop_assert_eq!(script_capable(&html), None, "{:?} gave {:?}", text, html);
        }

        #[test]
        fn no_text_at_all_renders_to_anything_that_runs(text in "\\PC{0,200}") {
            let html = render(&text);
            prop_assert_eq!(script_capable(&html), None, "{:?} gave {:?}", text, html);
        }
    }
}
