//! Delegates and event points as a secretary keeps them: typed in with Enter, ticked off on the
//! day, and every change undoable; the MC's introduction follows.
//!
//! Two levels: the whole window (the app turns the screen's events into writes), and the screen
//! alone on its desk, where each test checks the exact events it asks for and writes them itself.

mod common;

use common::*;
use iced_test::selector::{Candidate, id};
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::records;
use ngayhoi::gui::screen::guests;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Section};

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
    send(&mut app, Ws::Guests(guests::Message::Attending(id, false)));
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
fn an_undo_while_the_form_is_open_is_not_undone_by_saving_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = guests_app(&dir);
    let dung = |dir: &tempfile::TempDir| {
        delegates(dir)
            .into_iter()
            .find(|d| d.name == "Phạm Quốc Dũng")
            .unwrap()
    };
    let id = dung(&dir).id;
    send(&mut app, Ws::Guests(guests::Message::Attending(id, false)));
    assert!(!dung(&dir).attending);

    // The form opened on the unticked row; Ctrl+Z ticks it again; then "Lưu".
    send(
        &mut app,
        Ws::Guests(guests::Message::Delegates(records::Message::Edit(id))),
    );
    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert!(dung(&dir).attending);
    send(
        &mut app,
        Ws::Guests(guests::Message::Delegates(records::Message::Edited(
            guests::DelegateField::Title,
            "Bí thư Đảng ủy phường".into(),
        ))),
    );
    send(
        &mut app,
        Ws::Guests(guests::Message::Delegates(records::Message::Save)),
    );
    let saved = dung(&dir);
    assert_eq!(saved.title, "Bí thư Đảng ủy phường");
    assert!(saved.attending, "the form keeps the tick undo put back");
}

#[test]
fn a_point_with_a_bad_number_is_explained_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = guests_app(&dir);
    send(
        &mut app,
        Ws::Guests(guests::Message::Points(records::Message::New)),
    );
    let edit = |field, value: &str| {
        Ws::Guests(guests::Message::Points(records::Message::Edited(
            field,
            value.into(),
        )))
    };
    send(
        &mut app,
        edit(guests::PointField::Name, "Sân trường Tiểu học Chợ Quán"),
    );
    send(&mut app, edit(guests::PointField::Expected, "khoảng 200"));
    send(
        &mut app,
        Ws::Guests(guests::Message::Points(records::Message::Save)),
    );
    assert!(shows(&app, "Số người dự kiến “khoảng 200” không hợp lệ."));
    let store = reopen(&db(&dir));
    let event = store.event(2026).unwrap().unwrap();
    assert_eq!(store.points(event.id).unwrap().len(), 5);

    send(&mut app, edit(guests::PointField::Expected, "200"));
    send(
        &mut app,
        Ws::Guests(guests::Message::Points(records::Message::Save)),
    );
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
        Ws::Guests(guests::Message::Points(records::Message::Remove(target.id))),
    );
    assert!(shows(&app, &format!("Đã xóa điểm “{}”.", target.name)));
    assert_eq!(
        reopen(&db(&dir)).points(event.id).unwrap().len(),
        before.len() - 1
    );
    interact(&mut app, |ui| ui.click("Hoàn tác (Ctrl+Z)").map(drop));
    assert_eq!(reopen(&db(&dir)).points(event.id).unwrap(), before);
}

// ---------------------------------------------------------------------------------------------
// The screen alone: its events checked one by one, written to the store by the test.

use iced::{Point, Rectangle, keyboard, mouse};
use iced_test::Simulator;
use ngayhoi::domain::{Delegate, EventPoint, PointKind};
use ngayhoi::gui::data::Snapshot;
use ngayhoi::gui::screen::guests::{Event, Guests};
use ngayhoi::storage::Store;

