//! Writing test files: .xlsx with text, number and date cells, CSV bytes, and a damaged data
//! file.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell of a generated workbook.
pub enum X {
    S(&'static str),
    Owned(String),
    N(f64),
    /// A date cell: year, month, day.
    D(u16, u8, u8),
    Blank,
}

/// Writes `rows` as the first sheet of an .xlsx; `skip` empty rows above them.
pub fn xlsx(path: &Path, skip: u32, rows: &[Vec<X>]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + skip;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                X::S(s) => drop(sheet.write_string(r, c, *s).unwrap()),
                X::Owned(s) => drop(sheet.write_string(r, c, s).unwrap()),
                X::N(n) => drop(sheet.write_number(r, c, *n).unwrap()),
                X::D(y, m, d) => drop(
                    sheet
                        .write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                            &date,
                        )
                        .unwrap(),
                ),
                X::Blank => {}
            }
        }
    }
    book.save(path).unwrap();
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// Damages the data file at `path` as a failing disk does: its header kept, its schema page
/// scrambled. What the file then holds.
pub fn damage(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    for byte in &mut bytes[100..4096] {
        *byte = 0xA5;
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}
