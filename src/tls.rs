//! TLS for the mailbox: the web's roots plus `ca-file`; a `ca-file` may also name the server's
//! own self-signed certificate, which is then trusted as it is (rustls would otherwise refuse a
//! CA certificate used as the server's own, `CaUsedAsEndEntity`). A refusal is kept in words.

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

/// What the certificate check found: what was wrong, in words, for the error that follows the
/// handshake; or that the server showed the very certificate `ca-file` names.
#[derive(Debug, Default)]
pub struct Finding {
    pub words: Option<String>,
    pub pinned: bool,
}

pub type Verdict = Arc<Mutex<Finding>>;

fn finding(v: &Verdict) -> std::sync::MutexGuard<'_, Finding> {
    v.lock().unwrap_or_else(|p| p.into_inner())
}

/// How a TLS handshake with a server went, tried on its own (`check --connect`, and before
/// lettre, which cannot be told to trust a self-signed certificate).
#[derive(Debug, PartialEq, Eq)]
pub enum Probe {
    Trusted,
    /// The server's own certificate is the one `ca-file` names.
    Pinned,
    Refused(String),
    /// No handshake happened (no connection, no STARTTLS): nothing learned.
    Unknown,
}

/// A handshake with `host:port`, after SMTP's STARTTLS when `smtp_starttls`.
pub fn probe(
    host: &str,
    port: u16,
    smtp_starttls: bool,
    ca_file: Option<&Path>,
    section: &str,
    timeout: std::time::Duration,
) -> Probe {
    let Ok((config, verdict)) = config(ca_file, section) else {
        return Probe::Unknown;
    };
    let Some(mut tcp) = reach(host, port, timeout) else {
        return Probe::Unknown;
    };
    if smtp_starttls && starttls(&mut tcp).is_none() {
        return Probe::Unknown;
    }
    handshake(config, &verdict, host, tcp).unwrap_or(Probe::Unknown)
}

/// A connection to the first address of `host:port`, with the timeouts set.
fn reach(host: &str, port: u16, timeout: std::time::Duration) -> Option<std::net::TcpStream> {
    let addr = std::net::ToSocketAddrs::to_socket_addrs(&(host, port))
        .ok()
        .and_then(|mut a| a.next())?;
    let tcp = std::net::TcpStream::connect_timeout(&addr, timeout).ok()?;
    let _ = tcp.set_read_timeout(Some(timeout));
    let _ = tcp.set_write_timeout(Some(timeout));
    Some(tcp)
}

/// SMTP's greeting, EHLO and STARTTLS, read by hand; `None` where the server does not go along.
fn starttls(tcp: &mut std::net::TcpStream) -> Option<()> {
    use std::io::{BufRead, Write};
    let mut reader = std::io::BufReader::new(tcp.try_clone().ok()?);
    let reply = |reader: &mut std::io::BufReader<std::net::TcpStream>| -> Option<String> {
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).ok()? == 0 {
                return None;
            }
            if line.as_bytes().get(3) != Some(&b'-') {
                return Some(line.clone());
            }
        }
    };
    let ok = reply(&mut reader).is_some_and(|l| l.starts_with("220"))
        && tcp.write_all(b"EHLO cartero\r\n").is_ok()
        && reply(&mut reader).is_some_and(|l| l.starts_with("250"))
        && tcp.write_all(b"STARTTLS\r\n").is_ok()
        && reply(&mut reader).is_some_and(|l| l.starts_with("220"));
    ok.then_some(())
}

/// The TLS handshake and what it found of the certificate; `None` where it says nothing.
fn handshake(
    config: Arc<ClientConfig>,
    verdict: &Verdict,
    host: &str,
    tcp: std::net::TcpStream,
) -> Option<Probe> {
    let name =
        ServerName::try_from(host.trim_matches(|c| c == '[' || c == ']').to_string()).ok()?;
    let conn = rustls::ClientConnection::new(config, name).ok()?;
    let mut stream = rustls::StreamOwned::new(conn, tcp);
    while stream.conn.is_handshaking() {
        if stream.conn.complete_io(&mut stream.sock).is_err() {
            return finding(verdict).words.take().map(Probe::Refused);
        }
    }
    Some(if finding(verdict).pinned {
        Probe::Pinned
    } else {
        Probe::Trusted
    })
}

