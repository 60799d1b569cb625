//! The report package a unit sends to the level above ("Gửi báo cáo lên cấp trên"): one
//! .xlsx with the same readable tables as the report's spreadsheet, then the data sheet the
//! province's copy of the app reads (`consolidation::package`), its checksum last.

use std::path::Path;

use chrono::{NaiveDateTime, Timelike};

use super::{Cell, Table, to_xlsx};
use crate::consolidation::key::key;
use crate::consolidation::package::{CHECKSUM_KEY, DATA_SHEET, Package, Value};
use crate::domain::report::Report;

/// What a data row holds, for the person who opens the sheet.
fn label(row_key: &str) -> String {
    if let Some(code) = row_key.strip_prefix("so_lieu.") {
        return key(code).map_or_else(String::new, |k| format!("{} ({})", k.label, k.unit));
    }
    if let Some(code) = row_key.strip_prefix("khen_thuong.") {
        return crate::domain::Form::from_code(code)
            .map_or_else(String::new, |f| format!("Số được khen: {}", f.label()));
    }
    if let Some(code) = row_key.strip_prefix("doan_van.") {
        return crate::domain::report::Section::from_code(code)
            .map_or_else(String::new, |s| format!("Đoạn văn: {}", s.label()));
    }
    match row_key {
        "dinh_dang" => "Loại tệp",
        "phien_ban" => "Phiên bản định dạng",
        "don_vi.ten" => "Đơn vị",
        "don_vi.cap" => "Cấp",
        "don_vi.tinh" => "Tỉnh/thành phố",
        "nam" => "Năm",
        "ngay_to_chuc" => "Ngày tổ chức",
        "lap_luc" => "Lập lúc",
        "nguoi_lap" => "Người lập",
        CHECKSUM_KEY => "Mã kiểm tra (phát hiện số liệu bị sửa tay)",
        _ => "",
    }
    .to_string()
}

/// The data sheet of a package.
pub fn data_sheet(package: &Package) -> Table {
    let mut rows: Vec<Vec<Cell>> = package
        .rows()
        .into_iter()
        .map(|(k, v)| {
            let value = match v {
                Value::Number(n) => Cell::Integer(n),
                Value::Text(s) => Cell::Text(s),
            };
            vec![Cell::text(k.clone()), value, Cell::text(label(&k))]
        })
        .collect();
    rows.push(vec![
        Cell::text(CHECKSUM_KEY),
        Cell::text(package.checksum()),
        Cell::text(label(CHECKSUM_KEY)),
    ]);
    Table {
        sheet_name: DATA_SHEET.into(),
        title_rows: vec![
            "DỮ LIỆU GỬI CẤP TRÊN: xin đừng sửa trang này (số liệu sửa tay sẽ bị phát hiện khi tổng hợp)".into(),
        ],
        headers: vec!["Khóa".into(), "Giá trị".into(), "Nội dung".into()],
        rows,
    }
}

/// A workbook with the data sheet alone: what the province reads, without the readable
/// tables (examples, tests and benchmarks that have no report behind a package).
pub fn render_data(package: &Package) -> Result<Vec<u8>, String> {
    to_xlsx(&[data_sheet(package)])
}

/// The whole workbook: the report's tables, then the data sheet.
pub fn render_package(report: &Report, package: &Package) -> Result<Vec<u8>, String> {
    let mut sheets = crate::papers::report::sheet::sheets(report);
    sheets.push(data_sheet(package));
    to_xlsx(&sheets)
}

/// The package of `report`, made at `made_at` by the unit's secretary.
pub fn render(report: &Report, made_at: NaiveDateTime) -> Result<Vec<u8>, String> {
    let made_at = made_at.with_nanosecond(0).unwrap_or(made_at);
    let package = Package::from_report(report, made_at, &report.unit.secretary_name);
    render_package(report, &package)
}

/// Writes the package whole, or not at all.
pub fn save(
    path: &Path,
    report: &Report,
    made_at: NaiveDateTime,
    access: crate::papers::output::Access,
) -> Result<(), String> {
    crate::papers::output::save(path, &render(report, made_at)?, access)
}

/// "BaoCao-NgayHoi-2026-PhuongChoQuan.xlsx": the unit's name without diacritics or spaces,
/// each word capitalised as written, so that the province's folder sorts and reads well.
pub fn file_name(year: i32, unit: &str) -> String {
    let name: String = unit
        .split_whitespace()
        .map(|word| {
            let folded = crate::text::fold(word);
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            folded
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 && capital {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .collect();
    format!("BaoCao-NgayHoi-{year}-{name}.xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_has_no_diacritics() {
        assert_eq!(
            file_name(2026, "Phường Chợ Quán"),
            "BaoCao-NgayHoi-2026-PhuongChoQuan.xlsx"
        );
        assert_eq!(
            file_name(2024, "Đặc khu Phú Quốc"),
            "BaoCao-NgayHoi-2024-DackhuPhuQuoc.xlsx"
        );
    }
}
