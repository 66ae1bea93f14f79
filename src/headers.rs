//! The headers every answer carries, whoever writes it: the HTTP stack (through its
//! middleware) and the direct stream writers (in the head they write themselves).

use std::sync::LazyLock;

use crate::domain::embeds;

/// Scripts and styles from this server only, images from this server or the web, no
/// frames, and no framing: the policy of the files that are no pages (scripts, styles,
/// images), which frame nothing.
pub const FILE_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' https: http:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Every page's policy: [`FILE_POLICY`], with frames from the platforms' embed hosts
/// only (a post a reader asked to see). Reader pages may name sites that may frame
/// them: `--frame-ancestors`.
pub static CONTENT_SECURITY_POLICY: LazyLock<String> = LazyLock::new(|| {
    let frames: Vec<String> = embeds::frame_hosts()
        .map(|host| format!("https://{host}"))
        .collect();
    FILE_POLICY.replace(
        "object-src",
        &format!("frame-src {}; object-src", frames.join(" ")),
    )
});

/// What is public answers every site's requests, without credentials: the reader's
/// stream and the assets of the embed, which a CMS may frame in a sandbox that gives
/// it no origin of its own (WordPress does).
pub const ANY_ORIGIN: (&str, &str) = ("access-control-allow-origin", "*");

/// Other sites are told this site's address, not the page's.
pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// Browsers take each answer as the type it says it is.
pub const CONTENT_TYPE_OPTIONS: &str = "nosniff";

/// How long browsers keep to HTTPS once they have seen it, behind TLS: a year.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// Every answer's security headers, by name: HSTS only `behind_tls`.
pub fn every_answer(behind_tls: bool) -> Vec<(&'static str, &'static str)> {
    let mut headers = vec![
        ("content-security-policy", CONTENT_SECURITY_POLICY.as_str()),
        ("referrer-policy", REFERRER_POLICY),
        ("x-content-type-options", CONTENT_TYPE_OPTIONS),
    ];
    if behind_tls {
        headers.push(("strict-transport-security", STRICT_TRANSPORT_SECURITY));
    }
    headers
}
