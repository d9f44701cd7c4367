//! Who a scorecard is about and by: the key that groups a person's scorecards, and the form in
//! which names and interview steps are compared.
//!
//! A person with an id is their id (trimmed). A person named without one (the scorer's page has
//! no id fields) is their name as compared ([`same_name`]): lower case, white space runs as one
//! space, trimmed, and the Latin letters with one accent composed, so that "Priya Raman" and
//! "priya  raman " are one person, and so are a "José Núñez" written composed and one written
//! decomposed (e and U+0301, as macOS and some ATS exports write it). The interview step is
//! compared in the same form in the duplicate rule. See docs/WHY-committee.md, "Why group by
//! person".

use crate::core::scorecard::Person;

/// The key that groups a person's scorecards: the id, trimmed, or, without one, the name as
/// [`same_name`] writes it ("" when neither is given). Stable: it depends on the person only, not
/// on which spelling was loaded first or is most common (the views show that one).
pub fn person_key(person: &Person) -> String {
    match person.id.trim() {
        "" => same_name(&person.name),
        id => id.to_string(),
    }
}

/// A name (or an interview step) as scorecards are joined by it: lower case, white space runs as
/// one space, trimmed, and a Latin letter followed by a combining accent composed into the one
/// letter it makes (NFC's composition for the letters of U+00C0..=U+017F), so that the two
/// encodings of "é" are one.
///
/// Composed, not decomposed, so that a key is written as most text is (and as a name typed on
/// Windows or Linux is). Limits: only the letters of Latin-1 and Latin Extended-A with one mark
/// are composed; a letter outside them (Vietnamese "ễ" U+1EC5, Romanian "ș" U+0219, pinyin "ǎ"
/// U+01CE, Greek, Cyrillic "й", Hangul) is compared as written, so its composed and
/// decomposed forms stay two names, as do marks written in another order than Unicode's
/// canonical one. Accents are not dropped: "José" and "Jose" are two names, as they may be two
/// people. Case is folded by `char::to_lowercase` (the table the committee already links), not
/// by Unicode's full case folding: "ß" and "ss" are two names.
pub fn same_name(name: &str) -> String {
    // Lowering a composed letter gives the composed lower-case letter (İ, whose lower case is
    // "i" and a dot above, is so whichever way it was written), so the order does not matter.
    spelling(name).to_lowercase()
}

/// A name as it is spelt, whatever its spacing and however its accents are encoded: white
/// space runs as one space, trimmed, and a Latin letter and a combining accent as the one letter
/// they make ([`same_name`] without the case). Two names of one spelling look the same.
pub(super) fn spelling(name: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match out.last_mut().and_then(|letter| Some((composed(*letter, c)?, letter))) {
                Some((one, letter)) => *letter = one,
                None => out.push(c),
            }
        }
    }
    out.into_iter().collect()
}

/// The letters U+00C0..=U+017F, one column each: the letter each is written with (`_` for
/// those that are not a letter and a mark: Æ, Ð, ×, Ø, Þ, ß, Đ, ı, Ł, Œ, ...), and below it
/// the mark, in `MARK_CODES`' notation. "A" over "`" is À (U+00C0), "y" over ":" is ÿ (U+00FF).
/// (Unicode's canonical decompositions; every one in this range is an ASCII letter and one mark.
/// The compatibility ones, ĳ, ŉ, ſ, Ŀ, are not compositions and are left out.)
const LETTERS: &[u8; 192] = b"\
AAAAAA_CEEEEIIII_NOOOOO__UUUUY__aaaaaa_ceeeeiiii_nooooo__uuuuy_y\
AaAaAaCcCcCcCcDd__EeEeEeEeEeGgGgGgGgHh__IiIiIiIiI___JjKk_LlLlLl_\
___NnNnNn___OoOoOo__RrRrRrSsSsSsSsTtTt__UuUuUuUuUuUuWwYyYZzZzZz_";
const MARKS: &[u8; 192] = b"\
`'^~:o_,`'^:`'^:_~`'^~:__`'^:'__`'^~:o_,`'^:`'^:_~`'^~:__`'^:'_:\
--uu;;''^^..vvvv__--uu..;;vv^^uu..,,^^__~~--uu;;.___^^,,_'',,vv_\
___'',,vv___--uu\"\"__'',,vv''^^,,vv,,vv__~~--uuoo\"\";;^^^^:''..vv_";

/// The combining marks U+0300..=U+0328 in `MARKS`' notation (`_`: a mark no letter there
/// has): grave, acute, circumflex, tilde, macron, breve, dot above, diaeresis, ring above,
/// double acute, caron, and, at U+0327 and U+0328, cedilla and ogonek.
const MARK_CODES: &[u8; 41] = b"`'^~-_u.:_o\"v__________________________,;";

/// The one letter of U+00C0..=U+017F that `letter` followed by the combining `mark` makes, if
/// any.
fn composed(letter: char, mark: char) -> Option<char> {
    let code = MARK_CODES.get(usize::try_from(u32::from(mark).checked_sub(0x300)?).ok()?).filter(|&&c| c != b'_')?;
    let at = LETTERS.iter().zip(MARKS).position(|(&l, m)| char::from(l) == letter && m == code)?;
    char::from_u32(0xC0 + u32::try_from(at).ok()?)
}