/// The screen over a demo file, as the app would hold it.
struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    data: Snapshot,
    screen: Guests,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
        store.fill_demo(&ngayhoi::demo::build()).unwrap();
        let data = Snapshot::load(&store, Some(2026)).unwrap().unwrap();
        Desk {
            _dir: dir,
            store,
            data,
            screen: Guests::default(),
        }
    }

    fn simulator(&self) -> Simulator<'_, guests::Message> {
        Simulator::with_size(
            ngayhoi::gui::settings(),
            ngayhoi::gui::WINDOW_SIZE,
            self.screen.view(&self.data),
        )
    }

    /// Uses the screen as a person would; returns the events its messages produced.
    fn act(
        &mut self,
        act: impl FnOnce(&mut Simulator<'_, guests::Message>) -> Result<(), iced_test::Error>,
    ) -> Vec<Event> {
        let messages: Vec<guests::Message> = {
            let mut ui = self.simulator();
            act(&mut ui).expect("the interaction succeeds");
            produced(ui)
        };
        messages
            .into_iter()
            .filter_map(|message| self.send(message))
            .collect()
    }

    fn send(&mut self, message: guests::Message) -> Option<Event> {
        self.screen.update(message, &self.data).1
    }

    /// Writes an event as the app's jobs do, tells the screen a new row's id, reloads.
    /// Writes an event with the app's own job and tells the screen what the job created.
    fn apply(&mut self, event: Event) {
        let mut job = ngayhoi::gui::jobs::guests(self.data.event.id, event);
        let done = job(&mut self.store).unwrap();
        for created in &done.created {
            self.screen.added(created);
        }
        self.data = Snapshot::load(&self.store, Some(2026)).unwrap().unwrap();
    }

    fn shows(&self, text: &str) -> bool {
        self.simulator().find(text).is_ok()
    }

    /// True if some text on the screen contains `part`.
    fn shows_part(&self, part: &str) -> bool {
        self.simulator()
            .find(|candidate: Candidate<'_>| match candidate {
                Candidate::Text { content, .. } if content.contains(part) => Some(()),
                _ => None,
            })
            .is_ok()
    }

    /// The preview line of the MC's introductions.
    fn introduction_line(&self) -> String {
        self.simulator()
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

    fn delegate(&self, name: &str) -> Delegate {
        self.data
            .delegates
            .iter()
            .find(|d| d.name == name)
            .unwrap()
            .clone()
    }
}

/// Where on screen a text is, if it is visible.
fn visible(ui: &mut Simulator<'_, guests::Message>, wanted: &str) -> Option<Rectangle> {
    ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            content,
            visible_bounds,
            ..
        } if content == wanted => visible_bounds,
        _ => None,
    })
    .ok()
}

/// Where on screen the field with this id is, if it is visible.
fn visible_field(
    ui: &mut Simulator<'_, guests::Message>,
    wanted: &'static str,
) -> Option<Rectangle> {
    ui.find(id(wanted))
        .ok()
        .and_then(|target| target.visible_bounds())
}

/// Turns the mouse wheel down over the page until `look` sees what it looks for, as one
/// does when something is below the 700 px fold.
fn reveal(
    ui: &mut Simulator<'_, guests::Message>,
    what: &str,
    mut look: impl FnMut(&mut Simulator<'_, guests::Message>) -> Option<Rectangle>,
) -> Rectangle {
    for _ in 0..10 {
        if let Some(bounds) = look(ui) {
            return bounds;
        }
        ui.point_at(Point::new(600.0, 400.0));
        let _ = ui.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Lines { x: 0.0, y: -3.0 },
        })]);
    }
    panic!("“{what}” never came into view");
}

fn scroll_to(ui: &mut Simulator<'_, guests::Message>, wanted: &str) -> Rectangle {
    reveal(ui, wanted, |ui| visible(ui, wanted))
}

/// Scrolls to the field with this id and clicks it.
fn click_field(ui: &mut Simulator<'_, guests::Message>, wanted: &'static str) {
    let bounds = reveal(ui, wanted, |ui| visible_field(ui, wanted));
    click_at(ui, bounds.center());
}

fn click_at(ui: &mut Simulator<'_, guests::Message>, point: Point) {
    ui.point_at(point);
    let _ = ui.simulate(iced_test::simulator::click());
}

