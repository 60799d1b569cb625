//! The data file alone holds everything saved (rollback journal), a stale `-wal` never mixes
//! into it, two copies taken in the same second never collide, and a form's save changes only
//! the fields it edited. See docs/reliability.md, promises 1, 2 and 6.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use rusqlite::Connection;

use super::support::{ward, ward_store};
use crate::storage::*;

/// The ward's data file in `dir`, set up and closed; its path.
fn ward_file(dir: &tempfile::TempDir) -> PathBuf {
    let (store, _) = ward_store(dir, 2026);
    store.path().to_path_buf()
}

/// A copy of the file at `path` as it stands (as a USB stick takes it), as `name` beside it.
fn copy_of(path: &Path, name: &str) -> PathBuf {
    let copy = path.with_file_name(name);
    std::fs::copy(path, &copy).unwrap();
    copy
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    backup::with_suffix(path, suffix)
}

fn secretary(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row("SELECT secretary_name FROM unit", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_saved_change_is_in_the_data_file_alone_while_the_file_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = ward_store(&dir, 2026);
    let path = store.path().to_path_buf();
    let mut unit = store.unit().unwrap().unwrap();
    unit.secretary_name = "Lê Thị Thu".into();
    store.save_unit(&unit).unwrap();

    // The connection is still open: copy the one file, as onto a USB stick.
    for extra in ["-wal", "-journal"] {
        assert!(!beside(&path, extra).exists(), "{extra} beside the file");
    }
    let copy = copy_of(&path, "usb.sqlite3");
    assert_eq!(secretary(&copy), "Lê Thị Thu");
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    drop(store);
}

/// A file as an earlier version left it when ended by SIGTERM: WAL mode, the last change only
/// in the `-wal`.
fn earlier_version_killed(path: &Path, secretary: &str) -> Vec<u8> {
    let conn = Connection::open(path).unwrap();
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute("UPDATE unit SET secretary_name = ?1", [secretary])
        .unwrap();
    // What lies on disk while the process still runs, i.e. after a kill.
    let wal = std::fs::read(beside(path, "-wal")).unwrap();
    assert!(!wal.is_empty());
    let main = std::fs::read(path).unwrap();
    drop(conn);
    std::fs::write(path, main).unwrap();
    wal
}

#[test]
fn a_file_left_in_wal_mode_by_an_earlier_version_keeps_its_last_change_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward_file(&dir);
    let wal = earlier_version_killed(&path, "Lê Thị Thu");
    std::fs::write(beside(&path, "-wal"), wal).unwrap();

    let store = Store::open(&path).unwrap();
    assert_eq!(store.unit().unwrap().unwrap().secretary_name, "Lê Thị Thu");
    assert!(
        !beside(&path, "-wal").exists(),
        "the WAL went into the file"
    );
    let copy = copy_of(&path, "usb.sqlite3");
    assert_eq!(secretary(&copy), "Lê Thị Thu");
}

#[test]
fn an_older_copy_put_back_beside_a_newer_wal_opens_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward_file(&dir);
    let older = copy_of(&path, "older.sqlite3");
    // The live file then got a newer change that an earlier version left in its `-wal`...
    let wal = earlier_version_killed(&path, "Người mới hơn");
    // ...and the secretary puts the older copy back over the file, the `-wal` still beside.
    std::fs::copy(&older, &path).unwrap();
    std::fs::write(beside(&path, "-wal"), &wal).unwrap();

    let store = Store::open(&path).unwrap();
    let unit = store.unit().unwrap().unwrap();
    assert_eq!(
        unit.secretary_name,
        ward().secretary_name,
        "nothing mixed in"
    );
    let integrity: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert!(!beside(&path, "-wal").exists());
    // The stray journal is kept, not deleted.
    let kept: Vec<String> = std::fs::read_dir(paths::backups_dir(&path))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("de-rieng-") && name.ends_with("ngayhoi.sqlite3-wal"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let moved = paths::backups_dir(&path).join(&kept[0]);
    assert_eq!(std::fs::read(moved).unwrap(), wal);
}

