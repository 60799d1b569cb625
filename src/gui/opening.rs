//! Opening the data file, the part that can take a moment (deriving a password's key, reading
//! the year, the copy taken on every start), in one function that needs no window: the unlock
//! screen runs it off the UI thread and says "Đang mở tệp…" meanwhile.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::data::Snapshot;
use crate::storage::{self, Password, Store, StoreError};

/// The file opened and read.
pub struct Loaded {
    pub store: Store,
    /// `PRAGMA data_version` once read (see `App::poll`).
    pub version: Option<i64>,
    /// The latest year, or `None` when the file has no unit yet.
    pub data: storage::Result<Option<Snapshot>>,
    /// Why the copy taken on every start could not be taken.
    pub backup: Option<StoreError>,
}

/// Opens the file at `path` and reads its latest year; a file with a unit gets its start-up
/// copy, so that a bad day can always be undone from the backups folder.
pub fn load(path: &Path, password: Option<&Password>) -> Result<Loaded, StoreError> {
    let store = Store::open_with_password(path, password)?;
    let version = store.data_version().ok();
    let data = Snapshot::load(&store, None);
    let backup = match &data {
        Ok(Some(_)) => store.backup_now(chrono::Local::now().naive_local()).err(),
        _ => None,
    };
    Ok(Loaded {
        store,
        version,
        data,
        backup,
    })
}

/// A load done off the UI thread, carried to the window by a message. Messages are cloned, so
/// the result inside is taken once, and only for the file it was made for.
pub struct Loading {
    path: PathBuf,
    result: Mutex<Option<Result<Loaded, StoreError>>>,
}

impl Loading {
    pub fn new(path: PathBuf, result: Result<Loaded, StoreError>) -> Loading {
        Loading {
            path,
            result: Mutex::new(Some(result)),
        }
    }

    /// The result, if it is the load of `path` and was not taken yet.
    pub fn take(&self, path: &Path) -> Option<Result<Loaded, StoreError>> {
        if self.path != path {
            return None;
        }
        self.result
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
    }
}

impl std::fmt::Debug for Loading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Loading({})", self.path.display())
    }
}
