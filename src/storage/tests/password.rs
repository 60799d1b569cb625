//! The optional password: a file with one cannot be read without it, a wrong one changes
//! nothing, and setting, changing and removing it keep every row and every backup usable.

use std::path::Path;

use super::support::{holds, ward_store, ward_with_family};
use crate::storage::{Password, Store, StoreError, inspect, password, paths};

const NAME: &str = "Trịnh Thị Huyền Trâm";

fn pw(text: &str) -> Password {
    Password::typed(text).unwrap()
}

/// Every file of the data folder and the backups folder, with its bytes.
fn folder(db: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for dir in [db.parent().unwrap().to_path_buf(), paths::backups_dir(db)] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten().filter(|e| e.path().is_file()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            files.push((name, std::fs::read(entry.path()).unwrap()));
        }
    }
    files.sort();
    files
}

/// A ward's file holding the family, with the password "mật khẩu 2026" set.
fn sealed_store(dir: &tempfile::TempDir) -> Store {
    let (mut store, _, _) = ward_with_family(dir);
    assert!(holds(store.path(), NAME), "an ordinary file holds the name");
    store.set_password(Some(&pw("mật khẩu 2026"))).unwrap();
    store
}

#[test]
fn a_file_with_a_password_holds_no_name_and_opens_with_it_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = sealed_store(&dir);
    let db = store.path().to_path_buf();
    assert!(store.has_password());
    drop(store);
    assert!(
        !holds(&db, NAME),
        "the encrypted file must not show the name"
    );
    assert!(!holds(&db, "SQLite format 3"));
    assert!(password::is_sealed(&db));

    let store = Store::open_with_password(&db, Some(&pw("mật khẩu 2026"))).unwrap();
    let households = store.households().unwrap();
    assert_eq!(households.len(), 1);
    assert_eq!(households[0].name, NAME);
    assert_eq!(households[0].phone, "0987 654 321");
    assert_eq!(store.unit().unwrap().unwrap().name, "Phường Chợ Quán");
}

#[test]
fn without_the_password_or_with_a_wrong_one_nothing_in_the_folder_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = sealed_store(&dir).path().to_path_buf();
    let before = folder(&db);

    assert_eq!(
        Store::open(&db).unwrap_err(),
        StoreError::NeedsPassword(db.clone())
    );
    for wrong in ["mat khau 2026", "Mật khẩu 2026", "mật khẩu 2025"] {
        assert_eq!(
            Store::open_with_password(&db, Some(&pw(wrong))).unwrap_err(),
            StoreError::WrongPassword(db.clone()),
            "“{wrong}”"
        );
    }
    assert_eq!(folder(&db), before, "no byte of any file changed");
    assert!(
        StoreError::NeedsPassword(db.clone())
            .to_string()
            .starts_with("Tệp dữ liệu “")
    );
    assert!(
        StoreError::WrongPassword(db.clone())
            .to_string()
            .starts_with("Mật khẩu không đúng")
    );
}

#[test]
fn the_same_password_typed_with_decomposed_accents_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = sealed_store(&dir).path().to_path_buf();
    // "mật khẩu" with the accents as separate combining marks, as some input methods send it.
    let decomposed = "ma\u{323}\u{302}t kha\u{302}\u{309}u 2026";
    assert!(Store::open_with_password(&db, Some(&pw(decomposed))).is_ok());
}

#[test]
fn change_then_remove_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sealed_store(&dir);
    let db = store.path().to_path_buf();
    store.set_password(Some(&pw("mật khẩu mới"))).unwrap();
    drop(store);
    assert_eq!(
        Store::open_with_password(&db, Some(&pw("mật khẩu 2026"))).unwrap_err(),
        StoreError::WrongPassword(db.clone())
    );
    let mut store = Store::open_with_password(&db, Some(&pw("mật khẩu mới"))).unwrap();
    assert_eq!(store.households().unwrap()[0].name, NAME);

    store.set_password(None).unwrap();
    assert!(!store.has_password());
    drop(store);
    assert!(!password::is_sealed(&db));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.households().unwrap()[0].name, NAME);
    assert!(holds(&db, NAME), "an ordinary file again");
    let leftovers: Vec<String> = folder(&db)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.ends_with(".tmp") || name.ends_with("-journal"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn removing_a_password_from_a_file_without_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = ward_store(&dir, 2026);
    let before = std::fs::read(store.path()).unwrap();
    assert_eq!(
        store.set_password(None).unwrap_err().to_string(),
        "Tệp dữ liệu chưa có mật khẩu."
    );
    assert_eq!(std::fs::read(store.path()).unwrap(), before);
}

