//! Who gets in. The address printed in the terminal carries a secret token; the first page
//! trades it for a cookie (HttpOnly, SameSite=Strict) and sends the browser on without it. Every
//! other request needs that cookie; a `Host` that is not this desk's is refused (a web page
//! elsewhere cannot reach it by renaming itself, DNS rebinding); anything that changes something
//! needs the desk's own `Origin` too (no cross-site form, no CORS).

use std::sync::Arc;

use anyhow::Result;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use ring::rand::SecureRandom;

use super::Shared;

/// 256 random bits, as hex.
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| anyhow::anyhow!(tr!("desk-no-randomness")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Equal, in a time that does not tell how much of a guess was right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The cookie's name: one a desk (a port), so two campaigns' desks side by side keep theirs.
pub fn cookie_name(port: u16) -> String {
    format!("cartero_desk_{port}")
}

fn cookie_of(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn token_in_query(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "token")
        .map(|(_, v)| v)
}

/// The names this desk answers to: `127.0.0.1:PORT` and `localhost:PORT` (without `:80` on
/// port 80, as browsers write it).
fn is_our_host(value: &str, port: u16) -> bool {
    let name = match value.rsplit_once(':') {
        Some((name, p)) if p == port.to_string() => name,
        Some(_) => return false,
        None if port == 80 => value,
        None => return false,
    };
    name == "127.0.0.1" || name == "localhost"
}

pub async fn check(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let port = shared.port;
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| is_our_host(h, port)) {
        return refused(StatusCode::FORBIDDEN, &tr!("desk-refused-host"));
    }
    if req.uri().path().starts_with("/assets/") {
        // The stylesheet and the script hold no client's data.
        return secured(next.run(req).await);
    }
    if let Some(given) = token_in_query(req.uri().query()) {
        if !same(given, &shared.token) {
            return refused(StatusCode::UNAUTHORIZED, &tr!("desk-refused-token"));
        }
        let cookie = format!(
            "{}={}; HttpOnly; SameSite=Strict; Path=/",
            cookie_name(port),
            shared.token
        );
        let mut response = Redirect::to(req.uri().path()).into_response();
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
        return secured(response);
    }
    let cookie = cookie_of(headers, &cookie_name(port));
    if !cookie.is_some_and(|c| same(&c, &shared.token)) {
        return refused(StatusCode::UNAUTHORIZED, &tr!("desk-refused-token"));
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) && !same_origin(headers, port) {
        return refused(StatusCode::FORBIDDEN, &tr!("desk-refused-origin"));
    }
    secured(next.run(req).await)
}

/// A change comes from the desk's own page: its `Origin` is this desk, and a browser that says
/// where the request comes from (`Sec-Fetch-Site`) says it is the same origin.
fn same_origin(headers: &HeaderMap, port: u16) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
    let origin_ok = origin
        .and_then(|o| o.strip_prefix("http://"))
        .is_some_and(|o| is_our_host(o, port));
    let site_ok = headers
        .get("sec-fetch-site")
        .and_then(|h| h.to_str().ok())
        .is_none_or(|s| s == "same-origin");
    origin_ok && site_ok
}

/// The headers every answer carries: nothing from elsewhere, no framing, no caching, no
/// referrer to another site. (Not `no-referrer`: under it a browser sends `Origin: null` with
/// the desk's own forms, which then could not be told from a stranger's.)
fn secured(mut response: Response) -> Response {
    let h = response.headers_mut();
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// A refusal, in words, with nothing of the campaign in it.
fn refused(status: StatusCode, why: &str) -> Response {
    secured((status, super::pages::refusal(why)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_is_found_among_others_and_a_token_in_a_query() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; cartero_desk_80=xyz; b=2"),
        );
        assert_eq!(cookie_of(&h, "cartero_desk_80").as_deref(), Some("xyz"));
        assert_eq!(cookie_of(&h, "cartero_desk_81"), None);
        assert_eq!(token_in_query(Some("x=1&token=abc")), Some("abc"));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
        assert!(is_our_host("localhost:80", 80) && !is_our_host("evil.com:80", 80));
        assert!(is_our_host("127.0.0.1", 80) && !is_our_host("127.0.0.1", 8080));
        assert!(!is_our_host("127.0.0.1:80", 8080) && !is_our_host("127.0.0.1.evil:80", 80));
    }
}
