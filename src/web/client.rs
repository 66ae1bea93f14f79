//! Who sent a request: the address that connected, or, behind a proxy named in
//! `--trusted-proxies`, the address that proxy says it acts for. Limits per address
//! use this, so a newsroom behind a proxy is not one client.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use super::{AppError, AppState};

/// The client's address, as far as this server can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The client's address: `peer`, unless `peer` is a trusted proxy; then the right-most
/// address in `X-Forwarded-For` that is not itself a trusted proxy (those to its left
/// could have been written by the client).
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .filter_map(|part| part.trim().parse::<IpAddr>().ok())
        .find(|address| !trusted.contains(address))
        .unwrap_or(peer)
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| AppError::Internal("a request without its peer's address".into()))?;
        Ok(ClientAddress(client_address(
            peer.ip(),
            &parts.headers,
            &state.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("1.2.3.4, 203.0.113.9, 10.0.0.1"),
        );
        assert_eq!(
            client_address(proxy, &headers, &[proxy]),
            "203.0.113.9".parse::<IpAddr>().unwrap(),
            "the right-most untrusted address: the left could be forged"
        );
        let stranger: IpAddr = "198.51.100.5".parse().unwrap();
        assert_eq!(client_address(stranger, &headers, &[proxy]), stranger);
        assert_eq!(client_address(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }
}
