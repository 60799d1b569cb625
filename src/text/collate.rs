//! Vietnamese sorting with ICU4X's collator for `vi`: "Đ" after "D", "ă" and "â" after "a",
//! "ơ" after "ô", tones in dictionary order. Byte or code point order gets all of these wrong.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

/// One collator for the whole process: building it looks up the `vi` tailoring, comparing is
/// cheap. `CollatorBorrowed<'static>` only borrows baked static data, so it is `Sync` (a
/// `static` would not compile otherwise).
static COLLATOR: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    Collator::try_new(locale!("vi").into(), CollatorOptions::default())
        .expect("the Vietnamese collation data is compiled in")
});

/// Vietnamese order of two texts. NFC and NFD input compare equal, so callers need not
/// normalise first.
pub fn compare(a: &str, b: &str) -> Ordering {
    COLLATOR.compare(a, b)
}

/// A person's name split the way it is sorted: Vietnamese names are written family name,
/// middle names, given name, and lists are ordered by the given name.
struct NameParts<'a> {
    given: &'a str,
    /// The words between the first and the last, possibly empty.
    middle: &'a str,
    family: &'a str,
}

impl<'a> NameParts<'a> {
    fn of(name: &'a str) -> Self {
        let name = name.trim();
        let Some((family, rest)) = name.split_once(char::is_whitespace) else {
            // A single word is a given name (or a collective's short name).
            return Self {
                given: name,
                middle: "",
                family: "",
            };
        };
        let rest = rest.trim_start();
        let (middle, given) = match rest.rsplit_once(char::is_whitespace) {
            Some((middle, given)) => (middle.trim_end(), given),
            None => ("", rest),
        };
        Self {
            given,
            middle,
            family,
        }
    }
}

/// Compares word by word, so that extra spaces do not matter and a name with fewer middle
/// names comes first when the shared ones are equal.
fn compare_words(a: &str, b: &str) -> Ordering {
    let mut wa = a.split_whitespace();
    let mut wb = b.split_whitespace();
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match compare(x, y) {
                Ordering::Equal => {}
                other => return other,
            },
        }
    }
}

/// The words of a name in the order they are compared: given name (the last word), then the
/// middle names in their written order, then the family name (the first word). For display
/// or for building a key; [`compare_names`] does not allocate.
pub fn name_sort_words(name: &str) -> Vec<&str> {
    let parts = NameParts::of(name);
    let mut words = Vec::with_capacity(4);
    if !parts.given.is_empty() {
        words.push(parts.given);
    }
    words.extend(parts.middle.split_whitespace());
    if !parts.family.is_empty() {
        words.push(parts.family);
    }
    words
}

