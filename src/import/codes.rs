//! Codes a workbook explains on a sheet of its own. The commendation software's templates put
//! a code in the list ("GKCT", "CANHAN") and its meaning on a sheet "DANHMUC" ("GKCT · Giấy
//! khen của Chủ tịch UBND cấp xã"); such a sheet is not the list, and its pairs are read so
//! that a cell holding a code reads as what the code means.

use super::field::is_row_number_header;
use crate::text::fold;

/// Sheet names of code lists: "DANHMUC", "Danh mục", "DM_HINHTHUC".
pub(crate) fn is_code_sheet(name: &str) -> bool {
    let key = fold(name).replace([' ', '_', '-', '.'], "");
    key.starts_with("danhmuc") || (key.starts_with("dm") && key.len() > 2)
}

/// The sheet the list is on when a workbook names it: "DANHSACH", "Danh sách".
pub(crate) fn is_list_sheet(name: &str) -> bool {
    fold(name).replace([' ', '_', '-', '.'], "") == "danhsach"
}

/// What a code looks like: one word of ASCII capitals, digits and _ - . / (at most 30),
/// holding a capital ("GKCT", "BK_UBND", "CANHAN"), not a plain number.
pub(crate) fn is_code(text: &str) -> bool {
    (1..=30).contains(&text.len())
        && text.bytes().any(|b| b.is_ascii_uppercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"_-./".contains(&b))
}

/// Each code followed by its meaning on the same row, wherever the pairs are on the sheet
/// (a sheet often holds several code lists side by side). A code explained twice keeps its
/// first meaning.
pub(crate) fn pairs(rows: &[Vec<String>]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for row in rows {
        for pair in row.windows(2) {
            let (code, meaning) = (pair[0].trim(), pair[1].trim());
            // "STT" above the codes is a column's title, not a code.
            if is_code(code)
                && !is_row_number_header(code)
                && !meaning.is_empty()
                && !is_code(meaning)
                && !out.iter().any(|(c, _)| c == code)
            {
                out.push((code.to_string(), meaning.to_string()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_read_wherever_they_are() {
        let rows: Vec<Vec<String>> = [
            &["DANH MỤC HÌNH THỨC KHEN THƯỞNG"][..],
            &["STT", "Mã", "Tên hình thức", "", "Mã", "Phân loại"],
            &[
                "1",
                "GKCT",
                "Giấy khen của Chủ tịch UBND",
                "",
                "CANHAN",
                "Cá nhân",
            ],
            &["2", "BK_UBND", "Bằng khen", "", "TAPTHE", "Tập thể"],
            &["3", "GKCT", "Giấy khen khác"],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        let got = pairs(&rows);
        assert!(got.contains(&("GKCT".into(), "Giấy khen của Chủ tịch UBND".into())));
        assert!(got.contains(&("BK_UBND".into(), "Bằng khen".into())));
        assert!(got.contains(&("TAPTHE".into(), "Tập thể".into())));
        assert!(!got.iter().any(|(c, _)| c == "1" || c == "STT"));
        assert_eq!(got.iter().filter(|(c, _)| c == "GKCT").count(), 1);
    }

    #[test]
    fn sheet_names() {
        assert!(is_code_sheet("DANHMUC"));
        assert!(is_code_sheet("Danh mục"));
        assert!(is_code_sheet("DM_HINHTHUC"));
        assert!(!is_code_sheet("DANHSACH"));
        assert!(!is_code_sheet("Sheet1"));
        assert!(is_list_sheet("DANHSACH"));
        assert!(is_list_sheet("Danh sách"));
    }
}
