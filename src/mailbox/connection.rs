//! The connection under an IMAP session: TCP, STARTTLS read by hand, then our rustls stream.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use rustls::pki_types::ServerName;
use rustls::{ClientConnection, StreamOwned};

use super::failure::said;
use crate::settings::{Imap, Security};
use crate::tls;

/// The byte stream under the IMAP session.
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stream::Plain(_) => "plain",
            Stream::Tls(_) => "tls",
        })
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

/// Connects and secures the connection as `security` says; no login yet.
pub(super) fn open(imap: &Imap) -> Result<imap::Client<Stream>> {
    let tcp = reach(imap)?;
    let stream = match imap.server.security {
        Security::Tls => secure(imap, tcp)?,
        Security::Starttls => secure(imap, starttls(imap, tcp)?)?,
        Security::None => Stream::Plain(tcp),
    };
    let mut client = imap::Client::new(stream);
    if imap.server.security == Security::Starttls {
        // The greeting came before STARTTLS; none follows it.
        return Ok(client);
    }
    greet(imap, &mut client)?;
    Ok(client)
}

/// The first of the server's addresses that answers, with the timeouts set.
fn reach(imap: &Imap) -> Result<TcpStream> {
    let addrs: Vec<_> = (imap.server.host.as_str(), imap.server.port)
        .to_socket_addrs()
        .map_err(|_| anyhow::anyhow!(tr!("imap-host-not-found", host = &imap.server.host)))?
        .collect();
    let mut last = None;
    let mut tcp = None;
    for addr in &addrs {
        match TcpStream::connect_timeout(addr, imap.server.timeout) {
            Ok(s) => {
                tcp = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let Some(tcp) = tcp else {
        let e = last.map_or_else(|| tr!("imap-no-address"), |e| e.to_string());
        bail!(tr!(
            "imap-nothing-answers",
            port = imap.server.port.to_string(),
            host = &imap.server.host,
            why = e
        ));
    };
    tcp.set_read_timeout(Some(imap.server.timeout))?;
    tcp.set_write_timeout(Some(imap.server.timeout))?;
    let _ = tcp.set_nodelay(true);
    Ok(tcp)
}

/// The server's greeting, read on the secured stream; a port that is not IMAP's said as such.
fn greet(imap: &Imap, client: &mut imap::Client<Stream>) -> Result<()> {
    client.read_greeting().map_err(|e| match e {
        imap::Error::Io(ref io) if io.kind() == std::io::ErrorKind::InvalidData => {
            anyhow::anyhow!(tls_words(imap, io))
        }
        imap::Error::Io(ref io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            anyhow::anyhow!(tr!(
                "imap-no-greeting",
                seconds = imap.server.timeout.as_secs()
            ))
        }
        e => said(&e, &tr!("imap-doing-greet")),
    })?;
    Ok(())
}

/// The greeting and STARTTLS, read by hand on the bare connection (the `imap` crate does this
/// only with a TLS library of its own).
fn starttls(imap: &Imap, mut tcp: TcpStream) -> Result<TcpStream> {
    use std::io::BufRead;
    let waited = imap.server.timeout.min(std::time::Duration::from_secs(10));
    let timeout = || anyhow::anyhow!(tr!("imap-sent-nothing", seconds = waited.as_secs()));
    // A port that speaks TLS first says nothing: no need to wait the whole timeout for that.
    tcp.set_read_timeout(Some(waited))?;
    let mut reader = std::io::BufReader::new(tcp.try_clone()?);
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<()> {
        line.clear();
        match reader.read_line(line) {
            Ok(0) => bail!(tr!("imap-closed-at-once")),
            Ok(_) => Ok(()),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Err(timeout())
            }
            Err(e) => bail!(tr!("imap-connection-failed", why = e.to_string())),
        }
    };
    read_line(&mut line)?;
    if line.starts_with('\u{16}') || !line.starts_with('*') {
        bail!(tr!(
            "imap-not-an-imap-greeting",
            port = imap.server.port.to_string()
        ));
    }
    if line.starts_with("* BYE") {
        bail!(tr!("imap-goodbye-at-once", reply = line.trim()));
    }
    tcp.set_read_timeout(Some(imap.server.timeout))?;
    tcp.write_all(b"s0 STARTTLS\r\n")?;
    loop {
        read_line(&mut line)?;
        if line.starts_with("s0 OK") {
            break;
        }
        if line.starts_with("s0 ") {
            bail!(tr!("imap-no-starttls", reply = line.trim()));
        }
    }
    Ok(tcp)
}

/// The TLS handshake, done now so that a refused certificate is said as such.
fn secure(imap: &Imap, tcp: TcpStream) -> Result<Stream> {
    let (config, verdict) = tls::config(imap.server.ca_file.as_deref(), "[imap]")?;
    let name = ServerName::try_from(
        imap.server
            .host
            .trim_matches(|c| c == '[' || c == ']')
            .to_string(),
    )
    .with_context(|| tr!("imap-not-a-host-name", host = &imap.server.host))?;
    let conn = ClientConnection::new(Arc::clone(&config), name)
        .with_context(|| tr!("imap-tls-start-failed"))?;
    let mut stream = StreamOwned::new(conn, tcp);
    while stream.conn.is_handshaking() {
        if let Err(e) = stream.conn.complete_io(&mut stream.sock) {
            let words = verdict
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .words
                .take();
            match words {
                Some(w) => bail!("{w}"),
                None => bail!(tls_words(imap, &e)),
            }
        }
    }
    Ok(Stream::Tls(Box::new(stream)))
}

fn tls_words(imap: &Imap, e: &std::io::Error) -> String {
    let text = e.to_string();
    if text.contains("InvalidContentType") || text.contains("corrupt message") {
        tr!("imap-not-tls", port = imap.server.port.to_string())
    } else {
        tr!("imap-tls-failed", why = text)
    }
}
