//! The pieces of HTML that the page, the permalink and the live events share: one
//! template each, rendered once per change and reused for every reader.

use askama::Template;
use chrono_tz::Tz;
use tokio::sync::Semaphore;

use crate::domain::embeds::Embed;
use crate::domain::markdown::{self, Block};
use crate::domain::{Blog, Entry, Label, Poll, SharedPost, tag_key, time};
use crate::media;
use crate::words::Words;

/// A label's name in `words`' language: as the newsroom named it, or, for an entry
/// saved before labels had names, the words of the label it was; else its key.
pub fn label_name(label: &Label, words: &Words) -> String {
    if let Some(name) = label.name_in(words.tag()) {
        return name.to_owned();
    }
    match crate::domain::BUILT_IN_LABELS.contains(&label.key.as_str()) {
        true => words.get(&format!("label-{}", label.key)),
        false => label.key.clone(),
    }
}

/// The width of the poster copy a video shows before it plays: one of the narrower
/// copies every image keeps.
const POSTER_WIDTH: u32 = 960;

/// One entry as it appears everywhere: `<article id="entry-{id}">`.
#[derive(Template)]
#[template(path = "entry.html")]
pub struct EntryFragment<'a> {
    pub entry: &'a Entry,
    pub slug: &'a str,
    pub zone: Tz,
    pub words: &'a Words,
}

impl EntryFragment<'_> {
    fn published(&self) -> String {
        self.words.published(self.entry.published_at, self.zone)
    }

    /// The clock time alone ("14:07"), for the list of key events.
    fn clock(&self) -> String {
        self.words.clock(self.entry.published_at, self.zone)
    }

    fn label_text(&self, label: &Label) -> String {
        label_name(label, self.words)
    }

    fn published_rfc3339(&self) -> String {
        time::rfc3339(self.entry.published_at, self.zone)
    }

    fn updated(&self) -> Option<(String, String)> {
        self.entry.updated_at.map(|at| {
            (
                self.words.clock(at, self.zone),
                time::rfc3339(at, self.zone),
            )
        })
    }

    /// Each correction's time, machine time and note, oldest first.
    fn corrections(&self) -> Vec<(String, String, &str)> {
        self.entry
            .corrections
            .iter()
            .map(|c| {
                (
                    self.words.published(c.at, self.zone),
                    time::rfc3339(c.at, self.zone),
                    c.note.as_str(),
                )
            })
            .collect()
    }

    /// Each tag, and the address of the page's updates tagged with it.
    fn tag_links(&self) -> Vec<(&str, String)> {
        self.entry
            .tags
            .iter()
            .map(|tag| (tag.as_str(), tag_href(self.slug, tag)))
            .collect()
    }

    /// The tags as the live script compares them: in lower case, between commas.
    fn tag_keys(&self) -> String {
        let keys: Vec<String> = self.entry.tags.iter().map(|t| tag_key(t)).collect();
        keys.join(",")
    }

    /// The gallery's pictures, numbered from 1, each with its narrower copies if kept.
    fn gallery(&self) -> Vec<(usize, &crate::domain::Image, Option<media::Responsive>)> {
        self.entry
            .gallery
            .iter()
            .enumerate()
            .map(|(i, image)| (i + 1, image, media::responsive(&image.url)))
            .collect()
    }

    /// The entry's poll, whether it is open now, and its counts rendered.
    fn poll(&self) -> Option<(&Poll, bool, String)> {
        let poll = self.entry.poll.as_ref()?;
        let open = poll.is_open(self.entry.published_at, chrono::Utc::now());
        Some((poll, open, poll_results(self.entry, poll, self.words)))
    }

    /// When voting ends by itself, as a clock time and a machine time.
    fn poll_closes(&self, poll: &Poll) -> Option<(String, String)> {
        poll.closes_at(self.entry.published_at).map(|at| {
            (
                self.words.clock(at, self.zone),
                time::rfc3339(at, self.zone),
            )
        })
    }

    /// The entry's clip, with what its address says of it.
    fn clip(&self) -> Option<(&crate::domain::Clip, media::ClipFile)> {
        let clip = self.entry.clip.as_ref()?;
        Some((clip, media::clip_file(&clip.url)?))
    }

    /// A video's poster, in the copy a phone's column needs (960 wide, if kept).
    fn clip_poster(&self) -> Option<String> {
        let (_, file) = self.clip()?;
        let poster = file.poster?;
        let sizes = media::responsive(&poster)?;
        Some(match sizes.width > POSTER_WIDTH {
            true => poster.replace(".jpg", &format!("-{POSTER_WIDTH}.jpg")),
            false => poster,
        })
    }

    /// The words of a clip's credit: a video's source, or a sound's.
    fn clip_source_key(&self) -> &'static str {
        match self.clip() {
            Some((_, file)) if file.kind.is_video() => "video-source",
            _ => "audio-source",
        }
    }

    /// The copies of a byline's photo, for the browser to take the narrowest that a
    /// face 48 pixels wide needs, never the camera's whole picture.
    fn photo_sizes(&self, photo: &str) -> Option<media::Responsive> {
        media::responsive(photo)
    }

    /// The narrower copies kept of an uploaded image, and its size.
    fn responsive(&self) -> Option<media::Responsive> {
        media::responsive(&self.entry.image.as_ref()?.url)
    }

    /// The body as HTML, with a card in place of each post from another platform; the
    /// post named in the entry's own fields has its author and words on its card, and
    /// its card comes last when the text does not hold its address.
    fn body_html(&self) -> String {
        let blocks = markdown::render_blocks(&self.entry.body, &self.words.get("for-context"));
        let shared = self.entry.post.as_ref();
        let mut html = String::new();
        let mut shown = false;
        for block in blocks {
            match block {
                Block::Html(part) => html.push_str(&part),
                Block::Post(post) => {
                    let own = shared.filter(|s| !shown && s.is(&post));
                    shown |= own.is_some();
                    html.push_str(&self.card(&post, own));
                }
                Block::Picture(image) => html.push_str(&render(&BodyPicture {
                    sizes: media::responsive(&image.url),
                    image: &image,
                    words: self.words,
                })),
            }
        }
        if let Some((shared, post)) = shared
            .filter(|_| !shown)
            .and_then(|s| Some((s, s.embed()?)))
        {
            html.push_str(&self.card(&post, Some(shared)));
        }
        html
    }

    fn card(&self, post: &Embed, shared: Option<&SharedPost>) -> String {
        render(&PostCard {
            post,
            author: shared.and_then(|s| s.author.as_deref()),
            text: shared.and_then(|s| s.text.as_deref()),
            words: self.words,
        })
    }
}

