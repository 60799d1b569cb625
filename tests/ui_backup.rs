//! Nothing is ever lost, seen from the window: backing up and restoring in the settings, the
//! failure screen offering the latest backup, and an edit that waits while another window
//! holds the file.

mod common;
#[path = "support/files.rs"]
mod files;

use std::path::Path;

use common::*;
use iced_test::selector::id;
use ngayhoi::gui::{App, Section};
use ngayhoi::storage::{Store, schema};

fn unit_name(path: &Path) -> String {
    reopen(path).unit().unwrap().unwrap().name
}

fn backups(dir: &tempfile::TempDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("sao-luu"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn back_up_change_restore_and_the_old_value_is_back() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    assert_shows(&app, &["Sao lưu và khôi phục", "Chưa có bản sao lưu nào."]);

    click_at_end(&mut app, "Sao lưu ngay");
    assert!(app.problem().is_none(), "{:?}", app.problem());
    let made = backups(&dir);
    assert_eq!(made.len(), 1);
    assert!(made[0].starts_with("sao-luu-"), "{made:?}");
    assert!(shows_part(&app, "Đã sao lưu vào tệp"));
    assert!(
        shows(&app, "Sao lưu ngay"),
        "the list names the kind of copy"
    );

    interact(&mut app, |ui| {
        ui.click(id("settings-name"))?;
        let _ = ui.typewrite(" Mới");
        Ok(())
    });
    assert_eq!(unit_name(&db(&dir)), "Phường Chợ Quán Mới");

    click_at_end(&mut app, "Khôi phục…");
    assert!(
        shows_part(&app, "Phường Chợ Quán · năm 2025, 2026"),
        "what it brings back"
    );
    assert!(shows(&app, "Khôi phục bản này"));
    assert_eq!(
        unit_name(&db(&dir)),
        "Phường Chợ Quán Mới",
        "not before confirming"
    );

    click_at_end(&mut app, "Khôi phục bản này");
    assert_eq!(app.snapshot().unwrap().unit.name, "Phường Chợ Quán");
    assert_eq!(unit_name(&db(&dir)), "Phường Chợ Quán");
    assert_eq!(app.section(), Some(Section::Settings));
    assert!(shows_part(&app, "Đã khôi phục bản sao lưu lúc"));
    assert!(
        simulator(&app).find(id("settings-name")).is_ok(),
        "the form is shown again"
    );

    let previous: Vec<String> = backups(&dir)
        .into_iter()
        .filter(|name| name.ends_with("-truoc-khoi-phuc.sqlite3"))
        .collect();
    assert_eq!(previous.len(), 1, "the state before the restore was kept");
    let kept = dir.path().join("sao-luu").join(&previous[0]);
    assert_eq!(
        Store::open(&kept).unwrap().unit().unwrap().unwrap().name,
        "Phường Chợ Quán Mới"
    );
}

/// A restore replaces the file: while a change typed a moment ago is still on its way to the
/// file, it is refused with a reason, and the change is not lost.
#[test]
fn a_restore_waits_for_the_last_change_to_be_saved() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    click_at_end(&mut app, "Sao lưu ngay");
    let held = rename_unit_held(&mut app);

    // The copy is read and offered (its reading runs; the held save does not).
    for label in ["Khôi phục…", "Khôi phục bản này"] {
        let tasks = act_before_saved(&mut app, |ui| {
            scroll_down(ui);
            ui.click(label).map(drop)
        });
        run(&mut app, iced::Task::batch(tasks));
    }
    assert!(app.is_saving());
    assert!(
        shows_part(&app, "Còn thay đổi chưa lưu xong.") && shows_part(&app, "rồi khôi phục."),
        "the restore says why it waits"
    );
    settle(&mut app, iced::Task::batch(held));
    assert_eq!(
        unit_name(&db(&dir)),
        "Phường Chợ Quán Mới",
        "the change typed before is saved, not replaced"
    );
    assert!(
        backups(&dir)
            .iter()
            .all(|n| !n.ends_with("-truoc-khoi-phuc.sqlite3")),
        "nothing was restored"
    );
}

#[test]
fn a_copy_that_is_not_a_backup_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    std::fs::create_dir_all(dir.path().join("sao-luu")).unwrap();
    std::fs::write(
        dir.path().join("sao-luu").join("ban-cu.sqlite3"),
        "không phải dữ liệu",
    )
    .unwrap();
    click(&mut app, "Cài đặt");
    assert!(shows(&app, "Tệp khác trong thư mục"));
    click_at_end(&mut app, "Khôi phục…");
    assert!(shows(&app, "Không khôi phục được bản này"));
    assert!(shows_part(&app, "không phải là tệp dữ liệu của Ngày hội"));
    assert!(!shows(&app, "Khôi phục bản này"));
    assert_eq!(unit_name(&db(&dir)), "Phường Chợ Quán");
}

/// A demo file with one backup taken by opening the window, then spoiled by `spoil`.
fn spoiled(dir: &tempfile::TempDir, spoil: impl FnOnce(&Path)) -> App {
    drop(demo_app(dir));
    drop(App::boot(db(dir), today()));
    assert_eq!(backups(dir).len(), 1, "opening the window made a backup");
    // Every change in the file itself (no journal beside it).
    let conn = rusqlite::Connection::open(db(dir)).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    spoil(&db(dir));
    App::boot(db(dir), today())
}

