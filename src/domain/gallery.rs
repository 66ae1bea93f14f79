//! An entry's gallery: pictures in the editor's order, each with its alt text, caption
//! and credit, that readers swipe through on a phone or walk with the keyboard.

use serde::{Deserialize, Serialize};

use super::entry::{Image, MAX_IMAGE_TEXT_CHARS, MAX_IMAGE_URL_CHARS, is_safe_image_url};
use super::errors::{FieldErrors, optional_text};

/// The most pictures a gallery holds.
pub const MAX_GALLERY: usize = 12;

/// One picture of a gallery as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PictureInput {
    pub url: String,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

impl PictureInput {
    fn is_blank(&self) -> bool {
        [&self.url, &self.alt, &self.caption, &self.credit]
            .iter()
            .all(|v| v.trim().is_empty())
    }

    pub fn of(image: &Image) -> PictureInput {
        PictureInput {
            url: image.url.clone(),
            alt: image.alt.clone(),
            caption: image.caption.clone().unwrap_or_default(),
            credit: image.credit.clone().unwrap_or_default(),
        }
    }
}

/// Reads a gallery's pictures, blank rows skipped; each problem is the `gallery`
/// field's, naming the picture by its place ("Picture 2: …").
pub fn parse_gallery(errors: &mut FieldErrors, pictures: &[PictureInput]) -> Vec<Image> {
    // Each with its row's number, as the form shows it: blank rows count.
    let given: Vec<(usize, &PictureInput)> = pictures
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_blank())
        .collect();
    if given.len() > MAX_GALLERY {
        errors.add(
            "gallery",
            format!(
                "{} pictures: a gallery holds {MAX_GALLERY} at the most.",
                given.len()
            ),
        );
        return Vec::new();
    }
    let mut gallery = Vec::new();
    for (n, picture) in given {
        let mut own = FieldErrors::default();
        let url = optional_text(
            &mut own,
            "gallery",
            "Its address",
            &picture.url,
            MAX_IMAGE_URL_CHARS,
        );
        let alt = optional_text(
            &mut own,
            "gallery",
            "Its alt text",
            &picture.alt,
            MAX_IMAGE_TEXT_CHARS,
        );
        let caption = optional_text(
            &mut own,
            "gallery",
            "Its caption",
            &picture.caption,
            MAX_IMAGE_TEXT_CHARS,
        );
        let credit = optional_text(
            &mut own,
            "gallery",
            "Its credit",
            &picture.credit,
            MAX_IMAGE_TEXT_CHARS,
        );
        match (&url, &alt) {
            (None, _) => own.add("gallery", "Give its address, or choose its file."),
            (Some(url), _) if !is_safe_image_url(url) => own.add(
                "gallery",
                "Its address must start with https://, http:// or / (a file on this server).",
            ),
            (_, None) => own.add("gallery", "Describe it for readers who cannot see it."),
            _ => {}
        }
        if let Some(problem) = own.first() {
            errors.add("gallery", format!("Picture {}: {}", n + 1, problem.message));
            continue;
        }
        if let (Some(url), Some(alt)) = (url, alt) {
            gallery.push(Image {
                url,
                alt,
                caption,
                credit,
            });
        }
    }
    gallery
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(url: &str, alt: &str) -> PictureInput {
        PictureInput {
            url: url.into(),
            alt: alt.into(),
            ..PictureInput::default()
        }
    }

    #[test]
    fn pictures_keep_their_order_and_blank_rows_go() {
        let mut errors = FieldErrors::default();
        let gallery = parse_gallery(
            &mut errors,
            &[
                picture("/media/a.jpg", "A"),
                PictureInput::default(),
                picture("https://x.example/b.png", "B"),
            ],
        );
        assert!(errors.is_empty());
        assert_eq!(
            gallery.iter().map(|i| i.alt.as_str()).collect::<Vec<_>>(),
            ["A", "B"]
        );
    }

    #[test]
    fn a_picture_without_alt_text_or_with_a_bad_address_is_named_by_its_place() {
        let mut errors = FieldErrors::default();
        parse_gallery(
            &mut errors,
            &[picture("/media/a.jpg", "A"), picture("/media/b.jpg", "")],
        );
        assert!(
            errors
                .get("gallery")
                .unwrap()
                .starts_with("Picture 2: Describe it")
        );
        let mut errors = FieldErrors::default();
        parse_gallery(&mut errors, &[picture("javascript:alert(1)", "A")]);
        assert!(
            errors
                .get("gallery")
                .unwrap()
                .starts_with("Picture 1: Its address")
        );
        let mut errors = FieldErrors::default();
        let many: Vec<_> = (0..13)
            .map(|n| picture(&format!("/media/{n}.jpg"), "A"))
            .collect();
        parse_gallery(&mut errors, &many);
        assert!(errors.get("gallery").is_some());
    }
}
