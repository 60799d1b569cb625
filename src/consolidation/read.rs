//! Reading a package file back: the data sheet's rows through calamine, cell by cell (a value
//! typed far down the sheet never makes a huge grid), and a damaged file as a reason, never a
//! crash (calamine panics on some damaged files; see import::workbook).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::package::{DATA_SHEET, Package, PackageError, Parsed};

/// Rows past this are not a package's (it has under a hundred).
const MAX_ROWS: u32 = 10_000;

/// A key as the writer spells it: lower-case ASCII, digits, "_" and ".". Titles and the
/// header row are not keys.
fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

fn text_of(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The package in an .xlsx file's bytes, or why it is not one.
pub fn read(bytes: Vec<u8>) -> Result<Parsed, PackageError> {
    std::panic::catch_unwind(move || read_rows(bytes))
        .unwrap_or(Err(PackageError::Damaged))
        .and_then(|rows| Package::parse(&rows))
}

fn read_rows(bytes: Vec<u8>) -> Result<Vec<(String, String)>, PackageError> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|_| PackageError::Damaged)?;
    if !book.sheet_names().iter().any(|name| name == DATA_SHEET) {
        return Err(PackageError::NotPackage);
    }
    let mut cells = book
        .worksheet_cells_reader(DATA_SHEET)
        .map_err(|_| PackageError::Damaged)?;
    // (row, key, value), in the order the cells come.
    let mut grid: Vec<(u32, String, String)> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|_| PackageError::Damaged)? {
        let (row, col) = cell.get_position();
        if row > MAX_ROWS {
            return Err(PackageError::NotPackage);
        }
        let text = text_of(&Data::from(cell.get_value().clone()));
        match col {
            0 => grid.push((row, text, String::new())),
            1 => {
                if let Some(last) = grid.last_mut().filter(|(r, ..)| *r == row) {
                    last.2 = text;
                }
            }
            _ => {}
        }
    }
    Ok(grid
        .into_iter()
        .filter(|(_, key, _)| is_key(key.trim()))
        .map(|(_, key, value)| (key.trim().to_string(), value))
        .collect())
}
