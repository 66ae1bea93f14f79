//! Any bytes as the entry form's body: read strictly, checked, and if accepted rendered
//! with nothing that runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog::domain::EntryContent;
use liveblog::web::entry_form;

fuzz_target!(|body: &[u8]| {
    let Ok(form) = entry_form::decode(body) else {
        return;
    };
    if let Ok(draft) = EntryContent::parse(&form.input) {
        liveblog_fuzz::assert_reader_html_is_inert(draft);
    }
});
