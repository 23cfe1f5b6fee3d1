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

/// Line start offsets of a text, for turning byte offsets into 1-based lines and character columns.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based line and column; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { starts }
    }

    /// The 0-based line that holds `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of 0-based line `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(text.len());
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Where a file's bytes were not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the first invalid byte in the file as stored on disk.
    pub byte_offset: usize,
    /// Offset of the replacement character in the decoded text.
    pub text_offset: usize,
    /// The file has no UTF-8 character beyond ASCII at all: it is in an 8-bit encoding
    /// (Latin-1, Windows-1252), not a UTF-8 file with a damaged byte.
    pub eight_bit: bool,
}

/// The encoding a file is in when it is plainly UTF-16 or UTF-32 (by its byte-order mark, or by
/// the zero bytes that the ASCII characters of such a file have on one side): such a file is
/// no text to decode as UTF-8 (every other byte is a NUL), so it is reported once and not
/// checked. `None` for anything else, a file of NUL bytes included.
pub fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE\0\0") {
        return Some("UTF-32 LE");
    }
    if bytes.starts_with(b"\0\0\xFE\xFF") {
        return Some("UTF-32 BE");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Some("UTF-16 LE");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 BE");
    }
    // Without a mark: most of the first pairs of bytes have a NUL on one side and not the other.
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut low, mut high) = (0, 0);
    for p in head.chunks_exact(2) {
        match (p[0] == 0, p[1] == 0) {
            (false, true) => low += 1,
            (true, false) => high += 1,
            _ => {}
        }
    }
    if low * 10 >= pairs * 6 && high * 20 <= pairs {
        Some("UTF-16 LE")
    } else if high * 10 >= pairs * 6 && low * 20 <= pairs {
        Some("UTF-16 BE")
    } else {
        None
    }
}

/// The decoded text of one file: UTF-8, without a byte-order mark.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    pub text: String,
    pub had_bom: bool,
    pub error: Option<DecodeError>,
}

/// Decodes file bytes: strips a UTF-8 byte-order mark, and replaces invalid UTF-8 with U+FFFD,
/// remembering where the first invalid byte was so it can be reported.
pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if had_bom {
        bytes.drain(..3);
    }
    let bom = if had_bom { 3 } else { 0 };
    // Valid UTF-8 (nearly every file) is validated once, with SIMD, and kept without a copy.
    match simdutf8::compat::from_utf8(&bytes) {
        Ok(_) => Decoded {
            // SAFETY: `simdutf8` has just checked that `bytes` is valid UTF-8.
            text: unsafe { String::from_utf8_unchecked(bytes) },
            had_bom,
            error: None,
        },
        Err(e) => {
            let valid = e.valid_up_to();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let eight_bit = !had_bom && text.chars().all(|c| c.is_ascii() || c == '\u{FFFD}');
            Decoded {
                text,
                had_bom,
                error: Some(DecodeError {
                    byte_offset: valid + bom,
                    text_offset: valid,
                    eight_bit,
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nb = 五二x\r\nc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), LineCol { line: 2, column: 7 });
        let c = text.rfind('c').unwrap();
        assert_eq!(idx.line_col(text, c), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_range(text, 1), 6..(6 + "b = 五二x".len()));
    }

    #[test]
    fn decode_strips_bom_and_reports_invalid_utf8() {
        let d = decode(b"\xEF\xBB\xBFa = b".to_vec());
        assert!(d.had_bom);
        assert_eq!(d.text, "a = b");
        let d = decode(b"a = \xFFb".to_vec());
        assert_eq!(d.error.unwrap().byte_offset, 4);
        assert_eq!(d.text, "a = \u{FFFD}b");
    }
}
