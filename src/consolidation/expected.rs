//! The list of expected units from a spreadsheet the province already has (.xlsx, .xls or
//! .csv, read by `import::sheet` with its legacy-encoding and NFC rules): a unit's name always
//! starts with its level word ("Phường …", "Xã …", "Đặc khu …", before 2025 "Huyện …"), so
//! the names are the cells that do, in the column that has most of them. Titles, row numbers
//! and notes around them are left out, whatever the headers say.

use std::path::Path;

use crate::domain::Level;
use crate::import::sheet::{Sheet, read};

/// A unit's name: a level word below the province, then at least one more word.
fn is_unit_name(cell: &str) -> bool {
    match Level::in_name(cell) {
        Some((level, words)) => level != Level::Province && cell.split_whitespace().count() > words,
        None => false,
    }
}

/// The names in the column with most unit names, top to bottom, each once.
pub fn names_in(sheet: &Sheet) -> Vec<String> {
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let column = (0..width).max_by_key(|&c| {
        sheet
            .rows
            .iter()
            .filter(|row| row.get(c).is_some_and(|cell| is_unit_name(cell)))
            .count()
    });
    let Some(column) = column else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for row in &sheet.rows {
        if let Some(cell) = row.get(column).filter(|cell| is_unit_name(cell))
            && !names
                .iter()
                .any(|n| super::unit_key(n) == super::unit_key(cell))
        {
            names.push(cell.clone());
        }
    }
    names
}

/// The unit names in a file, or why there are none.
pub fn read_names(path: &Path) -> Result<Vec<String>, String> {
    let sheet = read(path).map_err(|e| e.to_string())?;
    let names = names_in(&sheet);
    if names.is_empty() {
        return Err(format!(
            "Không thấy tên đơn vị nào trong tệp “{}”: tên đơn vị bắt đầu bằng cấp của nó, ví dụ “Phường Long Bình”, “Xã Tân Phú”.",
            path.display()
        ));
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::sheet::read_bytes;

    #[test]
    fn the_names_are_found_under_any_heading() {
        let csv = "DANH SÁCH ĐƠN VỊ BÁO CÁO;;\nTỉnh Đồng Nai;;\nSTT;Tên đơn vị;Ghi chú\n1;Phường Long Bình;\n2;Xã Tân Phú;sáp nhập 2025\n3;Đặc khu Côn Đảo;\n4;xa tan phu;trùng\n5;Thôn 3;không phải đơn vị\n";
        let sheet = read_bytes(csv.as_bytes().to_vec(), "csv").unwrap();
        assert_eq!(
            names_in(&sheet),
            ["Phường Long Bình", "Xã Tân Phú", "Đặc khu Côn Đảo"]
        );
    }

    #[test]
    fn a_file_without_unit_names_says_what_a_name_looks_like() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ds.csv");
        std::fs::write(&path, "STT;Tên\n1;Nguyễn Văn A\n").unwrap();
        let error = read_names(&path).unwrap_err();
        assert!(error.contains("“Xã Tân Phú”"), "{error}");
    }
}
