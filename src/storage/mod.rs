//! The local SQLite store. One file holds one organising unit and all its years.
//!
//! Promises: WAL journal and foreign keys on every connection; every change in one
//! transaction; a file that is not ours, is newer than us, is locked or read-only is reported
//! before anything is written to it.

mod area;
pub mod backup;
pub mod certificate;
mod checklist;
pub mod commendation;
mod delegate;
mod error;
mod event;
mod festival;
pub mod household;
mod inspect;
pub mod paths;
mod plan;
mod point;
mod program;
pub mod report;
mod restore;
pub mod schema;
mod unit;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use backup::BackupReason;
pub use error::StoreError;
pub use inspect::{BackupInfo, Counts, inspect};
pub use restore::{Recovered, Restored, latest_valid, replace_unusable};

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open data file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the data file, waiting up to 5 s for another writer.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_timeout(path, Duration::from_secs(5))
    }

    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Store> {
        let fresh = check_header(path)?;
        if fresh && let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::CannotOpen(path.to_path_buf(), format!("không tạo được thư mục ({e})."))
            })?;
        }
        // Root ignores permission bits, so ask the file system what the secretary set.
        if !fresh && std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        let fail = |e| error::classify(path, e);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
        conn.busy_timeout(busy_timeout).map_err(fail)?;

        // Read-only checks first: nothing is written to a file that is not ours.
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
            .map_err(fail)?;
        let app_id = schema::application_id(&conn).map_err(fail)?;
        if tables > 0 && app_id != schema::APPLICATION_ID {
            return Err(StoreError::NotOurs(path.to_path_buf()));
        }
        let found = schema::version(&conn).map_err(fail)?;
        if found > schema::LATEST {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found,
                supported: schema::LATEST,
            });
        }
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(fail)? {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }

        // WAL survives the app being killed at any moment; FULL sync survives power loss.
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(fail)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Locked(path.to_path_buf()));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(fail)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        if (1..schema::LATEST).contains(&found) {
            // An older file is copied as it was before anything in it changes.
            store.backup_before(BackupReason::Migration)?;
        }
        schema::migrate_to(&mut store.conn, schema::LATEST).map_err(|e| store.fail(e))?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Maps an SQLite error to the secretary's sentence for this file.
    fn fail(&self, error: rusqlite::Error) -> StoreError {
        error::classify(&self.path, error)
    }

    /// Runs `f` in one transaction: all of it is written, or nothing.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let run = |conn: &mut Connection| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        };
        run(&mut self.conn).map_err(|e| error::classify(&self.path, e))
    }
}

/// True if the file does not exist yet (or is empty); an error if it is not SQLite at all.
fn check_header(path: &Path) -> Result<bool> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(StoreError::CannotOpen(
                path.to_path_buf(),
                "không có quyền đọc tệp.".into(),
            ));
        }
        Err(e) => return Err(StoreError::CannotOpen(path.to_path_buf(), e.to_string())),
    };
    if path.is_dir() {
        return Err(StoreError::CannotOpen(
            path.to_path_buf(),
            "đây là một thư mục, không phải tệp dữ liệu.".into(),
        ));
    }
    let mut header = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut header)
        .map_err(|e| StoreError::CannotOpen(path.to_path_buf(), e.to_string()))?;
    if header.is_empty() {
        return Ok(true);
    }
    if header.as_slice() != SQLITE_HEADER {
        return Err(StoreError::NotOurs(path.to_path_buf()));
    }
    Ok(false)
}

#[cfg(test)]
mod commendation_tests;
#[cfg(test)]
mod household_tests;
#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod sharing_tests;
