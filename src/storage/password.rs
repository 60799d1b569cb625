//! The optional password on the data file (SQLCipher, `PRAGMA key`). A file without one is an
//! ordinary SQLite file and opens as it always did; a file with one is encrypted page by page,
//! and so is every copy the app keeps of it in the backups folder.
//!
//! Setting, changing and removing the password never rewrite the file in place: the whole
//! content is exported into a new file beside it under the new key, that file is flushed, and
//! it is renamed over the old one; the copies in the backups folder follow the same way. Killed
//! half-way, the app leaves the old file whole (and a temporary file that the next change
//! removes). docs/privacy.md says what the password protects and what it does not.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::{Result, Store, StoreError, backup, error, paths, schema};

/// The fewest characters a new password may have.
pub const MIN_CHARS: usize = 6;

/// The name temporary files get while a file is written under its new password.
const TEMP_PREFIX: &str = ".ngayhoi-mat-khau-";
const TEMP_SUFFIX: &str = ".tmp";

/// A password as typed: NFC and without control characters, so that the same word typed with
/// another input method (composed or decomposed accents) opens the same file.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

impl Password {
    /// The password typed to open a file; `None` when nothing was typed. Whether it is right
    /// is for the file to say.
    pub fn typed(raw: &str) -> Option<Password> {
        let text = crate::text::clean_line(raw);
        (!text.is_empty()).then_some(Password(text))
    }

    /// A new password and its confirmation, or the reason it cannot be used.
    pub fn chosen(raw: &str, again: &str) -> std::result::Result<Password, String> {
        let password = Password::typed(raw).ok_or("Hãy nhập mật khẩu mới.")?;
        if password.0.chars().count() < MIN_CHARS {
            return Err(format!("Mật khẩu cần ít nhất {MIN_CHARS} ký tự."));
        }
        if Password::typed(again).as_ref() != Some(&password) {
            return Err("Hai lần nhập mật khẩu mới không giống nhau.".into());
        }
        Ok(password)
    }

    fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the first bytes of a file say about its encryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lock {
    /// An ordinary SQLite file.
    Plain,
    /// No SQLite header, and a length SQLite pages could make: a file with a password.
    Sealed,
}

/// Whether `path` is a data file with a password (the window asks for it before opening).
pub fn is_sealed(path: &Path) -> bool {
    sealed(path) == Some(true)
}

/// Whether the SQLite file `path` has a password; `None` if it is not one (or is empty).
pub fn sealed(path: &Path) -> Option<bool> {
    match super::check_header(path) {
        Ok(Some(header)) => Some(header.lock == Lock::Sealed),
        _ => None,
    }
}

/// An encrypted file starts with a random salt where SQLite writes its header, and is made of
/// whole pages (512 bytes at the least). Anything else without the header is not ours.
pub(super) fn looks_sealed(path: &Path, first: &[u8]) -> bool {
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    len >= 1024 && len.is_multiple_of(512) && first.len() >= 16
}

/// Opens a copy (a backup, a file to restore from) for reading or writing, keyed with
/// `password` when the file has one. A file with a password and none given is refused here.
pub(super) fn open_copy(
    path: &Path,
    password: Option<&Password>,
    writable: bool,
) -> Result<Connection> {
    let lock = match super::check_header(path)? {
        Some(header) => header.lock,
        None => return Err(StoreError::NotOurs(path.to_path_buf())),
    };
    let flags = if writable {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| error::classify(path, e))?;
    unlock(&conn, path, lock, password)?;
    Ok(conn)
}

/// Gives the connection the file's key, then reads the schema once: that is where a wrong
/// key shows. Reads only: a refused file is left exactly as it was.
pub(super) fn unlock(
    conn: &Connection,
    path: &Path,
    lock: Lock,
    password: Option<&Password>,
) -> Result<()> {
    match (lock, password) {
        (Lock::Plain, _) => Ok(()),
        (Lock::Sealed, None) => Err(StoreError::NeedsPassword(path.to_path_buf())),
        (Lock::Sealed, Some(password)) => {
            let setup = || -> rusqlite::Result<()> {
                conn.pragma_update(None, "key", password.as_str())?;
                // SQLCipher would print an English line on stderr for a wrong key ("hmac check
                // failed"); the secretary gets the app's own sentence instead. Set after the
                // key, when SQLCipher has set up its default logging.
                conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))
            };
            setup().map_err(|e| error::classify(path, e))?;
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
                .map_err(|e| match e.sqlite_error_code() {
                    Some(ErrorCode::NotADatabase) => StoreError::WrongPassword(path.to_path_buf()),
                    _ => error::classify(path, e),
                })
        }
    }
}

