//! Any bytes as the entry form's body: read strictly, checked, and if accepted rendered
//! with nothing that runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog::domain::{EntryDraft, EntryInput};
use liveblog::web::form;

fuzz_target!(|body: &[u8]| {
    let Ok(input) = form::decode::<EntryInput>(body) else {
        return;
    };
    if let Ok(draft) = EntryDraft::parse(&input) {
        liveblog_fuzz::assert_reader_html_is_inert(draft);
    }
});
