//! Delegates and event points as a secretary keeps them: typed in with Enter, ticked off on the
//! day, and every change undoable; the MC's introduction follows.
//!
//! Every test drives the whole window (headless, iced_test with tiny-skia): it clicks and types,
//! the workspace turns the screen's events into jobs, the app's writer runs them on a real data
//! file, and the test reads what the screen shows and what the file holds.

mod common;

use common::*;
use iced::Point;
use iced::keyboard::key::Named;
use iced_test::Simulator;
use iced_test::selector::Candidate;
use ngayhoi::domain::{Delegate, EventPoint, PointKind};
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::records;
use ngayhoi::gui::screen::guests;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section};
use ngayhoi::storage::Store;

type Ui<'a> = Simulator<'a, Message>;

fn delegates(dir: &tempfile::TempDir) -> Vec<Delegate> {
    of_2026(dir, Store::delegates)
}

fn delegate(dir: &tempfile::TempDir, name: &str) -> Delegate {
    delegates(dir)
        .into_iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no delegate {name} in the file"))
}

fn points(dir: &tempfile::TempDir) -> Vec<EventPoint> {
    of_2026(dir, Store::points)
}

/// The point at `index` removed with its row's "Xóa", which says so: the points before and
/// the one removed.
fn remove_point(
    app: &mut App,
    dir: &tempfile::TempDir,
    index: usize,
) -> (Vec<EventPoint>, EventPoint) {
    let before = points(dir);
    let point = before[index].clone();
    click_row(app, &point.name, "Xóa");
    assert!(shows(app, &format!("Đã xóa điểm “{}”.", point.name)));
    (before, point)
}

/// The preview line of the MC's introductions.
fn introduction_line(app: &App) -> String {
    simulator(app)
        .find(|candidate: Candidate<'_>| match candidate {
            Candidate::Text { content, .. }
                if content.starts_with("Người dẫn chương trình sẽ giới thiệu:") =>
            {
                Some(content.to_string())
            }
            _ => None,
        })
        .expect("the preview of the introductions is shown")
}

/// Clicks the “Dự” box on the delegate's row: it sits at the left of the column, as its
/// heading does.
fn tick(ui: &mut Ui<'_>, name: &str) -> Result<(), iced_test::Error> {
    let column = visible(ui, "Dự").expect("the “Dự” column").x + 8.0;
    let row = scroll_to(ui, name).center_y();
    click_at(ui, Point::new(column, row));
    Ok(())
}

/// Types into a field of the open form (scrolled to if needed).
fn type_into(ui: &mut Ui<'_>, field: &str, text: &str) {
    click_field(ui, field);
    let _ = ui.typewrite(text);
}

