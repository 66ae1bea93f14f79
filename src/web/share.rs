//! What a live page tells search engines and social sites: schema.org
//! `LiveBlogPosting` JSON-LD, and Open Graph and Twitter card tags.

use serde_json::{Value, json};

use crate::domain::{SharedPost, time};
use crate::read_model::{LivePage, RenderedEntry};

/// The tags for one page.
pub struct ShareTags {
    pub title: String,
    pub description: String,
    pub url: String,
    pub image: Option<String>,
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
        "articleBody": entry.body,
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
        image: entries
            .iter()
            .find_map(|e| e.entry.image.as_ref())
            .map(|i| absolute(base, &i.url)),
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
    let description: String = rendered.entry.body.chars().take(200).collect();
    ShareTags {
        title: rendered.entry.title.clone(),
        description,
        url: format!(
            "{base}/live/{}/entries/{}",
            page.blog.slug, rendered.entry.id
        ),
        image: rendered
            .entry
            .image
            .as_ref()
            .map(|i| absolute(base, &i.url)),
        json_ld: script_safe(&json_ld),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let safe = script_safe(&json!({"headline": "</script><script>alert(1)</script>"}));
        assert!(!safe.contains("</script>") && !safe.contains('<'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script>");
    }
}
