//! A response body compressed once, in every form browsers ask for, and served as it
//! is: compressing per request costs more than everything else a request does.

use std::io::Write;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

/// Brotli quality: within a few per cent of the best, in a few milliseconds for a page.
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW_BITS: u32 = 22;

/// One body with its gzip and brotli forms and an `ETag` made from its content (one
/// per form, as each form is a different string of bytes).
#[derive(Debug)]
pub struct Precompressed {
    content_type: &'static str,
    /// The content's digest, in hex.
    digest: String,
    /// The `ETag` of each form: brotli, gzip, identity.
    etags: [HeaderValue; 3],
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

/// Which form of a body a request gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Precompressed {
    /// Compresses `body` both ways. Takes milliseconds for a page: call it off the
    /// async threads for large bodies (`spawn_blocking`).
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Precompressed {
        let identity = body.into();
        let digest = Sha256::digest(&identity);
        let digest = digest[..12]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<String>();
        let etag = |suffix: &str| {
            HeaderValue::try_from(format!("\"{digest}{suffix}\""))
                .expect("an ETag of hex digits and a suffix is a header value")
        };
        Precompressed {
            content_type,
            etags: [etag("-br"), etag("-gz"), etag("")],
            digest,
            gzip: gzip(&identity),
            brotli: brotli(&identity),
            identity,
        }
    }

    /// The uncompressed body.
    pub fn identity(&self) -> &Bytes {
        &self.identity
    }

    /// A `304 Not Modified` when the browser holds this very body, otherwise the body
    /// in the best form the browser accepts.
    pub fn respond(&self, request: &HeaderMap, cache_control: &'static str) -> Response {
        let encoding = preferred(request);
        let common = [
            (header::ETAG, self.etag(encoding)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control),
            ),
            (header::VARY, HeaderValue::from_static("accept-encoding")),
        ];
        if self.held_by(request) {
            return (StatusCode::NOT_MODIFIED, common).into_response();
        }
        let (body, encoding) = match encoding {
            Encoding::Brotli => (&self.brotli, Some("br")),
            Encoding::Gzip => (&self.gzip, Some("gzip")),
            Encoding::Identity => (&self.identity, None),
        };
        let mut response = (common, Body::from(body.clone())).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        if let Some(encoding) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    }

    /// Whether [`Precompressed::respond`] gives `request` the body as the middleware
    /// stack would send it on: compressed, not modified, or asked for as it is. (A
    /// browser that takes only another encoding gets it from the stack.)
    pub fn answers_whole(&self, request: &HeaderMap) -> bool {
        preferred(request) != Encoding::Identity
            || self.held_by(request)
            || !request.contains_key(header::ACCEPT_ENCODING)
    }

    fn etag(&self, encoding: Encoding) -> HeaderValue {
        let form = match encoding {
            Encoding::Brotli => 0,
            Encoding::Gzip => 1,
            Encoding::Identity => 2,
        };
        self.etags[form].clone()
    }

    /// Whether the browser already holds this content, in any of its forms.
    fn held_by(&self, request: &HeaderMap) -> bool {
        let Some(tags) = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
        else {
            return false;
        };
        tags.split(',').map(str::trim).any(|tag| {
            let tag = tag.trim_start_matches("W/").trim_matches('"');
            let digest = tag
                .strip_suffix("-br")
                .or_else(|| tag.strip_suffix("-gz"))
                .unwrap_or(tag);
            tag == "*" || digest == self.digest
        })
    }
}

/// The best encoding the request accepts: brotli, then gzip, then none. An encoding
/// listed with `q=0` is refused.
fn preferred(request: &HeaderMap) -> Encoding {
    let Some(accepted) = request
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Encoding::Identity;
    };
    let accepts = |name: &str| {
        accepted.split(',').any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .expect("gzip into memory cannot fail")
        .into()
}

fn brotli(body: &[u8]) -> Bytes {
    let mut encoder =
        brotli::CompressorWriter::new(Vec::new(), 4096, BROTLI_QUALITY, BROTLI_WINDOW_BITS);
    let _ = encoder.write_all(body);
    encoder.into_inner().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn request(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.clone(), HeaderValue::from_str(value).unwrap()))
            .collect()
    }

    #[test]
    fn picks_the_best_encoding_the_browser_takes() {
        let cases = [
            ("gzip, deflate, br, zstd", Encoding::Brotli),
            ("gzip", Encoding::Gzip),
            ("br;q=0, gzip;q=0.8", Encoding::Gzip),
            ("BR", Encoding::Brotli),
            ("identity", Encoding::Identity),
            ("gzip;q=0", Encoding::Identity),
        ];
        for (accepted, expected) in cases {
            let headers = request(&[(header::ACCEPT_ENCODING, accepted)]);
            assert_eq!(preferred(&headers), expected, "{accepted}");
        }
        assert_eq!(preferred(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn every_form_decodes_to_the_body() {
        let body = "<p>Gales along the coast.</p>".repeat(200);
        let page = Precompressed::new("text/html; charset=utf-8", body.clone());
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&page.gzip[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, body);
        let mut unbrotlied = String::new();
        brotli::Decompressor::new(&page.brotli[..], 4096)
            .read_to_string(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, body);
        assert!(page.brotli.len() < body.len() / 10);
    }

    #[test]
    fn a_browser_holding_the_body_gets_304() {
        let page = Precompressed::new("text/plain", "same");
        let etag = page.etag(Encoding::Identity).to_str().unwrap().to_owned();
        let gzip_etag = page.etag(Encoding::Gzip).to_str().unwrap().to_owned();
        assert_ne!(etag, gzip_etag, "each form has its own tag");
        for held in [
            etag.clone(),
            gzip_etag,
            format!("W/{etag}"),
            format!("\"x\", {etag}"),
            "*".into(),
        ] {
            let response = page.respond(&request(&[(header::IF_NONE_MATCH, &held)]), "no-cache");
            assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{held}");
        }
        let other = page.respond(&request(&[(header::IF_NONE_MATCH, "\"x\"")]), "no-cache");
        assert_eq!(other.status(), StatusCode::OK);
        assert_eq!(other.headers()[header::ETAG], etag.as_str());
    }
}