#[test]
fn a_delegate_typed_in_with_enter_is_introduced_in_rank_order() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    assert!(shows(&app, "5/6"), "five of six demo delegates attend");
    ctrl_key(&mut app, "n");
    interact(&mut app, |ui| {
        type_into(ui, "delegate-name", "Hồ Thị Thu Trang");
        type_into(ui, "delegate-title", "Bí thư Đoàn phường");
        let _ = ui.tap_key(Named::Enter);
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

    undo(&mut app);
    assert!(delegates(&dir).iter().all(|d| d.name != "Hồ Thị Thu Trang"));
}

#[test]
fn the_screen_adds_a_delegate_typed_with_enter_after_the_others() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    assert_shows(
        &app,
        &[
            "Đại biểu và điểm tổ chức · Năm 2026",
            "Đại biểu (theo thứ tự giới thiệu)",
        ],
    );
    assert!(shows(&app, "5/6"), "five of six demo delegates attend");
    let before = delegates(&dir);

    click(&mut app, "+ Thêm đại biểu");
    assert_eq!(delegates(&dir), before, "opening the form writes nothing");
    interact(&mut app, |ui| {
        type_into(ui, "delegate-name", "Hồ Thị Thu Trang");
        type_into(ui, "delegate-title", "Bí thư Đoàn phường");
        type_into(
            ui,
            "delegate-organisation",
            "Đoàn Thanh niên phường Chợ Quán",
        );
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    let saved = delegates(&dir);
    assert_eq!(saved.len(), before.len() + 1);
    let added = saved.last().unwrap().clone();
    assert_eq!(
        added,
        Delegate {
            id: added.id,
            name: "Hồ Thị Thu Trang".into(),
            title: "Bí thư Đoàn phường".into(),
            organisation: "Đoàn Thanh niên phường Chợ Quán".into(),
            rank: 7,
            attending: true,
        },
        "last in protocol order"
    );
    assert_shows(
        &app,
        &["Hồ Thị Thu Trang", "Đã thêm đại biểu Hồ Thị Thu Trang."],
    );
    assert!(!has_field(&app, "delegate-name"), "the draft row is closed");
    assert!(introduction_line(&app).ends_with(
        "; đồng chí Hồ Thị Thu Trang, Bí thư Đoàn phường Đoàn Thanh niên phường Chợ Quán."
    ));

    click(&mut app, "Hoàn tác (Ctrl+Z)");
    assert_eq!(delegates(&dir), before);
    assert!(!shows(&app, "Hồ Thị Thu Trang"));
    undo(&mut app);
    assert_eq!(delegates(&dir), before, "nothing left to undo");
}

#[test]
fn the_screen_takes_an_input_method_enter_as_submit() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    open_form(&mut app, "+ Thêm đại biểu", "delegate-name", |ui| {
        // IBus commits the word being composed together with Enter as "\r"; the name is also
        // decomposed (NFD), as some keyboards send it.
        commit(ui, "Lê Văn Nghi\u{0303}a\r");
        Ok(())
    });
    let added = delegate(&dir, "Lê Văn Nghĩa");
    assert_eq!(added.rank, 7);
    assert!(shows(&app, "Đã thêm đại biểu Lê Văn Nghĩa."));
}

#[test]
fn unticking_dự_on_the_screen_leaves_the_delegate_out_of_the_introduction() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    let dung = delegate(&dir, "Phạm Quốc Dũng");
    assert!(dung.attending);
    assert!(
        introduction_line(&app).contains("đồng chí Phạm Quốc Dũng, Bí thư Đảng ủy phường Chợ Quán")
    );

    interact(&mut app, |ui| tick(ui, "Phạm Quốc Dũng"));
    assert_eq!(
        delegate(&dir, "Phạm Quốc Dũng"),
        Delegate {
            attending: false,
            ..dung.clone()
        }
    );
    assert!(shows(&app, "4/6"));
    let line = introduction_line(&app);
    assert!(!line.contains("Phạm Quốc Dũng"), "{line}");
    assert!(line.contains("đồng chí Lê Minh Quang"), "{line}");
    assert!(shows(&app, "Phạm Quốc Dũng"), "still invited, still listed");

    undo(&mut app);
    assert_eq!(delegate(&dir, "Phạm Quốc Dũng"), dung);
    assert!(shows_part(&app, "đồng chí Phạm Quốc Dũng"));
}

#[test]
fn an_undo_while_the_form_is_open_is_not_undone_by_saving_the_form() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    interact(&mut app, |ui| tick(ui, "Phạm Quốc Dũng"));
    assert!(!delegate(&dir, "Phạm Quốc Dũng").attending);

    // The form opened on the unticked row; Ctrl+Z ticks it again; then "Lưu".
    click_row(&mut app, "Phạm Quốc Dũng", "Sửa");
    undo(&mut app);
    assert!(delegate(&dir, "Phạm Quốc Dũng").attending);
    interact(&mut app, |ui| {
        retype(ui, "delegate-title", "Bí thư Đảng ủy phường")?;
        ui.click("Lưu").map(drop)
    });
    let saved = delegate(&dir, "Phạm Quốc Dũng");
    assert_eq!(saved.title, "Bí thư Đảng ủy phường");
    assert!(saved.attending, "the form keeps the tick undo put back");
}

