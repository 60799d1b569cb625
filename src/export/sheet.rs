//! A table written as an .xlsx workbook over rust_xlsxwriter: optional title rows, a bold
//! header row frozen on screen, numbers and dates as real Excel values (sums and filters
//! work), column widths from the content. Text is always written as text: a name starting
//! with "=" is never a formula.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    /// Whole đồng, shown with thousands separators ("#,##0": dots in a Vietnamese Excel).
    Money(i64),
    /// Shown as dd/mm/yyyy.
    Date(NaiveDate),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Characters the cell shows, to size its column.
    fn width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            Cell::Text(s) => s.chars().count(),
            Cell::Integer(n) => n.to_string().len(),
            Cell::Money(n) => crate::text::thousands(*n).len(),
            Cell::Date(_) => 10,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// At most 31 characters; characters Excel refuses ([ ] : * ? / \) are replaced.
    pub sheet_name: String,
    /// Lines above the table ("DANH SÁCH ...", "Năm 2026"), bold, across the table's width.
    pub title_rows: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    if clean.is_empty() {
        "Danh sách".into()
    } else {
        clean
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

fn column_count(table: &Table) -> usize {
    table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.headers.len(), 1])
        .max()
        .unwrap_or(1)
}

fn write_sheet(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(&table.sheet_name))?;
    let columns = column_count(table);
    let title = Format::new().set_bold().set_font_size(13);
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let money = Format::new().set_num_format("#,##0");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut row: u32 = 0;
    for line in &table.title_rows {
        if columns > 1 {
            sheet.merge_range(row, 0, row, (columns - 1) as u16, line, &title)?;
        } else {
            sheet.write_string_with_format(row, 0, line, &title)?;
        }
        row += 1;
    }
    if !table.title_rows.is_empty() {
        row += 1;
    }
    for (col, header) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, header, &bold)?;
    }
    if !table.headers.is_empty() {
        sheet.set_freeze_panes(row + 1, 0)?;
        row += 1;
    }
    for cells in &table.rows {
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Empty => {}
                // write_string never parses the text: "=1+1" stays a string.
                Cell::Text(s) => {
                    sheet.write_string(row, col, s)?;
                }
                Cell::Integer(n) => {
                    sheet.write_number(row, col, *n as f64)?;
                }
                Cell::Money(n) => {
                    sheet.write_number_with_format(row, col, *n as f64, &money)?;
                }
                Cell::Date(d) => {
                    sheet.write_datetime_with_format(row, col, excel_date(*d)?, &date)?;
                }
            }
        }
        row += 1;
    }
    for col in 0..columns {
        let widest = table
            .rows
            .iter()
            .filter_map(|r| r.get(col))
            .map(Cell::width)
            .chain(table.headers.get(col).map(|h| h.chars().count().min(30)))
            .max()
            .unwrap_or(0);
        sheet.set_column_width(col as u16, (widest + 2).clamp(6, 60) as f64)?;
    }
    Ok(())
}

/// The .xlsx bytes of one workbook with a sheet per table.
pub fn to_xlsx(tables: &[Table]) -> Result<Vec<u8>, String> {
    let fail = |e: XlsxError| format!("Không tạo được tệp Excel: {e}");
    let mut book = Workbook::new();
    for table in tables {
        write_sheet(book.add_worksheet(), table).map_err(fail)?;
    }
    if tables.is_empty() {
        book.add_worksheet();
    }
    book.save_to_buffer().map_err(fail)
}

/// Writes the workbook whole through a temporary file beside `path`: a crash or a full disk
/// never leaves half a file. The error is a Vietnamese sentence.
pub fn write_xlsx(
    path: &Path,
    tables: &[Table],
    access: crate::papers::output::Access,
) -> Result<(), String> {
    let bytes = to_xlsx(tables)?;
    crate::papers::output::save(path, &bytes, access)
}
