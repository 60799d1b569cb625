//! What the storage tests share: the ward they are written for, and a file set up for it.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Store, StoreError};
use crate::domain::{Category, Household, Level, Unit, YearEvent};
use crate::storage::schema;

/// Phường Chợ Quán, Thành phố Hồ Chí Minh.
pub fn ward() -> Unit {
    Unit::new(
        "Phường Chợ Quán",
        Level::Ward,
        "Thành phố Hồ Chí Minh",
        "Chợ Quán",
    )
}

/// A file `name` in `dir` holding `bytes` (not a data file of ours, or one to be replaced);
/// its path.
pub fn write(dir: &tempfile::TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A new data file in `dir` for the ward with the event of `year`; its id.
pub fn ward_store(dir: &tempfile::TempDir, year: i32) -> (Store, i64) {
    let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
    let event = store
        .initialize(&ward(), &YearEvent::defaults(year))
        .unwrap();
    (store, event.id)
}

/// A family whose details must not survive their removal: a name, a telephone number and an
/// address no other row holds.
pub fn family() -> Household {
    let mut h = Household::new(
        "Trịnh Thị Huyền Trâm",
        "Tổ 9, Khu phố Bình Yên",
        Category::Poor,
    );
    h.birth_year = Some(1948);
    h.phone = "0987 654 321".into();
    h
}

/// Stores a household of `name` at `address`, as a secretary adds one; returns it with its id.
pub fn add_household(
    store: &mut Store,
    name: &str,
    address: &str,
    category: Category,
) -> Household {
    store
        .add_household(&Household::new(name, address, category))
        .unwrap()
}

/// The ward's file in `dir` (the event of 2026) holding the family: the store, the event's id
/// and the family as stored.
pub fn ward_with_family(dir: &tempfile::TempDir) -> (Store, i64, Household) {
    let (mut store, event) = ward_store(dir, 2026);
    let added = store.add_household(&family()).unwrap();
    (store, event, added)
}

/// Whether `needle` stands anywhere in the file at `path`, in any of the ways SQLite may have
/// stored it (NFC UTF-8 is what the app writes).
pub fn holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// A file at `path` as a version of the app with schema `version` left it, holding the rows
/// `sql` inserts.
pub fn old_file(path: &Path, version: i64, sql: &str) {
    let mut conn = Connection::open(path).unwrap();
    schema::migrate_to(&mut conn, version).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// Damages the data file at `path` as a failing disk does: its header kept, its schema page
/// scrambled. What the file then holds.
pub fn damage(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    for byte in &mut bytes[100..4096] {
        *byte = 0xA5;
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

/// `error` is `expected`, and what it says to the user holds each of `words`.
pub fn assert_refusal(error: &StoreError, expected: StoreError, words: &[&str]) {
    assert_eq!(*error, expected);
    let message = error.to_string();
    for part in words {
        assert!(message.contains(part), "{message}");
    }
}
