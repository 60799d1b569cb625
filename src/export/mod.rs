//! Exports of lists for other programs: .xlsx tables with real numbers and dates, and CSV
//! fields that no spreadsheet turns into formulas.

pub mod csv;
pub mod package;
pub mod sheet;
mod visits;

pub use csv::{csv_field, csv_line};
pub use sheet::{Cell, Table, to_xlsx, write_xlsx};
pub use visits::visits_table;
