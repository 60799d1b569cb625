//! The local SQLite store. One file holds one organising unit and all its years.
//!
//! Promises: a rollback journal (`journal_mode=DELETE`, `synchronous=FULL`) and foreign keys on
//! every connection, so that once a write returns the data file alone holds it; every change in
//! one transaction; a file that is not ours, is newer than us, is locked or read-only is
//! reported before anything is written to it. See docs/reliability.md, promise 1.

mod area;
pub mod backup;
pub mod certificate;
pub mod commendation;
mod consolidation;
mod error;
mod event;
mod festival;
pub mod household;
mod inspect;
mod lists;
pub mod password;
pub mod paths;
mod plan;
pub mod private;
mod program;
mod purge;
pub mod record;
pub mod report;
mod restore;
pub mod schema;
mod table;
mod unit;
pub mod window_lock;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use password::Lock;

pub use backup::BackupReason;
pub use error::StoreError;
pub use inspect::{BackupInfo, Counts, inspect};
pub use password::{Password, Rekeyed};
pub use restore::{Recovered, Restored, latest_valid, replace_unusable};
pub use window_lock::WindowLock;

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open data file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The file's password; `None` for an ordinary file.
    password: Option<Password>,
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

    /// Opens the data file with its password (`None`: the file has none). A file with a
    /// password is refused without it or with a wrong one, and left exactly as it was. A new
    /// file gets the password given; an ordinary file ignores it.
    pub fn open_with_password(path: &Path, password: Option<&Password>) -> Result<Store> {
        Store::open_keyed(path, password, Duration::from_secs(5))
    }

    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Store> {
        Store::open_keyed(path, None, busy_timeout)
    }

    fn open_keyed(
        path: &Path,
        password: Option<&Password>,
        busy_timeout: Duration,
    ) -> Result<Store> {
        let header = check_header(path)?;
        let fresh = header.is_none();
        let lock = header.map_or(Lock::Sealed, |h| h.lock);
        // A new file is sealed when a password is given; a plain file never takes a key.
        let password = password.filter(|_| lock == Lock::Sealed);
        if fresh {
            create_private_file(path)?;
        }
        // Root ignores permission bits, so ask the file system what the secretary set.
        if !fresh && std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        if header.is_some_and(|h| h.lock == Lock::Plain && !h.wal) {
            set_aside_stale_wal(path)?;
        }
        let fail = |e| error::classify(path, e);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
        conn.busy_timeout(busy_timeout).map_err(fail)?;
        if password.is_some() || !fresh {
            password::unlock(&conn, path, lock, password)?;
        }

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

        // Only a file known to be ours loses the permissions an older version gave it.
        private::tighten(path);
        use_rollback_journal(&conn).map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(fail)?;
        // A removed household's details are overwritten in the file, not left in free pages.
        conn.pragma_update(None, "secure_delete", true)
            .map_err(fail)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            password: password.cloned(),
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

    /// A number that changes whenever another connection (another window, the command line)
    /// has committed a change to the file since the last call; this connection's own writes do
    /// not change it. SQLite's `PRAGMA data_version`.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |row| row.get(0))
            .map_err(|e| self.fail(e))
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

    /// [`Store::write`] for a change to a row the window shows, which `f` reports as the count
    /// of rows changed: none means the row was removed meanwhile (another window, an undo), and
    /// `what` names it in the message ("đại biểu này").
    fn write_one(
        &mut self,
        what: impl Into<String>,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<usize>,
    ) -> Result<()> {
        match self.write(f)? {
            0 => Err(StoreError::NotFound(what.into())),
            _ => Ok(()),
        }
    }

    /// Removes the row `id` of `table`; one already gone is not an error (the secretary wanted
    /// it gone). Rows that hang off it go with it (foreign keys cascade).
    fn delete_row(&mut self, table: &str, id: i64) -> Result<()> {
        let sql = format!("DELETE FROM {table} WHERE id = ?1");
        self.write(|tx| tx.execute(&sql, [id])).map(drop)
    }
}

