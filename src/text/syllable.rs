//! The shape of a Vietnamese syllable: an optional initial consonant, one to three vowels
//! carrying at most one tone, and an optional final consonant. Used to tell legacy-encoded
//! text from Unicode text and from European names: "NguyÔn" read as TCVN3 gives "Nguyễn", a
//! syllable, while "Müller" or "José" give nothing of the kind.

use unicode_normalization::char::decompose_canonical;

/// Initial consonants, longest first so that "ngh" wins over "ng".
const INITIALS: [&str; 27] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Final consonants, longest first.
const FINALS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const SHAPES: [char; 3] = ['\u{302}', '\u{306}', '\u{31B}'];

/// Counts the tones of one vowel letter, or `None` if it is not a Vietnamese vowel.
fn vowel_tones(c: char) -> Option<usize> {
    let mut base = None;
    let mut tones = 0;
    let mut ok = true;
    decompose_canonical(c, |part| {
        if base.is_none() {
            base = Some(part);
        } else if TONES.contains(&part) {
            tones += 1;
        } else if !SHAPES.contains(&part) {
            ok = false;
        }
    });
    let base = base?;
    (ok && "aeiouy".contains(base)).then_some(tones)
}

fn is_nucleus(s: &str) -> bool {
    let mut count = 0;
    let mut tones = 0;
    for c in s.chars() {
        match vowel_tones(c) {
            Some(t) => tones += t,
            None => return false,
        }
        count += 1;
    }
    (1..=3).contains(&count) && tones <= 1
}

fn rest_is_syllable(rest: &str) -> bool {
    if is_nucleus(rest) {
        return true;
    }
    FINALS.iter().any(|f| {
        rest.strip_suffix(f)
            .is_some_and(|nucleus| !nucleus.is_empty() && is_nucleus(nucleus))
    })
}

/// True if `word` (any case, NFC) has the shape of one Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    let word = word.to_lowercase();
    if word.is_empty() || word.chars().count() > 8 {
        return false;
    }
    rest_is_syllable(&word)
        || INITIALS.iter().any(|i| {
            word.strip_prefix(i)
                .is_some_and(|rest| !rest.is_empty() && rest_is_syllable(rest))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables_pass() {
        for w in [
            "Nguyễn",
            "Văn",
            "Thị",
            "Hằng",
            "Trường",
            "nghĩa",
            "Việt",
            "gì",
            "giữa",
            "Đức",
            "ổn",
            "a",
            "khuyến",
            "quốc",
            "người",
            "CỘNG",
            "hoà",
            "Tổ",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn other_words_fail() {
        for w in [
            "Müller",
            "José",
            "André",
            "Straße",
            "François",
            "Mỹller",
            "Andrộ",
            "xyz",
            "",
            "ng",
            "hoàá",
            "Hélène",
            "ẫmile",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
