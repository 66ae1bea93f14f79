//! What a live page tells search engines and social sites: schema.org
//! `LiveBlogPosting` JSON-LD, and Open Graph and Twitter card tags.

use serde_json::{Value, json};

use crate::domain::{Image, SharedPost, markdown, time};
use crate::media;
use crate::read_model::{LivePage, RenderedEntry};

/// The tags for one page.
pub struct ShareTags {
    pub title: String,
    pub description: String,
    pub url: String,
    pub image: SocialImage,
    /// The JSON-LD, safe to put inside a `<script type="application/ld+json">` element.
    pub json_ld: String,
}

/// JSON that cannot end the `<script>` element it sits in.
fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The picture social networks show with a link: a raster image (they show no SVG),
/// an upload's 1200 by 630 card, with its size when known.
pub struct SocialImage {
    pub url: String,
    pub size: Option<(u32, u32)>,
}

/// The card shown for a page or entry without a picture of its own.
pub const DEFAULT_CARD: &str = "/static/card.png";

/// The first of `images` that social networks show, or the default card.
fn social_image<'a>(images: impl IntoIterator<Item = &'a Image>, base: &str) -> SocialImage {
    let raster = |url: &str| {
        let path = url
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        [".jpg", ".jpeg", ".png", ".webp", ".gif"]
            .iter()
            .any(|ext| path.ends_with(ext))
    };
    match images.into_iter().find(|image| raster(&image.url)) {
        // An upload of ours is offered as its card, cut to the size networks show.
        Some(image) => match media::card_of(&image.url) {
            Some(card) => SocialImage {
                url: absolute(base, &card),
                size: Some(media::CARD_SIZE),
            },
            None => SocialImage {
                url: absolute(base, &image.url),
                size: media::responsive(&image.url).map(|r| (r.width, r.height)),
            },
        },
        None => SocialImage {
            url: absolute(base, DEFAULT_CARD),
            size: Some((1200, 630)),
        },
    }
}

/// The first words of an entry, as plain text, for a description: at most `limit`
/// characters, cut after a word.
fn first_words(body: &str, limit: usize) -> String {
    let text = markdown::plain_text(body).replace("\n\n", " ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    match cut.rfind(' ') {
        Some(space) => format!("{}…", &cut[..space]),
        None => format!("{cut}…"),
    }
}

fn absolute(base: &str, url: &str) -> String {
    if url.starts_with('/') {
        format!("{base}{url}")
    } else {
        url.to_owned()
    }
}

fn posting(page: &LivePage, rendered: &RenderedEntry, base: &str) -> Value {
    let entry = &rendered.entry;
    let zone = page.blog.time_zone;
    let mut posting = json!({
        "@type": "BlogPosting",
        "headline": entry.title,
        "datePublished": time::rfc3339(entry.published_at, zone),
        "dateModified": time::rfc3339(entry.updated_at.unwrap_or(entry.published_at), zone),
        "articleBody": markdown::plain_text(&entry.body),
        "url": format!("{base}/live/{}/entries/{}", page.blog.slug, entry.id),
    });
    let mut authors: Vec<Value> = entry
        .authors
        .iter()
        .map(|author| {
            let mut person = json!({ "@type": "Person", "name": author.name });
            if let Some(role) = &author.role {
                person["jobTitle"] = json!(role);
            }
            if let Some(photo) = &author.photo_url {
                person["image"] = json!(absolute(base, photo));
            }
            if let Some(link) = &author.link {
                person["url"] = json!(link);
            }
            person
        })
        .collect();
    if let Some(byline) = &entry.byline {
        authors.push(json!({ "@type": "Person", "name": byline.name }));
    }
    match authors.len() {
        0 => {}
        1 => posting["author"] = authors.remove(0),
        _ => posting["author"] = json!(authors),
    }
    if let Some(image) = &entry.image {
        posting["image"] = json!(absolute(base, &image.url));
    }
    if let Some(post) = &entry.post {
        posting["sharedContent"] = shared_content(post);
    }
    posting
}

/// A post from another platform an entry carries, with what the editor copied of it.
fn shared_content(post: &SharedPost) -> Value {
    let mut shared = json!({ "@type": "SocialMediaPosting", "url": post.url });
    if let Some(author) = &post.author {
        shared["author"] = json!({ "@type": "Person", "name": author });
    }
    if let Some(text) = &post.text {
        shared["text"] = json!(text);
    }
    shared
}

/// The tags of a live page, describing the entries it shows.
pub fn for_page(page: &LivePage, entries: &[&RenderedEntry], base: &str) -> ShareTags {
    let blog = &page.blog;
    let zone = blog.time_zone;
    let url = format!("{base}/live/{}", blog.slug);
    // Coverage began with the page, or with its first entry if that was filed earlier.
    let started = page
        .entries()
        .map(|e| e.entry.published_at)
        .min()
        .map_or(blog.created_at, |first| first.min(blog.created_at));
    let mut json_ld = json!({
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": blog.title,
        "description": blog.description,
        "inLanguage": blog.language,
        "url": url,
        "coverageStartTime": time::rfc3339(started, zone),
        "dateModified": time::rfc3339(page.updated_at(), zone),
        "liveBlogUpdate": entries.iter().map(|e| posting(page, e, base)).collect::<Vec<_>>(),
    });
    if !blog.is_live() {
        json_ld["coverageEndTime"] = json!(time::rfc3339(page.updated_at(), zone));
    }
    ShareTags {
        title: blog.title.clone(),
        description: blog.description.clone(),
        url,
        image: social_image(entries.iter().filter_map(|e| e.entry.image.as_ref()), base),
        json_ld: script_safe(&json_ld),
    }
}

/// The tags of one entry's own page.
pub fn for_entry(page: &LivePage, rendered: &RenderedEntry, base: &str) -> ShareTags {
    let mut json_ld = posting(page, rendered, base);
    json_ld["@context"] = json!("https://schema.org");
    json_ld["inLanguage"] = json!(page.blog.language);
    json_ld["isPartOf"] =
        json!({ "@type": "LiveBlogPosting", "url": format!("{base}/live/{}", page.blog.slug) });
    let description = first_words(&rendered.entry.body, 200);
    ShareTags {
        title: rendered.entry.title.clone(),
        description,
        url: format!(
            "{base}/live/{}/entries/{}",
            page.blog.slug, rendered.entry.id
        ),
        image: social_image(&rendered.entry.image, base),
        json_ld: script_safe(&json_ld),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_is_plain_words_cut_after_a_word() {
        assert_eq!(
            first_words("The **first** sailing.\n\n- one", 200),
            "The first sailing. one"
        );
        assert_eq!(
            first_words("Ferries run again from noon", 12),
            "Ferries run…"
        );
    }

    #[test]
    fn social_networks_get_a_raster_image_or_the_default_card() {
        let image = |url: &str| Image {
            url: url.into(),
            alt: "A".into(),
            caption: None,
            credit: None,
        };
        let svg = image("/static/demo-harbour.svg");
        let card = social_image([&svg], "https://news.example");
        assert_eq!(card.url, "https://news.example/static/card.png");
        let photo = image("https://cdn.example/a.JPG?w=1200");
        assert_eq!(
            social_image([&svg, &photo], "").url,
            "https://cdn.example/a.JPG?w=1200"
        );
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let safe = script_safe(&json!({"headline": "</script><script>alert(1)</script>"}));
        assert!(!safe.contains("</script>") && !safe.contains('<'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script>");
    }
}
