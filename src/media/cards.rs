//! Cards for social networks: a 1200 by 630 JPEG cut from the middle of an uploaded
//! image (networks crop anything else, or show it small), made the first time it is
//! asked for and kept beside the image's other copies, under the same hash: it goes
//! when they go.

use std::io::Cursor;

use image::ImageReader;

use super::{MediaError, encode_jpeg, responsive};

/// The size of a card, as Facebook, X and LinkedIn show a link's picture.
pub const CARD_SIZE: (u32, u32) = (1200, 630);
const SUFFIX: &str = "-card.jpg";

/// The card of an image uploaded here, `/media/{stem}-card.jpg`; `None` for any other
/// address.
pub fn card_of(url: &str) -> Option<String> {
    responsive(url)?;
    let (stem, _) = url.rsplit_once('.')?;
    Some(format!("{stem}{SUFFIX}"))
}

/// The names a card may be cut from: its image's full copy, as JPEG or PNG.
pub(super) fn sources_of(name: &str) -> Option<[String; 2]> {
    let stem = name.strip_suffix(SUFFIX)?;
    responsive(&format!("/media/{stem}.jpg"))?;
    Some([format!("{stem}.jpg"), format!("{stem}.png")])
}

/// Cuts a card from an image kept here (already checked and drawn again).
pub(super) fn cut(bytes: &[u8]) -> Result<Vec<u8>, MediaError> {
    let image = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| MediaError::Unreadable)?
        .decode()
        .map_err(|_| MediaError::Unreadable)?;
    let (width, height) = CARD_SIZE;
    let card = image.resize_to_fill(width, height, image::imageops::FilterType::Triangle);
    encode_jpeg(&card)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn an_upload_s_card_shares_its_name() {
        let card = card_of(&format!("/media/{HASH}_2400x1600.png")).unwrap();
        assert_eq!(card, format!("/media/{HASH}_2400x1600-card.jpg"));
        let name = card.strip_prefix("/media/").unwrap();
        let [jpeg, png] = sources_of(name).unwrap();
        assert_eq!(
            (jpeg.as_str(), png.as_str()),
            (
                &format!("{HASH}_2400x1600.jpg")[..],
                &format!("{HASH}_2400x1600.png")[..]
            )
        );
        assert_eq!(card_of("https://cdn.example/a.jpg"), None);
        assert_eq!(sources_of(&format!("{HASH}_2x2.jpg")), None);
    }

    #[test]
    fn a_card_is_cut_to_its_size_from_any_shape() {
        for (width, height) in [(3000, 500), (400, 900), (1200, 630)] {
            let mut png = Vec::new();
            image::DynamicImage::new_rgb8(width, height)
                .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
                .unwrap();
            let card = image::load_from_memory(&cut(&png).unwrap()).unwrap();
            assert_eq!((card.width(), card.height()), CARD_SIZE);
        }
    }
}
