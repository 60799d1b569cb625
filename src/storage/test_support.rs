//! What the storage tests share: the ward they are written for, and a file set up for it.

use super::Store;
use crate::domain::{Level, Unit, YearEvent};

/// Phường Chợ Quán, Thành phố Hồ Chí Minh.
pub fn ward() -> Unit {
    Unit::new(
        "Phường Chợ Quán",
        Level::Ward,
        "Thành phố Hồ Chí Minh",
        "Chợ Quán",
    )
}

/// A new data file in `dir` for the ward with the event of `year`; its id.
pub fn ward_store(dir: &tempfile::TempDir, year: i32) -> (Store, i64) {
    let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
    let event = store
        .initialize(&ward(), &YearEvent::defaults(year))
        .unwrap();
    (store, event.id)
}
