//! The report's tables as an .xlsx workbook for the province to aggregate: one sheet per
//! table, counts and amounts as numbers (a figure not entered is an empty cell, not 0).
//! Written by the shared `export::sheet` writer.

use std::path::Path;

use super::{ReportTable, Value, summary_line, tables};
use crate::domain::report::Report;
use crate::export::{Cell, Table, to_xlsx};

fn cell(value: &Value) -> Cell {
    match value {
        Value::Missing => Cell::Empty,
        Value::Text(s) => Cell::Text(s.clone()),
        Value::Count(n) | Value::Change(n) => Cell::Integer(*n),
        Value::Money(n) | Value::MoneyChange(n) => Cell::Money(*n),
        // export::sheet has no decimal cell yet; x and y are numbers on their own rows.
        Value::Percent(_) => Cell::Text(value.text()),
    }
}

/// The total row under the columns it sums: "Tổng cộng" in the first cell, then empty cells
/// for the columns the PDF lets it span.
fn total_cells(total: &[Value], columns: usize) -> Vec<Cell> {
    let spanned = (columns + 1).saturating_sub(total.len()).max(1);
    let mut cells = Vec::with_capacity(columns);
    cells.push(total.first().map_or(Cell::Empty, cell));
    cells.extend(std::iter::repeat_n(Cell::Empty, spanned - 1));
    cells.extend(total.iter().skip(1).map(cell));
    cells
}

/// The table's rows as cells, the total row last.
pub(crate) fn rows(table: &ReportTable) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(cell).collect())
        .collect();
    if let Some(total) = &table.total {
        rows.push(total_cells(total, table.columns.len()));
    }
    rows
}

fn sheet(report: &Report, table: &ReportTable) -> Table {
    let rows = rows(table);
    let unit = &report.unit;
    Table {
        sheet_name: table.sheet.clone(),
        title_rows: vec![
            format!("BÁO CÁO {}", summary_line(report.year()).to_uppercase()),
            [unit.name.trim(), unit.province.trim()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            table.title.clone(),
        ],
        headers: table.columns.iter().map(|c| c.title.clone()).collect(),
        rows,
    }
}

/// The workbook's sheets, in the order the PDF prints the tables.
pub fn sheets(report: &Report) -> Vec<Table> {
    tables(report).iter().map(|t| sheet(report, t)).collect()
}

pub fn render(report: &Report) -> Result<Vec<u8>, String> {
    to_xlsx(&sheets(report))
}

/// Writes the workbook whole, or not at all.
pub fn save(
    path: &Path,
    report: &Report,
    access: crate::papers::output::Access,
) -> Result<(), String> {
    crate::papers::output::save(path, &render(report)?, access)
}
