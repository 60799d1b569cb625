//! What a line never breaks inside: words joined by a no-break space ([`GLUE`], put there by
//! the papers, which know which strings are names and places) and, by rule, a date in words,
//! a figure and its unit, a title of address and the name after it, a numbered residential
//! area. `wrap` breaks between the [`runs`] of a line.

use std::borrow::Cow;

/// Joins two words that must stay on one line. Never printed: the line's words carry an
/// ordinary space in its place.
pub const GLUE: char = '\u{a0}';

/// `text` as one unbreakable run (a person's name, a place), its spaces collapsed.
pub fn unbreakable(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join("\u{a0}")
}

/// `text` with each comma-separated part unbreakable: an address such as "Tổ 5, Khu phố 1"
/// may break after its comma, never inside "Khu phố 1".
pub fn unbreakable_parts(text: &str) -> String {
    let parts: Vec<String> = text.split(',').map(unbreakable).collect();
    parts.join(", ")
}

/// `text` with every occurrence of each phrase (a name, a place the paper knows) made
/// unbreakable; longer phrases first, so that a name inside a longer one is joined whole.
pub fn keep_together(text: &str, phrases: &[String]) -> String {
    let mut found: Vec<&String> = phrases
        .iter()
        .filter(|p| p.contains(' ') && text.contains(p.as_str()))
        .collect();
    if found.is_empty() {
        return text.to_owned();
    }
    found.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut out = text.to_owned();
    for phrase in found {
        out = out.replace(phrase.as_str(), &unbreakable(phrase));
    }
    out
}

/// A space a line may break at (not [`GLUE`] nor the narrow no-break space).
pub(super) fn breaks(c: char) -> bool {
    c.is_whitespace() && c != GLUE && c != '\u{202f}'
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| ",.;:()\"“”".contains(c))
}

/// "2026", "500.000", "80,5": a figure.
fn is_number(word: &str) -> bool {
    let word = bare(word);
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

fn starts_upper(word: Option<&&str>) -> bool {
    word.and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// `word` is `lower`, or `lower` capitalised ("Khu", "khu"); without allocating, since every
/// word of every line passes here.
fn same_word(word: &str, lower: &str) -> bool {
    let (mut w, mut l) = (word.chars(), lower.chars());
    match (w.next(), l.next()) {
        (Some(a), Some(b)) => (a == b || a.to_lowercase().eq(std::iter::once(b))) && w.eq(l),
        (None, None) => true,
        _ => false,
    }
}

/// How many of the words after `words[i]` must stay on its line: a date in words ("14 tháng
/// 8 năm 2026"), a figure and its unit ("500.000 đ", "80%"), a title of address and the name
/// it introduces ("Ông Nguyễn", "Đồng chí Lê", "Đ/c Trương"), a numbered residential area
/// ("Khu phố 3", "Tổ dân phố 12", "Ấp 2").
fn joined_after(words: &[&str], i: usize) -> usize {
    let at = |k: usize| words.get(i + k).copied().unwrap_or("");
    let word = words[i];
    let area = [&["khu", "phố"][..], &["tổ", "dân", "phố"], &["khu", "vực"]]
        .iter()
        .find(|area| (0..area.len()).all(|k| same_word(at(k), area[k])))
        .map_or(1, |area| area.len());
    let area_word = area > 1
        || [
            "tổ", "ấp", "thôn", "khóm", "xóm", "bản", "khu", "buôn", "đội",
        ]
        .iter()
        .any(|area| same_word(word, area));
    if area_word && is_number(at(area)) && !at(area - 1).ends_with([',', ';', '.']) {
        return area;
    }
    if is_number(word) {
        if at(1) == "tháng" && is_number(at(2)) && at(3) == "năm" && is_number(at(4)) {
            return 4;
        }
        if matches!(bare(at(1)), "đ" | "đồng" | "%") {
            return 1;
        }
    }
    match word {
        "Ông" | "ông" | "Bà" | "bà" | "Đ/c" | "đ/c" if starts_upper(words.get(i + 1)) => 1,
        "Đồng" | "đồng" if at(1) == "chí" && starts_upper(words.get(i + 2)) => 2,
        _ => 0,
    }
}

/// The unbreakable runs of one line of text, as printed (ordinary spaces inside a run).
pub fn runs(segment: &str) -> Vec<Cow<'_, str>> {
    let words: Vec<&str> = segment.split(breaks).filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let last = (i + joined_after(&words, i)).min(words.len() - 1);
        let run = if last == i {
            Cow::Borrowed(words[i])
        } else {
            Cow::Owned(words[i..=last].join(" "))
        };
        out.push(match run {
            Cow::Borrowed(w) if !w.contains(GLUE) => Cow::Borrowed(w),
            run => Cow::Owned(run.replace(GLUE, " ")),
        });
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_phrases_and_addresses_are_joined_where_the_paper_says() {
        let phrases = vec!["Chợ Quán".to_string(), "phường Chợ Quán".to_string()];
        let joined = keep_together("xây dựng phường Chợ Quán văn minh", &phrases);
        let runs: Vec<String> = runs(&joined).into_iter().map(|r| r.into_owned()).collect();
        assert_eq!(runs, ["xây", "dựng", "phường Chợ Quán", "văn", "minh"]);
        let address = unbreakable_parts("Tổ 5,  Khu phố 1");
        let runs: Vec<String> = super::runs(&address)
            .into_iter()
            .map(|r| r.into_owned())
            .collect();
        assert_eq!(runs, ["Tổ 5,", "Khu phố 1"]);
    }
}
