//! Delegates and event points as a secretary keeps them: typed in with Enter, ticked off on the
//! day, and every change undoable; the MC's introduction follows.

mod common;

use common::*;
use iced_test::selector::{Candidate, id};
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::screen::guests;
use ngayhoi::gui::{App, Message, Section};

fn guests_app(dir: &tempfile::TempDir) -> App {
    let mut app = demo_app(dir);
    interact(&mut app, |ui| ui.click("Đại biểu và điểm").map(drop));
    assert_eq!(app.section(), Some(Section::Guests));
    app
}

fn delegates(dir: &tempfile::TempDir) -> Vec<ngayhoi::domain::Delegate> {
    let store = reopen(&db(dir));
    let event = store.event(2026).unwrap().unwrap();
    store.delegates(event.id).unwrap()
}

#[test]
fn a_delegate_typed_in_with_enter_is_introduced_in_rank_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = guests_app(&dir);
    assert!(shows(&app, "5/6"), "five of six demo delegates attend");
    send(&mut app, shortcut(ctrl("n")).unwrap());
    interact(&mut app, |ui| {
        ui.click(id("delegate-name"))?;
        let _ = ui.typewrite("Hồ Thị Thu Trang");
        ui.click(id("delegate-title"))?;
        let _ = ui.typewrite("Bí thư Đoàn phường");
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        Ok(())
    });
    let saved = delegates(&dir);
    let added = saved.iter().find(|d| d.name == "Hồ Thị Thu Trang").unwrap();
    assert_eq!(added.rank, 7, "a new delegate comes after the others");
    assert!(added.attending);
    let intro = ngayhoi::domain::delegate::introductions(&saved);
    assert_eq!(
        intro.last().unwrap(),
        "đồng chí Hồ Thị Thu Trang, Bí thư Đoàn phường"
    );

    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert!(delegates(&dir).iter().all(|d| d.name != "Hồ Thị Thu Trang"));
}

#[test]
fn unticking_a_delegate_leaves_them_out_of_the_introduction() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = guests_app(&dir);
    assert!(shows_part(
        &app,
        "đồng chí Phạm Quốc Dũng, Bí thư Đảng ủy phường Chợ Quán"
    ));
    let id = delegates(&dir)
        .iter()
        .find(|d| d.name == "Phạm Quốc Dũng")
        .unwrap()
        .id;
    send(
        &mut app,
        Message::Guests(guests::Message::Attending(id, false)),
    );
    assert!(
        !delegates(&dir)
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .attending
    );
    assert!(!shows_part(&app, "đồng chí Phạm Quốc Dũng"));
    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert!(
        delegates(&dir)
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .attending
    );
}

#[test]
fn a_point_with_a_bad_number_is_explained_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = guests_app(&dir);
    send(&mut app, Message::Guests(guests::Message::NewPoint));
    let edit =
        |field, value: &str| Message::Guests(guests::Message::PointEdited(field, value.into()));
    send(
        &mut app,
        edit(guests::PointField::Name, "Sân trường Tiểu học Chợ Quán"),
    );
    send(&mut app, edit(guests::PointField::Expected, "khoảng 200"));
    send(&mut app, Message::Guests(guests::Message::SavePoint));
    assert!(shows(&app, "Số người dự kiến “khoảng 200” không hợp lệ."));
    let store = reopen(&db(&dir));
    let event = store.event(2026).unwrap().unwrap();
    assert_eq!(store.points(event.id).unwrap().len(), 5);

    send(&mut app, edit(guests::PointField::Expected, "200"));
    send(&mut app, Message::Guests(guests::Message::SavePoint));
    assert_eq!(reopen(&db(&dir)).points(event.id).unwrap().len(), 6);
}

#[test]
fn removing_a_point_then_undoing_brings_it_back_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = guests_app(&dir);
    let store = reopen(&db(&dir));
    let event = store.event(2026).unwrap().unwrap();
    let before = store.points(event.id).unwrap();
    let target = before[2].clone();
    send(
        &mut app,
        Message::Guests(guests::Message::RemovePoint(target.id)),
    );
    assert!(shows(&app, &format!("Đã xóa điểm “{}”.", target.name)));
    assert_eq!(
        reopen(&db(&dir)).points(event.id).unwrap().len(),
        before.len() - 1
    );
    interact(&mut app, |ui| ui.click("Hoàn tác (Ctrl+Z)").map(drop));
    assert_eq!(reopen(&db(&dir)).points(event.id).unwrap(), before);
}

/// True if some text on screen contains `part`.
fn shows_part(app: &App, part: &str) -> bool {
    let mut ui = simulator(app);
    ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text { content, .. } if content.contains(part) => Some(()),
        _ => None,
    })
    .is_ok()
}
