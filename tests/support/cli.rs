//! Running the `ngayhoi` binary, for the tests of the command line and of the papers it
//! writes.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `ngayhoi ARGS`, run to the end.
pub fn ngayhoi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `ngayhoi --db DB ARGS`, run to the end.
pub fn ngayhoi_on(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// `ngayhoi --db DB ARGS`, which must succeed (what it said shown if not); what it printed.
pub fn ok_on(db: &Path, args: &[&str]) -> String {
    let output = ngayhoi_on(db, args);
    let printed = stdout(&output);
    assert!(
        output.status.success(),
        "{args:?}: {}{printed}",
        String::from_utf8_lossy(&output.stderr)
    );
    printed
}

/// The demo (a ward, its 2025 and 2026) written by `ngayhoi demo` to `ngayhoi.sqlite3` in
/// `dir`; the file's path.
pub fn demo_db(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("ngayhoi.sqlite3");
    ok_on(&db, &["demo"]);
    db
}

/// The demo in a new folder: the folder (kept while the test reads its files) and the data
/// file.
pub fn new_demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    (dir, db)
}

/// The demo with one more recipient of its first 2026 decision: `recipient` given that
/// decision's id. The file's path and the store open on it.
pub fn demo_with_recipient(
    dir: &tempfile::TempDir,
    recipient: impl FnOnce(i64) -> ngayhoi::domain::Recipient,
) -> (PathBuf, ngayhoi::storage::Store) {
    let db = demo_db(dir);
    let mut store = ngayhoi::storage::Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let decision = store.decisions(event.id).unwrap()[0].clone();
    store.add_recipient(&recipient(decision.id)).unwrap();
    (db, store)
}

/// The command failed with exit code `code`; what it said on stderr.
pub fn failure(output: &Output, code: i32) -> String {
    assert_eq!(output.status.code(), Some(code));
    stderr(output)
}

/// The command failed with exit code `code`, saying `said` on stderr (among other words).
pub fn fails_saying(output: &Output, code: i32, said: &str) {
    let error = failure(output, code);
    assert!(error.contains(said), "{error}");
}

/// The arguments of `init`: the unit `unit` (its level, province and place) with the event of
/// `year`.
pub fn init_args<'a>(
    unit: &'a str,
    level: &'a str,
    province: &'a str,
    place: &'a str,
    year: &'a str,
) -> Vec<&'a str> {
    vec![
        "init",
        "--unit",
        unit,
        "--level",
        level,
        "--province",
        province,
        "--place",
        place,
        "--year",
        year,
    ]
}

/// The arguments of `export PAPER --out OUT`, then the options `more`.
pub fn export<'a>(paper: &'a str, out: &'a Path, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["export", paper, "--out", out.to_str().unwrap()];
    args.extend_from_slice(more);
    args
}

/// The paper `paper` exported from `db` to `name` in the same folder; the paper's path.
pub fn exported(db: &Path, paper: &str, name: &str) -> PathBuf {
    let out = db.with_file_name(name);
    ok_on(db, &export(paper, &out, &[]));
    out
}

/// Each of `parts` stands in `said` (what a command printed, the text of a paper).
pub fn assert_says(said: &str, parts: &[&str]) {
    for part in parts {
        assert!(said.contains(part), "{said}");
    }
}
