//! Imports from the spreadsheets committees already have (.xlsx, .xls, .csv): households,
//! gift visits and commendation recipients. Generic over what is imported: a file is read
//! into a [`Sheet`] of clean NFC text (legacy encodings converted), the header row is found
//! and mapped to [`Field`]s, and each row is parsed into a value or a [`RowError`] with the
//! row number the user sees in Excel. The [`Preview`] is shown before anything is saved; the
//! caller saves only when [`Preview::can_save`]: an import is all or nothing.
//!
//! Nothing here writes to storage or knows about the window. See docs/imports.md.

mod cfb;
mod codes;
pub mod csv_text;
mod error;
pub mod field;
pub mod households;
mod layout;
pub mod mapping;
mod merge;
pub mod preview;
pub mod recipient_values;
pub mod recipients;
pub mod sheet;
pub mod values;
pub mod visits;
mod workbook;

pub use error::ImportError;
pub use field::Field;
pub use mapping::{Column, Mapping};
pub use preview::{Choice, Counts, Parsed, Preview, RowError, Stored};
pub use recipients::RecipientRow;
pub use sheet::{Conversion, Format, Sheet, read, read_bytes};
pub use visits::VisitRow;

/// Larger lists are refused: a ward's lists have hundreds of rows, a province's thousands.
pub const MAX_ROWS: usize = 200_000;

/// Workbooks with more cells than this (counting the empty ones left of a filled cell) are
/// refused: a stray value in column XFD of every row would otherwise take gigabytes.
pub const MAX_CELLS: usize = 20_000_000;

/// Larger files are refused before being read.
pub const MAX_BYTES: u64 = 100_000_000;
