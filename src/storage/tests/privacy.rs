//! The families' details stay private: files readable by the secretary's account only, and a
//! removed household gone from the file's bytes and, with "Xóa hẳn", from every backup.

use std::path::Path;

use super::support::{add_household, family, holds, ward_store, ward_with_family};
use crate::domain::{Category, Household};
use crate::storage::{Store, paths};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_file_its_folder_and_its_backups_are_the_owners_only() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("ngayhoi");
    let db = dir.join("ngayhoi.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let unit = super::support::ward();
    store
        .initialize(&unit, &crate::domain::YearEvent::defaults(2026))
        .unwrap();
    store.add_household(&family()).unwrap();
    assert_eq!(mode(&dir), 0o700, "the data folder");
    assert_eq!(mode(&db), 0o600, "the data file");

    let copy = store
        .backup_now(chrono::Local::now().naive_local())
        .unwrap();
    assert_eq!(mode(&paths::backups_dir(&db)), 0o700, "the backups folder");
    assert_eq!(mode(&copy), 0o600, "a backup");
    let by_hand = store
        .backup_by_hand(chrono::Local::now().naive_local())
        .unwrap();
    assert_eq!(mode(&by_hand), 0o600, "a backup made by hand");

    store.restore_from(&copy).unwrap();
    assert_eq!(mode(&db), 0o600, "the data file after a restore");
    drop(store);
    let moved = root.path().join("moved.sqlite3");
    crate::storage::replace_unusable(&moved, &copy, None).unwrap();
    assert_eq!(mode(&moved), 0o600, "a file put back from a backup");
}

#[cfg(unix)]
#[test]
fn a_file_left_readable_by_an_older_version_is_made_private_when_opened() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = ward_store(&dir, 2026);
    let db = store.path().to_path_buf();
    drop(store);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(mode(&db), 0o600);
    drop(store);

    // A stranger's SQLite file is refused and left exactly as it was, permissions included.
    let stranger = dir.path().join("khac.sqlite3");
    rusqlite::Connection::open(&stranger)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    std::fs::set_permissions(&stranger, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = Store::open(&stranger).unwrap_err().to_string();
    assert!(
        err.ends_with("không phải là tệp dữ liệu của Ngày hội. Ứng dụng không thay đổi tệp này."),
        "{err}"
    );
    assert_eq!(mode(&stranger), 0o644);
}

#[test]
fn a_removed_household_leaves_no_trace_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _, added) = ward_with_family(&dir);
    let db = store.path().to_path_buf();
    let other = Household::new("Lê Văn Tám", "Khu phố 2", Category::Martyr);
    store.add_household(&other).unwrap();
    assert!(
        holds(&db, "Trịnh Thị Huyền Trâm"),
        "the test reads the file's bytes"
    );

    store.delete_household(added.id).unwrap();
    for detail in ["Trịnh Thị Huyền Trâm", "0987 654 321", "Bình Yên"] {
        assert!(!holds(&db, detail), "“{detail}” is still in the file");
    }
    assert!(holds(&db, "Lê Văn Tám"), "the other family is kept");
}

#[test]
fn purging_a_household_takes_it_out_of_every_backup_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event, added) = ward_with_family(&dir);
    let other = add_household(&mut store, "Lê Văn Tám", "Khu phố 2", Category::Martyr);
    let visit = crate::domain::Visit::new(added.id, "Sổ tiết kiệm Huyền Trâm", 2_000_000);
    store.add_visit(event, &visit).unwrap();
    let before = store
        .backup_now(chrono::Local::now().naive_local())
        .unwrap();
    let by_hand = store
        .backup_by_hand(chrono::Local::now().naive_local())
        .unwrap();
    // A copy from before the family was entered: nothing to take out.
    let empty = dir.path().join(paths::BACKUP_DIR).join("ban-cu.sqlite3");
    {
        let dir2 = tempfile::tempdir().unwrap();
        let (older, _) = ward_store(&dir2, 2026);
        older.backup_to(&empty).unwrap();
    }
    assert!(holds(&before, "Trịnh Thị Huyền Trâm"));

    let purged = store.purge_household(&added).unwrap();
    assert_eq!((purged.cleaned, purged.without), (2, 1));
    assert!(purged.failed.is_empty());
    assert_eq!(
        purged.summary(),
        "Đã xóa hẳn hộ “Trịnh Thị Huyền Trâm” khỏi tệp dữ liệu và khỏi 2 bản sao lưu (1 bản sao lưu khác không có hộ này)."
    );
    for path in [store.path(), before.as_path(), by_hand.as_path()] {
        for detail in [
            "Trịnh Thị Huyền Trâm",
            "0987 654 321",
            "Bình Yên",
            "Huyền Trâm",
        ] {
            assert!(
                !holds(path, detail),
                "“{detail}” is still in {}",
                path.display()
            );
        }
        assert!(
            holds(path, "Lê Văn Tám"),
            "the other family stays in {}",
            path.display()
        );
    }
    // The copies are still whole files the app restores from.
    let restored = store.restore_from(&before).unwrap();
    drop(restored);
    let households = store.households().unwrap();
    assert_eq!(households, vec![other]);
}
