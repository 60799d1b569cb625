//! Old office files typed with the legacy Vietnamese encodings, converted to Unicode NFC.
//!
//! Both encodings put Vietnamese letters on the byte values of Windows-1252, so a file read as
//! Windows-1252 (a CSV) or a workbook whose cells were typed with those fonts shows them as
//! Latin-1 characters: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3) or "Coäng hoøa xaõ hoäi
//! chuû nghóa Vieät Nam" (VNI) for "Cộng hoà xã hội chủ nghĩa Việt Nam".
//!
//! - **TCVN3 (ABC, ".VnTime" fonts)**: TCVN 5712:1993, table VN3. One byte per letter; only
//!   the lower-case toned letters exist (the ".VnTimeH" fonts draw the same bytes as capitals),
//!   plus the seven capitals Ă Â Ê Ô Ơ Ư Đ. "ư" is 0xAD, the soft hyphen.
//! - **VNI (VNI-Times)**: VNI-Windows, by VNI Software: a base letter followed by a mark
//!   character ("e" + "ä" = "ệ"), with single characters for đ, ơ, ư, the toned i and ỵ.
//!
//! Tables as published in the Vietnamese Unicode project's charset tables
//! (<https://vietunicode.sourceforge.net/charset/>), cross-checked against the TCVN 5712
//! table of XFree86 (`xc/lib/X11/lcUniConv/tcvn.h`, bytes 0xA0–0xFF) and the VNI-Windows table
//! of the VBKey converter.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

