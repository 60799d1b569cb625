//! The command line as the province's IT staff use it: Vietnamese help, one-line Vietnamese
//! errors with a non-zero exit code, and nothing changed when a command fails.

#[path = "support/cli.rs"]
mod cli_support;

use std::path::Path;

use cli_support::{fails_saying, failure, ngayhoi, ngayhoi_on, ok_on, stderr, stdout};
use ngayhoi::domain::Level;
use ngayhoi::storage::Store;

/// `--db DB init` for Phường Chợ Quán of the level typed `level`, with the event of `year`.
fn init_args<'a>(db: &'a str, level: &'a str, year: &'a str) -> Vec<&'a str> {
    let mut args = vec!["--db", db];
    args.extend(cli_support::init_args(
        "Phường Chợ Quán",
        level,
        "Thành phố Hồ Chí Minh",
        "Chợ Quán",
        year,
    ));
    args
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn help_is_in_vietnamese() {
    let output = ngayhoi(&["--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    for expected in [
        "Cách dùng",
        "Lệnh",
        "Tùy chọn",
        "init",
        "demo",
        "--db",
        "Thiết lập đơn vị tổ chức",
    ] {
        assert!(help.contains(expected), "missing {expected:?} in:\n{help}");
    }
    for english in ["Usage", "Options", "Commands", "Print help"] {
        assert!(!help.contains(english), "English {english:?} in:\n{help}");
    }
    let init_help = stdout(&ngayhoi(&["init", "--help"]));
    assert!(init_help.contains("có dấu hoặc không dấu"), "{init_help}");
}

#[test]
fn init_accepts_the_level_with_or_without_diacritics() {
    for level in ["phường", "phuong", "PHƯỜNG"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ngayhoi.sqlite3");
        let output = ngayhoi(&init_args(path_str(&db), level, "2026"));
        assert!(output.status.success(), "{level}: {}", stderr(&output));
        assert!(
            stdout(&output)
                .contains("Đã thiết lập Phường Chợ Quán với Ngày hội năm 2026 (ngày 19/08/2026)")
        );
        let store = Store::open(&db).unwrap();
        let unit = store.unit().unwrap().unwrap();
        assert_eq!(unit.level, Level::Ward);
        assert_eq!(unit.place, "Chợ Quán");
        assert_eq!(store.years().unwrap(), vec![2026]);
    }
}

#[test]
fn a_bad_level_is_one_vietnamese_line_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    let output = ngayhoi(&init_args(path_str(&db), "thôn", "2026"));
    let message = failure(&output, 1);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("Lỗi: cấp “thôn” không hợp lệ."),
        "{message}"
    );
    assert!(!db.exists(), "nothing may be written");
}

#[test]
fn a_district_cannot_plan_a_year_after_2025() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    let output = ngayhoi(&init_args(path_str(&db), "huyen", "2026"));
    fails_saying(&output, 1, "không còn cấp huyện");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.unit().unwrap(), None);
    // Years before the reform were run by districts.
    let output = ngayhoi(&init_args(path_str(&db), "quận", "2024"));
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn init_twice_is_refused_and_keeps_the_first_unit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    assert!(
        ngayhoi(&init_args(path_str(&db), "phuong", "2026"))
            .status
            .success()
    );
    let mut again = init_args(path_str(&db), "xa", "2027");
    again[4] = "Xã Tân Phú";
    let output = ngayhoi(&again);
    fails_saying(&output, 1, "đã được thiết lập cho Phường Chợ Quán");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.unit().unwrap().unwrap().name, "Phường Chợ Quán");
    assert_eq!(store.years().unwrap(), vec![2026]);
}

#[test]
fn usage_errors_are_vietnamese_with_exit_code_2() {
    let output = ngayhoi(&["init", "--level", "xa"]);
    let message = failure(&output, 2);
    assert!(
        message.starts_with("Lỗi: thiếu tham số bắt buộc: --unit"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1);

    let output = ngayhoi(&["xuat-bao-cao"]);
    fails_saying(&output, 2, "không có lệnh “xuat-bao-cao”");

    let output = ngayhoi_on(
        Path::new("x.sqlite3"),
        &cli_support::init_args("A", "xa", "B", "C", "hai nghìn"),
    );
    fails_saying(&output, 2, "giá trị “hai nghìn” không hợp lệ cho --year");
}

#[test]
fn demo_fills_a_ward_and_refuses_to_fill_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mau.sqlite3");
    let said = ok_on(&db, &["demo"]);
    assert!(said.contains("Phường Chợ Quán"));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.years().unwrap(), vec![2025, 2026]);
    let event = store.event(2026).unwrap().unwrap();
    let steps = store.checklist(event.id).unwrap();
    assert!(steps.iter().any(|s| s.done) && steps.iter().any(|s| !s.done));
    drop(store);

    let output = ngayhoi(&["--db", path_str(&db), "demo"]);
    fails_saying(&output, 1, "Năm 2025 đã có dữ liệu");
}

#[test]
fn demo_keeps_an_existing_unit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    let mut args = init_args(path_str(&db), "xa", "2024");
    args[4] = "Xã Tân Phú";
    assert!(ngayhoi(&args).status.success());
    ok_on(&db, &["demo"]);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
    assert_eq!(store.years().unwrap(), vec![2024, 2025, 2026]);
}

#[test]
fn a_file_that_is_not_ours_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("danh-sach.xlsx");
    std::fs::write(&file, b"PK\x03\x04 not a database").unwrap();
    let output = ngayhoi(&["--db", path_str(&file), "demo"]);
    let message = failure(&output, 1);
    assert_eq!(message.lines().count(), 1);
    assert!(
        message.contains("không phải là tệp dữ liệu của Ngày hội"),
        "{message}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"PK\x03\x04 not a database");
}
