//! A minimal HTTP/1.1 client (keep-alive; body by Content-Length or chunked).

use super::*;

pub(super) struct Conn {
    pub(super) stream: TcpStream,
    pub(super) buf: Vec<u8>,
}

/// One answer: status and body length (the body itself only when asked for).
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) len: usize,
    pub(super) body: Option<Vec<u8>>,
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Conn {
    pub(super) async fn open(addr: SocketAddr) -> std::io::Result<Self> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self {
            stream,
            buf: Vec::with_capacity(256 * 1024),
        })
    }

    pub(super) async fn write_all(&self, mut data: &[u8]) -> std::io::Result<()> {
        while !data.is_empty() {
            self.stream.writable().await?;
            match self.stream.try_write(data) {
                Ok(n) => data = &data[n..],
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Reads more into `buf`; an error at end of stream.
    pub(super) async fn fill(&mut self) -> std::io::Result<()> {
        loop {
            self.stream.readable().await?;
            let len = self.buf.len();
            self.buf.resize(len + 128 * 1024, 0);
            let read = self.stream.try_read(&mut self.buf[len..]);
            self.buf.truncate(len + *read.as_ref().unwrap_or(&0));
            match read {
                Ok(0) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "connection closed",
                    ));
                }
                Ok(_) => return Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// `GET path` and the whole answer; `keep` keeps the body.
    pub(super) async fn get(
        &mut self,
        path: &str,
        host: &str,
        keep: bool,
    ) -> std::io::Result<Answer> {
        let req =
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n");
        self.write_all(req.as_bytes()).await?;
        let head_end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i + 4;
            }
            self.fill().await?;
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end]).to_ascii_lowercase();
        let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_owned());
        let status: u16 = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no status line"))?;
        let header = |name: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
        };
        if let Some(len) = header("content-length:") {
            let len: usize = len.parse().map_err(|_| bad("content-length"))?;
            // Read the body in place, dropping what is read when it is not kept.
            let mut got = self.buf.len() - head_end;
            let mut body = keep.then(|| self.buf[head_end..].to_vec());
            self.buf.clear();
            while got < len {
                self.fill().await?;
                got += self.buf.len();
                if let Some(b) = &mut body {
                    b.extend_from_slice(&self.buf);
                }
                self.buf.clear();
            }
            if got > len {
                return Err(bad(
                    "more bytes than content-length (pipelining is not used)",
                ));
            }
            Ok(Answer { status, len, body })
        } else if header("transfer-encoding:").is_some_and(|v| v.contains("chunked")) {
            // Decode as the chunks arrive: `pos` is the next chunk header in `buf`.
            let mut pos = head_end;
            let mut body = Vec::new();
            loop {
                let line_end = loop {
                    if let Some(i) = find(&self.buf[pos..], b"\r\n") {
                        break pos + i;
                    }
                    self.fill().await?;
                };
                let size_text = String::from_utf8_lossy(&self.buf[pos..line_end]).to_string();
                let size =
                    usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
                        .map_err(|_| bad("chunk size"))?;
                let data = line_end + 2;
                while self.buf.len() < data + size + 2 {
                    self.fill().await?;
                }
                body.extend_from_slice(&self.buf[data..data + size]);
                pos = data + size + 2;
                if size == 0 {
                    break;
                }
            }
            self.buf.drain(..pos);
            let len = body.len();
            Ok(Answer {
                status,
                len,
                body: keep.then_some(body),
            })
        } else {
            Err(bad("neither content-length nor chunked"))
        }
    }
}
