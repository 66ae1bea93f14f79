//! The words the compose page's scripts (`static/editor/`, `static/format.js`) write
//! themselves: notices, counters, a confirmation, colleagues' changes, the formatting
//! buttons and snippets. They come in the page, as JSON in a
//! `<script type="application/json" id="editor-words">`, in the signed-in person's
//! language; the scripts have the English of each for a page without them.

use fluent_templates::fluent_bundle::FluentValue;

use crate::words::Words;

/// The words of the compose page's scripts, as JSON for a `<script type="application/json">`. Where a
/// message has a variable, the JSON has `{name}` for the script to fill in.
pub fn for_editor_js(w: &Words) -> String {
    // Each variable is written as `{name}`: the script puts the value there.
    let with = |key: &str, names: &[&'static str]| {
        let args: Vec<(&'static str, FluentValue<'_>)> = names
            .iter()
            .map(|name| (*name, FluentValue::from(format!("{{{name}}}"))))
            .collect();
        w.with(key, &args)
    };
    let mut words = serde_json::json!({
        "sessionEnded": with("js-session-ended", &["link"]),
        "signInAgain": w.get("js-sign-in-again"),
        "restored": w.get("js-restored"),
        "restoredAt": with("js-restored-at", &["time"]),
        "savedAgain": w.get("js-saved-again"),
        "discardRestored": w.get("js-discard-restored"),
        "overLimit": with("js-over-limit", &["used", "over", "limit"]),
        "attaching": with("js-attaching", &["name"]),
        "attachingImage": w.get("js-attaching-image"),
        "imageNotAttached": w.get("js-image-not-attached"),
        "imageRefused": with("js-image-refused", &["name", "reason"]),
        "keptAside": with("js-kept-aside", &["title"]),
        "putBack": w.get("js-put-back"),
        "attachedImage": w.get("form-attached-image"),
        "galleryPicture": with("form-gallery-picture", &["number"]),
        "waitingForApproval": with("js-waiting-for-approval", &["titles"]),
        "deletedMeanwhile": w.get("js-deleted-meanwhile"),
        "didNotWork": with("js-did-not-work", &["status"]),
        "unreachable": w.get("js-unreachable"),
        "closeCorrection": w.get("js-close-correction"),
        "correctionNotSaved": with("js-correction-not-saved", &["status"]),
        "correctionNotSavedBecause": with("js-correction-not-saved-because", &["status", "reason"]),
        "correctionKept": w.get("js-correction-kept"),
        "justPublished": with("js-just-published", &["title"]),
        "justChanged": with("js-just-changed", &["title"]),
        "entryDeleted": w.get("js-entry-deleted"),
        "keptAsDraft": w.get("js-kept-as-draft"),
        "notPublished": with("js-not-published", &["title"]),
        "notSentKept": with("js-not-sent-kept", &["status"]),
        // The formatting buttons of `format.js`, which reads this same JSON.
        "formatToolbar": w.get("js-format-toolbar"),
        "formatBold": w.get("js-format-bold"),
        "formatItalic": w.get("js-format-italic"),
        "formatLink": w.get("js-format-link"),
        "formatQuote": w.get("js-format-quote"),
        "formatList": w.get("js-format-list"),
        "formatContext": w.get("js-format-context"),
        "formatPicture": w.get("js-format-picture"),
        "formatPictureAlt": w.get("js-format-picture-alt"),
        "formatSnippets": w.get("js-format-snippets"),
        "snippetsNone": w.get("js-snippets-none"),
        "snippetsManage": w.get("js-snippets-manage"),
    });
    // The clip's upload (`clips.js`), in a second object: one macro holds only so many.
    let clips = serde_json::json!({
        "clipSending": with("js-clip-sending", &["name", "percent"]),
        "clipMaking": with("js-clip-making", &["name"]),
        "clipAttached": with("js-clip-attached", &["name"]),
        "clipRefused": with("js-clip-refused", &["name", "reason"]),
    });
    if let (Some(words), serde_json::Value::Object(clips)) = (words.as_object_mut(), clips) {
        words.extend(clips);
    }
    crate::words::script_data(&words)
}

#[cfg(test)]
mod tests {
    use super::for_editor_js;
    use crate::words::Words;

    #[test]
    fn the_script_gets_placeholders_for_what_it_fills_in() {
        let json = for_editor_js(&Words::of("en"));
        let words: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            words["overLimit"],
            "{used} characters: {over} over the limit of {limit}"
        );
        assert_eq!(
            words["sessionEnded"],
            "Your session has ended. What you typed is kept in this browser: {link}."
        );
        assert_eq!(words["justPublished"], "Just published: {title}");
        for (key, value) in words.as_object().unwrap() {
            let value = value.as_str().unwrap();
            // A missing message is shown as its key.
            let is_a_key = value.starts_with("js-") || value.starts_with("form-");
            assert!(!is_a_key, "{key} has no message: {value}");
        }
    }
}
