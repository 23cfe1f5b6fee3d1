//! Reading files from disk and turning byte offsets into lines and columns.

use std::io::Read as _;
use std::ops::Range;
use std::path::Path;

/// The most leaflint reads of any one file: a leaflet's `.ftl` file, a configuration, a
/// glossary, a termbase or a baseline is far smaller; a larger one is refused, not read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a whole regular file, at most `limit` bytes. Special files (FIFOs, devices, sockets)
/// are never read: the file is opened without blocking (so a FIFO without a writer cannot hang
/// the run), and anything that is not a regular file once opened is refused. A file larger
/// than `limit` is refused before its contents are read.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind};
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a FIFO, device or socket)"
        };
        return Err(Error::new(ErrorKind::InvalidInput, format!("is {what}")));
    }
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// [`read_limited`] with [`MAX_FILE_BYTES`], as UTF-8 text.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = read_limited(path, MAX_FILE_BYTES)?;
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "is not valid UTF-8 (byte {} is not part of a character)",
                e.utf8_error().valid_up_to() + 1
            ),
        )
    })
}

fn too_large(limit: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("is larger than {} MB", limit / (1024 * 1024)),
    )
}
