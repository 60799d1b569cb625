//! .xlsx and .xls workbooks through calamine: the list's sheet ("DANHSACH", else the first
//! sheet with a non-empty cell that is not a code list such as "DANHMUC"), every
//! cell as the text a person would type (500000 not "500000.0", dates as dd/mm/yyyy), with
//! the rows and columns above and left of the used range kept, so row numbers match Excel.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xls, XlsError, Xlsx, XlsxError};

use super::sheet::{Conversion, Format, Sheet};
use super::{ImportError, MAX_CELLS, MAX_ROWS, codes};
use crate::text::parse_date;

type Bytes = Cursor<Vec<u8>>;

/// A number as typed: integers without ".0", other numbers in their shortest form.
pub(crate) fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            format!("{day:02}/{month:02}/{year:04}")
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) => match parse_date(s.get(..10).unwrap_or(s)) {
            Some(d) => crate::text::date_short(d),
            None => s.clone(),
        },
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

fn has_content(range: &Range<Data>) -> bool {
    range
        .used_cells()
        .any(|(_, _, c)| !matches!(c, Data::Empty))
}

fn rows_of(range: &Range<Data>) -> Result<Vec<Vec<String>>, ImportError> {
    let (top, left) = range.start().unwrap_or((0, 0));
    let (top, left) = (top as usize, left as usize);
    if top + range.height() > MAX_ROWS {
        return Err(ImportError::TooManyRows(top + range.height()));
    }
    let mut rows = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![String::new(); left];
        cells.extend(row.iter().map(cell_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    Ok(rows)
}

/// The sheets in the order the list is looked for: one named "DANHSACH" first, then the
/// others in the workbook's order, the code lists ("DANHMUC") last (a workbook with nothing
/// else is read as it is).
fn in_order(names: &[String]) -> Vec<&String> {
    let mut order: Vec<&String> = names.iter().collect();
    order.sort_by_key(|n| match () {
        _ if codes::is_list_sheet(n) => 0,
        _ if codes::is_code_sheet(n) => 2,
        _ => 1,
    });
    order
}

/// The list's sheet and the codes explained on the workbook's code sheets. `rows_of_sheet`
/// reads one sheet (`None` when it cannot be read).
fn list_and_codes(
    names: &[String],
    format: Format,
    mut rows_of_sheet: impl FnMut(&str) -> Result<Option<Vec<Vec<String>>>, ImportError>,
) -> Result<Sheet, ImportError> {
    for name in in_order(names) {
        let Some(rows) = rows_of_sheet(name)?.filter(|rows| !rows.is_empty()) else {
            continue;
        };
        let mut conversion = Conversion::new(format);
        conversion.sheet_name = Some(name.clone());
        let mut sheet = Sheet::from_raw(rows, conversion)?;
        for other in names
            .iter()
            .filter(|n| *n != name && codes::is_code_sheet(n))
        {
            let Some(rows) = rows_of_sheet(other)? else {
                continue;
            };
            // Cleaned as the list is (legacy fonts, NFC); an empty code sheet explains nothing.
            if let Ok(list) = Sheet::from_raw(rows, Conversion::new(format)) {
                sheet.codes.extend(codes::pairs(&list.rows));
                sheet.conversion.code_sheets.push(other.clone());
            }
        }
        sheet.conversion.codes = sheet.codes.len();
        return Ok(sheet);
    }
    Err(ImportError::Empty)
}

fn first_sheet<R>(mut book: R, format: Format) -> Result<Sheet, ImportError>
where
    R: Reader<Bytes>,
{
    let names = book.sheet_names();
    list_and_codes(&names, format, |name| match book.worksheet_range(name) {
        Ok(range) if has_content(&range) => rows_of(&range).map(Some),
        _ => Ok(None),
    })
}

/// Runs calamine on a file that may be damaged. calamine reads some records without checking
/// their length (its .xls reader most of all) and panics on a short one: that is a damaged
/// file, not a reason to end the app (built to unwind for this, see Cargo.toml). What a panic
/// cannot cover, reservations of terabytes and looping chains, `cfb::is_safe` refuses first.
fn guarded(read: impl FnOnce() -> Result<Sheet, ImportError>) -> Result<Sheet, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or(Err(ImportError::Damaged))
}

/// One .xlsx sheet read cell by cell (`None` when it cannot be opened): calamine's
/// `worksheet_range` makes a dense grid from the first to the last used cell, and one value
/// typed in XFD1048576 would ask for hundreds of gigabytes (the app would end). A formula
/// reads as the value Excel saved with it.
fn xlsx_rows(book: &mut Xlsx<Bytes>, name: &str) -> Result<Option<Vec<Vec<String>>>, ImportError> {
    let Ok(mut cells) = book.worksheet_cells_reader(name) else {
        return Ok(None);
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut total = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|_| ImportError::Damaged)? {
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        let (row, col) = (row as usize, col as usize);
        if row >= MAX_ROWS {
            return Err(ImportError::TooManyRows(row + 1));
        }
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let cells_of_row = &mut rows[row];
        if cells_of_row.len() <= col {
            total += col + 1 - cells_of_row.len();
            if total > MAX_CELLS {
                return Err(ImportError::TooManyCells);
            }
            cells_of_row.resize(col + 1, String::new());
        }
        cells_of_row[col] = text;
    }
    Ok(Some(rows))
}

/// The list's sheet of an .xlsx (see [`in_order`]) and its code sheets.
fn first_xlsx_sheet(mut book: Xlsx<Bytes>) -> Result<Sheet, ImportError> {
    let names = book.sheet_names();
    list_and_codes(&names, Format::Xlsx, |name| xlsx_rows(&mut book, name))
}

pub fn read_xlsx(bytes: Vec<u8>) -> Result<Sheet, ImportError> {
    guarded(|| match Xlsx::new(Cursor::new(bytes)) {
        Ok(book) => first_xlsx_sheet(book),
        Err(XlsxError::Password) => Err(ImportError::Password),
        Err(_) => Err(ImportError::Damaged),
    })
}

/// An OLE file: an .xls workbook, or an encrypted .xlsx (Excel wraps those in OLE).
pub fn read_xls(bytes: Vec<u8>) -> Result<Sheet, ImportError> {
    // calamine would crash on some damaged containers: see `cfb`.
    if !super::cfb::is_safe(&bytes) {
        return Err(ImportError::Damaged);
    }
    guarded(|| match Xls::new(Cursor::new(bytes.clone())) {
        Ok(book) => first_sheet(book, Format::Xls),
        Err(XlsError::Password) => Err(ImportError::Password),
        Err(_) => match Xlsx::new(Cursor::new(bytes)) {
            Err(XlsxError::Password) => Err(ImportError::Password),
            Ok(book) => first_xlsx_sheet(book),
            Err(_) => Err(ImportError::Damaged),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number_text(500000.0), "500000");
        assert_eq!(number_text(1950.0), "1950");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(f64::NAN), "NaN");
    }
}
