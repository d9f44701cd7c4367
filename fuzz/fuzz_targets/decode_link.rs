//! Fuzzes the share-link decoder: URL and fragment parsing, base64url, zlib inflation with its
//! size cap, and the import of the document inside.
//!
//! Two inputs per run: the text as a link, and the bytes as the compressed payload of a link, so
//! that the inflater sees arbitrary streams and not only what survives base64 decoding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::interchange::link::base64url_encode;
use scorecard::core::interchange::{decode_link, encode_link};
use scorecard_fuzz::rubric;

fn check(link: &str) {
    let Ok(card) = decode_link(link, rubric()) else { return };
    if let Ok(again) = encode_link(&card) {
        assert_eq!(decode_link(&again, rubric()).as_ref(), Ok(&card), "the link round trip changed the scorecard");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    check(&format!("#sc1={}", base64url_encode(data)));
});
