//! The command line: the same binary opens the window or runs one command for scripts,
//! the province's IT staff and tests. Everything it prints is Vietnamese; errors are one line
//! on stderr with a non-zero exit code, and change nothing.

mod args;
mod backup;
mod certificates;
mod commands;
mod consolidate;
mod import;
mod password;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// Exit code of a command that ran and failed (bad value, refused file...).
pub const EXIT_FAILED: u8 = 1;
/// Exit code of a command line that could not be understood.
pub const EXIT_USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return args::report(error),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("Lỗi: {message}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Runs a parsed command line; the error is the sentence to print.
pub fn run(cli: Cli) -> Result<(), String> {
    let db = database_path(cli.db)?;
    match cli.command {
        None => crate::gui::run(db).map_err(|e| format!("không mở được cửa sổ ứng dụng ({e}).")),
        Some(command) => commands::run(&db, command),
    }
}

/// `--db FILE`, or the default data file (portable folder first).
fn database_path(db: Option<PathBuf>) -> Result<PathBuf, String> {
    match db {
        Some(path) => Ok(path),
        None => crate::storage::paths::default_location()
            .map(|location| {
                // The app's own folder: readable by the secretary's account only, even if an
                // earlier version made it readable by all (Store::open makes a new one so).
                crate::storage::private::tighten(&location.dir);
                location.db_path()
            })
            .ok_or_else(|| {
                "không tìm thấy thư mục dữ liệu của người dùng; hãy chỉ định tệp bằng --db."
                    .to_string()
            }),
    }
}

/// Messages follow "Lỗi: " on the command line, so they start in lower case.
fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The data file a command reads: it must exist (commands never create one by accident).
fn open_existing(db: &std::path::Path) -> Result<crate::storage::Store, String> {
    if !db.exists() {
        return Err(format!(
            "chưa có tệp dữ liệu “{}”. Hãy thiết lập bằng lệnh init hoặc demo.",
            db.display()
        ));
    }
    password::open(db)
}

/// The unit the file is set up for; commands that print need it.
fn unit_of(store: &crate::storage::Store) -> Result<crate::domain::Unit, String> {
    store
        .unit()
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "tệp dữ liệu chưa có đơn vị tổ chức; hãy chạy lệnh init trước.".into())
}

/// `--year`, else the latest year of the file; with every year the file has.
fn year_or_latest(
    store: &crate::storage::Store,
    year: Option<i32>,
) -> Result<(i32, Vec<i32>), String> {
    let years = store.years().map_err(|e| e.to_string())?;
    let year = match year {
        Some(y) => y,
        None => *years.last().ok_or("tệp dữ liệu chưa có Ngày hội nào.")?,
    };
    Ok((year, years))
}

/// The event of `--year`, else of the latest year.
fn event_of(
    store: &crate::storage::Store,
    year: Option<i32>,
) -> Result<crate::domain::YearEvent, String> {
    let (year, _) = year_or_latest(store, year)?;
    store
        .event(year)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("chưa có kế hoạch Ngày hội năm {year}."))
}

/// Writes a file a command made, readable by the secretary's account only.
fn write_out(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    crate::papers::output::save(path, bytes, crate::papers::output::Access::Private)
        .map_err(|e| lower_first(&e))
}