/// A client configuration for `host`, trusting the web's roots and `ca_file`.
pub fn config(ca_file: Option<&Path>, section: &str) -> Result<(Arc<ClientConfig>, Verdict)> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let mut pinned = Vec::new();
    if let Some(path) = ca_file {
        let bytes = std::fs::read(path).with_context(|| {
            tr!(
                "tls-ca-file-unreadable",
                file = path.display(),
                section = section
            )
        })?;
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&bytes)
            .collect::<Result<_, _>>()
            .ok()
            .filter(|c: &Vec<_>| !c.is_empty())
            .with_context(|| {
                tr!(
                    "tls-ca-file-no-certificate",
                    file = path.display(),
                    section = section
                )
            })?;
        for cert in certs {
            // A certificate that signed itself is trusted as the server's own, byte for byte.
            if self_signed(&cert) {
                pinned.push(cert.clone());
            }
            let _ = roots.add(cert);
        }
    }
    let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .with_context(|| tr!("tls-setup-failed"))?;
    let verdict = Verdict::default();
    let verifier = Verifier {
        webpki,
        pinned,
        verdict: verdict.clone(),
        section: section.to_string(),
    };
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .with_context(|| tr!("tls-setup-failed"))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok((Arc::new(config), verdict))
}

#[derive(Debug)]
struct Verifier {
    webpki: Arc<WebPkiServerVerifier>,
    pinned: Vec<CertificateDer<'static>>,
    verdict: Verdict,
    section: String,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self
            .pinned
            .iter()
            .any(|p| p.as_ref() == end_entity.as_ref())
        {
            finding(&self.verdict).pinned = true;
            return Ok(ServerCertVerified::assertion());
        }
        let result =
            self.webpki
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now);
        if let Err(e) = &result {
            let words = match e {
                _ if self_signed(end_entity) => {
                    tr!("tls-self-signed", section = &self.section)
                }
                rustls::Error::InvalidCertificate(rustls::CertificateError::Expired) => {
                    tr!("tls-expired")
                }
                rustls::Error::InvalidCertificate(
                    rustls::CertificateError::NotValidForName
                    | rustls::CertificateError::NotValidForNameContext { .. },
                ) => tr!(
                    "tls-wrong-name",
                    host = server_name.to_str(),
                    section = &self.section
                ),
                _ => tr!(
                    "tls-not-trusted",
                    why = e.to_string(),
                    section = &self.section
                ),
            };
            finding(&self.verdict).words = Some(words);
        }
        result
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

/// Whether a certificate names itself as its issuer (read from its DER: the issuer and the
/// subject of the to-be-signed part are compared byte for byte).
pub fn self_signed(cert: &[u8]) -> bool {
    fn element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
        let (&tag, rest) = bytes.split_first()?;
        let (&first, rest) = rest.split_first()?;
        let (len, rest) = if first < 0x80 {
            (usize::from(first), rest)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 || rest.len() < n {
                return None;
            }
            let len = rest[..n]
                .iter()
                .fold(0usize, |a, &b| a << 8 | usize::from(b));
            (len, &rest[n..])
        };
        (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
    }
    let parts = || -> Option<bool> {
        let (_, certificate, _) = element(cert)?;
        let (_, tbs, _) = element(certificate)?;
        let mut rest = tbs;
        let mut fields = Vec::new();
        while !rest.is_empty() && fields.len() < 6 {
            let (tag, value, next) = element(rest)?;
            fields.push((tag, value));
            rest = next;
        }
        // [0] version is optional: then serial, signature, issuer, validity, subject.
        let skip = usize::from(fields.first()?.0 == 0xa0);
        let issuer = fields.get(skip + 2)?.1;
        let subject = fields.get(skip + 4)?.1;
        Some(issuer == subject)
    };
    parts().unwrap_or(false)
}