/// Why a copy is not restored into a data file whose password it does not share: SQLite's
/// page copy cannot cross between an encrypted file and an ordinary one.
pub(super) fn mismatch(source: &Path, live_sealed: bool) -> StoreError {
    let name = source.display();
    StoreError::Invalid(if live_sealed {
        format!(
            "Bản sao lưu “{name}” không có mật khẩu, còn tệp dữ liệu thì có, nên không khôi phục thẳng được; tệp dữ liệu không thay đổi. Hãy bỏ mật khẩu của tệp dữ liệu (Cài đặt), khôi phục, rồi đặt lại mật khẩu."
        )
    } else {
        format!(
            "Bản sao lưu “{name}” có mật khẩu, còn tệp dữ liệu thì không, nên không khôi phục thẳng được; tệp dữ liệu không thay đổi. Hãy đặt cho tệp dữ liệu đúng mật khẩu của bản sao lưu (Cài đặt) rồi khôi phục."
        )
    })
}

/// What a change of password did to the copies in the backups folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rekeyed {
    /// Copies now under the new password (or without one).
    pub copies: usize,
    /// Copies that could not be changed, with the Vietnamese reason (another password,
    /// damaged, locked). They keep what they had.
    pub failed: Vec<(PathBuf, String)>,
}

impl Rekeyed {
    /// The sentence the window and the command line show after the change.
    pub fn summary(&self, password: bool) -> String {
        let what = match self.copies {
            0 => "tệp dữ liệu".to_string(),
            n => format!("tệp dữ liệu và {n} bản sao lưu trong thư mục sao lưu"),
        };
        let mut text = if password {
            format!("Đã đặt mật khẩu mới cho {what}.")
        } else {
            format!("Đã bỏ mật khẩu: {what} mở được mà không cần mật khẩu.")
        };
        backup::tell_failed(&mut text, &self.failed, "giữ nguyên như cũ");
        text
    }
}

impl Store {
    /// Whether the open file has a password.
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The password the file was opened with, for the copies read beside it.
    pub fn password(&self) -> Option<&Password> {
        self.password.as_ref()
    }