/// A picture standing in an entry's text, with its narrower copies if kept.
#[derive(Template)]
#[template(path = "body_picture.html")]
pub struct BodyPicture<'a> {
    pub image: &'a crate::domain::Image,
    pub sizes: Option<media::Responsive>,
    pub words: &'a Words,
}

/// The address of a live page's updates tagged `tag`.
pub fn tag_href(slug: &str, tag: &str) -> String {
    let query = serde_urlencoded::to_string([("tag", tag)]).expect("a pair of strings url-encodes");
    format!("/live/{slug}?{query}")
}

/// A post from another platform, as a card: the platform, a link to the post, and the
/// address of its frame for the reader's script to load when the reader asks.
#[derive(Template)]
#[template(path = "post_card.html")]
pub struct PostCard<'a> {
    pub post: &'a Embed,
    /// Who posted it and what it said, as the editor copied them.
    pub author: Option<&'a str>,
    pub text: Option<&'a str>,
    pub words: &'a Words,
}

impl PostCard<'_> {
    fn view_on(&self) -> String {
        self.words.with(
            "embed-view-on",
            &[("provider", self.post.provider.name.into())],
        )
    }
}

/// A poll's counts, as every reader sees them.
#[derive(Template)]
#[template(path = "poll_results.html")]
pub struct PollResults<'a> {
    pub entry: &'a Entry,
    pub poll: &'a Poll,
    pub open: bool,
    pub words: &'a Words,
}

impl PollResults<'_> {
    /// Each answer with its share in whole percent and its votes.
    fn rows(&self) -> Vec<(&str, u64, u64)> {
        (self.poll.answers.iter().enumerate())
            .map(|(n, answer)| (answer.as_str(), self.poll.percent(n), self.poll.count(n)))
            .collect()
    }
}

/// The counts of `entry`'s poll, rendered.
pub fn poll_results(entry: &Entry, poll: &Poll, words: &Words) -> String {
    render(&PollResults {
        entry,
        poll,
        open: poll.is_open(entry.published_at, chrono::Utc::now()),
        words,
    })
}

/// The summary box of key points at the top of a live page.
#[derive(Template)]
#[template(path = "summary.html")]
pub struct SummaryFragment<'a> {
    pub blog: &'a Blog,
    pub words: &'a Words,
}

impl SummaryFragment<'_> {
    /// The words of a callout's heading: "Send us your questions", and the like.
    fn callout_heading(&self, callout: &crate::domain::Callout) -> String {
        format!("callout-{}", callout.kind.as_str())
    }
}

/// Renders at once, at the most: rendering an entry turns its Markdown into HTML and
/// sanitises it, which costs CPU in proportion to the entry.
pub const RENDERS_AT_ONCE: usize = 2;
static RENDERING: Semaphore = Semaphore::const_new(RENDERS_AT_ONCE);

/// The server is shutting down, and work for it is no longer done.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the server is shutting down")]
pub struct ShuttingDown;

/// Runs `work` (rendering entries) on a blocking thread, [`RENDERS_AT_ONCE`] at a time,
/// so that no amount of Markdown sent at once can hold up the async workers that serve
/// readers.
pub async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ShuttingDown> {
    let _turn = RENDERING.acquire().await.map_err(|_| ShuttingDown)?;
    match tokio::task::spawn_blocking(work).await {
        Ok(done) => Ok(done),
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        Err(_) => Err(ShuttingDown),
    }
}

/// Renders a fragment. Our fragments' templates call nothing that can fail, and write
/// into a `String`, which cannot: an error here is a bug to hear of at once, never an
/// empty entry shown to readers.
pub fn render(template: &impl Template) -> String {
    template
        .render()
        .expect("fragment templates write into a String and call nothing that fails")
}
