//! A video or sound file an entry carries, uploaded here (never another site's file:
//! those are posts from other platforms), with its captions, a caption and a credit.

use serde::{Deserialize, Serialize};

use super::errors::{FieldErrors, optional_text};

/// The most characters of a clip's caption or credit.
pub const MAX_CLIP_TEXT_CHARS: usize = 500;
/// The most characters of a clip's or its captions' address.
const MAX_CLIP_URL_CHARS: usize = 300;

/// An entry's video or sound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clip {
    /// The kept file's address, `/media/…`: it says whether it is video or sound.
    pub url: String,
    /// Its WebVTT captions, `/media/….vtt`, offered to readers.
    pub captions_url: Option<String>,
    /// What it shows or says.
    pub caption: Option<String>,
    /// Whose it is: "Video: Reuters".
    pub credit: Option<String>,
}

/// Reads the clip fields of a form. Empty means none; captions, a caption or a credit
/// without a file are the `clip_url` field's problem.
pub fn parse_clip(
    errors: &mut FieldErrors,
    url: &str,
    captions_url: &str,
    caption: &str,
    credit: &str,
) -> Option<Clip> {
    let url = optional_text(
        errors,
        "clip_url",
        "The clip's address",
        url,
        MAX_CLIP_URL_CHARS,
    );
    let captions_url = optional_text(
        errors,
        "clip_captions_url",
        "The captions' address",
        captions_url,
        MAX_CLIP_URL_CHARS,
    );
    let caption = optional_text(
        errors,
        "clip_caption",
        "The clip's caption",
        caption,
        MAX_CLIP_TEXT_CHARS,
    );
    let credit = optional_text(
        errors,
        "clip_credit",
        "The clip's credit",
        credit,
        MAX_CLIP_TEXT_CHARS,
    );
    let Some(url) = url else {
        if captions_url.is_some() || caption.is_some() || credit.is_some() {
            errors.add(
                "clip_url",
                "Upload a video or sound file for its captions, caption and credit.",
            );
        }
        return None;
    };
    if crate::media::clip_file(&url).is_none() {
        errors.add(
            "clip_url",
            "Upload the video or sound file here: an address of a file uploaded to this server, /media/….",
        );
        return None;
    }
    if let Some(captions) = &captions_url
        && !crate::media::is_captions(captions)
    {
        errors.add(
            "clip_captions_url",
            "Upload the captions here, as a WebVTT file: an address of this server, /media/….vtt.",
        );
        return None;
    }
    Some(Clip {
        url,
        captions_url,
        caption,
        credit,
    })
}

impl Clip {
    /// Whether it is a video (else sound).
    pub fn is_video(&self) -> bool {
        crate::media::clip_file(&self.url).is_some_and(|file| file.kind.is_video())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn a_clip_is_a_file_uploaded_here() {
        let mut errors = FieldErrors::default();
        let url = format!("/media/{HASH}_640x360.mp4");
        let captions = format!("/media/{HASH}.vtt");
        let clip = parse_clip(&mut errors, &url, &captions, " The quay ", "").unwrap();
        assert!(errors.is_empty());
        assert!(clip.is_video());
        assert_eq!(clip.caption.as_deref(), Some("The quay"));
        assert_eq!(parse_clip(&mut errors, "", "", "", ""), None);
        assert!(errors.is_empty());
        for (url, captions, caption, field) in [
            ("https://elsewhere.example/a.mp4", "", "", "clip_url"),
            ("", "", "A caption alone", "clip_url"),
            (
                url.as_str(),
                "https://elsewhere.example/a.vtt",
                "",
                "clip_captions_url",
            ),
        ] {
            let mut errors = FieldErrors::default();
            assert_eq!(parse_clip(&mut errors, url, captions, caption, ""), None);
            assert!(errors.get(field).is_some(), "{url} {captions}");
        }
    }
}
