//! `ngayhoi backup` and `ngayhoi restore` as the province's IT staff use them: what was written
//! or brought back is said in Vietnamese, and a refused command changes nothing.

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/files.rs"]
mod files;

use std::path::{Path, PathBuf};

use cli_support::{
    assert_says, demo_db, failure, new_demo_db, ngayhoi, ngayhoi_on, ok_on, stderr, stdout,
};
use ngayhoi::storage::Store;

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The demo in `dir`, backed up by `ngayhoi backup` to `name` beside it: the data file, the
/// backup and what the command said.
fn demo_backed_up(dir: &tempfile::TempDir, name: &str) -> (PathBuf, PathBuf, String) {
    let db = demo_db(dir);
    let out = dir.path().join(name);
    let said = ok_on(&db, &["backup", "--out", s(&out)]);
    (db, out, said)
}

fn unit_name(db: &Path) -> String {
    Store::open(db).unwrap().unit().unwrap().unwrap().name
}

fn rename_unit(db: &Path, name: &str) {
    let mut store = Store::open(db).unwrap();
    let mut unit = store.unit().unwrap().unwrap();
    unit.name = name.into();
    store.save_unit(&unit).unwrap();
}

#[test]
fn help_lists_backup_and_restore() {
    let help = stdout(&ngayhoi(&["--help"]));
    assert!(
        help.contains("backup") && help.contains("restore"),
        "{help}"
    );
    assert!(help.contains("Sao lưu toàn bộ dữ liệu"), "{help}");
    let restore = stdout(&ngayhoi(&["restore", "--help"]));
    assert!(
        restore.contains("ngayhoi [--db TỆP] restore TỆP"),
        "{restore}"
    );
}

#[test]
fn backup_says_what_it_wrote_and_never_overwrites_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (db, out, said) = demo_backed_up(&dir, "thang-8.sqlite3");
    assert_says(
        &said,
        &["Đã sao lưu vào tệp", "Phường Chợ Quán · năm 2025, 2026"],
    );
    assert_eq!(unit_name(&out), "Phường Chợ Quán");

    std::fs::write(&out, "bản của tôi").unwrap();
    let output = ngayhoi_on(&db, &["backup", "--out", s(&out)]);
    let error = failure(&output, 1);
    assert!(error.starts_with("Lỗi: tệp"), "{error}");
    assert_says(&error, &["đã có nên không ghi đè", "--overwrite"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "bản của tôi");

    ok_on(&db, &["backup", "--out", s(&out), "--overwrite"]);
    assert_eq!(unit_name(&out), "Phường Chợ Quán");

    let output = ngayhoi_on(&db, &["backup", "--out", s(&db), "--overwrite"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("phải khác tệp dữ liệu"));
}

#[test]
fn restore_brings_back_the_backup_and_says_where_the_previous_state_went() {
    let dir = tempfile::tempdir().unwrap();
    let (db, out, _) = demo_backed_up(&dir, "truoc.sqlite3");
    rename_unit(&db, "Phường Đã Đổi Tên");

    let said = ok_on(&db, &["restore", s(&out)]);
    assert_says(
        &said,
        &[
            "Đã khôi phục từ bản sao lưu",
            "Phường Chợ Quán · năm 2025, 2026",
            "Trạng thái trước khi khôi phục được lưu ở",
        ],
    );
    assert_eq!(unit_name(&db), "Phường Chợ Quán");
    let previous = said
        .lines()
        .find_map(|l| l.strip_prefix("Trạng thái trước khi khôi phục được lưu ở "))
        .and_then(|l| l.strip_suffix('.'))
        .unwrap();
    assert_eq!(unit_name(Path::new(previous)), "Phường Đã Đổi Tên");
}

#[test]
fn restoring_a_file_that_is_not_a_backup_is_refused_and_changes_nothing() {
    let (dir, db) = new_demo_db();
    let sheet = dir.path().join("danh-sach.xlsx");
    std::fs::write(&sheet, b"PK\x03\x04 bang tinh").unwrap();
    let output = ngayhoi_on(&db, &["restore", s(&sheet)]);
    let error = failure(&output, 1);
    assert!(
        error.contains("không phải là tệp dữ liệu của Ngày hội"),
        "{error}"
    );
    assert!(error.starts_with("Lỗi: "), "{error}");
    assert_eq!(unit_name(&db), "Phường Chợ Quán");
    assert!(
        !dir.path().join("sao-luu").exists(),
        "not even a copy was needed"
    );

    let fresh = dir.path().join("moi.sqlite3");
    let output = ngayhoi(&["--db", s(&fresh), "restore", s(&sheet)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!fresh.exists(), "no data file is created");
}

#[test]
fn restore_over_a_damaged_file_keeps_the_damaged_file_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (db, out, _) = demo_backed_up(&dir, "tot.sqlite3");
    // Checkpoint the journal into the file, then damage it.
    drop(
        rusqlite::Connection::open(&db)
            .unwrap()
            .pragma_update(None, "journal_mode", "DELETE"),
    );
    let bytes = files::damage(&db);

    let said = ok_on(&db, &["restore", s(&out)]);
    assert_says(&said, &["bị hỏng", "được giữ nguyên ở"]);
    assert_eq!(unit_name(&db), "Phường Chợ Quán");
    let aside: Vec<_> = std::fs::read_dir(dir.path().join("sao-luu"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_str().unwrap().contains("de-rieng-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), bytes);
}
