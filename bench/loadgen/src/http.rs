//! Just enough HTTP/1.1 over a plain `TcpStream`: requests written by hand, a response
//! head parsed, a body read by length or by chunks. Ten thousand readers cost the
//! generator little this way, and what it measures is mostly the server.

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::{Error, Result};

/// The most a response head may take before we give up on it.
const MAX_HEAD_BYTES: usize = 32 * 1024;

/// Where the server listens, from a URL such as `http://127.0.0.1:8080`.
#[derive(Debug, Clone)]
pub struct Server {
    pub addr: SocketAddr,
    /// The `Host` header: the URL's authority as given.
    pub host: String,
}

impl Server {
    pub async fn from_url(url: &str) -> Result<Server> {
        let authority = url
            .strip_prefix("http://")
            .ok_or_else(|| Error::new(format!("{url}: only http:// URLs are supported")))?
            .trim_end_matches('/');
        if authority.contains('/') {
            return Err(Error::new(format!(
                "{url}: give the server's address only, without a path"
            )));
        }
        let addr = tokio::net::lookup_host(authority)
            .await
            .map_err(|error| Error::new(format!("{url}: {error}")))?
            .next()
            .ok_or_else(|| Error::new(format!("{url}: no address")))?;
        Ok(Server {
            addr,
            host: authority.to_owned(),
        })
    }

    /// A `GET` request.
    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Vec<u8> {
        let mut request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n", self.host);
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.into_bytes()
    }

    /// A `POST` request with its body.
    pub fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
        let mut request = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
            self.host,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let mut request = request.into_bytes();
        request.extend_from_slice(body);
        request
    }
}

/// A response's status line and headers.
#[derive(Debug)]
pub struct Head {
    pub status: u16,
    headers: Vec<(String, String)>,
}

impl Head {
    /// A header's value, by its name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the server will close the connection after this response.
    pub fn closes(&self) -> bool {
        self.header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"))
    }

    fn parse(bytes: &[u8]) -> Result<Head> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Error::new("a response head that is not UTF-8"))?;
        let mut lines = text.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status = status_line
            .strip_prefix("HTTP/1.")
            .and_then(|rest| rest.get(2..5))
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| Error::new(format!("not an HTTP response: {status_line:?}")))?;
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
            .collect();
        Ok(Head { status, headers })
    }
}

/// One client connection and the bytes read past what has been parsed so far.
pub struct Connection {
    stream: TcpStream,
    buffered: Vec<u8>,
}

impl Connection {
    pub async fn open(server: &Server) -> Result<Connection> {
        let stream = TcpStream::connect(server.addr).await?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream,
            buffered: Vec::new(),
        })
    }

    pub async fn send(&mut self, request: &[u8]) -> Result<()> {
        self.stream.write_all(request).await?;
        Ok(())
    }

    /// Reads up to the blank line that ends a response head.
    pub async fn read_head(&mut self) -> Result<Head> {
        loop {
            if let Some(end) = memchr::memmem::find(&self.buffered, b"\r\n\r\n") {
                let head = Head::parse(&self.buffered[..end])?;
                self.buffered.drain(..end + 4);
                return Ok(head);
            }
            if self.buffered.len() > MAX_HEAD_BYTES {
                return Err(Error::new("a response head longer than 32 KB"));
            }
            self.fill().await?;
        }
    }

    /// Reads the body that follows `head`, by its length or its chunks.
    pub async fn read_body(&mut self, head: &Head) -> Result<Vec<u8>> {
        if head.status == 204 || head.status == 304 || (100..200).contains(&head.status) {
            return Ok(Vec::new());
        }
        let chunked = head
            .header("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        if chunked {
            return self.read_chunked().await;
        }
        match head.header("content-length") {
            Some(length) => {
                let length: usize = length
                    .parse()
                    .map_err(|_| Error::new(format!("a Content-Length of {length:?}")))?;
                self.take(length).await
            }
            None => {
                // No length: the body runs to the end of the connection.
                while self.fill().await.is_ok() {}
                Ok(std::mem::take(&mut self.buffered))
            }
        }
    }

    /// The socket and whatever was read past the head, for a stream read raw.
    pub fn into_parts(self) -> (TcpStream, Vec<u8>) {
        (self.stream, self.buffered)
    }

    async fn read_chunked(&mut self) -> Result<Vec<u8>> {
        let mut body = Vec::new();
        loop {
            let line = self.take_line().await?;
            let size = line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| Error::new(format!("a chunk size of {size:?}")))?;
            if size == 0 {
                // Trailers, if any, up to the blank line.
                while !self.take_line().await?.is_empty() {}
                return Ok(body);
            }
            body.extend_from_slice(&self.take(size).await?);
            self.take_line().await?;
        }
    }

    async fn take_line(&mut self) -> Result<String> {
        loop {
            if let Some(end) = memchr::memmem::find(&self.buffered, b"\r\n") {
                let line = String::from_utf8_lossy(&self.buffered[..end]).into_owned();
                self.buffered.drain(..end + 2);
                return Ok(line);
            }
            self.fill().await?;
        }
    }

    async fn take(&mut self, length: usize) -> Result<Vec<u8>> {
        while self.buffered.len() < length {
            self.fill().await?;
        }
        let rest = self.buffered.split_off(length);
        Ok(std::mem::replace(&mut self.buffered, rest))
    }

    async fn fill(&mut self) -> Result<()> {
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(Error::new("the server closed the connection"));
        }
        self.buffered.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

/// Requests one after another on a keep-alive connection, opened again whenever the
/// server closes it.
pub struct Client {
    server: Server,
    connection: Option<Connection>,
}

impl Client {
    pub fn new(server: Server) -> Client {
        Client {
            server,
            connection: None,
        }
    }

    /// Sends `request` and reads the whole answer.
    pub async fn request(&mut self, request: &[u8]) -> Result<(Head, Vec<u8>)> {
        if let Some(connection) = self.connection.take() {
            // A kept connection the server has since closed fails before it answers:
            // the request then goes again on a fresh one.
            if let Ok(answer) = self.exchange(connection, request).await {
                return Ok(answer);
            }
        }
        let connection = Connection::open(&self.server).await?;
        self.exchange(connection, request).await
    }

    async fn exchange(
        &mut self,
        mut connection: Connection,
        request: &[u8],
    ) -> Result<(Head, Vec<u8>)> {
        connection.send(request).await?;
        let head = connection.read_head().await?;
        let body = connection.read_body(&head).await?;
        if !head.closes() {
            self.connection = Some(connection);
        }
        Ok((head, body))
    }
}
