//! Bringing a backup back.
//!
//! Into an open file ([`Store::restore_from`]): the backup is checked with [`inspect`], the
//! current state is copied first, then SQLite's online backup API copies every page of the
//! backup into the live database **in one step, that is in one write transaction** of the
//! live connection, committed through the rollback journal: killed half-way, the journal puts
//! the old content back on the next open; afterwards, every connection (the command line too)
//! sees the restored content. Renaming a file over the live one would instead leave
//! a second window writing into a file that is no longer there.
//!
//! Over a file that cannot be opened at all ([`replace_unusable`]: damaged, from a newer
//! version, not ours): the file and its journal are moved aside into the backups folder, never
//! deleted, and a complete copy of the backup, written beside it first, is renamed into place.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::backup::{self, BackupReason, SET_ASIDE_PREFIX};
use super::inspect::{BackupInfo, inspect};
use super::{Password, Result, Store, StoreError, error, password, paths, schema};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// What the file holds now.
    pub info: BackupInfo,
    /// The copy of the state before the restore; `None` if the file held nothing yet.
    pub previous: Option<PathBuf>,
}

/// What [`replace_unusable`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub info: BackupInfo,
    /// Where the file that could not be opened was moved; `None` if there was none.
    pub set_aside: Option<PathBuf>,
}

/// How long a restore waits for another window to finish writing.
const WAIT: Duration = Duration::from_secs(5);

impl Store {
    /// Replaces the whole content of the file with the backup at `source`. Refused (nothing
    /// changed) if the backup is not valid or its copy of the current state cannot be made.
    pub fn restore_from(&mut self, source: &Path) -> Result<Restored> {
        if same_file(source, &self.path) {
            return Err(StoreError::Invalid(
                "Không thể khôi phục tệp dữ liệu từ chính nó: hãy chọn một bản sao lưu.".into(),
            ));
        }
        if password::sealed(source).is_some_and(|sealed| sealed != self.has_password()) {
            return Err(password::mismatch(source, self.has_password()));
        }
        let info = inspect(source, self.password.as_ref())?;
        let fail = |e| error::classify(source, e);
        let from = password::open_copy(source, self.password.as_ref(), false)?;
        let page_size = |conn: &Connection| -> rusqlite::Result<i64> {
            // SQLCipher answers for an encrypted file with text.
            conn.pragma_query_value(None, "page_size", |row| {
                Ok(match row.get::<_, rusqlite::types::Value>(0)? {
                    rusqlite::types::Value::Integer(n) => n,
                    rusqlite::types::Value::Text(text) => text.parse().unwrap_or(0),
                    _ => 0,
                })
            })
        };
        if page_size(&from).map_err(fail)? != page_size(&self.conn).map_err(|e| self.fail(e))? {
            return Err(StoreError::Invalid(format!(
                "Bản sao lưu “{}” không được tạo bởi Ngày hội nên không khôi phục trực tiếp được. Tệp dữ liệu không thay đổi.",
                source.display()
            )));
        }
        let had_data = self.unit()?.is_some() || !self.years()?.is_empty();
        let now = chrono::Local::now().naive_local();
        let previous = if had_data {
            Some(self.automatic_copy(BackupReason::Restore, now)?)
        } else {
            None
        };
        self.copy_pages_from(&from)?;
        drop(from);
        // A backup copied from a file of an earlier version may carry the WAL header.
        self.keep_rollback_journal()?;
        schema::migrate_to(&mut self.conn, schema::LATEST).map_err(|e| self.fail(e))?;
        backup::rotate(&paths::backups_dir(&self.path));
        Ok(Restored { info, previous })
    }

