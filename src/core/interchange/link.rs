//! Share links: a whole scorecard in a URL fragment.
//!
//! The fragment is `#sc1=` followed by the base64url text (no padding) of the zlib-compressed
//! compact JSON document. `sc1` is the link format's version: a later link format gets a new
//! prefix, and this build says so rather than misreading it. The fragment never reaches a
//! server, so a shared scorecard stays between the people who hold the link.
//!
//! zlib (RFC 1950) rather than raw deflate is used for its Adler-32 checksum: a link damaged in
//! copying is reported as corrupt instead of decoding to garbage, and so is anything after the
//! end of the compressed stream (text glued to the link). Decoding stops at
//! [`MAX_DOCUMENT_BYTES`] of output, so a small link that would expand hugely (a compression
//! bomb) is refused without allocating more than that. Links longer than [`MAX_LINK_CHARS`] are
//! refused when made, never truncated.

use std::fmt;

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::{import_json, ImportError};
use crate::core::rubric::Rubric;
use crate::core::scorecard::{Scorecard, MAX_DOCUMENT_BYTES};

/// What a share-link fragment starts with (after `#`): the link format, version 1.
pub const LINK_PREFIX: &str = "sc1=";

/// The longest link [`encode_link`] makes, in characters.
///
/// Browsers accept far longer URLs, but chat tools, e-mail clients and ATS note fields start
/// cutting or refusing links around this length; a longer scorecard should travel as a file.
pub const MAX_LINK_CHARS: usize = 8_000;

/// The longest text [`decode_link`] looks at, in characters: larger input is refused unread.
pub const MAX_LINK_INPUT_CHARS: usize = 2 * MAX_DOCUMENT_BYTES;

/// The zlib compression level used (miniz's 0 to 10 scale; 9 is the best ratio at normal speed).
const LEVEL: u8 = 9;

/// Why a share link could not be made or read.
///
/// Each message says what is wrong with the link and, where it helps, what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The link would be longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// The link's length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// The input is longer than [`MAX_LINK_INPUT_CHARS`].
    InputTooLarge {
        /// The input's length in bytes.
        bytes: usize,
    },
    /// No `sc1=` fragment was found.
    NotALink,
    /// A share link of a newer link format, such as `sc2=`.
    NewerFormat {
        /// The prefix found, without `=`.
        prefix: String,
    },
    /// The fragment holds a character that is not base64url.
    BadCharacter {
        /// The character found.
        found: char,
        /// Its position in the data after the prefix, counted in characters from 1.
        position: usize,
    },
    /// The data ends early: the link was cut when copied.
    Truncated,
    /// The compressed data is damaged.
    Corrupt {
        /// What the decompressor found.
        detail: &'static str,
    },
    /// Data follows the end of the compressed stream: something was glued to the link.
    TrailingData,
    /// The data would expand beyond [`MAX_DOCUMENT_BYTES`].
    TooLargeDecompressed {
        /// The limit in bytes.
        limit: usize,
    },
    /// The decompressed data is not UTF-8 text.
    NotText,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong { chars, limit } => write!(
                f,
                "share link would be {chars} characters; the limit is {limit}, beyond which chat tools and ATS fields cut links. \
                 Export the scorecard as a JSON file instead"
            ),
            LinkError::InputTooLarge { bytes } => {
                write!(f, "share link input is {bytes} bytes; the limit is {MAX_LINK_INPUT_CHARS}")
            }
            LinkError::NotALink => {
                write!(f, "not a share link: expected a URL or fragment containing \"#{LINK_PREFIX}\" followed by the scorecard data")
            }
            LinkError::NewerFormat { prefix } => write!(
                f,
                "share link format \"{}\" is newer than this Scorecard reads (\"{}\"); open it with a newer release",
                crate::core::scorecard::clip(prefix),
                LINK_PREFIX.trim_end_matches('=')
            ),
            LinkError::BadCharacter { found, position } => write!(
                f,
                "share link is corrupt: character {found:?} at position {position} of the data is not base64url (A-Z a-z 0-9 - _)"
            ),
            LinkError::Truncated => {
                write!(f, "share link is truncated: the data ends early; copy the whole link again")
            }
            LinkError::Corrupt { detail } => write!(f, "share link is corrupt: {detail}; copy the whole link again"),
            LinkError::TrailingData => {
                write!(f, "share link is corrupt: data follows the end of the compressed scorecard; copy the link alone, without what follows it")
            }
            LinkError::TooLargeDecompressed { limit } => write!(
                f,
                "share link expands to more than {limit} bytes, the limit of a scorecard document; refused"
            ),
            LinkError::NotText => write!(f, "share link is corrupt: its data is not UTF-8 text"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The share-link fragment of a scorecard: `#sc1=...`, at most [`MAX_LINK_CHARS`] characters.
pub fn encode_link(card: &Scorecard) -> Result<String, LinkError> {
    let fragment = format!("#{LINK_PREFIX}{}", payload(card));
    check_length(fragment)
}

/// A full share URL: `base` (any fragment it had is replaced) followed by the fragment, at most
/// [`MAX_LINK_CHARS`] characters in all.
pub fn encode_link_url(card: &Scorecard, base: &str) -> Result<String, LinkError> {
    let base = base.split('#').next().unwrap_or(base);
    check_length(format!("{base}#{LINK_PREFIX}{}", payload(card)))
}

fn payload(card: &Scorecard) -> String {
    // Serializing a JSON value cannot fail.
    let json = crate::core::json::to_text(&card.to_value());
    base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), LEVEL))
}

