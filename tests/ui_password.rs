//! The optional password seen from the window: set in the settings after the warning, then
//! asked for at the next start, where wrong tries say why and change nothing.

mod common;

use common::*;
use iced::keyboard::key::Named;
use iced_test::selector::id;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section};
use ngayhoi::storage::{Password, Store, password::is_sealed};

const PASSWORD: &str = "mật khẩu 2026";

#[test]
fn a_password_set_in_the_settings_is_asked_for_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    send(&mut app, Ws::Navigate(Section::Settings));
    click_at_end(&mut app, "Đặt mật khẩu");
    assert!(shows(&app, "Quên mật khẩu là mất dữ liệu"), "the warning");
    assert!(
        shows(&app, "Lưu bản sao lưu không có mật khẩu…"),
        "the offer"
    );
    assert!(!is_sealed(&db(&dir)), "nothing happens before she confirms");

    // Two different words: refused with the reason, the file untouched.
    interact(&mut app, |ui| {
        scroll_down(ui);
        ui.click(id("password-new"))?;
        let _ = ui.typewrite(PASSWORD);
        ui.click(id("password-again"))?;
        let _ = ui.typewrite("mật khẩu 2025");
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    assert!(shows(&app, "Hai lần nhập mật khẩu mới không giống nhau."));
    assert!(!is_sealed(&db(&dir)));

    interact(&mut app, |ui| {
        scroll_down(ui);
        ui.click(id("password-again"))?;
        select_all(ui);
        let _ = ui.typewrite(PASSWORD);
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    assert!(app.problem().is_none(), "{:?}", app.problem());
    assert!(is_sealed(&db(&dir)), "the file is encrypted");
    assert!(shows_part(&app, "Đã đặt mật khẩu mới cho tệp dữ liệu."));
    assert!(shows(&app, "Đổi mật khẩu") && shows(&app, "Bỏ mật khẩu"));
    drop(app);

    // The next start asks for it; three wrong tries change nothing.
    let before = std::fs::read(db(&dir)).unwrap();
    let mut app = App::boot(db(&dir), today());
    assert!(app.snapshot().is_none());
    assert!(shows(&app, "Tệp dữ liệu có mật khẩu"));
    for wrong in ["mat khau 2026", "Mật khẩu 2026", "mật khẩu"] {
        interact(&mut app, |ui| {
            ui.click(id(ngayhoi::gui::screen::unlock::FIELD))?;
            let _ = ui.typewrite(wrong);
            let _ = ui.tap_key(Named::Enter);
            Ok(())
        });
        assert!(app.snapshot().is_none(), "“{wrong}” does not open it");
        let problem = app.problem().unwrap_or_default();
        assert!(problem.starts_with("Mật khẩu không đúng"), "{problem}");
    }
    assert_eq!(
        std::fs::read(db(&dir)).unwrap(),
        before,
        "not a byte changed"
    );
    assert!(
        !dir.path().join("sao-luu").exists()
            || std::fs::read_dir(dir.path().join("sao-luu"))
                .unwrap()
                .all(|e| is_sealed(&e.unwrap().path())),
        "no ordinary copy was left in the backups folder"
    );

    interact(&mut app, |ui| {
        ui.click(id(ngayhoi::gui::screen::unlock::FIELD))?;
        let _ = ui.typewrite(PASSWORD);
        ui.click("Mở").map(drop)
    });
    let data = app.snapshot().expect("the workspace opens");
    assert_eq!(data.unit.name, "Phường Chợ Quán");
    assert!(data.password);
    drop(app);
    let store = Store::open_with_password(&db(&dir), Password::typed(PASSWORD).as_ref());
    assert!(!store.unwrap().households().unwrap().is_empty());
}

/// Setting a password writes the file anew: while a change typed a moment ago is still on its
/// way to the file, it is refused with a reason, and the change is not lost.
#[test]
fn a_password_waits_for_the_last_change_to_be_saved() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    let held = rename_unit_held(&mut app);
    let mut tasks = act_before_saved(&mut app, |ui| {
        scroll_down(ui);
        ui.click("Đặt mật khẩu").map(drop)
    });
    tasks.extend(act_before_saved(&mut app, |ui| {
        scroll_down(ui);
        ui.click(id("password-new"))?;
        let _ = ui.typewrite(PASSWORD);
        ui.click(id("password-again"))?;
        let _ = ui.typewrite(PASSWORD);
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    }));
    run(&mut app, iced::Task::batch(tasks));
    assert!(
        shows_part(&app, "Còn thay đổi chưa lưu xong.") && shows_part(&app, "rồi làm lại."),
        "the password says why it waits"
    );
    assert!(!is_sealed(&db(&dir)), "the file was not written anew");

    settle(&mut app, iced::Task::batch(held));
    let store = Store::open(&db(&dir)).unwrap();
    assert_eq!(store.unit().unwrap().unwrap().name, "Phường Chợ Quán Mới");
}

/// Deriving the key of a password takes a moment, so it is tried off the window's thread: the
/// screen says the file is being opened, "Mở" waits, and the workspace comes when it is open.
/// A second Enter meanwhile tries nothing more.
#[test]
fn a_password_is_tried_while_the_window_says_the_file_is_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo_app(&dir));
    let mut store = Store::open(&db(&dir)).unwrap();
    store
        .set_password(Password::typed(PASSWORD).as_ref())
        .unwrap();
    drop(store);

    let mut app = App::boot(db(&dir), today());
    let typed = {
        let mut ui = simulator(&app);
        ui.click(id(ngayhoi::gui::screen::unlock::FIELD)).unwrap();
        let _ = ui.typewrite(PASSWORD);
        produced(ui)
    };
    for message in typed {
        send(&mut app, message);
    }
    let submit = || Message::Unlock(ngayhoi::gui::screen::unlock::Message::Submit);
    let trying = app.update(submit());
    assert!(
        app.snapshot().is_none(),
        "not open before the key is derived"
    );
    assert!(shows(&app, "Đang mở tệp…"));
    let again = app.update(submit());
    assert_eq!(again.units(), 0, "a second Enter tries nothing more");

    settle(&mut app, trying);
    let data = app.snapshot().expect("the workspace opens");
    assert_eq!(data.unit.name, "Phường Chợ Quán");
    assert!(!shows(&app, "Đang mở tệp…"));
}