use super::syllable::is_syllable;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub const ALL: [Legacy; 2] = [Legacy::Tcvn3, Legacy::Vni];

    pub fn label(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN3 (VN3), bytes 0xA1–0xFE (as Latin-1 characters) to Unicode. Bytes not listed are
/// not letters in VN3 and stay as they are.
const TCVN3: [(char, char); 74] = [
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
    ('\u{A8}', 'ă'),
    ('\u{A9}', 'â'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{AE}', 'đ'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{C6}', 'ặ'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
];

/// VNI letters that are one character: đ, ơ, ư, the toned i and ỵ.
const VNI_LETTERS: [(char, char); 18] = [
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('ì', 'ì'),
    ('Ì', 'Ì'),
    ('í', 'í'),
    ('Í', 'Í'),
    ('æ', 'ỉ'),
    ('Æ', 'Ỉ'),
    ('ó', 'ĩ'),
    ('Ó', 'Ĩ'),
    ('ò', 'ị'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// VNI mark characters, lower and upper case alike: (shape, tone) added to the letter before.
fn vni_mark(c: char) -> Option<(Option<char>, Option<char>)> {
    let mark = match c {
        'ø' | 'Ø' => (None, Some(GRAVE)),
        'ù' | 'Ù' => (None, Some(ACUTE)),
        'û' | 'Û' => (None, Some(HOOK)),
        'õ' | 'Õ' => (None, Some(TILDE)),
        'ï' | 'Ï' => (None, Some(DOT)),
        'â' | 'Â' => (Some(CIRCUMFLEX), None),
        'à' | 'À' => (Some(CIRCUMFLEX), Some(GRAVE)),
        'á' | 'Á' => (Some(CIRCUMFLEX), Some(ACUTE)),
        'å' | 'Å' => (Some(CIRCUMFLEX), Some(HOOK)),
        'ã' | 'Ã' => (Some(CIRCUMFLEX), Some(TILDE)),
        'ä' | 'Ä' => (Some(CIRCUMFLEX), Some(DOT)),
        'ê' | 'Ê' => (Some(BREVE), None),
        'è' | 'È' => (Some(BREVE), Some(GRAVE)),
        'é' | 'É' => (Some(BREVE), Some(ACUTE)),
        'ú' | 'Ú' => (Some(BREVE), Some(HOOK)),
        'ü' | 'Ü' => (Some(BREVE), Some(TILDE)),
        'ë' | 'Ë' => (Some(BREVE), Some(DOT)),
        _ => return None,
    };
    Some(mark)
}

/// The letter `prev` with a VNI mark added, if Vietnamese has such a letter.
fn vni_compose(prev: char, (shape, tone): (Option<char>, Option<char>)) -> Option<char> {
    let mut base = None;
    let mut marks = Vec::with_capacity(3);
    decompose_canonical(prev, |c| match base {
        None => base = Some(c),
        Some(_) => marks.push(c),
    });
    let base = base?;
    let lower = base.to_ascii_lowercase();
    if !"aeiouy".contains(lower) || !base.is_ascii() {
        return None;
    }
    let has_shape = marks.iter().any(|m| [CIRCUMFLEX, BREVE, HORN].contains(m));
    let has_tone = marks
        .iter()
        .any(|m| [GRAVE, ACUTE, TILDE, HOOK, DOT].contains(m));
    if let Some(shape) = shape {
        let fits = match shape {
            CIRCUMFLEX => "aeo".contains(lower),
            _ => lower == 'a',
        };
        if has_shape || has_tone || !fits {
            return None;
        }
        marks.push(shape);
    }
    if let Some(tone) = tone {
        if has_tone {
            return None;
        }
        marks.push(tone);
    }
    let composed: String = std::iter::once(base).chain(marks).nfc().collect();
    let mut chars = composed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn tcvn3_letter(c: char) -> Option<char> {
    if !('\u{A1}'..='\u{FE}').contains(&c) {
        return None;
    }
    TCVN3
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|i| TCVN3[i].1)
}

/// Letters only Unicode Vietnamese text has (ă đ ĩ ũ ơ ư and the U+1EA0 block) or combining
/// marks: text holding them was not read from a legacy encoding.
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(c,
        'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư'
        | '\u{300}'..='\u{323}' | '\u{1EA0}'..='\u{1EF9}')
}

/// True if `s` holds letters that only Unicode Vietnamese text has.
pub fn has_unicode_vietnamese(s: &str) -> bool {
    s.chars().any(is_unicode_vietnamese)
}

fn convert_tcvn3(s: &str) -> String {
    // ".VnTimeH" text is typed with the lower-case bytes and drawn in capitals: a cell whose
    // plain letters are all capitals, or a word with two capitals and no small letter, is
    // upper case ("CéNG HOµ" is "CỘNG HOÀ"; "Lª" stays "Lê").
    let upper_cell = {
        let mut letters = s.chars().filter(char::is_ascii_alphabetic);
        let mut count = 0;
        letters.all(|c| {
            count += 1;
            c.is_ascii_uppercase()
        }) && count >= 2
    };
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    for word in s.split_inclusive(char::is_whitespace) {
        let capitals = word.chars().filter(char::is_ascii_uppercase).count();
        let upper = upper_cell || (capitals >= 2 && !word.chars().any(|c| c.is_ascii_lowercase()));
        for c in word.chars() {
            match tcvn3_letter(c) {
                Some(l) if upper => out.extend(l.to_uppercase()),
                Some(l) => out.push(l),
                None => out.push(c),
            }
        }
    }
    out
}

fn convert_vni(s: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if let Some(&(_, to)) = VNI_LETTERS.iter().find(|(from, _)| *from == c) {
            // "ô" after a vowel is the circumflex mark's look-alike in no case: it is "ơ".
            out.push(to);
            continue;
        }
        if let (Some(mark), Some(&prev)) = (vni_mark(c), out.last())
            && let Some(composed) = vni_compose(prev, mark)
        {
            *out.last_mut().expect("a previous letter") = composed;
            continue;
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// Converts text read as Windows-1252 from `legacy` to Unicode NFC. Text that already holds
/// Unicode Vietnamese letters is returned unchanged (only composed to NFC), so a cell typed in
/// Unicode inside a legacy file survives.
pub fn convert(legacy: Legacy, s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    if has_unicode_vietnamese(s) {
        // Unchanged, but composed: "O" and a combining grave are Unicode letters too.
        return s.nfc().collect();
    }
    let out = match legacy {
        Legacy::Tcvn3 => convert_tcvn3(s),
        Legacy::Vni => convert_vni(s),
    };
    out.nfc().collect()
}

/// Evidence for one encoding over many cells.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    /// Words with a non-ASCII character that convert to a Vietnamese syllable.
    valid: usize,
    /// Valid words that no European word looks like: a TCVN3 symbol byte (µ · ¸ ­ ...), or
    /// a VNI mark merged into its letter.
    strong: usize,
}

/// Splits a cell into words: runs without spaces, ASCII punctuation or digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c.is_ascii_digit())
        .filter(|w| !w.is_empty())
}

/// The legacy encoding the cells were typed in, if the evidence is clear: across all cells,
/// at least three words (two of them unmistakable) convert to Vietnamese syllables, they make
/// up most words with accented characters, and (almost) no word is already Unicode
/// Vietnamese. Plain ASCII, Unicode Vietnamese and European names give `None`.
pub fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Legacy> {
    let mut candidates = 0usize;
    let mut unicode = 0usize;
    let mut scores = [Score::default(); 2];
    for cell in cells {
        if cell.is_ascii() {
            continue;
        }
        for word in words(cell) {
            if word.is_ascii() {
                continue;
            }
            if has_unicode_vietnamese(word) || word.chars().any(|c| c > '\u{FF}') {
                unicode += 1;
                continue;
            }
            candidates += 1;
            for (legacy, score) in Legacy::ALL.into_iter().zip(scores.iter_mut()) {
                let converted = match legacy {
                    Legacy::Tcvn3 => convert_tcvn3(word),
                    Legacy::Vni => convert_vni(word),
                };
                if converted == word || !is_syllable(&converted) {
                    continue;
                }
                score.valid += 1;
                let strong = match legacy {
                    Legacy::Tcvn3 => word.chars().any(|c| ('\u{A1}'..='\u{BF}').contains(&c)),
                    Legacy::Vni => converted.chars().count() < word.chars().count(),
                };
                if strong {
                    score.strong += 1;
                }
            }
        }
    }
    let (legacy, best) = Legacy::ALL
        .into_iter()
        .zip(scores)
        .max_by_key(|(_, s)| (s.valid, s.strong))?;
    let clear = best.valid >= 3
        && best.strong >= 2
        && best.valid * 10 >= candidates * 7
        && unicode * 20 <= best.valid;
    clear.then_some(legacy)
}

#[cfg(test)]
mod tests;
