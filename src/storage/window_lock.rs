//! One window per data file.
//!
//! The window holds an exclusive lock on a small file beside the data file
//! (`ngayhoi.sqlite3-lock`) for as long as it is open; the operating system drops the lock when
//! the process ends, however it ends (closed, SIGTERM, SIGKILL, logoff), so a lock is never
//! left behind. A second window on the same file is refused with a sentence saying the file is
//! already open in another window, before anything is read or written. The command line takes
//! no lock: its writes are single transactions, and the window notices them
//! (`Store::data_version`) and shows them.
//!
//! The lock file holds no data and may be deleted while no window is open; it is not needed to
//! copy or back up the data.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Result, StoreError, backup};

/// Held while a window has the data file open; dropping it releases the file.
#[derive(Debug)]
pub struct WindowLock {
    /// `None` where the folder cannot hold the lock file (read-only): opening the data file
    /// then reports the real problem.
    _file: Option<File>,
    path: PathBuf,
}

impl WindowLock {
    /// The lock file of the data file `db`.
    pub fn path_for(db: &Path) -> PathBuf {
        backup::with_suffix(db, "-lock")
    }

    /// Takes the data file `db` for this window, or says it is open in another one.
    pub fn acquire(db: &Path) -> Result<WindowLock> {
        let path = WindowLock::path_for(db);
        if let Some(dir) = db.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(file) => file,
            Err(_) => return Ok(WindowLock { _file: None, path }),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::OpenElsewhere(db.to_path_buf()));
            }
            // A file system without locks (some network shares): go on without one.
            Err(TryLockError::Error(_)) => return Ok(WindowLock { _file: None, path }),
        }
        // Who holds it, for a person looking at the folder.
        let _ = file.set_len(0);
        let _ = writeln!(&file, "{}", std::process::id());
        Ok(WindowLock {
            _file: Some(file),
            path,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
