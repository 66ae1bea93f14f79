//! What an image carries beside its pixels (a colour profile, text), bounded before
//! any pixel is decoded. A PNG keeps its colour profile and some of its text
//! compressed: a few megabytes can inflate to gigabytes, so each is inflated only up to
//! what is left of [`MAX_METADATA_BYTES`] for the whole image, and an image that would
//! take more is refused. None of it is kept: the picture is drawn again without it.

use std::io::Cursor;

use super::MediaError;

/// The most that an image's colour profile and text may take once inflated, together.
/// A camera's or an editing program's profile is a few kilobytes, a large one 1 MB.
pub const MAX_METADATA_BYTES: usize = 8 * 1024 * 1024;

/// Refuses a PNG whose colour profile and compressed text (`iCCP`, `zTXt`, `iTXt`
/// before the pixels) would inflate past [`MAX_METADATA_BYTES`], inflating no more
/// than that to find out.
pub fn check_png(bytes: &[u8]) -> Result<(), MediaError> {
    let mut decoder = png::Decoder::new_with_limits(
        Cursor::new(bytes),
        png::Limits {
            bytes: MAX_METADATA_BYTES,
        },
    );
    decoder.set_ignore_text_chunk(false);
    let reader = match decoder.read_info() {
        Ok(reader) => reader,
        Err(png::DecodingError::LimitsExceeded) => return Err(too_much()),
        Err(_) => return Err(MediaError::Unreadable),
    };
    let info = reader.info();
    // The decoder drops a colour profile it cannot inflate within the limit, as it
    // drops a damaged one: a profile in the file that did not come through is refused.
    if info.icc_profile.is_none() && before_pixels(bytes).any(|kind| &kind == b"iCCP") {
        return Err(too_much());
    }
    let profile = info.icc_profile.as_ref().map_or(0, |profile| profile.len());
    let mut left = MAX_METADATA_BYTES.saturating_sub(profile);
    // Each text is inflated within what the profile and the texts before it left.
    for chunk in &info.compressed_latin1_text {
        let mut chunk = chunk.clone();
        chunk
            .decompress_text_with_limit(left)
            .map_err(|_| too_much())?;
        left = spent(left, chunk.get_text())?;
    }
    for chunk in info.utf8_text.iter().filter(|chunk| chunk.compressed) {
        let mut chunk = chunk.clone();
        chunk
            .decompress_text_with_limit(left)
            .map_err(|_| too_much())?;
        left = spent(left, chunk.get_text())?;
    }
    Ok(())
}

/// The kinds of the chunks before the first `IDAT`, as the file lays them out: a
/// length, a kind, the data and a checksum each, after the 8-byte signature.
fn before_pixels(bytes: &[u8]) -> impl Iterator<Item = [u8; 4]> + '_ {
    let mut at = 8;
    std::iter::from_fn(move || {
        let length = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?);
        let kind: [u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        at = at
            .checked_add(12)?
            .checked_add(usize::try_from(length).ok()?)?;
        Some(kind)
    })
    .take_while(|kind| kind != b"IDAT")
}

/// What is left of the allowance once `text` is taken from it.
fn spent(left: usize, text: Result<String, png::DecodingError>) -> Result<usize, MediaError> {
    let text = text.map_err(|_| too_much())?;
    left.checked_sub(text.len()).ok_or_else(too_much)
}

fn too_much() -> MediaError {
    MediaError::TooMuchMetadata {
        limit: MAX_METADATA_BYTES,
    }
}
