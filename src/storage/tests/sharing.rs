//! Two windows (or processes) on one file, and a full disk: the data stays sound and the
//! secretary is told what happened in Vietnamese.

use std::time::Duration;

use crate::domain::{ChecklistItem, Level, Unit, YearEvent};
use crate::storage::*;

fn set_up(dir: &tempfile::TempDir) -> (Store, i64) {
    let path = dir.path().join("ngayhoi.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let unit = Unit::new("Xã Tân Phú", Level::Commune, "Tỉnh Đồng Nai", "Tân Phú");
    let event = store.initialize(&unit, &YearEvent::defaults(2026)).unwrap();
    (store, event.id)
}

fn step(title: String) -> ChecklistItem {
    ChecklistItem {
        id: 0,
        title,
        offset_days: -3,
        done: false,
        note: String::new(),
    }
}

fn integrity(store: &Store) -> String {
    store
        .conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn two_writers_at_the_same_time_both_land_and_the_file_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let (store, event_id) = set_up(&dir);
    let before = store.checklist(event_id).unwrap().len();
    let path = store.path().to_path_buf();
    let writers: Vec<_> = ["Cửa sổ thứ nhất", "Cửa sổ thứ hai"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for n in 0..40 {
                    store
                        .add_checklist_item(event_id, &step(format!("{who}: việc {n}")))
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("no writer failed");
    }
    let steps = store.checklist(event_id).unwrap();
    assert_eq!(steps.len(), before + 80);
    for who in ["Cửa sổ thứ nhất", "Cửa sổ thứ hai"] {
        assert!(steps.iter().any(|s| s.title == format!("{who}: việc 39")));
    }
    assert_eq!(integrity(&store), "ok");
}

#[test]
fn a_writer_that_cannot_get_the_file_says_another_window_writes_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (first, event_id) = set_up(&dir);
    let path = first.path().to_path_buf();
    let mut second = Store::open_with_timeout(&path, Duration::from_millis(200)).unwrap();
    first.conn.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let error = second
        .add_checklist_item(event_id, &step("Họp Ban Chỉ đạo".into()))
        .unwrap_err();
    super::support::assert_refusal(
        &error,
        StoreError::Locked(path.clone()),
        &["cửa sổ hoặc chương trình khác", "Dữ liệu không bị mất"],
    );
    first.conn.execute_batch("COMMIT;").unwrap();
    // The same change, tried again, lands once.
    second
        .add_checklist_item(event_id, &step("Họp Ban Chỉ đạo".into()))
        .unwrap();
    let count = first
        .checklist(event_id)
        .unwrap()
        .iter()
        .filter(|s| s.title == "Họp Ban Chỉ đạo")
        .count();
    assert_eq!(count, 1);
}

#[test]
fn a_full_disk_is_explained_and_what_was_saved_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id) = set_up(&dir);
    let pages: i64 = store
        .conn
        .pragma_query_value(None, "page_count", |row| row.get(0))
        .unwrap();
    // The disk "fills up" at the file's current size.
    store
        .conn
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let mut big = step("Báo cáo tổng kết".into());
    big.note = "Nội dung rất dài. ".repeat(20_000);
    let error = store.add_checklist_item(event_id, &big).unwrap_err();
    super::support::assert_refusal(
        &error,
        StoreError::DiskFull(store.path().to_path_buf()),
        &["đã đầy", "vẫn còn nguyên"],
    );
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
    assert!(
        store
            .checklist(event_id)
            .unwrap()
            .iter()
            .all(|s| s.title != "Báo cáo tổng kết")
    );
    assert_eq!(integrity(&store), "ok");
}
