//! HMAC-SHA256, the one way this server signs what it hands out and checks what comes
//! back: voters' cookies, and the deliveries of webhooks.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// `message` signed with `key`.
pub fn sign(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_rfc_4231_says() {
        // RFC 4231, test case 2.
        let signed = sign(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(signed),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
