//! CSV files as Excel and other programs write them: UTF-8 with or without BOM, UTF-16
//! ("Unicode Text"), or Windows-1252 bytes (old files, and the way TCVN3 and VNI text
//! arrives); "," ";" or tab between columns; an optional "sep=;" first line.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::sheet::{Conversion, Format, Sheet};
use super::{ImportError, MAX_ROWS};

const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// Decodes the bytes, recording what was found in `conversion`.
fn decode(bytes: &[u8], conversion: &mut Conversion) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        conversion.bom = true;
        return match std::str::from_utf8(rest) {
            Ok(text) => text.to_string(),
            Err(_) => String::from_utf8_lossy(rest).into_owned(),
        };
    }
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if bytes.starts_with(bom) {
            conversion.bom = true;
            conversion.utf16 = true;
            return encoding.decode_with_bom_removal(bytes).0.into_owned();
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            conversion.windows_1252 = true;
            WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    }
}

/// How many times `sep` occurs in `line` outside double quotes.
fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            count += 1;
        }
    }
    count
}

/// The separator that splits the first lines most consistently: the one for which the most
/// lines have the same (non-zero) number of separators. Commas inside names ("Tổ 5, Khu phố
/// 2") vary from line to line, the real separator does not.
pub(crate) fn sniff_separator(text: &str) -> char {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (',', 0usize, 0usize);
    for sep in SEPARATORS {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, sep)).collect();
        let mut modal = 0;
        for &k in counts.iter().filter(|&&k| k > 0) {
            modal = modal.max(counts.iter().filter(|&&c| c == k).count());
        }
        let total: usize = counts.iter().sum();
        if (modal, total) > (best.1, best.2) {
            best = (sep, modal, total);
        }
    }
    best.0
}

/// How many empty lines start at byte `start`; the "\n" of a "\r\n" that ended the line
/// before is not one of them.
fn blank_lines_at(text: &str, start: usize) -> usize {
    let Some(mut rest) = text.get(start..) else {
        return 0;
    };
    if start > 0 && text.as_bytes()[start - 1] == b'\r' {
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    let mut count = 0;
    loop {
        if let Some(r) = rest.strip_prefix("\r\n") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix(['\n', '\r']) {
            rest = r;
        } else {
            return count;
        }
        count += 1;
    }
}

/// Reads CSV bytes into a sheet.
pub fn read(bytes: &[u8]) -> Result<Sheet, ImportError> {
    let mut conversion = Conversion::new(Format::Csv);
    let mut text = decode(bytes, &mut conversion);
    // Excel honours a first line "sep=;" and does not show it.
    let declared = text
        .lines()
        .next()
        .and_then(|l| l.trim().strip_prefix("sep="))
        .and_then(|s| s.chars().next())
        .filter(|c| SEPARATORS.contains(c) || *c == '|');
    if declared.is_some() {
        let rest = text.find('\n').map_or(text.len(), |i| i + 1);
        text.drain(..rest);
    }
    let separator = declared.unwrap_or_else(|| sniff_separator(&text));
    conversion.separator = Some(separator);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(separator).unwrap_or(b','))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| ImportError::Damaged)?;
        // The reader skips blank lines, which Excel shows as empty rows: keep them, so that
        // row numbers in messages are the ones the secretary sees.
        // A record's position includes the blank lines before it.
        let start = record.position().map_or(text.len(), |p| p.byte() as usize);
        let blank = blank_lines_at(&text, start);
        rows.extend(std::iter::repeat_n(Vec::new(), blank.min(MAX_ROWS)));
        rows.push(record.iter().map(str::to_string).collect::<Vec<_>>());
        if rows.len() > MAX_ROWS {
            return Err(ImportError::TooManyRows(rows.len()));
        }
    }
    Sheet::from_raw(rows, conversion)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_the_numbers_excel_shows() {
        // Line 2 is blank; the cell on line 3 spans two lines, so "C" is on Excel's row 4.
        let sheet = read(b"TITLE\n\n\"two\nlines\",x\nC,y\n").unwrap();
        let crlf = read(b"TITLE\r\n\r\n\"two\r\nlines\",x\r\nC,y\r\n").unwrap();
        assert_eq!(crlf.rows, sheet.rows);
        assert_eq!(sheet.rows[0], ["TITLE"]);
        assert!(
            sheet.rows[1].iter().all(|c| c.is_empty()),
            "{:?}",
            sheet.rows
        );
        assert_eq!(sheet.rows[2][0], "two lines");
        assert_eq!(sheet.rows[3][0], "C");
    }

    #[test]
    fn separators_are_sniffed() {
        assert_eq!(sniff_separator("a,b,c\n1,2,3\n"), ',');
        assert_eq!(
            sniff_separator("Họ tên;Địa chỉ;Diện\nAn;Tổ 5, Khu phố 2;Hộ nghèo\nBình;Tổ 1;Khác\n"),
            ';'
        );
        assert_eq!(sniff_separator("a\tb\tc\n1\t2, 3\t4\n"), '\t');
        assert_eq!(sniff_separator("\"a;b\",c\n\"1;2\",3\n"), ',');
        assert_eq!(sniff_separator("only"), ',');
    }

    #[test]
    fn bytes_are_decoded() {
        let mut c = Conversion::new(Format::Csv);
        assert_eq!(decode(b"\xEF\xBB\xBFH\xE1\xBB\x8D", &mut c), "Họ");
        assert!(c.bom && !c.windows_1252);
        let mut c = Conversion::new(Format::Csv);
        assert_eq!(decode(b"H\xE4 v\xB5", &mut c), "Hä vµ");
        assert!(c.windows_1252);
        let mut c = Conversion::new(Format::Csv);
        assert_eq!(decode(b"\xFF\xFEa\x00;\x00", &mut c), "a;");
        assert!(c.utf16);
    }

    #[test]
    fn a_sep_line_is_obeyed_and_dropped() {
        let sheet = read(b"sep=;\nA;B\n1,5;2\n").unwrap();
        assert_eq!(sheet.rows, vec![vec!["A", "B"], vec!["1,5", "2"]]);
    }
}