/// A new data file starts empty and private (SQLite's journals then take its mode), in its
/// folder, which is made private if it has to be made. An empty file is already there, from a
/// start that stopped before SQLite wrote its header: it is used as it is.
fn create_private_file(path: &Path) -> Result<()> {
    let cannot = |what: &str, e: std::io::Error| {
        StoreError::CannotOpen(path.to_path_buf(), format!("{what} ({e})."))
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        private::create_dir_all(dir).map_err(|e| cannot("không tạo được thư mục", e))?;
    }
    match private::create_new_file(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            private::tighten(path);
            Ok(())
        }
        Err(e) => Err(cannot("không tạo được tệp dữ liệu", e)),
    }
}

/// The journal of every connection: a rollback journal, deleted at each commit, with full
/// syncs. A committed change is in the data file itself, so copying that one file (USB stick,
/// e-mail) while the app is open, after it was closed or after it was ended (SIGTERM, logoff,
/// SIGKILL) always copies everything saved; a kill mid-transaction leaves a `-journal` that
/// SQLite rolls back on the next open. A file left in WAL mode by an earlier version is
/// checkpointed and switched here (which needs no other connection on it: else "locked").
fn use_rollback_journal(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some(format!("journal_mode stayed {mode}")),
        ));
    }
    conn.pragma_update(None, "synchronous", "FULL")
}

impl Store {
    /// Puts the file back into rollback-journal mode after its pages were replaced (a restore
    /// copies the backup's header, which may say WAL).
    pub(crate) fn keep_rollback_journal(&self) -> Result<()> {
        use_rollback_journal(&self.conn).map_err(|e| self.fail(e))
    }
}

/// A `-wal` beside a file whose header says "rollback journal" cannot belong to it: SQLite
/// turns the header to WAL before it ever writes a `-wal`. It is left over from another file
/// (an older copy put back over the data file while the old `-wal` lay beside it), and SQLite
/// would replay it onto this one, mixing the two. It is moved into the backups folder, never
/// deleted, before SQLite opens the file.
fn set_aside_stale_wal(path: &Path) -> Result<()> {
    let wal = backup::with_suffix(path, "-wal");
    if !std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let dir = backup::create_backups_dir(path)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let mut target = dir.join(format!("{}{stamp}-{name}-wal", backup::SET_ASIDE_PREFIX));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!(
            "{}{stamp}-{n}-{name}-wal",
            backup::SET_ASIDE_PREFIX
        ));
    }
    std::fs::rename(&wal, &target).map_err(|_| StoreError::Locked(path.to_path_buf()))?;
    let _ = std::fs::remove_file(backup::with_suffix(path, "-shm"));
    Ok(())
}

/// What the first bytes of an existing SQLite file say.
#[derive(Debug, Clone, Copy)]
struct Header {
    /// The file format bytes say WAL (written by an earlier version of the app).
    wal: bool,
    lock: Lock,
}

/// `None` if the file does not exist yet (or is empty); an error if it is not SQLite at all.
fn check_header(path: &Path) -> Result<Option<Header>> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
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
    let mut header = Vec::with_capacity(20);
    file.by_ref()
        .take(20)
        .read_to_end(&mut header)
        .map_err(|e| StoreError::CannotOpen(path.to_path_buf(), e.to_string()))?;
    if header.is_empty() {
        return Ok(None);
    }
    if header.get(..16) != Some(SQLITE_HEADER.as_slice()) {
        if password::looks_sealed(path, &header) {
            return Ok(Some(Header {
                wal: false,
                lock: Lock::Sealed,
            }));
        }
        return Err(StoreError::NotOurs(path.to_path_buf()));
    }
    Ok(Some(Header {
        wal: header.get(18..20) != Some([1, 1].as_slice()),
        lock: Lock::Plain,
    }))
}

#[cfg(test)]
mod tests;
