//! Amounts in words, as receipts, payment lists and reports write the total under the figure
//! ("Bằng chữ: Một triệu năm trăm nghìn đồng"), so that the figure cannot be altered.
//!
//! The common (northern, official) reading is used: "nghìn", "linh", "mốt" for a final 1 after
//! "mươi", "lăm" for a final 5 after a ten, "bốn" (not "tư"), and "không trăm" for an empty
//! hundreds place inside a number ("một triệu không trăm linh một nghìn").

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// The groups of three digits below a billion, highest first, with their scale words.
const SCALES: [(u64, &str); 3] = [(1_000_000, "triệu"), (1_000, "nghìn"), (1, "")];

const BILLION: u64 = 1_000_000_000;

/// Reads a group of three digits (1..=999). `full` means a higher group has been read, so an
/// empty hundreds place is said ("không trăm") and a lone unit takes "linh".
fn read_group(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (hundreds, tens, units) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    let said_hundreds = hundreds > 0 || full;
    if said_hundreds {
        out.extend([DIGITS[hundreds], "trăm"]);
    }
    match tens {
        0 if units > 0 && said_hundreds => out.push("linh"),
        0 => {}
        1 => out.push("mười"),
        t => out.extend([DIGITS[t], "mươi"]),
    }
    match units {
        0 => {}
        1 if tens >= 2 => out.push("mốt"),
        5 if tens >= 1 => out.push("lăm"),
        u => out.push(DIGITS[u]),
    }
}

/// Reads 1..1_000_000_000 as up to three groups with their scales; empty groups are skipped.
fn read_below_billion(n: u64, mut full: bool, out: &mut Vec<&'static str>) {
    for (divisor, scale) in SCALES {
        let group = n / divisor % 1000;
        if group == 0 {
            continue;
        }
        read_group(group, full, out);
        if !scale.is_empty() {
            out.push(scale);
        }
        full = true;
    }
}

/// Reads any positive number; "tỷ" repeats past a billion ("một nghìn tỷ", "một tỷ tỷ").
fn read(n: u64, full: bool, out: &mut Vec<&'static str>) {
    if n >= BILLION {
        read(n / BILLION, full, out);
        out.push("tỷ");
        let rest = n % BILLION;
        if rest > 0 {
            read_below_billion(rest, true, out);
        }
    } else {
        read_below_billion(n, full, out);
    }
}

/// A whole number in Vietnamese words, lower case: 2024 -> "hai nghìn không trăm hai mươi
/// bốn", -5 -> "âm năm".
pub fn number_in_words(n: i64) -> String {
    let mut words = Vec::with_capacity(16);
    if n < 0 {
        words.push("âm");
    }
    match n.unsigned_abs() {
        0 => words.push(DIGITS[0]),
        magnitude => read(magnitude, false, &mut words),
    }
    words.join(" ")
}