#[test]
fn backups_take_the_password_and_a_restore_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _, added) = ward_with_family(&dir);
    // Taken while the file had no password: it gets the password with the file.
    let older = store
        .backup_now(chrono::Local::now().naive_local())
        .unwrap();
    assert!(holds(&older, NAME));
    let rekeyed = store.set_password(Some(&pw("mật khẩu 2026"))).unwrap();
    assert_eq!((rekeyed.copies, rekeyed.failed.len()), (1, 0));
    assert_eq!(
        rekeyed.summary(true),
        "Đã đặt mật khẩu mới cho tệp dữ liệu và 1 bản sao lưu trong thư mục sao lưu."
    );
    assert!(!holds(&older, NAME), "the older copy is encrypted too");

    let copy = store
        .backup_by_hand(chrono::Local::now().naive_local())
        .unwrap();
    assert!(!holds(&copy, NAME), "a new copy is encrypted");
    assert_eq!(
        inspect(&copy, None).unwrap_err(),
        StoreError::NeedsPassword(copy.clone())
    );
    assert_eq!(
        inspect(&copy, Some(&pw("sai mật khẩu"))).unwrap_err(),
        StoreError::WrongPassword(copy.clone())
    );
    let info = inspect(&copy, store.password()).unwrap();
    assert_eq!(info.counts.households, Some(1));

    store.delete_household(added.id).unwrap();
    assert!(store.households().unwrap().is_empty());
    let restored = store.restore_from(&copy).unwrap();
    assert_eq!(restored.info.counts.households, Some(1));
    assert_eq!(store.households().unwrap()[0].name, NAME);
    drop(store);
    assert!(!holds(&dir.path().join("ngayhoi.sqlite3"), NAME));

    // Without the password every copy goes back to an ordinary file.
    let mut store = Store::open_with_password(
        &dir.path().join("ngayhoi.sqlite3"),
        Some(&pw("mật khẩu 2026")),
    )
    .unwrap();
    let rekeyed = store.set_password(None).unwrap();
    assert!(rekeyed.failed.is_empty(), "{:?}", rekeyed.failed);
    assert!(holds(&copy, NAME));
    assert!(inspect(&older, None).is_ok());
}

#[test]
fn an_ordinary_copy_is_not_restored_into_a_file_with_a_password() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sealed_store(&dir);
    let elsewhere = tempfile::tempdir().unwrap();
    let (plain, _) = ward_store(&elsewhere, 2026);
    let copy = elsewhere.path().join("ban-thuong.sqlite3");
    plain.backup_to(&copy).unwrap();
    let before = std::fs::read(store.path()).unwrap();
    let error = store.restore_from(&copy).unwrap_err().to_string();
    assert!(
        error.contains("không có mật khẩu, còn tệp dữ liệu thì có"),
        "{error}"
    );
    assert_eq!(std::fs::read(store.path()).unwrap(), before);
}

#[test]
fn a_new_password_needs_six_characters_and_the_same_twice() {
    assert_eq!(
        Password::chosen("abc", "abc").unwrap_err(),
        "Mật khẩu cần ít nhất 6 ký tự."
    );
    assert_eq!(
        Password::chosen("mật khẩu", "mật khâu").unwrap_err(),
        "Hai lần nhập mật khẩu mới không giống nhau."
    );
    assert_eq!(
        Password::chosen("", "").unwrap_err(),
        "Hãy nhập mật khẩu mới."
    );
    assert!(Password::chosen("mật khẩu", "mật khẩu").is_ok());
    assert_eq!(format!("{:?}", pw("bí mật")), "Password(…)");
}
