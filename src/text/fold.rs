//! Accent- and case-insensitive matching: "nguyen thi hang" finds "Nguyễn Thị Hằng", and a
//! spreadsheet header "HỌ VÀ TÊN", "Ho va ten" or "Họ  và tên" is recognised whatever its accents,
//! case and spacing.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters that take no room on screen and only get in the way of matching.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Pushes the folded form of one non-ASCII letter. Decomposing strips tones and the letter
/// marks (ă â ê ô ơ ư) alike; "đ" has no decomposition and is mapped by hand, along with the
/// look-alike eth that legacy-encoding converters sometimes produce.
fn push_folded(out: &mut String, c: char) {
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' | 'ɖ' | 'Ɖ' => out.push('d'),
        _ => decompose_canonical(c, |base| {
            if base.is_ascii() {
                out.push(base.to_ascii_lowercase());
            } else if !is_combining_mark(base) {
                out.extend(base.to_lowercase().filter(|&l| !is_combining_mark(l)));
            }
        }),
    }
}

/// Lower case, no diacritics, "đ" as "d", whitespace runs as one space, trimmed. NFC and NFD
/// input give the same result. One allocation per call and a fast path for ASCII, because it
/// runs over every name of a list.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_invisible(c) || (!c.is_ascii() && is_combining_mark(c)) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_folded(&mut out, c);
        }
    }
    out
}

/// True if every whitespace-separated word of `query` occurs somewhere in `haystack_folded`
/// (a text already passed through [`fold`]), in any order. An empty query matches everything.
/// A query typed without accents or capitals is used as is, without allocating.
pub fn contains_folded(haystack_folded: &str, query: &str) -> bool {
    let already_folded = query
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && !b.is_ascii_control());
    if already_folded {
        query
            .split_whitespace()
            .all(|word| haystack_folded.contains(word))
    } else {
        fold(query)
            .split(' ')
            .all(|word| haystack_folded.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    #[test]
    fn folding_removes_tones_marks_and_case() {
        assert_eq!(fold("Nguyễn Thị Hằng"), "nguyen thi hang");
        assert_eq!(fold("Họ và tên"), "ho va ten");
        assert_eq!(fold("HỌ VÀ TÊN"), "ho va ten");
        assert_eq!(fold("Số điện thoại"), "so dien thoai");
        assert_eq!(fold("Chức vụ, đơn vị"), "chuc vu, don vi");
        assert_eq!(fold("Giá trị (đồng)"), "gia tri (dong)");
    }

    #[test]
    fn d_stroke_becomes_d() {
        assert_eq!(fold("Đặng Đức Đạt"), "dang duc dat");
        assert_eq!(fold("đ"), "d");
        // Eth, the look-alike some legacy converters produce.
        assert_eq!(fold("Ðức"), "duc");
    }

    #[test]
    fn every_stacked_mark_folds() {
        assert_eq!(
            fold("Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ"),
            "aa aa aa aa aa aa aa aa ee ee ee ee oo oo oo oo oo uu yy yy dd"
        );
        assert_eq!(fold("ƯưƠơ àáảãạ ÀÁẢÃẠ"), "uuoo aaaaa aaaaa");
    }

    #[test]
    fn every_precomposed_vietnamese_letter_folds_to_ascii() {
        let letters =
            ('\u{1EA0}'..='\u{1EF9}').chain("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư".chars());
        for c in letters {
            let folded = fold(&c.to_string());
            assert!(
                folded.len() == 1 && folded.bytes().all(|b| b.is_ascii_lowercase()),
                "{c} -> {folded}"
            );
        }
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let nfc = "Nguyễn Thị Hằng, Trương Văn Đức";
        let nfd: String = nfc.nfd().collect();
        assert_eq!(fold(&nfd), fold(nfc));
        assert_eq!(fold("Nguye\u{0302}\u{0303}n"), "nguyen");
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        assert_eq!(fold("  ĐẶNG   Văn\tĐức \r\n"), "dang van duc");
        assert_eq!(fold("Họ\u{00A0}và\u{202F}tên"), "ho va ten");
        assert_eq!(fold("   "), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn invisible_characters_vanish() {
        assert_eq!(fold("\u{FEFF}Họ và tên"), "ho va ten");
        assert_eq!(fold("Ng\u{200B}uyễn"), "nguyen");
    }

    #[test]
    fn other_scripts_are_lowercased_and_kept() {
        assert_eq!(fold("ÄÖÜ ß Ç"), "aou ß c");
        assert_eq!(fold("ΑΒΓ"), "αβγ");
        assert_eq!(fold("12/08 – 3.500.000"), "12/08 – 3.500.000");
    }

    #[test]
    fn every_query_word_must_match() {
        let name = fold("Nguyễn Thị Hằng");
        assert!(contains_folded(&name, "nguyen thi hang"));
        assert!(contains_folded(&name, "hang nguyen"));
        assert!(contains_folded(&name, "HẰNG nguyễn"));
        assert!(contains_folded(&name, "  Thi   "));
        assert!(contains_folded(&name, "ng"));
        assert!(contains_folded(&name, ""));
        assert!(contains_folded(&name, "   "));
        assert!(!contains_folded(&name, "nguyen van"));
        assert!(!contains_folded(&name, "hangx"));
    }

    #[test]
    fn a_decomposed_query_matches() {
        let name = fold("Trần Văn Đức");
        let query: String = "văn đức".nfd().collect();
        assert!(contains_folded(&name, &query));
        assert!(contains_folded(&name, "duc"));
        assert!(contains_folded(&name, "Đ"));
    }

    #[test]
    fn folding_ten_thousand_names_is_quick() {
        let names: Vec<String> = (0..10_000)
            .map(|i| format!("Nguyễn Thị Hằng Số {i} Trương Văn Đức"))
            .collect();
        let start = std::time::Instant::now();
        let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
        let hits = folded
            .iter()
            .filter(|f| contains_folded(f, "truong duc 99"))
            .count();
        assert_eq!(hits, 280);
        // Generous, so that a busy debug build never fails; typically a few milliseconds.
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }
}