#[test]
fn a_point_with_a_bad_number_is_explained_and_not_saved() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    let before = points(&dir);
    click_in_view(&mut app, "+ Thêm điểm");
    interact(&mut app, |ui| {
        type_into(ui, "point-name", "Sân trường Tiểu học Chợ Quán");
        type_into(ui, "point-host", "Ban Giám hiệu");
        retype(ui, "point-expected", "abc")?;
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    assert_eq!(points(&dir), before, "nothing is written");
    assert!(shows(&app, "Số người dự kiến “abc” không hợp lệ."));

    // A negative number is not a number of people either; neither is a half-typed date.
    interact(&mut app, |ui| {
        retype(ui, "point-expected", "-5")?;
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    assert!(shows(&app, "Số người dự kiến “-5” không hợp lệ."));
    interact(&mut app, |ui| {
        retype(ui, "point-expected", "khoảng 200")?;
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    assert!(shows(&app, "Số người dự kiến “khoảng 200” không hợp lệ."));
    interact(&mut app, |ui| {
        retype(ui, "point-expected", "200")?;
        retype(ui, "point-date", "31/02")?;
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    assert!(shows_part(&app, "Ngày “31/02” không phải ngày hợp lệ"));
    assert_eq!(points(&dir), before, "still nothing written");

    interact(&mut app, |ui| {
        retype(ui, "point-date", "14/08/2026")?;
        let school = PointKind::ALL.iter().position(|k| *k == PointKind::School);
        pick(
            ui,
            "Loại",
            "point-name",
            school.unwrap(),
            PointKind::ALL.len(),
        )?;
        scroll_to(ui, "Lưu");
        ui.click("Lưu").map(drop)
    });
    let saved = points(&dir);
    assert_eq!(saved.len(), before.len() + 1);
    let added = saved
        .iter()
        .find(|p| p.name == "Sân trường Tiểu học Chợ Quán")
        .unwrap();
    let store = reopen(&db(&dir));
    let event = store.event(2026).unwrap().unwrap();
    assert_eq!(
        *added,
        EventPoint {
            id: added.id,
            name: "Sân trường Tiểu học Chợ Quán".into(),
            kind: PointKind::School,
            date: event.date,
            host: "Ban Giám hiệu".into(),
            expected: 200,
            actual: None,
        }
    );
    assert!(shows(&app, "Đã thêm điểm “Sân trường Tiểu học Chợ Quán”."));
}

#[test]
fn removing_a_point_then_undoing_brings_it_back_with_its_id() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    let (before, target) = remove_point(&mut app, &dir, 2);
    assert_eq!(points(&dir).len(), before.len() - 1);
    assert!(points(&dir).iter().all(|p| p.id != target.id));
    assert!(!shows(&app, &target.name));

    click(&mut app, "Hoàn tác (Ctrl+Z)");
    assert_eq!(points(&dir), before, "the same point, the same id");
    assert!(!shows_part(&app, "Đã xóa điểm"), "the notice is gone");
}

#[test]
fn a_point_edited_in_its_row_may_forget_its_actual_count_and_undo_restores_it() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    let target = points(&dir)[1].clone();
    assert!(target.actual.is_some());
    click_row(&mut app, &target.name, "Sửa");
    assert_eq!(points(&dir)[1], target, "opening the form writes nothing");
    interact(&mut app, |ui| {
        retype(ui, "point-actual", "")?;
        retype(ui, "point-expected", "1.250")?;
        let _ = ui.tap_key(Named::Enter);
        Ok(())
    });
    let changed = EventPoint {
        expected: 1250,
        actual: None,
        ..target.clone()
    };
    assert_eq!(points(&dir)[1], changed);
    assert!(shows(&app, "1.250"));

    undo(&mut app);
    assert_eq!(points(&dir)[1], target);
}

#[test]
fn escape_closes_the_draft_and_removing_an_edited_row_closes_it_too() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    click(&mut app, "+ Thêm đại biểu");
    click_in_view(&mut app, "+ Thêm điểm");
    assert!(has_field(&app, "delegate-name"));
    assert!(has_field(&app, "point-name"));
    send(
        &mut app,
        shortcut(key(Named::Escape, iced::keyboard::Modifiers::empty())).unwrap(),
    );
    assert!(!has_field(&app, "delegate-name"));
    assert!(!has_field(&app, "point-name"));

    let lan = delegate(&dir, "Đặng Thị Lan");
    click_row(&mut app, "Đặng Thị Lan", "Sửa");
    assert!(has_field(&app, "delegate-rank"));
    // Her row is the form while it is open, so no "Xóa" can be clicked for her: the removal
    // is sent as her row's button would send it.
    send(
        &mut app,
        Ws::Guests(guests::Message::Delegates(records::Message::Remove(lan.id))),
    );
    assert!(delegates(&dir).iter().all(|d| d.id != lan.id));
    assert!(!has_field(&app, "delegate-rank"), "the form went with her");
    undo(&mut app);
    assert_eq!(delegate(&dir, "Đặng Thị Lan"), lan, "back under her id");
    assert!(
        !has_field(&app, "delegate-rank"),
        "her old draft does not come back with her"
    );
}

#[test]
fn the_undo_notice_always_names_the_newest_change() {
    let (dir, mut app) = demo_in_new_folder(Section::Guests);
    let (before, _) = remove_point(&mut app, &dir, 0);

    let lan = delegate(&dir, "Đặng Thị Lan");
    assert!(!lan.attending);
    interact(&mut app, |ui| tick(ui, "Đặng Thị Lan"));
    assert!(delegate(&dir, "Đặng Thị Lan").attending);
    assert!(
        !shows_part(&app, "Đã xóa điểm"),
        "its “Hoàn tác” would now undo the tick, not the removal"
    );
    undo(&mut app);
    assert_eq!(delegate(&dir, "Đặng Thị Lan"), lan, "the tick first");
    assert_eq!(points(&dir).len(), before.len() - 1);
    undo(&mut app);
    assert_eq!(points(&dir), before, "then the removal");
    let delegates_now = delegates(&dir);
    undo(&mut app);
    assert_eq!(points(&dir), before, "nothing left to undo");
    assert_eq!(delegates(&dir), delegates_now);
}
