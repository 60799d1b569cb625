//! Which rows of a sheet are data: below the header, without the column-numbering row
//! ("(1) (2) (3)"), empty rows, the "Tổng cộng" row and the signatures under it.

use super::field::normalize;
use super::mapping::Mapping;
use super::sheet::Sheet;

/// A row under the header that only numbers the columns: "1 2 3 4" or "(1) (2) (3)" or
/// "A B C".
pub(crate) fn is_numbering_row(row: &[String]) -> bool {
    let cells: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            let inner = c.trim_start_matches('(').trim_end_matches(')');
            (!inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit()))
                || (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_uppercase()))
        })
}

/// "Tổng cộng", "Cộng", "Tổng số", "TỔNG CỘNG:" in one of the first cells of a row.
pub(crate) fn is_total_row(row: &[String]) -> bool {
    row.iter().filter(|c| !c.is_empty()).take(3).any(|c| {
        let key = normalize(c);
        matches!(
            key.as_str(),
            "tong cong" | "cong" | "tong" | "tong so" | "cong so" | "tong cong so"
        ) || key.starts_with("tong cong ")
    })
}

/// Row indexes (0-based) that hold data or may: below the header, numbering row skipped,
/// stopping at the total row. Empty rows are included (the caller counts them).
pub(crate) fn data_rows(sheet: &Sheet, mapping: &Mapping) -> Vec<usize> {
    let start = mapping.header_row.map_or(0, |h| h + 1);
    let mut out = Vec::new();
    for i in start..sheet.rows.len() {
        let row = &sheet.rows[i];
        if i == start && mapping.header_row.is_some() && is_numbering_row(row) {
            continue;
        }
        if is_total_row(row) {
            break;
        }
        out.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn numbering_rows() {
        assert!(is_numbering_row(&row(&["1", "2", "3", ""])));
        assert!(is_numbering_row(&row(&["(1)", "(2)", "(3)"])));
        assert!(is_numbering_row(&row(&["A", "B", "C"])));
        assert!(!is_numbering_row(&row(&["1", "Nguyễn Văn A", "Tổ 1"])));
        assert!(!is_numbering_row(&row(&["1", ""])));
    }

    #[test]
    fn total_rows() {
        assert!(is_total_row(&row(&["", "Tổng cộng", "", "5.000.000"])));
        assert!(is_total_row(&row(&["TỔNG CỘNG:", "12"])));
        assert!(is_total_row(&row(&["Cộng", "12"])));
        assert!(!is_total_row(&row(&["1", "Tống Văn Công", "Tổ 2"])));
    }
}
