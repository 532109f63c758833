//! For tests: the text poppler's `pdftotext` extracts from a PDF, as a reader's tools get it.
//! When the tool is missing and the tests run as root (CI, a fresh container), Debian's
//! `poppler-utils` is installed once, so `cargo test --workspace` needs nothing prepared;
//! otherwise the error says what to install.

use std::io::ErrorKind;
use std::process::Command;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

static INSTALL: Once = Once::new();

fn install() {
    INSTALL.call_once(|| {
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
        if root {
            let _ = Command::new("sh")
                .args([
                    "-c",
                    "DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
                     DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null",
                ])
                .status();
        }
    });
}

/// The text of `pdf` (`pdftotext -enc UTF-8`), or why it could not be extracted.
pub fn pdftotext(pdf: &[u8]) -> Result<String, String> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "ankommen-pdftotext-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let run = || {
        Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
    };
    let mut out = run();
    if matches!(&out, Err(e) if e.kind() == ErrorKind::NotFound) {
        install();
        out = run();
    }
    let _ = std::fs::remove_file(&path);
    let out = out.map_err(|e| {
        format!("pdftotext (Debian package poppler-utils) is needed to check PDFs: {e}")
    })?;
    if !out.status.success() {
        return Err(format!("pdftotext failed: {out:?}"));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("pdftotext gave no UTF-8: {e}"))
}