    /// Copies every page of `from` into this file in one write transaction.
    fn copy_pages_from(&mut self, from: &Connection) -> Result<()> {
        self.conn.flush_prepared_statement_cache();
        let path = self.path.clone();
        let started = Instant::now();
        let copy = Backup::new(from, &mut self.conn).map_err(|e| error::classify(&path, e))?;
        loop {
            match copy.step(-1).map_err(|e| error::classify(&path, e))? {
                StepResult::Done => return Ok(()),
                _ if started.elapsed() > WAIT => return Err(StoreError::Locked(path)),
                _ => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}

/// Puts the backup at `source` in place of the data file `db`, which cannot be opened (or does
/// not exist). The file and its journals (`-journal`, `-wal`, `-shm`) are moved into the backups folder as
/// `de-rieng-<time>-<name>` first; they are never overwritten or deleted. If any step fails,
/// everything is put back as it was.
pub fn replace_unusable(
    db: &Path,
    source: &Path,
    password: Option<&Password>,
) -> Result<Recovered> {
    if same_file(source, db) {
        return Err(StoreError::Invalid(
            "Không thể khôi phục tệp dữ liệu từ chính nó: hãy chọn một bản sao lưu.".into(),
        ));
    }
    let info = inspect(source, password)?;
    let now = chrono::Local::now().naive_local();
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.unwrap_or(Path::new("."));
    super::private::create_dir_all(dir)
        .map_err(|e| StoreError::CannotOpen(dir.into(), e.to_string()))?;
    let temp = dir.join(format!(
        ".ngayhoi-khoi-phuc-{}.tmp",
        now.format("%Y%m%d%H%M%S%f")
    ));
    write_copy(source, password, &temp)?;

    let set_aside = if db.exists() {
        let name = db.file_name().unwrap_or_default().to_string_lossy();
        let backups = backup::create_backups_dir(db).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })?;
        let aside = backups.join(format!(
            "{SET_ASIDE_PREFIX}{}-{name}",
            now.format("%Y-%m-%d-%H%M%S")
        ));
        if let Err(e) = move_with_journal(db, &aside) {
            let _ = std::fs::remove_file(&temp);
            return Err(StoreError::CannotOpen(
                db.to_path_buf(),
                format!("không chuyển được tệp sang thư mục sao lưu ({e}); tệp được giữ nguyên."),
            ));
        }
        Some(aside)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(&temp, db) {
        let _ = std::fs::remove_file(&temp);
        if let Some(aside) = &set_aside {
            let _ = move_with_journal(aside, db);
        }
        return Err(StoreError::CannotOpen(db.to_path_buf(), e.to_string()));
    }
    Ok(Recovered { info, set_aside })
}

/// A complete, flushed copy of `source` at `target` (which must not exist), under the same
/// password.
fn write_copy(source: &Path, password: Option<&Password>, target: &Path) -> Result<()> {
    let from = password::open_copy(source, password, false)?;
    let text = target.to_str().ok_or_else(|| {
        StoreError::CannotOpen(target.to_path_buf(), "đường dẫn không hợp lệ.".into())
    })?;
    // VACUUM INTO fills an empty file and keeps its mode: the copy is private from the start.
    super::private::create_new_file(target)
        .map_err(|e| StoreError::CannotOpen(target.to_path_buf(), e.to_string()))?;
    let written = from
        .execute("VACUUM INTO ?1", [text])
        .map_err(|e| error::classify(target, e))
        .and_then(|_| {
            super::private::flush(target)
                .map_err(|e| StoreError::CannotOpen(target.to_path_buf(), e.to_string()))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(target);
    }
    written
}

/// Moves a database file and its journal files together; all or nothing.
fn move_with_journal(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)?;
    let mut moved = Vec::new();
    // The rollback journal too: left beside the restored file, SQLite would roll it onto it.
    for extra in ["-journal", "-wal", "-shm"] {
        let (a, b) = (
            backup::with_suffix(from, extra),
            backup::with_suffix(to, extra),
        );
        if !a.exists() {
            continue;
        }
        if let Err(e) = std::fs::rename(&a, &b) {
            for (a, b) in moved.iter().rev() {
                let _ = std::fs::rename(b, a);
            }
            let _ = std::fs::rename(to, from);
            return Err(e);
        }
        moved.push((a, b));
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The newest copy in the backups folder of `db` that [`inspect`] accepts with `password`, with
/// what it holds. Files moved aside because they could not be opened are not candidates.
pub fn latest_valid(db: &Path, password: Option<&Password>) -> Option<(PathBuf, BackupInfo)> {
    backup::copies(&paths::backups_dir(db))
        .into_iter()
        .filter(|copy| copy.kind != backup::CopyKind::SetAside)
        .find_map(|copy| {
            inspect(&copy.path, password)
                .ok()
                .map(|info| (copy.path, info))
        })
}