#[test]
fn restoring_a_copy_of_a_wal_file_keeps_the_rollback_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward_file(&dir);
    // A copy of the file an earlier version left in WAL mode (header says WAL).
    let old = copy_of(&path, "cu.sqlite3");
    {
        let conn = Connection::open(&old).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute("UPDATE unit SET secretary_name = 'Bản cũ'", [])
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    store.restore_from(&old).unwrap();
    let mut unit = store.unit().unwrap().unwrap();
    assert_eq!(unit.secretary_name, "Bản cũ");
    unit.head_name = "Trưởng ban mới".into();
    store.save_unit(&unit).unwrap();
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    assert!(!beside(&path, "-wal").exists());
    let copy = copy_of(&path, "usb.sqlite3");
    let conn = Connection::open(&copy).unwrap();
    let head: String = conn
        .query_row("SELECT head_name FROM unit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(head, "Trưởng ban mới");
}

#[test]
fn two_windows_taking_their_start_up_copy_in_the_same_second_never_collide() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward_file(&dir);
    let now = chrono::NaiveDate::from_ymd_opt(2026, 8, 19)
        .unwrap()
        .and_hms_opt(15, 30, 0)
        .unwrap();
    const WINDOWS: usize = 4;
    const ROUNDS: usize = 5;
    let barrier = Arc::new(Barrier::new(WINDOWS));
    let threads: Vec<_> = (0..WINDOWS)
        .map(|_| {
            let (path, barrier) = (path.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let store = Store::open(&path).unwrap();
                (0..ROUNDS)
                    .map(|_| {
                        barrier.wait();
                        store.automatic_copy(BackupReason::Start, now)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut names = std::collections::BTreeSet::new();
    for thread in threads {
        for copy in thread.join().unwrap() {
            let copy = copy.expect("every window takes its copy");
            inspect(&copy, None).expect("a whole, valid copy");
            assert!(names.insert(copy), "two windows wrote one copy");
        }
    }
    assert_eq!(names.len(), WINDOWS * ROUNDS);
    assert!(
        names
            .iter()
            .any(|p| p.ends_with("ngayhoi-2026-08-19-153000.sqlite3"))
    );
    let leftovers: Vec<_> = std::fs::read_dir(paths::backups_dir(&path))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| !name.to_string_lossy().ends_with(".sqlite3"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_form_loaded_before_another_windows_save_changes_only_the_field_it_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = ward_store(&dir, 2026);
    let path = a.path().to_path_buf();
    let mut b = Store::open(&path).unwrap();
    // B's settings form loaded the unit and the event...
    let b_unit = b.unit().unwrap().unwrap();
    let b_event = b.event(2026).unwrap().unwrap();
    // ...then A changed the secretary, the theme and the ceremony's start.
    let mut a_unit = a.unit().unwrap().unwrap();
    a_unit.secretary_name = "Lê Thị Thu".into();
    a.save_unit_changes(&a.unit().unwrap().unwrap(), &a_unit)
        .unwrap();
    let mut a_event = a.event(2026).unwrap().unwrap();
    a_event.theme = "Chủ đề của cửa sổ A".into();
    a_event.program_start = chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap();
    a.save_event(&a_event).unwrap();
    // B changes the head and the date, from what it had loaded.
    let mut edited = b_unit.clone();
    edited.head_name = "Nguyễn Văn Trưởng".into();
    b.save_unit_changes(&b_unit, &edited).unwrap();
    let mut edited_event = b_event.clone();
    edited_event.date = chrono::NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
    b.save_event_changes(&b_event, &edited_event).unwrap();

    let unit = Store::open(&path).unwrap().unit().unwrap().unwrap();
    assert_eq!(unit.secretary_name, "Lê Thị Thu", "A's change stays");
    assert_eq!(unit.head_name, "Nguyễn Văn Trưởng");
    let event = a.event(2026).unwrap().unwrap();
    assert_eq!(event.theme, "Chủ đề của cửa sổ A");
    assert_eq!(
        event.program_start,
        chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap()
    );
    assert_eq!(event.date, edited_event.date);
}

#[test]
fn a_second_window_on_the_same_file_is_refused_until_the_first_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ngayhoi.sqlite3");
    let first = WindowLock::acquire(&path).unwrap();
    let second = WindowLock::acquire(&path).unwrap_err();
    super::support::assert_refusal(
        &second,
        StoreError::OpenElsewhere(path.clone()),
        &["đang được mở trong một cửa sổ Ngày hội khác"],
    );
    // Another file is another matter.
    let other = WindowLock::acquire(&dir.path().join("khac.sqlite3")).unwrap();
    drop(first);
    WindowLock::acquire(&path).expect("free once the first window closed");
    drop(other);
}