/// Clicks the text `label` (a "Sửa", a "Xóa") on the row that shows `row`.
fn click_in_row(
    ui: &mut Simulator<'_, guests::Message>,
    row: &str,
    label: &str,
) -> Result<(), iced_test::Error> {
    let y = scroll_to(ui, row).center_y();
    let target = ui.find(|candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            content,
            visible_bounds: Some(bounds),
            ..
        } if content == label && bounds.y <= y && y <= bounds.y + bounds.height => Some(bounds),
        _ => None,
    })?;
    click_at(ui, target.center());
    Ok(())
}

#[test]
fn the_screen_adds_a_delegate_typed_with_enter_after_the_others() {
    let mut desk = Desk::new();
    assert!(desk.shows("Đại biểu và điểm tổ chức · Năm 2026"));
    assert!(desk.shows("Đại biểu (theo thứ tự giới thiệu)"));
    assert!(desk.shows("5/6"), "five of six demo delegates attend");

    assert_eq!(desk.send(guests::Message::New), None);
    let events = desk.act(|ui| {
        ui.click(id("delegate-name"))?;
        let _ = ui.typewrite("Hồ Thị Thu Trang");
        ui.click(id("delegate-title"))?;
        let _ = ui.typewrite("Bí thư Đoàn phường");
        ui.click(id("delegate-organisation"))?;
        let _ = ui.typewrite("Đoàn Thanh niên phường Chợ Quán");
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    });
    let expected = Delegate {
        id: 0,
        name: "Hồ Thị Thu Trang".into(),
        title: "Bí thư Đoàn phường".into(),
        organisation: "Đoàn Thanh niên phường Chợ Quán".into(),
        rank: 7,
        attending: true,
    };
    assert_eq!(
        events,
        vec![Event::Delegates(records::Event::Add(expected))]
    );
    desk.apply(events[0].clone());

    let added = desk.delegate("Hồ Thị Thu Trang");
    assert_eq!(desk.data.delegates.last(), Some(&added), "protocol order");
    assert!(desk.shows("Hồ Thị Thu Trang"));
    assert!(desk.shows("Đã thêm đại biểu Hồ Thị Thu Trang."));
    assert!(!desk.shows_part("Nguyễn Văn A"), "the draft row is closed");
    assert!(desk.introduction_line().ends_with(
        "; đồng chí Hồ Thị Thu Trang, Bí thư Đoàn phường Đoàn Thanh niên phường Chợ Quán."
    ));

    assert!(desk.screen.can_undo());
    let undo = desk.act(|ui| ui.click("Hoàn tác (Ctrl+Z)").map(drop));
    assert_eq!(
        undo,
        vec![Event::Delegates(records::Event::Remove(added.id))]
    );
    desk.apply(undo[0].clone());
    assert!(!desk.shows("Hồ Thị Thu Trang"));
    assert!(!desk.screen.can_undo());
}

#[test]
fn the_screen_takes_an_input_method_enter_as_submit() {
    let mut desk = Desk::new();
    desk.send(guests::Message::New);
    let events = desk.act(|ui| {
        ui.click(id("delegate-name"))?;
        // IBus commits the word being composed together with Enter as "\r"; the name is also
        // decomposed (NFD), as some keyboards send it.
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Commit("Lê Văn Nghi\u{0303}a\r".into()),
        )]);
        Ok(())
    });
    let [Event::Delegates(records::Event::Add(delegate))] = events.as_slice() else {
        panic!("one delegate is added: {events:?}");
    };
    assert_eq!(delegate.name, "Lê Văn Nghĩa");
    assert_eq!(delegate.rank, 7);
}