fn check_length(link: String) -> Result<String, LinkError> {
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars, limit: MAX_LINK_CHARS });
    }
    Ok(link)
}

/// Reads a share link: a full URL or just its fragment, with or without `#`, as people paste it
/// ([`as_pasted`]). The decoded document goes through [`import_json`], so it is migrated and validated
/// like any imported file.
pub fn decode_link(input: &str, rubric: &Rubric) -> Result<Scorecard, ImportError> {
    let json = decode_link_json(input)?;
    import_json(&json, rubric)
}

/// The JSON text a share link holds, before any validation. Used by [`decode_link`] and the
/// fuzz target for the decoder alone.
pub fn decode_link_json(input: &str) -> Result<String, LinkError> {
    if input.len() > MAX_LINK_INPUT_CHARS {
        return Err(LinkError::InputTooLarge { bytes: input.len() });
    }
    let data = find_data(as_pasted(input))?;
    let bytes = base64url_decode(data)?;
    String::from_utf8(inflate(&bytes)?).map_err(|_| LinkError::NotText)
}

/// A link as people paste it, without the white space around it and the angle bracket mail
/// clients and Markdown put before a link (`<https://…>`). What may follow it, the closing
/// bracket and the punctuation of the sentence it ends, is not base64url: the decoder skips it
/// as it skips white space (`base64url_decode`). The scorer's paste box tells a link from a
/// document by this too (`wire::looks_like_link`).
pub fn as_pasted(input: &str) -> &str {
    input.trim().trim_start_matches('<')
}

/// Inflates one zlib stream into at most [`MAX_DOCUMENT_BYTES`], refusing anything after its end.
/// miniz_oxide's `decompress_to_vec_zlib_with_limit` does the same but ignores what follows the
/// stream; this loop is that function's, with the input it consumed kept.
fn inflate(mut input: &[u8]) -> Result<Vec<u8>, LinkError> {
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    // Grown by doubling; never empty, so that it grows.
    let mut out = vec![0; input.len().saturating_mul(2).clamp(1024, MAX_DOCUMENT_BYTES)];
    let mut state = Box::<DecompressorOxide>::default();
    let mut written = 0;
    loop {
        let (status, read, wrote) = decompress(&mut state, input, &mut out, written, flags);
        written += wrote;
        input = input.get(read..).unwrap_or_default();
        match status {
            TINFLStatus::Done if input.is_empty() => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::Done => return Err(LinkError::TrailingData),
            TINFLStatus::HasMoreOutput if out.len() < MAX_DOCUMENT_BYTES => {
                out.resize(out.len().saturating_mul(2).min(MAX_DOCUMENT_BYTES), 0)
            }
            TINFLStatus::HasMoreOutput => return Err(LinkError::TooLargeDecompressed { limit: MAX_DOCUMENT_BYTES }),
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => return Err(LinkError::Truncated),
            TINFLStatus::Adler32Mismatch => return Err(LinkError::Corrupt { detail: "the checksum does not match" }),
            _ => return Err(LinkError::Corrupt { detail: "the compressed data is damaged" }),
        }
    }
}

/// Finds the base64url data in a URL, a fragment or the bare data.
fn find_data(input: &str) -> Result<&str, LinkError> {
    // Everything after the first '#' is the fragment; without one, the input is the fragment.
    let fragment = match input.split_once('#') {
        Some((_, f)) => f,
        None => input,
    };
    // A fragment may carry other parameters a host page added: `a=1&sc1=...`.
    for part in fragment.split('&') {
        // Some tools percent-encode the `=`.
        if let Some(data) = part.strip_prefix(LINK_PREFIX).or_else(|| part.strip_prefix("sc1%3D")) {
            return Ok(data);
        }
        if let Some(prefix) = newer_prefix(part) {
            return Err(LinkError::NewerFormat { prefix: prefix.to_string() });
        }
    }
    Err(LinkError::NotALink)
}

/// `sc2` for a part such as `sc2=...`: a link format this build does not read.
fn newer_prefix(part: &str) -> Option<&str> {
    let (name, _) = part.split_once('=')?;
    let digits = name.strip_prefix("sc")?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && name != "sc1").then_some(name)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648, section 5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = ((n >> (18 - 6 * i)) & 0x3f) as usize;
            out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
        }
    }
    out
}

/// Decodes base64url, with or without `=` padding. Standard base64's `+` and `/` are accepted
/// too, since some tools rewrite the alphabet, and white space is skipped.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for (i, c) in text.chars().enumerate() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            // Mail clients wrap long links; the line breaks are not data. Nor is what people put
            // around a link: the punctuation of the sentence it ends, a closing angle bracket.
            ' ' | '\t' | '\r' | '\n' | '.' | ',' | ';' | ':' | '!' | '?' | '>' => continue,
            _ => return Err(LinkError::BadCharacter { found: c, position: i + 1 }),
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // One leftover character (six bits) cannot end a valid encoding: a character was lost.
    if bits >= 6 {
        return Err(LinkError::Truncated);
    }
    Ok(out)
}
