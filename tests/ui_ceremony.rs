//! Phần lễ as a secretary uses it: times follow the durations, items are added, moved with
//! the keyboard and the mouse, and every change is undoable and lands in the data file.

mod common;

use chrono::NaiveTime;
use common::*;
use iced::keyboard;
use iced_test::selector::id;
use ngayhoi::gui::Section;
use ngayhoi::gui::app::shortcut;
use ngayhoi::storage::Store;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn titles(dir: &tempfile::TempDir) -> Vec<String> {
    labels_of_2026(dir, Store::program, |i| i.title)
}

#[test]
fn times_follow_the_durations_and_a_pinned_item_shows_its_break() {
    let (_dir, app) = demo_in_new_folder(Section::Ceremony);
    assert_shows(&app, &["Phần lễ · Ngày hội năm 2026", "Chào cờ"]);
    assert!(
        shows(&app, "07:45"),
        "the flag salute follows a 15-minute welcome performance"
    );
    assert!(
        shows(&app, "09:35"),
        "the ceremony ends after the pinned closing item"
    );
    let mut ui = simulator(&app);
    scroll_down(&mut ui);
    assert!(
        ui.find("Nghỉ 15 phút").is_ok(),
        "the closing is pinned at 09:30, 15 minutes after the pacts end"
    );
}

#[test]
fn adding_an_item_by_typing_and_enter() {
    let (dir, mut app) = demo_in_new_folder(Section::Ceremony);
    let before = titles(&dir).len();
    open_form(&mut app, "+ Thêm mục", "program-title", |ui| {
        let _ = ui.typewrite("Trao quà cho gia đình chính sách");
        ui.click(id("program-duration"))?;
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
        let _ = ui.typewrite("20");
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    });
    let saved = titles(&dir);
    assert_eq!(saved.len(), before + 1);
    assert_eq!(saved.last().unwrap(), "Trao quà cho gia đình chính sách");
    let program = &app.snapshot().unwrap().plan.program;
    assert_eq!(program.last().unwrap().duration_min, 20);

    undo(&mut app);
    assert_eq!(titles(&dir).len(), before, "Ctrl+Z takes the new item away");
}

#[test]
fn a_duration_that_is_not_a_number_is_explained() {
    let (dir, mut app) = demo_in_new_folder(Section::Ceremony);
    click(&mut app, "+ Thêm mục");
    interact(&mut app, |ui| {
        retype(ui, "program-title", "Múa lân")?;
        retype(ui, "program-duration", "mười")?;
        ui.click("Lưu").map(drop)
    });
    assert!(shows(&app, "Thời lượng “mười” phải là số phút."));
    assert_eq!(titles(&dir).len(), 10, "nothing was saved");
}

#[test]
fn moving_an_item_with_alt_arrows_and_the_buttons_then_undoing() {
    let (dir, mut app) = demo_in_new_folder(Section::Ceremony);
    let original = titles(&dir);
    assert_eq!(original[1], "Chào cờ");

    // Select the flag salute, then Alt+↑ puts it first.
    click(&mut app, "Chào cờ");
    send(
        &mut app,
        shortcut(key(keyboard::key::Named::ArrowUp, keyboard::Modifiers::ALT)).unwrap(),
    );
    let moved = titles(&dir);
    assert_eq!(moved[0], "Chào cờ");
    assert_eq!(moved[1], "Văn nghệ chào mừng");
    let start = app.snapshot().unwrap().plan.event.program_start;
    assert_eq!(start, t(7, 30));
    assert!(
        shows(&app, "07:35"),
        "the performance now starts after the 5-minute flag salute"
    );

    // The ↓ button of the first row moves it back down.
    click(&mut app, "↓");
    assert_eq!(titles(&dir), original);

    // Undo twice: back to the keyboard move, then to the start.
    undo(&mut app);
    assert_eq!(titles(&dir)[0], "Chào cờ");
    undo(&mut app);
    assert_eq!(titles(&dir), original);
}

/// Clears the start time field and types `time` into it.
fn type_start(app: &mut ngayhoi::gui::App, time: &str) {
    interact(app, |ui| {
        ui.click(id("program-start"))?;
        for _ in 0..5 {
            let _ = ui.tap_key(keyboard::key::Named::Backspace);
        }
        let _ = ui.typewrite(time);
        Ok(())
    });
}

#[test]
fn a_new_start_time_moves_every_item() {
    let (dir, mut app) = demo_in_new_folder(Section::Ceremony);
    type_start(&mut app, "8h");
    let store = reopen(&db(&dir));
    assert_eq!(store.event(2026).unwrap().unwrap().program_start, t(8, 0));
    assert!(shows(&app, "08:15"), "the flag salute at 08:15");
    undo(&mut app);
    assert_eq!(
        reopen(&db(&dir))
            .event(2026)
            .unwrap()
            .unwrap()
            .program_start,
        t(7, 30)
    );
}

#[test]
fn a_start_time_typed_keeps_a_theme_changed_meanwhile_elsewhere() {
    let (dir, mut app) = demo_in_new_folder(Section::Ceremony);
    // The command line (or another program) changes the theme; the window has not reloaded.
    {
        let mut store = reopen(&db(&dir));
        let mut event = store.event(2026).unwrap().unwrap();
        event.theme = "Chủ đề sửa từ dòng lệnh".into();
        store.save_event(&event).unwrap();
    }
    type_start(&mut app, "8h");
    let event = reopen(&db(&dir)).event(2026).unwrap().unwrap();
    assert_eq!(event.program_start, t(8, 0));
    assert_eq!(event.theme, "Chủ đề sửa từ dòng lệnh");
}

#[test]
fn pinning_an_item_too_early_shows_the_overlap() {
    let (_dir, mut app) = demo_in_new_folder(Section::Ceremony);
    let third = app.snapshot().unwrap().plan.program[2].title.clone();
    click_row(&mut app, &third, "Sửa");
    interact(&mut app, |ui| {
        retype(ui, "program-fixed", "7:45")?;
        ui.click("Lưu").map(drop)
    });
    assert_shows(
        &app,
        &[
            "Trùng 5 phút với mục trước: hãy rút ngắn mục trước hoặc dời giờ mục này.",
            "chỗ trùng giờ",
        ],
    );
}

#[test]
fn a_removed_item_comes_back_in_its_place_with_undo() {
    let (dir, mut app) = demo_in_new_folder(Section::Ceremony);
    let original = titles(&dir);
    let id_of = app.snapshot().unwrap().plan.program[2].id;
    click_row(&mut app, &original[2], "Xóa");
    assert_eq!(titles(&dir).len(), original.len() - 1);
    assert!(shows(&app, &format!("Đã xóa “{}”.", original[2])));
    undo(&mut app);
    assert_eq!(titles(&dir), original, "back in its place, third");
    assert_eq!(
        app.snapshot().unwrap().plan.program[2].id,
        id_of,
        "under its id"
    );
}
