//! What the fuzz targets share: an entry rendered as readers get it, and the check
//! that nothing in it could run.

use chrono::Utc;
use liveblog::domain::{Entry, EntryContent, EntryId};
use liveblog::fragments::{self, EntryFragment};

#[path = "../../src/domain/markdown/inert.rs"]
pub mod inert;

/// Renders an entry that passed every rule as readers would see it, and fails loudly
/// if the HTML holds anything a browser could run.
pub fn assert_reader_html_is_inert(draft: EntryContent) {
    let entry = Entry::new(EntryId(1), draft, Utc::now(), "fuzz");
    let html = fragments::render(&EntryFragment {
        entry: &entry,
        slug: "storm",
        zone: chrono_tz::Europe::London,
        words: &liveblog::words::Words::of("en-GB"),
    });
    if let Some(found) = inert::script_capable(&html) {
        panic!("{found} in {html}");
    }
}
