//! Whether HTML could run script in a reader's browser: the check that the sanitiser's
//! tests and the fuzz targets hold every rendered entry to. It reads HTML as the
//! sanitiser writes it (text `<` escaped, attribute values double-quoted) and names the
//! first thing found that a browser could run.

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

/// Attributes whose value is an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "srcset",
    "poster",
];

/// The address schemes a reader's page may hold.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// The first script-capable thing in `html`, or `None` if there is none.
pub fn script_capable(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('/') {
            rest = after;
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Some(format!("markup that is not a plain tag: <{}", head(rest)));
        }
        let name = rest[..name_len].to_ascii_lowercase();
        if CAPABLE_TAGS.contains(&name.as_str()) {
            return Some(format!("a <{name}> tag"));
        }
        let Some((attributes, after)) = tag_attributes(&rest[name_len..]) else {
            return Some(format!("a <{name}> tag that never ends"));
        };
        for (attribute, value) in attributes {
            if let Some(found) = capable_attribute(&name, &attribute, &value) {
                return Some(found);
            }
        }
        rest = after;
    }
    None
}

fn capable_attribute(tag: &str, attribute: &str, value: &str) -> Option<String> {
    if attribute.starts_with("on") || ["style", "srcdoc", "xmlns"].contains(&attribute) {
        return Some(format!("<{tag} {attribute}=\"{value}\">"));
    }
    if URL_ATTRIBUTES.contains(&attribute) {
        // As a browser's URL parser reads it: spaces and controls trimmed from the
        // ends, tabs and newlines dropped anywhere; a scheme is a letter, then letters,
        // digits, `+`, `-` or `.`, up to the first `:`.
        let address: String = decode_entities(value)
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some((scheme, _)) = address.split_once(':') {
            let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
            if is_scheme && !SAFE_SCHEMES.contains(&scheme) {
                return Some(format!(
                    "<{tag} {attribute}=\"{value}\">: a {scheme}: address"
                ));
            }
        }
    }
    None
}

/// The attributes of a tag whose name has been read, and the text after its `>`.
/// `None` if the tag never ends (the sanitiser always ends its tags).
#[allow(clippy::type_complexity)]
fn tag_attributes(mut rest: &str) -> Option<(Vec<(String, String)>, &str)> {
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            return Some((attributes, after));
        }
        if let Some(after) = rest.strip_prefix("/>") {
            return Some((attributes, after));
        }
        let name_len = rest.find(|c: char| c.is_ascii_whitespace() || "=>/".contains(c))?;
        if name_len == 0 {
            // A stray `/` or `=`: skip it.
            rest = &rest[1..];
            continue;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (text, remaining) = match after.chars().next()? {
                quote @ ('"' | '\'') => {
                    let body = &after[1..];
                    let end = body.find(quote)?;
                    (&body[..end], &body[end + 1..])
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = text.to_owned();
            rest = remaining;
        }
        attributes.push((name, value));
    }
}

/// Character references decoded as a browser would in an attribute value, enough to
/// see the scheme of an address: numeric ones with or without their `;` and however
/// many leading zeros, and the named ones that can spell a scheme (names are
/// case-sensitive, as in HTML).
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        match reference(rest) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference after `&` stands for, and how many bytes it takes.
fn reference(text: &str) -> Option<(char, usize)> {
    if let Some(number) = text.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        // A number too large for a character reads as the replacement character.
        let c = u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return Some((c, prefix + len + semicolon));
    }
    let named = [
        ("amp;", '&'),
        ("AMP;", '&'),
        ("quot;", '"'),
        ("QUOT;", '"'),
        ("apos;", '\''),
        ("lt;", '<'),
        ("LT;", '<'),
        ("gt;", '>'),
        ("GT;", '>'),
        ("colon;", ':'),
        ("Tab;", '\t'),
        ("NewLine;", '\n'),
        ("amp", '&'),
        ("quot", '"'),
        ("lt", '<'),
        ("gt", '>'),
    ];
    named
        .iter()
        .find(|(name, _)| text.starts_with(name))
        .map(|&(name, c)| (c, name.len()))
}

fn head(text: &str) -> &str {
    let end = text.char_indices().nth(20).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::script_capable;

    #[test]
    fn finds_what_could_run() {
        for html in [
            "<script>alert(1)</script>",
            "<p onclick=\"alert(1)\">x</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JaVa&#x53;cript&colon;alert(1)\">x</a>",
            "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<a href=\"&#106avascript:alert(1)\">x</a>",
            "<a href=\"&#x000000000006A;avascript:alert(1)\">x</a>",
            "<a href=\"javascript:alert(1)",
            "<p class=\"x\"",
            "<a href=\"data:text/html,x\">x</a>",
            "<img src=\"vbscript:x\">",
            "<svg><g/></svg>",
            "<p style=\"x\">y</p>",
            "<!-- x -->",
        ] {
            assert!(script_capable(html).is_some(), "{html}");
        }
    }

    #[test]
    fn passes_what_cannot() {
        for html in [
            "<p>a &lt;script&gt; in text, onclick=x, javascript:x</p>",
            "<a href=\"https://example.org/a?b=c&amp;d=e\" rel=\"noopener\">x</a>",
            "<a href=\"/live/a/entries/1\">x</a>",
            "<a href=\"#entry-1\">x</a>",
            "<a href=\"mailto:desk@example.org\">x</a>",
            "<aside class=\"context\"><strong class=\"context-label\">For context</strong></aside>",
            "<img src=\"/media/ab.jpg\" alt=\"A flooded street\"><br/>",
        ] {
            assert_eq!(script_capable(html), None, "{html}");
        }
    }
}
