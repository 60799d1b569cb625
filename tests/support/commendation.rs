//! Lists as the commendation web software publishes them ("DANH SÁCH ĐỀ NGHỊ KHEN
//! THƯỞNG"), written with rust_xlsxwriter as Excel lays them out: title rows, a header on two
//! rows with merged cells, a numbering row, formulas with the values Excel saved, the codes
//! explained on a "DANHMUC" sheet that comes first in the workbook, and a total row with a
//! signature under it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook, Worksheet};

/// A cell of a list row.
#[derive(Clone, Copy)]
pub enum C {
    T(&'static str),
    /// A formula and the value Excel saved with it.
    F(&'static str, &'static str),
    E,
}

/// One recipient: Phân loại, Tên gọi, Tên, Chức vụ, Đơn vị công tác, Danh hiệu/Hình thức.
pub type Row = [C; 6];

/// The codes of the DANHMUC sheet: forms and titles, and the kinds beside them.
pub const FORM_CODES: &[(&str, &str)] = &[
    ("GKCT", "Giấy khen của Chủ tịch UBND cấp xã"),
    ("BKCT", "Bằng khen của Chủ tịch UBND cấp tỉnh"),
    ("BD", "Biểu dương"),
    ("LDTT", "Lao động tiên tiến"),
];
pub const KIND_CODES: &[(&str, &str)] = &[
    ("CANHAN", "Cá nhân"),
    ("TAPTHE", "Tập thể"),
    ("HOGIADINH", "Hộ gia đình"),
];

fn write(sheet: &mut Worksheet, row: u32, col: u16, cell: C) {
    match cell {
        C::T(text) => drop(sheet.write_string(row, col, text).unwrap()),
        C::F(formula, result) => drop(
            sheet
                .write_formula(row, col, Formula::new(formula).set_result(result))
                .unwrap(),
        ),
        C::E => {}
    }
}

fn titles(sheet: &mut Worksheet, last_col: u16, bold: &Format) {
    let centre = bold.clone().set_align(FormatAlign::Center);
    sheet
        .merge_range(0, 0, 0, 2, "ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN", &centre)
        .unwrap();
    sheet
        .merge_range(
            0,
            4,
            0,
            last_col,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            &centre,
        )
        .unwrap();
    sheet
        .merge_range(2, 0, 2, last_col, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", &centre)
        .unwrap();
    sheet
        .merge_range(
            3,
            0,
            3,
            last_col,
            "(Kèm theo Tờ trình số 45/TTr-BCĐ ngày 12/8/2026)",
            &Format::new().set_align(FormatAlign::Center),
        )
        .unwrap();
}

fn signature(sheet: &mut Worksheet, after: u32, count: usize, bold: &Format) {
    sheet
        .merge_range(after, 0, after, 2, "Tổng cộng", bold)
        .unwrap();
    sheet
        .write_formula(
            after,
            3,
            Formula::new("=COUNTA(D9:D20)").set_result(count.to_string()),
        )
        .unwrap();
    sheet.write_string(after + 2, 5, "NGƯỜI LẬP BIỂU").unwrap();
    sheet.write_string(after + 5, 5, "Nguyễn Thị Thu").unwrap();
}

/// The template with everything: the DANHMUC sheet first, then DANHSACH with a header on
/// rows 6 and 7 (STT, Phân loại and the form merged down both rows, "Thông tin đối tượng"
/// merged across Tên gọi, Tên, Chức vụ and Đơn vị công tác), a numbering row 8, and the
/// rows from row 9 with a formula in STT. Written to `name` in `dir`; its path.
pub fn two_row_header(dir: &Path, name: &str, rows: &[Row]) -> PathBuf {
    let path = dir.join(name);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let codes = book.add_worksheet().set_name("DANHMUC").unwrap();
    codes
        .write_string(0, 0, "DANH MỤC DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG")
        .unwrap();
    for (c, h) in [
        "STT",
        "Mã",
        "Tên danh hiệu/hình thức",
        "",
        "Mã",
        "Phân loại",
    ]
    .iter()
    .enumerate()
    {
        codes
            .write_string_with_format(1, c as u16, *h, &bold)
            .unwrap();
    }
    for (i, (code, name)) in FORM_CODES.iter().enumerate() {
        let r = i as u32 + 2;
        codes.write_number(r, 0, (i + 1) as f64).unwrap();
        codes.write_string(r, 1, *code).unwrap();
        codes.write_string(r, 2, *name).unwrap();
    }
    for (i, (code, name)) in KIND_CODES.iter().enumerate() {
        let r = i as u32 + 2;
        codes.write_string(r, 4, *code).unwrap();
        codes.write_string(r, 5, *name).unwrap();
    }
    let sheet = book.add_worksheet().set_name("DANHSACH").unwrap();
    titles(sheet, 7, &bold);
    for (c, h) in [
        (0, "STT"),
        (1, "Phân loại khen thưởng"),
        (6, "Danh hiệu thi đua/Hình thức khen thưởng"),
        (7, "Ghi chú"),
    ] {
        sheet.merge_range(5, c, 6, c, h, &bold).unwrap();
    }
    sheet
        .merge_range(5, 2, 5, 5, "Thông tin đối tượng", &bold)
        .unwrap();
    for (c, h) in [
        (2, "Tên gọi (Ông/Bà/Chức danh)"),
        (3, "Tên tập thể/cá nhân/hộ gia đình"),
        (4, "Chức vụ"),
        (5, "Đơn vị công tác"),
    ] {
        sheet.write_string_with_format(6, c, h, &bold).unwrap();
    }
    for c in 0..8u16 {
        sheet.write_string(7, c, format!("({})", c + 1)).unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 8;
        sheet
            .write_formula(
                r,
                0,
                Formula::new("=ROW()-8").set_result((i + 1).to_string()),
            )
            .unwrap();
        for (c, cell) in row.iter().enumerate() {
            write(sheet, r, c as u16 + 1, *cell);
        }
    }
    signature(sheet, rows.len() as u32 + 8, rows.len(), &bold);
    book.save(&path).unwrap();
    path
}

/// The simpler template: one sheet "DANHSACH", a one-row header on row 6 without Tên gọi,
/// the form written out; the rows from row 7 (a row's Tên gọi is not written). Written to
/// `name` in `dir`; its path.
pub fn one_row_header(dir: &Path, name: &str, rows: &[Row]) -> PathBuf {
    let path = dir.join(name);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("DANHSACH").unwrap();
    titles(sheet, 5, &bold);
    for (c, h) in [
        "STT",
        "Phân loại khen thưởng",
        "Tên tập thể/cá nhân/hộ gia đình",
        "Chức vụ",
        "Đơn vị công tác",
        "Danh hiệu thi đua/Hình thức khen thưởng",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string_with_format(5, c as u16, *h, &bold)
            .unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 6;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        for (c, cell) in [row[0], row[2], row[3], row[4], row[5]]
            .into_iter()
            .enumerate()
        {
            write(sheet, r, c as u16 + 1, cell);
        }
    }
    book.save(&path).unwrap();
    path
}

/// Five recipients of the template with everything, one of each way a cell is written.
pub fn five() -> Vec<Row> {
    use C::*;
    vec![
        [
            T("CANHAN"),
            T("Ông"),
            T("Nguyễn Văn Hải"),
            T("Tổ trưởng tổ dân phố 3"),
            T("Khu phố 1"),
            T("GKCT"),
        ],
        [
            T("CANHAN"),
            T("Bà"),
            T("Trần Thị Lan"),
            T("Chi hội trưởng Chi hội Phụ nữ"),
            T("Khu phố 2"),
            T("Giấy khen của Chủ tịch UBND phường Chợ Quán"),
        ],
        [
            T("TAPTHE"),
            E,
            T("Ban bảo vệ dân phố Khu phố 3"),
            E,
            E,
            F("=DANHMUC!B4", "BKCT"),
        ],
        [
            T("HOGIADINH"),
            E,
            F("=\"Hộ ông \"&\"Lê Văn Tư\"", "Hộ ông Lê Văn Tư"),
            E,
            T("Khu phố 4"),
            T("BD"),
        ],
        [
            T("CANHAN"),
            T("Đồng chí"),
            T("Phạm Minh Tuấn"),
            T("Công an viên"),
            T("Công an phường Chợ Quán"),
            T("gkct"),
        ],
    ]
}

/// Two rows of the one-row template, the first without a form.
pub fn first_without_a_form() -> Vec<Row> {
    use C::*;
    vec![
        [
            T("CANHAN"),
            E,
            T("Võ Thị Sáu"),
            T("Tổ phó"),
            T("Tổ dân phố 7"),
            E,
        ],
        [
            T("TAPTHE"),
            E,
            T("Chi đoàn Khu phố 5"),
            E,
            E,
            T("Bằng khen của Chủ tịch UBND Thành phố"),
        ],
    ]
}

/// A person of Khu phố 5 (Phân loại "CANHAN"): Tên gọi `title`, Tên `name`, the code `code`.
const fn of_khu_pho_5(title: &'static str, name: &'static str, code: &'static str) -> Row {
    [
        C::T("CANHAN"),
        C::T(title),
        C::T(name),
        C::E,
        C::T("Khu phố 5"),
        C::T(code),
    ]
}

/// A recipient whose form's code ("GKXX") the DANHMUC sheet does not list.
pub const UNKNOWN_FORM_CODE: Row = of_khu_pho_5("Ông", "Lý Văn Bảy", "GKXX");

/// A recipient whose code means a title of emulation (Lao động tiên tiến), not a form.
pub const TITLE_NOT_FORM: Row = of_khu_pho_5("Bà", "Mai Thị Tám", "LDTT");