#[test]
fn a_damaged_file_offers_the_latest_backup_and_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = Vec::new();
    let mut app = spoiled(&dir, |path| damaged = files::damage(path));
    assert!(shows(&app, "Không mở được dữ liệu"));
    assert!(app.problem().unwrap().contains("bị hỏng"));
    assert!(shows_part(&app, "Bản sao lưu gần nhất: lúc"));
    assert!(shows_part(&app, "Phường Chợ Quán · năm 2025, 2026"));
    assert!(shows(&app, "Thử lại") && shows(&app, "Mở tệp khác…"));
    assert_eq!(
        std::fs::read(db(&dir)).unwrap(),
        damaged,
        "untouched so far"
    );

    click(&mut app, "Mở bản sao lưu gần nhất");
    assert_eq!(app.snapshot().unwrap().unit.name, "Phường Chợ Quán");
    assert!(shows_part(&app, "Tệp không mở được được giữ nguyên ở"));
    let aside: Vec<String> = backups(&dir)
        .into_iter()
        .filter(|n| n.starts_with("de-rieng-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(dir.path().join("sao-luu").join(&aside[0])).unwrap(),
        damaged,
        "the damaged file, byte for byte"
    );
}

#[test]
fn a_file_from_a_newer_version_offers_the_backup_too() {
    let dir = tempfile::tempdir().unwrap();
    let app = spoiled(&dir, |path| {
        rusqlite::Connection::open(path)
            .unwrap()
            .pragma_update(None, "user_version", schema::LATEST + 1)
            .unwrap();
    });
    assert!(
        app.problem()
            .unwrap()
            .contains("phiên bản Ngày hội mới hơn")
    );
    assert!(shows(&app, "Mở bản sao lưu gần nhất"));
    send_failure_retry(app);
}

fn send_failure_retry(mut app: App) {
    click(&mut app, "Thử lại");
    assert!(
        shows(&app, "Không mở được dữ liệu"),
        "still refused, still safe"
    );
}

#[test]
fn an_edit_waits_while_another_window_writes_then_is_saved_on_retry() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    let holder = rusqlite::Connection::open(db(&dir)).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE;").unwrap();

    // The app waits its 5 s for the other window, then says so and keeps the edit.
    interact(&mut app, |ui| {
        ui.click(id("settings-secretary"))?;
        let _ = ui.typewrite(" (Công an phường)");
        Ok(())
    });
    let problem = app.problem().unwrap();
    assert!(
        problem.contains("cửa sổ hoặc chương trình khác"),
        "{problem}"
    );
    assert!(problem.contains("Dữ liệu không bị mất"), "{problem}");
    assert_shows(
        &app,
        &["Chưa lưu được: cửa sổ khác đang ghi vào tệp", "Thử lưu lại"],
    );

    holder.execute_batch("COMMIT;").unwrap();
    click(&mut app, "Thử lưu lại");
    assert!(shows(&app, "✓ Đã lưu"));
    assert!(app.problem().is_none(), "{:?}", app.problem());
    assert_eq!(
        reopen(&db(&dir)).unit().unwrap().unwrap().secretary_name,
        "Trần Thị Thu Hà (Công an phường)",
        "the last keystroke is the value saved"
    );
}

#[test]
fn a_read_only_file_offers_the_backup_and_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut before = Vec::new();
    let mut app = spoiled(&dir, |path| {
        let mut permissions = std::fs::metadata(path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(path, permissions).unwrap();
        before = std::fs::read(path).unwrap();
    });
    assert!(app.problem().unwrap().contains("chỉ cho phép đọc"));
    assert!(shows(&app, "Mở bản sao lưu gần nhất"));
    click(&mut app, "Mở bản sao lưu gần nhất");
    assert_eq!(app.snapshot().unwrap().unit.name, "Phường Chợ Quán");
    let aside = backups(&dir)
        .into_iter()
        .find(|n| n.starts_with("de-rieng-"))
        .unwrap();
    let aside = dir.path().join("sao-luu").join(aside);
    assert_eq!(std::fs::read(&aside).unwrap(), before);
    assert!(std::fs::metadata(&aside).unwrap().permissions().readonly());
}

#[test]
fn a_file_held_by_another_window_is_not_replaced_and_says_to_retry() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo_app(&dir));
    drop(App::boot(db(&dir), today()));
    let holder = rusqlite::Connection::open(db(&dir)).unwrap();
    holder
        .execute_batch(
            "PRAGMA journal_mode = DELETE; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
        )
        .unwrap();
    // Waits its 5 s for the other window, then explains.
    let mut app = App::boot(db(&dir), today());
    assert!(app.problem().unwrap().contains("Dữ liệu không bị mất"));
    assert!(!shows(&app, "Mở bản sao lưu gần nhất"));
    assert!(shows_part(&app, "không thể thay bằng bản sao lưu lúc này"));
    holder.execute_batch("COMMIT;").unwrap();
    drop(holder);
    click(&mut app, "Thử lại");
    assert_eq!(app.snapshot().unwrap().unit.name, "Phường Chợ Quán");
}