/// Vietnamese order of two people's full names: by given name, then middle names, then family
/// name, each with the Vietnamese collator; ties are broken by the whole text. Runs without
/// allocating, as it is called for every pair while sorting thousands of names.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (NameParts::of(a), NameParts::of(b));
    compare(pa.given, pb.given)
        .then_with(|| compare_words(pa.middle, pb.middle))
        .then_with(|| compare(pa.family, pb.family))
        .then_with(|| compare(a, b))
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    #[test]
    fn the_collator_can_be_shared_between_threads() {
        fn assert_sync<T: Sync + Send>() {}
        assert_sync::<CollatorBorrowed<'static>>();
        let handle = std::thread::spawn(|| compare("Đức", "Dũng"));
        assert_eq!(handle.join().unwrap(), Ordering::Greater);
    }

    #[test]
    fn d_stroke_comes_after_d() {
        assert_eq!(compare("Đức", "Dũng"), Ordering::Greater);
        assert_eq!(compare("Dũng", "Đức"), Ordering::Less);
        assert_eq!(compare("Dzung", "Đức"), Ordering::Less);
        assert_eq!(compare("Đ", "E"), Ordering::Less);
        assert_eq!(compare("đ", "Đ"), Ordering::Less);
    }

    #[test]
    fn the_vietnamese_alphabet() {
        let alphabet = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o",
            "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
        ];
        let mut shuffled = alphabet;
        shuffled.reverse();
        shuffled.swap(3, 17);
        shuffled.sort_by(|a, b| compare(a, b));
        assert_eq!(shuffled, alphabet);
    }

    #[test]
    fn a_letter_with_a_mark_is_a_letter_of_its_own() {
        // "ă" is a letter after "a": "ăn" sorts after "az", not between "am" and "ao".
        assert_eq!(compare("ăn", "az"), Ordering::Greater);
        assert_eq!(compare("ơi", "oz"), Ordering::Greater);
        assert_eq!(compare("ưa", "uz"), Ordering::Greater);
    }

    #[test]
    fn tones_are_ordered() {
        // No tone, then huyền, hỏi, ngã, sắc, nặng.
        let tones = ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh"];
        for pair in tones.windows(2) {
            assert_eq!(compare(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
        assert_eq!(compare("Lê Văn Ánh", "Lê Văn Anh"), Ordering::Greater);
        assert_eq!(compare_names("Lê Văn Ánh", "Lê Văn Anh"), Ordering::Greater);
        // A tone weighs less than a letter.
        assert_eq!(compare("Ánh", "Anhx"), Ordering::Less);
    }

    #[test]
    fn decomposed_text_compares_equal_to_composed() {
        let nfc = "Nguyễn Thị Hằng";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(compare(nfc, &nfd), Ordering::Equal);
        assert_eq!(compare_names(nfc, &nfd), Ordering::Equal);
        assert_eq!(
            compare_names("Nguye\u{0302}\u{0303}n Văn An", "Nguyễn Văn An"),
            Ordering::Equal
        );
        assert_eq!(
            compare_names(&"Lê Đức".nfd().collect::<String>(), "Phạm Dũng"),
            Ordering::Greater
        );
    }

    #[test]
    fn names_sort_by_given_name_first() {
        assert_eq!(
            compare_names("Nguyễn Văn An", "Trần Thị Bình"),
            Ordering::Less
        );
        assert_eq!(
            compare_names("Trần Văn An", "Nguyễn Văn Bình"),
            Ordering::Less
        );
        assert_eq!(compare_names("Phạm Dũng", "Lê Đức"), Ordering::Less);
    }

    #[test]
    fn then_middle_then_family_name() {
        // Same given name: the middle name decides before the family name.
        assert_eq!(compare_names("Trần Thị An", "Lê Văn An"), Ordering::Less);
        // Same given and middle names: the family name decides.
        assert_eq!(compare_names("Lê Văn An", "Nguyễn Văn An"), Ordering::Less);
        // No middle name comes before any middle name.
        assert_eq!(compare_names("Vũ An", "Bùi Anh An"), Ordering::Less);
        // Shared first middle name: fewer middle names first.
        assert_eq!(compare_names("Lê Thị An", "Lê Thị Ngọc An"), Ordering::Less);
    }

    #[test]
    fn a_list_sorts_as_a_committee_expects() {
        let mut names = vec![
            "Võ Văn Đức",
            "Trần Thị Bình",
            "Lê Đức",
            "Nguyễn Văn An",
            "Phạm Dũng",
            "Lê Thị An",
            "Đặng Văn Ánh",
            "Bùi Thị Anh",
            "Hoàng Ân",
            "Ngô Thị Ấn",
            "Lý Thị Ăn",
            "Đỗ Minh",
            "Dương Thị Thu Hằng",
            "Nguyễn Thị Hằng",
            "Trịnh Văn Hưng",
            "Mai Văn Hùng",
        ];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(
            names,
            vec![
                "Lê Thị An",
                "Nguyễn Văn An",
                "Bùi Thị Anh",
                "Đặng Văn Ánh",
                "Lý Thị Ăn",
                "Hoàng Ân",
                "Ngô Thị Ấn",
                "Trần Thị Bình",
                "Phạm Dũng",
                "Lê Đức",
                "Võ Văn Đức",
                "Nguyễn Thị Hằng",
                "Dương Thị Thu Hằng",
                "Mai Văn Hùng",
                "Trịnh Văn Hưng",
                "Đỗ Minh",
            ]
        );
    }

    #[test]
    fn spacing_does_not_change_the_order() {
        assert_ne!(
            compare_names("  Nguyễn   Văn  An ", "Nguyễn Văn An"),
            Ordering::Equal
        );
        assert_eq!(
            compare_names("  Nguyễn   Văn  An ", "Trần Văn An"),
            Ordering::Less
        );
        assert_eq!(
            compare_names("  Nguyễn   Văn  An ", "Nguyễn Văn Bình"),
            Ordering::Less
        );
        assert_eq!(
            compare_names("Nguyễn\tVăn An", "Lê Văn An"),
            Ordering::Greater
        );
    }

    #[test]
    fn odd_names_do_not_panic() {
        assert_eq!(compare_names("", ""), Ordering::Equal);
        assert_eq!(compare_names("", "An"), Ordering::Less);
        assert_eq!(compare_names("An", "Trần An"), Ordering::Less);
        assert_eq!(compare_names("   ", "An"), Ordering::Less);
    }

    #[test]
    fn sort_words() {
        assert_eq!(
            name_sort_words("Nguyễn Văn An"),
            vec!["An", "Văn", "Nguyễn"]
        );
        assert_eq!(
            name_sort_words(" Tôn Nữ Thị  Hồng Nhung "),
            vec!["Nhung", "Nữ", "Thị", "Hồng", "Tôn"]
        );
        assert_eq!(name_sort_words("Lê Đức"), vec!["Đức", "Lê"]);
        assert_eq!(name_sort_words("Đức"), vec!["Đức"]);
        assert!(name_sort_words("  ").is_empty());
    }
}
