//! The marker `@@lg:{k}@@` that event `k` carries in its text, and a scanner that finds
//! markers in a reader's raw bytes whatever the framing around them (SSE lines, JSON,
//! HTML, HTTP chunks), including a marker split across two reads.

use std::sync::LazyLock;

use memchr::memmem::Finder;

const OPEN: &[u8] = b"@@lg:";
const CLOSE: &[u8] = b"@@";
/// The most digits an event number may have.
const MAX_DIGITS: usize = 9;
/// The longest marker: what is kept from one read for the next.
const MAX_MARKER: usize = OPEN.len() + MAX_DIGITS + CLOSE.len();

static FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(OPEN));

/// Event `k`'s marker.
pub fn marker(k: usize) -> String {
    format!("@@lg:{k}@@")
}

/// A reader's buffer: the bytes kept from the last read, then room for the next.
pub struct Scanner {
    buffer: Vec<u8>,
    kept: usize,
}

impl Scanner {
    pub fn new(read_size: usize) -> Scanner {
        Scanner {
            buffer: vec![0; MAX_MARKER + read_size.max(1)],
            kept: 0,
        }
    }

    /// Where the next read goes.
    pub fn spare(&mut self) -> &mut [u8] {
        &mut self.buffer[self.kept..]
    }

    /// Scans the `read` bytes the last read put in [`Scanner::spare`], calling `found`
    /// with the number of each whole marker, then keeps the tail that may hold the
    /// start of the next one.
    pub fn scan(&mut self, read: usize, mut found: impl FnMut(u64)) {
        let filled = self.kept + read;
        let data = &self.buffer[..filled];
        let mut keep_from = filled.saturating_sub(MAX_MARKER - 1);
        let mut from = 0;
        while let Some(at) = FINDER.find(&data[from..]) {
            let start = from + at;
            let digits_at = start + OPEN.len();
            let digits = data[digits_at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let end = digits_at + digits;
            if digits <= MAX_DIGITS && end + CLOSE.len() > filled {
                // The data ends inside what may be a marker: keep all of it.
                keep_from = keep_from.min(start);
                break;
            }
            if (1..=MAX_DIGITS).contains(&digits) && data[end..].starts_with(CLOSE) {
                found(parse_digits(&data[digits_at..end]));
                keep_from = keep_from.max(end + CLOSE.len());
            }
            from = start + 1;
        }
        self.buffer.copy_within(keep_from..filled, 0);
        self.kept = filled - keep_from;
    }
}

fn parse_digits(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0'))
}

#[cfg(test)]
mod tests {
    use super::{Scanner, marker};

    /// Feeds `pieces` to a scanner as successive reads; the markers it found.
    fn scan(pieces: &[&[u8]], read_size: usize) -> Vec<u64> {
        let mut scanner = Scanner::new(read_size);
        let mut found = Vec::new();
        for piece in pieces {
            for part in piece.chunks(read_size) {
                scanner.spare()[..part.len()].copy_from_slice(part);
                scanner.scan(part.len(), |k| found.push(k));
            }
        }
        found
    }

    #[test]
    fn finds_markers_in_any_framing() {
        let frame = format!(
            "event: entry\ndata: {{\"html\":\"<h2>{}</h2><p>{} and more</p>\"}}\n\n",
            marker(7),
            marker(7)
        );
        assert_eq!(scan(&[frame.as_bytes()], 4096), vec![7, 7]);
        assert_eq!(
            scan(&[b"data: @@lg:12@@ x @@lg:3@@\n\n"], 4096),
            vec![12, 3]
        );
    }

    #[test]
    fn finds_a_marker_split_across_reads_once() {
        let text = format!("{} padding padding {}", marker(41), marker(1234));
        for read_size in 1..text.len() {
            assert_eq!(
                scan(&[text.as_bytes()], read_size),
                vec![41, 1234],
                "{read_size}"
            );
        }
    }

    #[test]
    fn ignores_what_is_not_a_marker() {
        assert_eq!(
            scan(
                &[b"@@lg:@@ @@lg:x@@ @@lg:1234567890@@ @@lg:5@ @@lg:6@@"],
                4096
            ),
            vec![6]
        );
    }
}
