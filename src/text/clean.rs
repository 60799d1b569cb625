//! Cleaning at every entry point (typing, paste, import). Text is stored as NFC because
//! decomposed marks (from some keyboards, Macs and old exports) collide in PDFs and break
//! comparisons and duplicate checks; control characters are dropped because input methods and
//! spreadsheets leave them behind and they are invisible on screen.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Byte order mark and zero-width space: invisible, they arrive with CSV exports and pasted web
/// text and would make two identical-looking names differ.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}')
}

/// Line and paragraph separators some word processors paste instead of "\n".
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Composes `s` unless it already is NFC, which is the common case and costs no allocation.
fn into_nfc(s: String) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// For single-line fields: NFC; "\r" and "\n" are removed (an input method may commit Enter
/// inside the text, see [`ends_line`]); a tab becomes a space; every other control character
/// goes. Not trimmed, so that a space typed between two words survives; trim when saving.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            c if c.is_control() || is_invisible(c) || is_line_separator(c) => {}
            c => out.push(c),
        }
    }
    into_nfc(out)
}

/// For notes and narratives: NFC; "\r\n", a lone "\r" and the Unicode line separators become
/// "\n"; a tab becomes a space (so pasted cells do not run together); every other control
/// character goes.
pub fn clean_multiline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_line_separator(c) => out.push('\n'),
            c if c.is_control() || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    into_nfc(out)
}

/// True if the raw text holds a line break. An IBus input method commits Enter as "\r" inside
/// the text while a word is being composed, so the text input never sees the key; a
/// single-line field takes it as Enter (`gui::widget::on_enter`).
pub fn ends_line(s: &str) -> bool {
    s.contains(['\r', '\n'])
}

/// True if `s` is in NFC, the form everything is stored in.
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";

    #[test]
    fn decomposed_text_becomes_composed() {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ha\u{0306}\u{0300}ng";
        assert!(!is_nfc(nfd));
        let clean = clean_line(nfd);
        assert_eq!(clean, "Nguyễn Thị Hằng");
        assert!(is_nfc(&clean));
        assert_eq!(clean_multiline(nfd), "Nguyễn Thị Hằng");
    }

    #[test]
    fn every_stacked_mark_survives_both_ways() {
        assert!(is_nfc(STACKED));
        assert_eq!(clean_line(STACKED), STACKED);
        let nfd: String = STACKED.nfd().collect();
        assert_ne!(nfd, STACKED);
        assert_eq!(clean_line(&nfd), STACKED);
        assert_eq!(clean_multiline(&nfd), STACKED);
    }

    #[test]
    fn marks_in_a_non_canonical_order_are_composed() {
        // Dot below typed before the circumflex: canonical reordering still gives "ệ".
        assert_eq!(clean_line("Vie\u{0323}\u{0302}t"), "Việt");
    }

    #[test]
    fn line_breaks_vanish_from_a_line() {
        assert_eq!(clean_line("Tổ 1\r\n"), "Tổ 1");
        assert_eq!(clean_line("Nguyễn\r"), "Nguyễn");
        assert_eq!(clean_line("a\nb"), "ab");
        assert_eq!(clean_line("a\u{2028}b"), "ab");
    }

    #[test]
    fn tabs_become_spaces_and_other_controls_go() {
        assert_eq!(clean_line("a\tb\u{0}c\u{1b}d\u{7f}e\u{85}f"), "a bcdef");
        assert_eq!(clean_line("\u{FEFF}Họ và tên"), "Họ và tên");
        assert_eq!(clean_line("Lê\u{200B}Văn"), "LêVăn");
    }

    #[test]
    fn a_line_is_not_trimmed() {
        assert_eq!(clean_line(" Nguyễn "), " Nguyễn ");
        assert_eq!(clean_line(""), "");
    }

    #[test]
    fn a_control_between_a_letter_and_its_mark_does_not_block_composition() {
        assert_eq!(clean_line("a\u{0}\u{0301}"), "á");
    }

    #[test]
    fn multiline_text_keeps_its_lines() {
        assert_eq!(
            clean_multiline("Dòng 1\r\nDòng 2\rDòng 3\nDòng 4\u{7}"),
            "Dòng 1\nDòng 2\nDòng 3\nDòng 4"
        );
        assert_eq!(clean_multiline("a\r\rb"), "a\n\nb");
        assert_eq!(clean_multiline("a\r\n\r\nb"), "a\n\nb");
        assert_eq!(clean_multiline("a\u{2029}b\u{2028}c"), "a\nb\nc");
        assert_eq!(clean_multiline("a\tb\u{0}c\u{FEFF}"), "a bc");
    }

    #[test]
    fn a_committed_enter_is_seen() {
        assert!(ends_line("Tiếng Việt\r"));
        assert!(ends_line("Tiếng\nViệt"));
        assert!(!ends_line("Tiếng Việt"));
        assert!(!ends_line(""));
    }

    #[test]
    fn nfc_check() {
        assert!(is_nfc(""));
        assert!(is_nfc("abc"));
        assert!(is_nfc("Việt Nam"));
        assert!(!is_nfc("Vie\u{0323}\u{0302}t"));
    }
}