/// A whole-đồng amount in words, capitalised and ending in "đồng", as written under a total:
/// 1_500_000 -> "Một triệu năm trăm nghìn đồng".
pub fn money_in_words(n: i64) -> String {
    let sentence = number_in_words(n) + " đồng";
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::super::clean::is_nfc;
    use super::*;

    #[test]
    fn amounts_from_the_brief() {
        let cases = [
            (1_500_000, "Một triệu năm trăm nghìn đồng"),
            (22_900_000, "Hai mươi hai triệu chín trăm nghìn đồng"),
            (105_000, "Một trăm linh năm nghìn đồng"),
            (0, "Không đồng"),
            (21, "Hai mươi mốt đồng"),
            (25, "Hai mươi lăm đồng"),
            (15, "Mười lăm đồng"),
            (14, "Mười bốn đồng"),
            (1_000_000_000, "Một tỷ đồng"),
            (1_001_000, "Một triệu không trăm linh một nghìn đồng"),
            (2024, "Hai nghìn không trăm hai mươi bốn đồng"),
        ];
        for (n, expected) in cases {
            assert_eq!(money_in_words(n), expected, "{n}");
        }
    }

    #[test]
    fn units_and_tens() {
        let cases = [
            (1, "một"),
            (4, "bốn"),
            (5, "năm"),
            (7, "bảy"),
            (10, "mười"),
            (11, "mười một"),
            (20, "hai mươi"),
            (24, "hai mươi bốn"),
            (31, "ba mươi mốt"),
            (45, "bốn mươi lăm"),
            (55, "năm mươi lăm"),
            (99, "chín mươi chín"),
        ];
        for (n, expected) in cases {
            assert_eq!(number_in_words(n), expected, "{n}");
        }
    }

    #[test]
    fn hundreds() {
        let cases = [
            (100, "một trăm"),
            (101, "một trăm linh một"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (111, "một trăm mười một"),
            (115, "một trăm mười lăm"),
            (121, "một trăm hai mươi mốt"),
            (305, "ba trăm linh năm"),
            (999, "chín trăm chín mươi chín"),
        ];
        for (n, expected) in cases {
            assert_eq!(number_in_words(n), expected, "{n}");
        }
    }

    #[test]
    fn empty_places_inside_a_number() {
        let cases = [
            (1000, "một nghìn"),
            (1001, "một nghìn không trăm linh một"),
            (1010, "một nghìn không trăm mười"),
            (1015, "một nghìn không trăm mười lăm"),
            (1100, "một nghìn một trăm"),
            (10_000, "mười nghìn"),
            (15_000, "mười lăm nghìn"),
            (21_000, "hai mươi mốt nghìn"),
            (100_000, "một trăm nghìn"),
            (1_000_000, "một triệu"),
            (1_000_001, "một triệu không trăm linh một"),
            (1_050_000, "một triệu không trăm năm mươi nghìn"),
            (2_000_500, "hai triệu năm trăm"),
            (1_000_000_001, "một tỷ không trăm linh một"),
            (1_000_005_000, "một tỷ không trăm linh năm nghìn"),
            (1_200_000_000, "một tỷ hai trăm triệu"),
            (3_250_000_000, "ba tỷ hai trăm năm mươi triệu"),
        ];
        for (n, expected) in cases {
            assert_eq!(number_in_words(n), expected, "{n}");
        }
    }

    #[test]
    fn beyond_a_billion_the_word_for_billion_repeats() {
        assert_eq!(number_in_words(10_000_000_000), "mười tỷ");
        assert_eq!(number_in_words(1_000_000_000_000), "một nghìn tỷ");
        assert_eq!(number_in_words(1_500_000_000_000), "một nghìn năm trăm tỷ");
        assert_eq!(number_in_words(1_000_000_000_000_000_000), "một tỷ tỷ");
        assert_eq!(
            number_in_words(2_000_000_000_005),
            "hai nghìn tỷ không trăm linh năm"
        );
        // The extreme does not panic and keeps reading each group.
        let max = number_in_words(i64::MAX);
        assert!(
            max.starts_with("chín tỷ hai trăm hai mươi ba triệu"),
            "{max}"
        );
        assert!(
            max.ends_with("bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"),
            "{max}"
        );
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(money_in_words(-200_000), "Âm hai trăm nghìn đồng");
        assert_eq!(number_in_words(-5), "âm năm");
        assert!(money_in_words(i64::MIN).starts_with("Âm chín tỷ hai trăm"));
    }

    #[test]
    fn output_is_nfc_and_capitalised() {
        for n in [
            0, 1, 4, 5, 8, 14, 21, 25, 105, 2024, 1_001_000, 1_500_000, -7,
        ] {
            let words = money_in_words(n);
            assert!(is_nfc(&words), "{words}");
            assert!(words.chars().next().unwrap().is_uppercase(), "{words}");
            assert!(words.ends_with(" đồng"), "{words}");
            assert!(!words.contains("  "), "{words}");
        }
        assert_eq!(money_in_words(8), "Tám đồng");
        assert_eq!(money_in_words(500_000), "Năm trăm nghìn đồng");
    }
}