    /// Sets, changes (`Some`) or removes (`None`) the password of the file and of the copies in
    /// its backups folder. The file is replaced whole or not at all; a copy that cannot be
    /// changed is named in the answer and left as it was.
    pub fn set_password(&mut self, new: Option<&Password>) -> Result<Rekeyed> {
        if new.is_none() && self.password.is_none() {
            return Err(StoreError::Invalid("Tệp dữ liệu chưa có mật khẩu.".into()));
        }
        let path = self.path.clone();
        let dir = parent(&path);
        remove_stale_temps(&[dir.to_path_buf(), paths::backups_dir(&path)]);
        let temp = export_beside(&self.conn, &path, dir, new)?;
        // The file is replaced while no connection holds it (Windows refuses otherwise); a
        // failed rename leaves the old file, opened again with its old key.
        let idle = Connection::open_in_memory().map_err(|e| self.fail(e))?;
        drop(std::mem::replace(&mut self.conn, idle));
        let old = self.password.take();
        if let Err(e) = replace(&temp, &path) {
            let _ = std::fs::remove_file(&temp);
            *self = Store::open_with_password(&path, old.as_ref())?;
            return Err(StoreError::CannotOpen(
                path,
                format!("không thay được tệp dữ liệu ({e}); tệp và mật khẩu cũ được giữ nguyên."),
            ));
        }
        *self = Store::open_with_password(&path, new)?;

        let mut rekeyed = Rekeyed::default();
        for copy in backup::copies(&paths::backups_dir(&path)) {
            match rekey_copy(&copy.path, old.as_ref(), new) {
                Ok(true) => rekeyed.copies += 1,
                Ok(false) => {}
                Err(e) => rekeyed.failed.push((copy.path, e.to_string())),
            }
        }
        Ok(rekeyed)
    }
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes the whole content of `conn`'s main database into a new private file in `dir`, under
/// `key` (no key: an ordinary SQLite file), flushed to disk. Nothing else writes to the
/// database meanwhile: the export runs in one write transaction of it.
fn export_beside(
    conn: &Connection,
    path: &Path,
    dir: &Path,
    key: Option<&Password>,
) -> Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d%H%M%S%f");
    let temp = dir.join(format!("{TEMP_PREFIX}{stamp}{TEMP_SUFFIX}"));
    let text = temp
        .to_str()
        .ok_or_else(|| StoreError::CannotOpen(temp.clone(), "đường dẫn không hợp lệ.".into()))?;
    super::private::create_new_file(&temp)
        .map_err(|e| StoreError::CannotOpen(temp.clone(), e.to_string()))?;
    let export = || -> rusqlite::Result<()> {
        conn.execute(
            "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
            [text, key.map_or("", Password::as_str)],
        )?;
        let copied = (|| {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            // sqlcipher_export copies the schema and the rows, not the header's numbers that
            // mark the file as ours and count its migrations.
            let done = conn
                .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))
                .and_then(|()| {
                    for pragma in ["application_id", "user_version"] {
                        let value: i64 = conn.pragma_query_value(None, pragma, |row| row.get(0))?;
                        conn.pragma_update(Some("rekeyed"), pragma, value)?;
                    }
                    Ok(())
                });
            match done {
                Ok(()) => conn.execute_batch("COMMIT"),
                Err(e) => {
                    let _ = conn.execute_batch("ROLLBACK");
                    Err(e)
                }
            }
        })();
        let detached = conn.execute_batch("DETACH DATABASE rekeyed");
        copied.and(detached)
    };
    let written = export()
        .map_err(|e| error::classify(path, e))
        .and_then(|()| {
            super::private::flush(&temp)
                .map_err(|e| StoreError::CannotOpen(temp.clone(), e.to_string()))
        });
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            let _ = std::fs::remove_file(backup::with_suffix(&temp, "-journal"));
            Err(e)
        }
    }
}

/// Renames the finished `temp` over `target`, then flushes the folder so that the new name
/// survives a power cut.
fn replace(temp: &Path, target: &Path) -> std::io::Result<()> {
    std::fs::rename(temp, target)?;
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(parent(target)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Puts one copy of the backups folder under the new key. `Ok(false)`: not a copy of ours,
/// left alone.
fn rekey_copy(path: &Path, old: Option<&Password>, new: Option<&Password>) -> Result<bool> {
    let conn = match open_copy(path, old, true) {
        Ok(conn) => conn,
        Err(StoreError::NotOurs(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    let ours = schema::application_id(&conn).map_err(|e| error::classify(path, e))?;
    if ours != schema::APPLICATION_ID {
        return Ok(false);
    }
    let temp = export_beside(&conn, path, parent(path), new)?;
    drop(conn);
    replace(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        StoreError::CannotOpen(path.to_path_buf(), e.to_string())
    })?;
    Ok(true)
}

/// Temporary files a change of password was killed in the middle of writing. The file they
/// were for is whole; they are not needed.
fn remove_stale_temps(dirs: &[PathBuf]) {
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.filter_map(|entry| entry.ok()) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX)
                && (name.ends_with(TEMP_SUFFIX) || name.ends_with("-journal"))
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}
