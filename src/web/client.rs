//! Who sent a request, as handlers take it (see [`client_address`]): the address that
//! connected, or, behind a proxy named in `--trusted-proxies`, the address that proxy
//! says it acts for.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use super::{AppError, AppState};
use crate::per_address::client_address;

/// The client's address, as far as this server can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

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
