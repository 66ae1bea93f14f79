//! Images made to take the server's memory: a few megabytes of PNG whose colour
//! profile or text inflates to a gigabyte. Each is refused, naming the image, and the
//! server's peak memory (`VmHWM`, read in a server process of its own) stays far below
//! what inflating one would take.

use flate2::{Compress, Compression, Crc, FlushCompress};
use reqwest::StatusCode;

use crate::cms::send_image;
use crate::commands::{liveblog, stdout};
use crate::helpers::{Process, TestApp};
use crate::uploads::{PNG, upload};

/// How far each bomb inflates: far past any limit, and past what the test's memory
/// bound allows.
const INFLATED: usize = 1 << 30;
/// The most the server may have held at once, in kB as `/proc` counts them.
const PEAK_BOUND_KB: u64 = 300 * 1024;

/// A zlib stream that inflates to `size` zero bytes, made without compressing them
/// all: after a full flush the compressor starts afresh, so one megabyte compressed
/// the same way twice gives the same bytes, repeated as often as needed.
fn zeros_zlib(size: usize) -> Vec<u8> {
    const PIECE: usize = 1 << 20;
    assert_eq!(size % PIECE, 0);
    let zeros = vec![0u8; PIECE];
    let mut compress = Compress::new(Compression::best(), true);
    let mut piece = |out: &mut Vec<u8>| {
        let before = out.len();
        out.reserve(64 * 1024);
        compress
            .compress_vec(&zeros, out, FlushCompress::Full)
            .unwrap();
        out[before..].to_vec()
    };
    let mut stream = Vec::new();
    piece(&mut stream);
    let second = piece(&mut stream);
    assert_eq!(
        piece(&mut stream),
        second,
        "a piece compresses the same each time"
    );
    for _ in 3..size / PIECE {
        stream.extend_from_slice(&second);
    }
    // The last block, empty and final, then the Adler-32 of `size` zeros.
    stream.extend_from_slice(&[0x03, 0x00]);
    let adler = (((size % 65521) as u32) << 16) | 1;
    stream.extend_from_slice(&adler.to_be_bytes());
    stream
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = Crc::new();
    crc.update(kind);
    crc.update(data);
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out
}

/// An 8x8 grey PNG with `kind` (`iCCP`, `zTXt` or `iTXt`) inflating to `inflated`.
pub fn png_bomb(kind: &[u8; 4], inflated: usize) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &[0, 0, 0, 8, 0, 0, 0, 8, 8, 0, 0, 0, 0]));
    let mut data = match kind {
        b"iCCP" => b"icc\0\0".to_vec(),
        b"zTXt" => b"Comment\0\0".to_vec(),
        b"iTXt" => b"Comment\0\x01\0\0\0".to_vec(),
        _ => panic!("not a compressed chunk"),
    };
    data.extend(zeros_zlib(inflated));
    out.extend(chunk(kind, &data));
    let mut pixels = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
    std::io::Write::write_all(&mut pixels, &[0u8; 8 * 9]).unwrap();
    out.extend(chunk(b"IDAT", &pixels.finish().unwrap()));
    out.extend(chunk(b"IEND", b""));
    out
}

/// The server's peak resident memory so far, in kB.
fn peak_kb(server: &Process) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.0.id())).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
}

/// The real binary on a fresh data directory, with the default upload limit (10 MB).
fn server() -> (Process, TestApp, tempfile::TempDir) {
    let data_dir = tempfile::tempdir().unwrap();
    let (process, app) = Process::serve(&["--data-dir".as_ref(), data_dir.path().as_os_str()], &[]);
    (process, app, data_dir)
}

#[test]
fn the_bombs_are_real() {
    // Judged by the PNG decoder itself, given room: each inflates to what it says.
    let size = 16 << 20;
    for kind in [b"iCCP", b"zTXt", b"iTXt"] {
        let bomb = png_bomb(kind, size);
        let mut decoder = png::Decoder::new_with_limits(
            std::io::Cursor::new(&bomb),
            png::Limits { bytes: 64 << 20 },
        );
        decoder.set_ignore_text_chunk(false);
        let mut reader = decoder.read_info().unwrap();
        let info = reader.info().clone();
        let inflated = match kind {
            b"iCCP" => info.icc_profile.map(|p| p.len()),
            b"zTXt" => info.compressed_latin1_text.first().map(|t| {
                let mut t = t.clone();
                t.decompress_text_with_limit(size).unwrap();
                t.get_text().unwrap().len()
            }),
            _ => info.utf8_text.first().map(|t| {
                let mut t = t.clone();
                t.decompress_text_with_limit(size).unwrap();
                t.get_text().unwrap().len()
            }),
        };
        assert_eq!(inflated, Some(size), "{}", String::from_utf8_lossy(kind));
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut pixels).unwrap();
    }
}

#[tokio::test]
async fn a_png_that_inflates_to_a_gigabyte_is_refused_within_bounded_memory() {
    let (process, app, data_dir) = server();
    let token = stdout(&liveblog(
        &[
            "token",
            "create",
            "wire",
            "--data-dir",
            data_dir.path().to_str().unwrap(),
        ],
        "",
    ))
    .trim()
    .to_owned();
    let before = peak_kb(&process);

    for kind in [b"iCCP", b"zTXt", b"iTXt"] {
        let bomb = png_bomb(kind, INFLATED);
        assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
        let (status, error) = send_image(&app, &token, bomb).await;
        let name = String::from_utf8_lossy(kind);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(error["field"], "image", "{name}: {error}");
        assert!(
            error["error"]
                .as_str()
                .unwrap()
                .contains("colour profile or text"),
            "{name}: {error}"
        );
    }

    // Through the entry form too: the form comes back with the problem beside the
    // image and the text kept.
    app.login().await;
    let fields = [
        ("title", "Keep this headline"),
        ("body", "Keep this text."),
        ("image_alt", "A"),
    ];
    let response = upload(&app, &fields, "bomb.png", png_bomb(b"iCCP", INFLATED)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"image-error\">The image&#39;s colour profile")
            || html.contains("id=\"image-error\">The image's colour profile"),
        "{html}"
    );
    assert!(html.contains("value=\"Keep this headline\""));

    let peak = peak_kb(&process);
    assert!(
        peak < PEAK_BOUND_KB,
        "peak memory {peak} kB (it was {before} kB before the bombs)"
    );
    println!("peak memory {peak} kB, {before} kB before the bombs");

    // And the one decoder is free again: an ordinary image goes through.
    let (status, _) = send_image(&app, &token, PNG.to_vec()).await;
    assert_eq!(status, StatusCode::CREATED);
}
