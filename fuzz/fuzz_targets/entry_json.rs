//! Any bytes as an API request's JSON: read the API's way, checked, and if accepted
//! rendered with nothing that runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog::domain::{EntryContent, EntryInput};
use liveblog::web::api::{EntryFields, read_json};

fuzz_target!(|body: &[u8]| {
    let Ok(fields) = read_json::<EntryFields>(body) else {
        return;
    };
    let Ok(input) = fields.over(EntryInput::default()) else {
        return;
    };
    if let Ok(draft) = EntryContent::parse(&input) {
        liveblog_fuzz::assert_reader_html_is_inert(draft);
    }
});
