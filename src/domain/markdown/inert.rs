//! Whether HTML could run script in a reader's browser: the check that the sanitiser's
//! tests and the fuzz targets hold every rendered entry to. It reads the HTML with
//! html5ever's tokenizer, which splits markup into tags and attributes exactly as
//! browsers do (entities decoded, quotes and stray characters as the standard says),
//! so the judge shares none of the sanitiser's own reading of HTML; then it names the
//! first tag or attribute a browser could run, load or restyle something with.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Tags that run, load or restyle something, or that the sanitiser never lets through.
const CAPABLE_TAGS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "svg",
    "math",
    "template",
    "noscript",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "portal",
];

/// Attributes that run or restyle something whatever their value.
const CAPABLE_ATTRIBUTES: &[&str] = &["style", "srcdoc", "xmlns", "formaction"];

/// Attributes whose value is an address.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite", "action", "srcset", "poster"];

/// The address schemes a reader's page may hold.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Collects what the tokenizer finds.
#[derive(Default)]
struct Judge {
    found: RefCell<Option<String>>,
}

impl TokenSink for Judge {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token
            && tag.kind == TagKind::StartTag
            && self.found.borrow().is_none()
        {
            let name = tag.name.to_string();
            let found = if CAPABLE_TAGS.contains(&name.as_str()) {
                Some(format!("a <{name}> tag"))
            } else {
                tag.attrs.iter().find_map(|attribute| {
                    capable_attribute(&name, &attribute.name.local, &attribute.value)
                })
            };
            *self.found.borrow_mut() = found;
        }
        TokenSinkResult::Continue
    }
}

/// The first script-capable thing in `html`, or `None` if there is none.
pub fn script_capable(html: &str) -> Option<String> {
    let tokenizer = Tokenizer::new(Judge::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.found.take()
}

fn capable_attribute(tag: &str, attribute: &str, value: &str) -> Option<String> {
    if attribute.starts_with("on") || CAPABLE_ATTRIBUTES.contains(&attribute) {
        return Some(format!("<{tag} {attribute}=\"{value}\">"));
    }
    if !URL_ATTRIBUTES.contains(&attribute) {
        return None;
    }
    // As a browser's URL parser reads it (the tokenizer has decoded the entities):
    // spaces and controls trimmed from the ends, tabs and newlines dropped anywhere; a
    // scheme is a letter, then letters, digits, `+`, `-` or `.`, up to the first `:`.
    let address: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let (scheme, _) = address.split_once(':')?;
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (is_scheme && !SAFE_SCHEMES.contains(&scheme))
        .then(|| format!("<{tag} {attribute}=\"{value}\">: a {scheme}: address"))
}

#[cfg(test)]
mod tests {
    use super::script_capable;

    #[test]
    fn what_runs_is_named_and_what_does_not_is_left_alone() {
        for safe in [
            "<p>Water &lt;script&gt; is rising.</p>",
            "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener\">x</a>",
            "<a href=\"mailto:desk@example.org\">desk</a>",
            "<a href=\"/live/storm\">relative</a>",
            "<blockquote><p>quote</p></blockquote>",
        ] {
            assert_eq!(script_capable(safe), None, "{safe}");
        }
        for capable in [
            "<script>alert(1)</script>",
            "<SCRIPT>alert(1)</SCRIPT>",
            "<p onclick=\"x()\">a</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">entity-split scheme</a>",
            "<a href=\"&#106;avascript:alert(1)\">entity scheme</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">spaced</a>",
            "<a href=javascript:alert(1)>unquoted</a>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"javascript:alert(1)\">",
            "<p style=\"background:url(x)\">a</p>",
            "<svg><script>alert(1)</script></svg>",
            "<a/href=\"javascript:alert(1)\">slash</a>",
        ] {
            assert!(script_capable(capable).is_some(), "{capable}");
        }
    }
}