#[test]
fn unticking_dự_on_the_screen_leaves_the_delegate_out_of_the_introduction() {
    let mut desk = Desk::new();
    let dung = desk.delegate("Phạm Quốc Dũng");
    assert!(dung.attending);
    assert!(
        desk.introduction_line()
            .contains("đồng chí Phạm Quốc Dũng, Bí thư Đảng ủy phường Chợ Quán")
    );

    let events = desk.act(|ui| {
        // The box sits at the left of the "Dự" column, as its heading does.
        let column = visible(ui, "Dự").expect("the “Dự” column").x + 8.0;
        let row = visible(ui, "Phạm Quốc Dũng").expect("his row").center_y();
        click_at(ui, Point::new(column, row));
        Ok(())
    });
    assert_eq!(
        events,
        vec![Event::Delegates(records::Event::Save(Delegate {
            attending: false,
            ..dung.clone()
        }))]
    );
    desk.apply(events[0].clone());
    assert!(!desk.delegate("Phạm Quốc Dũng").attending);
    assert!(desk.shows("4/6"));
    let line = desk.introduction_line();
    assert!(!line.contains("Phạm Quốc Dũng"), "{line}");
    assert!(line.contains("đồng chí Lê Minh Quang"), "{line}");
    assert!(desk.shows("Phạm Quốc Dũng"), "still invited, still listed");

    assert_eq!(
        desk.send(guests::Message::Undo),
        Some(Event::Delegates(records::Event::Save(dung)))
    );
}

#[test]
fn a_point_with_a_bad_number_is_explained_on_the_screen_and_nothing_is_asked() {
    let mut desk = Desk::new();
    let before = desk.data.points.clone();
    let events = desk.act(|ui| {
        scroll_to(ui, "+ Thêm điểm");
        ui.click("+ Thêm điểm").map(drop)
    });
    assert!(events.is_empty());
    let events = desk.act(|ui| {
        click_field(ui, "point-name");
        let _ = ui.typewrite("Sân trường Tiểu học Chợ Quán");
        click_field(ui, "point-host");
        let _ = ui.typewrite("Ban Giám hiệu");
        click_field(ui, "point-expected");
        select_all(ui);
        let _ = ui.typewrite("abc");
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    });
    assert_eq!(events, vec![], "nothing is written");
    assert!(desk.shows("Số người dự kiến “abc” không hợp lệ."));

    // A negative number is not a number of people either; neither is a half-typed date.
    desk.send(guests::Message::Points(records::Message::Edited(
        guests::PointField::Expected,
        "-5".into(),
    )));
    assert_eq!(
        desk.send(guests::Message::Points(records::Message::Save)),
        None
    );
    assert!(desk.shows("Số người dự kiến “-5” không hợp lệ."));
    desk.send(guests::Message::Points(records::Message::Edited(
        guests::PointField::Expected,
        "200".into(),
    )));
    desk.send(guests::Message::Points(records::Message::Edited(
        guests::PointField::Date,
        "31/02".into(),
    )));
    assert_eq!(
        desk.send(guests::Message::Points(records::Message::Save)),
        None
    );
    assert!(desk.shows_part("Ngày “31/02” không phải ngày hợp lệ"));
    desk.send(guests::Message::Points(records::Message::Edited(
        guests::PointField::Date,
        "14/08/2026".into(),
    )));
    desk.send(guests::Message::Points(records::Message::Chosen(
        PointKind::School,
    )));

    let Some(Event::Points(records::Event::Add(point))) =
        desk.send(guests::Message::Points(records::Message::Save))
    else {
        panic!("a valid point is added");
    };
    assert_eq!(
        point,
        EventPoint {
            id: 0,
            name: "Sân trường Tiểu học Chợ Quán".into(),
            kind: PointKind::School,
            date: desk.data.event.date,
            host: "Ban Giám hiệu".into(),
            expected: 200,
            actual: None,
        }
    );
    desk.apply(Event::Points(records::Event::Add(point)));
    assert_eq!(desk.data.points.len(), before.len() + 1);
    assert!(desk.shows("Đã thêm điểm “Sân trường Tiểu học Chợ Quán”."));
}

