//! Any text as an entry body: the HTML readers get never holds anything that runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog::domain::markdown;
use liveblog_fuzz::inert::script_capable;

fuzz_target!(|text: &str| {
    let html = markdown::render(text);
    if let Some(found) = script_capable(&html) {
        panic!("{found} in {html:?} from {text:?}");
    }
});
