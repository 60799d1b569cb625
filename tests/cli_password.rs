//! The data file's password on the command line: taken from NGAYHOI_MAT_KHAU (never from an
//! argument), a clear Vietnamese error without it or with a wrong one, and the file unchanged;
//! `password set|change|remove`; backups and restores under the password.

use std::path::Path;
use std::process::{Command, Output};

use ngayhoi::storage::{Password, Store, password::is_sealed};

/// `ngayhoi --db DB ARGS` with exactly the password variables given (stdin is not a terminal,
/// so nothing is asked).
fn run(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ngayhoi"));
    command
        .env_remove("NGAYHOI_MAT_KHAU")
        .env_remove("NGAYHOI_MAT_KHAU_MOI")
        .arg("--db")
        .arg(db)
        .args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn failed(output: &Output) -> String {
    assert!(!output.status.success(), "the command should have failed");
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

const PASSWORD: &str = "mật khẩu 2026";

/// The demo file with its password set; the name of one of its households.
fn sealed_demo(dir: &tempfile::TempDir) -> (std::path::PathBuf, String) {
    let db = dir.path().join("ngayhoi.sqlite3");
    ok(&run(&db, &["demo"], &[]));
    let name = Store::open(&db).unwrap().households().unwrap()[0]
        .name
        .clone();
    assert!(holds(&db, &name), "the ordinary file holds “{name}”");

    let before = std::fs::read(&db).unwrap();
    let error = failed(&run(&db, &["password", "set"], &[]));
    assert!(error.contains("NGAYHOI_MAT_KHAU_MOI"), "{error}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let said = ok(&run(
        &db,
        &["password", "set"],
        &[("NGAYHOI_MAT_KHAU_MOI", PASSWORD)],
    ));
    assert!(
        said.contains("Đã đặt mật khẩu mới cho tệp dữ liệu."),
        "{said}"
    );
    assert!(said.contains("quên mật khẩu"), "{said}");
    assert!(is_sealed(&db));
    assert!(
        !holds(&db, &name),
        "the encrypted file must not show “{name}”"
    );
    (db, name)
}

#[test]
fn without_the_password_every_command_stops_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = sealed_demo(&dir);
    let out = dir.path().join("chuong-trinh.pdf");
    let out_arg = out.to_str().unwrap();
    let before = std::fs::read(&db).unwrap();

    let error = failed(&run(&db, &["export", "program", "--out", out_arg], &[]));
    assert!(error.starts_with("Lỗi: tệp dữ liệu “"), "{error}");
    assert!(error.contains("có mật khẩu"), "{error}");
    assert!(error.contains("NGAYHOI_MAT_KHAU"), "{error}");
    for _ in 0..3 {
        let error = failed(&run(
            &db,
            &["export", "program", "--out", out_arg],
            &[("NGAYHOI_MAT_KHAU", "mat khau 2026")],
        ));
        assert!(error.contains("Mật khẩu không đúng"), "{error}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is unchanged");
    assert!(!out.exists(), "no paper was written");

    ok(&run(
        &db,
        &["export", "program", "--out", out_arg],
        &[("NGAYHOI_MAT_KHAU", PASSWORD)],
    ));
    assert!(out.exists());
}

#[test]
fn backup_and_restore_keep_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let (db, name) = sealed_demo(&dir);
    let key = [("NGAYHOI_MAT_KHAU", PASSWORD)];
    let copy = dir.path().join("ban-sao.sqlite3");
    let copy_arg = copy.to_str().unwrap();
    ok(&run(&db, &["backup", "--out", copy_arg], &key));
    assert!(is_sealed(&copy));
    assert!(!holds(&copy, &name), "the copy is encrypted");

    failed(&run(&db, &["restore", copy_arg], &[]));
    let said = ok(&run(&db, &["restore", copy_arg], &key));
    assert!(said.contains("Đã khôi phục"), "{said}");
    let store = Store::open_with_password(&db, Password::typed(PASSWORD).as_ref()).unwrap();
    assert!(store.households().unwrap().iter().any(|h| h.name == name));
}

#[test]
fn change_then_remove_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let (db, name) = sealed_demo(&dir);
    let error = failed(&run(
        &db,
        &["password", "change"],
        &[
            ("NGAYHOI_MAT_KHAU", PASSWORD),
            ("NGAYHOI_MAT_KHAU_MOI", "ngắn"),
        ],
    ));
    assert!(error.contains("ít nhất 6 ký tự"), "{error}");

    ok(&run(
        &db,
        &["password", "change"],
        &[
            ("NGAYHOI_MAT_KHAU", PASSWORD),
            ("NGAYHOI_MAT_KHAU_MOI", "mật khẩu mới"),
        ],
    ));
    failed(&run(
        &db,
        &["password", "remove"],
        &[("NGAYHOI_MAT_KHAU", PASSWORD)],
    ));
    let said = ok(&run(
        &db,
        &["password", "remove"],
        &[("NGAYHOI_MAT_KHAU", "mật khẩu mới")],
    ));
    assert!(said.contains("Đã bỏ mật khẩu"), "{said}");
    assert!(!is_sealed(&db));
    assert!(holds(&db, &name));
    let store = Store::open(&db).unwrap();
    assert!(store.households().unwrap().iter().any(|h| h.name == name));
}

#[test]
fn the_password_is_not_changed_while_a_window_has_the_file_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    ok(&run(&db, &["demo"], &[]));
    let window = ngayhoi::storage::WindowLock::acquire(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let error = failed(&run(
        &db,
        &["password", "set"],
        &[("NGAYHOI_MAT_KHAU_MOI", PASSWORD)],
    ));
    assert!(error.contains("đang mở trong cửa sổ Ngày hội"), "{error}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!is_sealed(&db));
    drop(window);
}
