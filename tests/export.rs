//! .xlsx exports read back with calamine: numbers and dates are values, text stays text
//! (never a formula), the header is where it should be, and the file is written whole.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use ngayhoi::export::{Cell, Table, csv_field, csv_line, to_xlsx, write_xlsx};
use ngayhoi::papers::output::Access;

fn table() -> Table {
    Table {
        sheet_name: "Danh sách: quà/2026".into(),
        title_rows: vec!["DANH SÁCH KÝ NHẬN QUÀ".into(), "Năm 2026".into()],
        headers: vec![
            "STT".into(),
            "Họ và tên".into(),
            "Giá trị (đồng)".into(),
            "Ngày thăm".into(),
        ],
        rows: vec![
            vec![
                Cell::Integer(1),
                Cell::text("Nguyễn Thị Hằng"),
                Cell::Money(1_500_000),
                Cell::Date(NaiveDate::from_ymd_opt(2026, 8, 5).unwrap()),
            ],
            vec![
                Cell::Integer(2),
                Cell::text("=1+1"),
                Cell::Money(0),
                Cell::Empty,
            ],
            vec![
                Cell::Integer(3),
                Cell::text("+84 912"),
                Cell::Empty,
                Cell::Empty,
            ],
            vec![
                Cell::Integer(4),
                Cell::text("-Lê"),
                Cell::Empty,
                Cell::Empty,
            ],
            vec![
                Cell::Integer(5),
                Cell::text("@Tư"),
                Cell::Empty,
                Cell::Empty,
            ],
        ],
    }
}

fn read_back(bytes: Vec<u8>) -> (String, calamine::Range<Data>) {
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    (name, range)
}

#[test]
fn values_are_numbers_and_text_is_never_a_formula() {
    let (name, range) = read_back(to_xlsx(&[table()]).unwrap());
    assert_eq!(name, "Danh sách- quà-2026");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String("DANH SÁCH KÝ NHẬN QUÀ".into()));
    assert_eq!(cell(1, 0), Data::String("Năm 2026".into()));
    assert_eq!(cell(3, 1), Data::String("Họ và tên".into()));
    assert_eq!(cell(4, 0), Data::Float(1.0));
    assert_eq!(cell(4, 1), Data::String("Nguyễn Thị Hằng".into()));
    assert_eq!(cell(4, 2), Data::Float(1_500_000.0));
    match cell(4, 3) {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            assert_eq!(d.to_ymd_hms_milli(), (2026, 8, 5, 0, 0, 0, 0));
        }
        other => panic!("not a date: {other:?}"),
    }
    for (row, text) in [(5, "=1+1"), (6, "+84 912"), (7, "-Lê"), (8, "@Tư")] {
        assert_eq!(cell(row, 1), Data::String(text.into()));
    }
    let mut book = Xlsx::new(Cursor::new(to_xlsx(&[table()]).unwrap())).unwrap();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn the_file_is_written_whole_beside_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qua.xlsx");
    std::fs::write(&path, b"old").unwrap();
    write_xlsx(&path, &[table(), Table::default()], Access::Private).unwrap();
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file left behind");
    let book = Xlsx::new(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), vec!["Danh sách- quà-2026", "Danh sách"]);
    let missing_dir = dir.path().join("nowhere/qua.xlsx");
    let err = write_xlsx(&missing_dir, &[table()], Access::Private).unwrap_err();
    assert!(err.starts_with("Không ghi được tệp"), "{err}");
}

#[test]
fn an_export_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ho.xlsx");
    let households = Table {
        sheet_name: "Hộ".into(),
        title_rows: vec!["DANH SÁCH HỘ".into()],
        headers: ["STT", "Họ và tên", "Năm sinh", "Địa chỉ", "Diện"]
            .map(String::from)
            .to_vec(),
        rows: vec![vec![
            Cell::Integer(1),
            Cell::text("Trần Văn Đức"),
            Cell::Integer(1950),
            Cell::text("Khu phố 2"),
            Cell::text("Thương binh"),
        ]],
    };
    write_xlsx(&path, &[households], Access::Private).unwrap();
    let p = ngayhoi::import::households::preview(&path, &Default::default()).unwrap();
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].row, 4);
    assert_eq!(p.rows[0].value.name, "Trần Văn Đức");
    assert_eq!(p.rows[0].value.birth_year, Some(1950));
}

/// Values a spreadsheet would run as formulas, or that start a formula once Excel drops a
/// leading tab or line break.
const FORMULA_LIKE: [&str; 8] = [
    "=HYPERLINK(\"http://x\",\"Bấm\")",
    "+84 912 345 678",
    "-Lê",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=1+1;2",
    "-5,5",
];

#[test]
fn titles_headers_and_cells_that_look_like_formulas_stay_text_in_xlsx() {
    let table = Table {
        sheet_name: "=Danh sách".into(),
        title_rows: vec!["=TITLE()".into()],
        headers: vec!["+Họ và tên".into(), "@Địa chỉ".into()],
        rows: FORMULA_LIKE
            .iter()
            .map(|v| vec![Cell::text(*v), Cell::text(format!("-{v}"))])
            .collect(),
    };
    let (name, range) = read_back(to_xlsx(std::slice::from_ref(&table)).unwrap());
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String("=TITLE()".into()));
    assert_eq!(cell(2, 0), Data::String("+Họ và tên".into()));
    assert_eq!(cell(2, 1), Data::String("@Địa chỉ".into()));
    for (i, value) in FORMULA_LIKE.iter().enumerate() {
        let row = 3 + i as u32;
        assert_eq!(cell(row, 0), Data::String((*value).into()));
        assert_eq!(cell(row, 1), Data::String(format!("-{value}")));
    }
    let mut book = Xlsx::new(Cursor::new(to_xlsx(&[table]).unwrap())).unwrap();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn csv_fields_that_look_like_formulas_start_with_an_apostrophe_and_read_back_whole() {
    for value in FORMULA_LIKE {
        for separator in [',', ';', '\t'] {
            let line = csv_line(&[value, "Tổ 5, Khu phố 2"], separator);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .delimiter(separator as u8)
                .from_reader(line.as_bytes());
            let record = reader.records().next().unwrap().unwrap();
            // Excel shows the apostrophe-led text as the value, never runs it.
            assert_eq!(&record[0], format!("'{value}"), "{line:?}");
            assert_eq!(&record[1], "Tổ 5, Khu phố 2");
            assert_eq!(record.len(), 2);
        }
        let field = csv_field(value);
        assert!(
            field.starts_with('\'') || field.starts_with("\"'"),
            "{value:?} -> {field:?}"
        );
    }
    // Ordinary values are left alone, numbers too (they are not formulas).
    assert_eq!(csv_field("Nguyễn Văn An"), "Nguyễn Văn An");
    assert_eq!(csv_field("500000"), "500000");
    assert_eq!(csv_field("Ông Tư - Tổ 3"), "Ông Tư - Tổ 3");
}