#[test]
fn a_point_removed_on_the_screen_comes_back_with_its_id() {
    let mut desk = Desk::new();
    let before = desk.data.points.clone();
    let target = before[2].clone();
    let events = desk.act(|ui| click_in_row(ui, &target.name, "Xóa"));
    assert_eq!(
        events,
        vec![Event::Points(records::Event::Remove(target.id))]
    );
    desk.apply(events[0].clone());
    assert_eq!(desk.data.points.len(), before.len() - 1);
    assert!(!desk.shows(&target.name));
    assert!(desk.shows(&format!("Đã xóa điểm “{}”.", target.name)));

    let undo = desk.act(|ui| ui.click("Hoàn tác (Ctrl+Z)").map(drop));
    assert_eq!(
        undo,
        vec![Event::Points(records::Event::Add(target.clone()))]
    );
    desk.apply(undo[0].clone());
    assert_eq!(desk.data.points, before, "the same point, the same id");
    assert!(!desk.shows_part("Đã xóa điểm"), "the notice is gone");
}

#[test]
fn a_point_edited_in_its_row_may_forget_its_actual_count_and_undo_restores_it() {
    let mut desk = Desk::new();
    let target = desk.data.points[1].clone();
    assert!(target.actual.is_some());
    let events = desk.act(|ui| click_in_row(ui, &target.name, "Sửa"));
    assert!(events.is_empty());
    let events = desk.act(|ui| {
        click_field(ui, "point-actual");
        select_all(ui);
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
        click_field(ui, "point-expected");
        select_all(ui);
        let _ = ui.typewrite("1.250");
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    });
    let changed = EventPoint {
        expected: 1250,
        actual: None,
        ..target.clone()
    };
    assert_eq!(
        events,
        vec![Event::Points(records::Event::Save(changed.clone()))]
    );
    desk.apply(events[0].clone());
    assert_eq!(desk.data.points[1], changed);
    assert!(desk.shows("1.250"));

    assert_eq!(
        desk.send(guests::Message::Undo),
        Some(Event::Points(records::Event::Save(target)))
    );
}

#[test]
fn escape_closes_the_draft_and_removing_an_edited_row_closes_it_too() {
    let mut desk = Desk::new();
    desk.send(guests::Message::New);
    desk.send(guests::Message::Points(records::Message::New));
    assert!(desk.simulator().find(id("delegate-name")).is_ok());
    assert!(desk.simulator().find(id("point-name")).is_ok());
    assert_eq!(desk.send(guests::Message::Cancel), None);
    assert!(desk.simulator().find(id("delegate-name")).is_err());
    assert!(desk.simulator().find(id("point-name")).is_err());

    let lan = desk.delegate("Đặng Thị Lan");
    desk.send(guests::Message::Delegates(records::Message::Edit(lan.id)));
    assert!(desk.simulator().find(id("delegate-rank")).is_ok());
    assert_eq!(
        desk.send(guests::Message::Delegates(records::Message::Remove(lan.id))),
        Some(Event::Delegates(records::Event::Remove(lan.id)))
    );
    desk.apply(Event::Delegates(records::Event::Remove(lan.id)));
    let undo = desk
        .send(guests::Message::Undo)
        .expect("undo puts her back");
    desk.apply(undo);
    assert_eq!(desk.delegate("Đặng Thị Lan"), lan);
    assert!(
        desk.simulator().find(id("delegate-rank")).is_err(),
        "her old draft does not come back with her"
    );
}

#[test]
fn the_undo_notice_always_names_the_newest_change() {
    let mut desk = Desk::new();
    let point = desk.data.points[0].clone();
    let removed = desk
        .send(guests::Message::Points(records::Message::Remove(point.id)))
        .unwrap();
    desk.apply(removed);
    assert!(desk.shows(&format!("Đã xóa điểm “{}”.", point.name)));

    let lan = desk.delegate("Đặng Thị Lan");
    let ticked = desk.send(guests::Message::Attending(lan.id, true)).unwrap();
    desk.apply(ticked);
    assert!(
        !desk.shows_part("Đã xóa điểm"),
        "its “Hoàn tác” would now undo the tick, not the removal"
    );
    assert_eq!(
        desk.send(guests::Message::Undo),
        Some(Event::Delegates(records::Event::Save(lan)))
    );
    assert_eq!(
        desk.send(guests::Message::Undo),
        Some(Event::Points(records::Event::Add(point)))
    );
    assert!(!desk.screen.can_undo());
}
