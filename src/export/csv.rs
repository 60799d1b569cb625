//! CSV fields for lists opened in Excel: quoted when needed, and a value that Excel would
//! take for a formula ("=...", "+...", "-...", "@...") starts with an apostrophe, so a name
//! never runs as a formula (CSV injection).

/// One field: an apostrophe before a formula-looking value; quotes around a value holding
/// the separator, a quote, a line break or leading/trailing spaces, inner quotes doubled.
pub fn csv_field(value: &str) -> String {
    let guarded = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    let needs_quotes = guarded.contains([',', ';', '"', '\n', '\r', '\t'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One line of fields joined by `separator`, ending in "\r\n" as Excel writes it.
pub fn csv_line<S: AsRef<str>>(fields: &[S], separator: char) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(&separator.to_string());
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_guarded() {
        assert_eq!(csv_field("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(csv_field("Tổ 5, Khu phố 2"), "\"Tổ 5, Khu phố 2\"");
        assert_eq!(csv_field("Tổ 5; Khu phố 2"), "\"Tổ 5; Khu phố 2\"");
        assert_eq!(csv_field("Ông \"Tư\""), "\"Ông \"\"Tư\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+84912"), "'+84912");
        assert_eq!(csv_field("-5"), "'-5");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn lines_end_like_excel() {
        assert_eq!(csv_line(&["a", "b,c"], ','), "a,\"b,c\"\r\n");
        assert_eq!(csv_line(&["a", "b,c"], ';'), "a;\"b,c\"\r\n");
    }
}
