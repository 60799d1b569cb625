//! Phần hội on the day, headless (iced_test, tiny-skia) in a 1220×700 window: results typed into
//! the table and saved whole, a wrong value explained, an activity added with its teams and
//! prizes, teams edited, a removal undone. The festival screen is driven on its own: what it
//! emits is written to a real data file as the app would, and the screen is shown again from
//! the reloaded snapshot. The last tests drive the whole app, shortcuts included.

mod common;

use common::*;
use iced::keyboard;
use iced_test::Simulator;
use iced_test::selector::{Target, id};
use ngayhoi::domain::{Activity, ActivityKind};
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::data::Snapshot;
use ngayhoi::gui::records;
use ngayhoi::gui::screen::festival::{self, Cell, Event, Festival, FormField};
use ngayhoi::gui::{App, Section};
use ngayhoi::storage::Store;

/// The 2026 demo festival in a data file, and the festival screen showing it.
struct Day {
    _dir: tempfile::TempDir,
    store: Store,
    data: Snapshot,
    screen: Festival,
}

type Ui<'a> = Simulator<'a, festival::Message>;

impl Day {
    fn new() -> Day {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
        store.fill_demo(&ngayhoi::demo::build()).unwrap();
        let data = Snapshot::load(&store, Some(2026)).unwrap().unwrap();
        Day {
            _dir: dir,
            store,
            data,
            screen: Festival::default(),
        }
    }

    fn ui(&self) -> Ui<'_> {
        Simulator::with_size(
            ngayhoi::gui::settings(),
            ngayhoi::gui::WINDOW_SIZE,
            self.screen.view(&self.data),
        )
    }

    /// Lets `act` use the screen as a person would, feeds what it produced to the screen and
    /// returns what the screen asked the app to do.
    fn act(&mut self, act: impl FnOnce(&mut Ui<'_>) -> Result<(), iced_test::Error>) -> Vec<Event> {
        let messages: Vec<festival::Message> = {
            let mut ui = self.ui();
            act(&mut ui).expect("the interaction succeeds");
            produced(ui)
        };
        messages.into_iter().filter_map(|m| self.send(m)).collect()
    }

    fn send(&mut self, message: festival::Message) -> Option<Event> {
        self.screen.update(message, &self.data).1
    }

    /// Writes the events with the app's own job, tells the screen what it created, reloads.
    fn apply(&mut self, events: Vec<Event>) {
        for event in events {
            let mut job = ngayhoi::gui::jobs::record(self.data.event.id, event);
            for created in job(&mut self.store).unwrap().created {
                self.screen.added(created.id, &created.name);
            }
        }
        self.reload();
    }

    fn reload(&mut self) {
        self.data = Snapshot::load(&self.store, Some(2026)).unwrap().unwrap();
    }

    fn shows(&self, text: &str) -> bool {
        self.ui().find(text).is_ok()
    }

    /// What a text field shows.
    fn field(&self, field: &str) -> String {
        match self.ui().find(id(field.to_string())) {
            Ok(Target::TextInput { content, .. }) => content,
            other => panic!("{field} is not a text field: {other:?}"),
        }
    }

    fn activity(&self, name: &str) -> Activity {
        self.data
            .activities
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no activity “{name}”"))
            .clone()
    }
}

fn rank(activity: &Activity, team: usize) -> String {
    Cell::Rank.input_id(activity.id, team)
}

fn score(activity: &Activity, team: usize) -> String {
    Cell::Score.input_id(activity.id, team)
}

/// Each team's name and results (the store gives teams new ids on every save).
fn results(activity: &Activity) -> Vec<(String, Option<f64>, Option<u32>)> {
    activity
        .teams
        .iter()
        .map(|t| (t.name.clone(), t.score, t.rank))
        .collect()
}

fn ranks(activity: &Activity) -> Vec<Option<u32>> {
    activity.teams.iter().map(|t| t.rank).collect()
}

/// Clicks a field, selects what it holds (Ctrl+A) and types over it.
fn retype(ui: &mut Ui<'_>, field: &str, text: &str) -> Result<(), iced_test::Error> {
    ui.click(id(field.to_string()))?;
    select_all(ui);
    if text.is_empty() {
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
    } else {
        let _ = ui.typewrite(text);
    }
    Ok(())
}

/// The mouse wheel over the content, to reach the end of the list.
fn scroll_to_end(ui: &mut Ui<'_>) {
    ui.point_at(iced::Point::new(600.0, 400.0));
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Lines { x: 0.0, y: -200.0 },
    })]);
}

fn saved(events: &[Event]) -> Activity {
    match events.last() {
        Some(Event::Save(activity)) => activity.clone(),
        other => panic!("expected a save, got {other:?}"),
    }
}

#[test]
fn the_demo_festival_at_a_glance() {
    let day = Day::new();
    for text in [
        "Phần hội · Ngày hội năm 2026",
        "+ Thêm hoạt động",
        "hoạt động",
        "đội tham gia",
        "tiền thưởng đã trao",
        "11.600.000 đ",
        "Kéo co",
        "Thể thao · Sân Ủy ban nhân dân phường · 09:45",
        "Trò chơi dân gian · Sân Ủy ban nhân dân phường · 10:30",
        "Văn nghệ · Nhà văn hóa Khu phố 3 · 19:00",
        "Đội",
        "Điểm",
        "Hạng",
        "Giải",
        "Khu phố 1",
        "Giải Nhất · 1.000.000 đ",
        "Giải Ba · 500.000 đ",
        "Giải Nhất · 2.000.000 đ",
        "Sửa",
        "Xóa",
    ] {
        assert!(day.shows(text), "the screen shows {text:?}");
    }
    let arts = day.activity("Hội diễn văn nghệ “Tiếng hát bình yên”");
    assert_eq!(
        day.field(&score(&arts, 2)),
        "9,5",
        "scores as Vietnamese write them"
    );
    assert_eq!(day.field(&rank(&arts, 2)), "1");
    assert!(
        !day.shows("Xếp hạng theo điểm"),
        "every scored team is ranked already"
    );
    assert!(!day.shows("Chưa có hoạt động nào. Bấm “+ Thêm hoạt động” để thêm."));
}

#[test]
fn typing_ranks_saves_the_whole_activity_with_the_prizes() {
    let mut day = Day::new();
    let tug = day.activity("Kéo co");
    assert_eq!(ranks(&tug), [Some(3), Some(1), Some(2), Some(4), Some(5)]);
    // The judges swap Khu phố 2 and Khu phố 4: two cells typed before any save comes back.
    let events = day.act(|ui| {
        retype(ui, &rank(&tug, 3), "1")?;
        retype(ui, &rank(&tug, 1), "4")
    });
    assert_eq!(events.len(), 2, "each valid value is saved at once");
    let last = saved(&events);
    assert_eq!(last.id, tug.id);
    assert_eq!(
        ranks(&last),
        [Some(3), Some(4), Some(2), Some(1), Some(5)],
        "the second save keeps the first value although the snapshot was not reloaded"
    );
    assert_eq!(last.prize_of(&last.teams[3]).unwrap().label, "Giải Nhất");
    assert_eq!(last.prize_of(&last.teams[1]), None);
    assert_eq!(last.teams[0], tug.teams[0], "other teams are untouched");

    day.apply(events);
    let stored = day.activity("Kéo co");
    assert_eq!(
        ranks(&stored),
        [Some(3), Some(4), Some(2), Some(1), Some(5)]
    );
    assert_eq!(day.field(&rank(&stored, 3)), "1");
    assert!(day.shows("Giải Nhất · 1.000.000 đ"));
    assert!(day.shows("11.600.000 đ"), "the same prizes, other winners");

    // Clearing a rank takes the prize away; the awarded total follows.
    let events = day.act(|ui| retype(ui, &rank(&stored, 0), ""));
    assert_eq!(saved(&events).teams[0].rank, None);
    day.apply(events);
    assert_eq!(day.activity("Kéo co").teams[0].rank, None);
    assert!(day.shows("11.100.000 đ"));
    assert!(day.shows("Tiền thưởng đã trao: 1.700.000 đ / 2.200.000 đ"));

    // An input method that commits Enter as "\r" still gives a clean rank.
    let event = day.send(festival::Message::Result(
        tug.id,
        0,
        Cell::Rank,
        "3\r".into(),
    ));
    assert_eq!(
        saved(&event.into_iter().collect::<Vec<_>>()).teams[0].rank,
        Some(3)
    );
}

#[test]
fn a_value_that_is_not_a_result_is_explained_and_not_saved() {
    let mut day = Day::new();
    let tug = day.activity("Kéo co");
    let events = day.act(|ui| retype(ui, &rank(&tug, 0), "nhất"));
    assert_eq!(events, [], "nothing is saved");
    assert!(day.shows("Hạng phải là số từ 1 trở lên."));
    assert!(day.shows("Khu phố 1:"), "the team is named");
    assert_eq!(
        day.field(&rank(&tug, 0)),
        "nhất",
        "what was typed stays to be corrected"
    );
    for wrong in ["0", "-1", "1,5"] {
        let event = day.send(festival::Message::Result(
            tug.id,
            0,
            Cell::Rank,
            wrong.into(),
        ));
        assert_eq!(event, None, "{wrong:?} is not a rank");
    }
    let event = day.send(festival::Message::Result(
        tug.id,
        0,
        Cell::Rank,
        "41".into(),
    ));
    assert_eq!(event, None);
    assert!(day.shows("Hạng “41” lớn hơn số đội (5)."));

    let events = day.act(|ui| retype(ui, &score(&tug, 1), "abc"));
    assert_eq!(events, []);
    assert!(day.shows("Điểm “abc” không hợp lệ."));

    // Corrected, the value is saved and the messages go.
    let events = day.act(|ui| {
        retype(ui, &rank(&tug, 0), "2")?;
        retype(ui, &score(&tug, 1), "9,5")
    });
    let last = saved(&events);
    assert_eq!(last.teams[0].rank, Some(2));
    assert_eq!(last.teams[1].score, Some(9.5));
    day.apply(events);
    assert!(!day.shows("Hạng phải là số từ 1 trở lên."));
    assert!(!day.shows("Điểm “abc” không hợp lệ."));
    assert_eq!(day.activity("Kéo co").teams[1].score, Some(9.5));
    assert_eq!(day.field(&score(&tug, 1)), "9,5");
}

#[test]
fn a_reload_never_overwrites_a_half_typed_value() {
    let mut day = Day::new();
    let tug = day.activity("Kéo co");
    let events = day.act(|ui| retype(ui, &score(&tug, 0), "9,"));
    assert_eq!(saved(&events).teams[0].score, Some(9.0));
    day.apply(events);
    assert_eq!(day.activity("Kéo co").teams[0].score, Some(9.0));
    assert_eq!(day.field(&score(&tug, 0)), "9,", "not “9” from the file");
    let events = day.act(|ui| {
        ui.click(id(score(&tug, 0)))?;
        let _ = ui.typewrite("5");
        Ok(())
    });
    assert_eq!(saved(&events).teams[0].score, Some(9.5));
    day.apply(events);

    // The activity leaves the file (and comes back under the same id): the typing is gone.
    day.store.delete_activity(tug.id).unwrap();
    day.reload();
    assert_eq!(day.send(festival::Message::Cancel), None);
    let mut back = tug.clone();
    back.teams[0].score = Some(7.0);
    day.store.add_activity(day.data.event.id, &back).unwrap();
    day.reload();
    assert_eq!(day.field(&score(&tug, 0)), "7");
}

#[test]
fn one_undo_step_per_cell_typed() {
    let mut day = Day::new();
    let tug = day.activity("Kéo co");
    assert!(!day.screen.can_undo());
    let events = day.act(|ui| retype(ui, &score(&tug, 0), "8,75"));
    assert_eq!(saved(&events).teams[0].score, Some(8.75));
    day.apply(events);
    assert!(day.screen.can_undo());
    let undo = day.send(festival::Message::Undo);
    assert_eq!(
        undo,
        Some(Event::Save(tug.clone())),
        "back to before the cell was typed"
    );
    day.apply(undo.into_iter().collect());
    assert!(!day.screen.can_undo());
    assert_eq!(results(&day.activity("Kéo co")), results(&tug));
    assert_eq!(day.field(&score(&tug, 0)), "");
}

#[test]
fn scores_without_ranks_can_be_ranked_in_one_click() {
    let mut day = Day::new();
    let areas = day.data.areas.clone();
    let mut contest = Activity::new(ActivityKind::Arts, "Thi hát karaoke", "Nhà văn hóa", &areas);
    for (team, score) in contest.teams.iter_mut().zip([8.0, 9.5, 9.0, 9.5, 7.5]) {
        team.score = Some(score);
    }
    day.store.add_activity(day.data.event.id, &contest).unwrap();
    day.reload();
    let contest = day.activity("Thi hát karaoke");
    let events = day.act(|ui| {
        scroll_to_end(ui);
        ui.click("Xếp hạng theo điểm").map(drop)
    });
    let ranked = saved(&events);
    assert_eq!(
        ranks(&ranked),
        [Some(4), Some(1), Some(3), Some(1), Some(5)]
    );
    day.apply(events);
    assert_eq!(ranks(&day.activity("Thi hát karaoke")), ranks(&ranked));
    assert!(!day.shows("Xếp hạng theo điểm"));
    assert_eq!(day.field(&rank(&contest, 1)), "1");
    assert_eq!(
        day.send(festival::Message::Undo),
        Some(Event::Save(contest)),
        "ranking is undone whole"
    );
}

#[test]
fn adding_an_activity_with_its_teams_and_prizes() {
    let mut day = Day::new();
    let events = day.act(|ui| ui.click("+ Thêm hoạt động").map(drop));
    assert_eq!(events, []);
    assert!(day.shows("Thêm hoạt động"));
    assert_eq!(
        day.field("activity-teams"),
        "Khu phố 1; Khu phố 2; Khu phố 3; Khu phố 4; Khu phố 5",
        "one team per residential area"
    );
    assert_eq!(day.field("prize-1"), "1.000.000");
    assert_eq!(
        day.send(festival::Message::Activities(records::Message::Chosen(
            ActivityKind::FolkGame
        ))),
        None
    );
    let events = day.act(|ui| {
        retype(ui, "activity-name", "Đẩy gậy")?;
        retype(ui, "activity-start", "7h30")?;
        retype(ui, "activity-teams", "Tổ 1; Tổ 2")?;
        retype(ui, "prize-1", "1.000.000")?;
        retype(ui, "prize-2", "")?;
        retype(ui, "prize-3", "")?;
        ui.click("Lưu").map(drop)
    });
    let [Event::Add(added)] = events.as_slice() else {
        panic!("expected one addition, got {events:?}");
    };
    assert_eq!(added.id, 0, "a new activity");
    assert_eq!(added.name, "Đẩy gậy");
    assert_eq!(added.kind, ActivityKind::FolkGame);
    assert_eq!(added.start.unwrap().format("%H:%M").to_string(), "07:30");
    assert_eq!(
        added
            .teams
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>(),
        ["Tổ 1", "Tổ 2"]
    );
    assert_eq!(added.prizes.len(), 1);
    assert_eq!(added.prizes[0].label, "Giải Nhất");
    assert_eq!(added.prizes[0].amount, 1_000_000);

    day.apply(events);
    let stored = day.activity("Đẩy gậy");
    assert_eq!(stored.teams.len(), 2);
    assert!(!day.shows("Thêm hoạt động"), "the form is closed");
    assert!(day.shows("Đã thêm “Đẩy gậy”."));
    assert!(day.shows("Trò chơi dân gian · 07:30"));
    assert!(day.shows("12.600.000 đ"), "a million more planned");

    // The new activity's results are typed like any other.
    let events = day.act(|ui| {
        scroll_to_end(ui);
        retype(ui, &rank(&stored, 1), "1")
    });
    day.apply(events);
    assert_eq!(day.activity("Đẩy gậy").teams[1].rank, Some(1));
    assert!(day.shows("Tiền thưởng đã trao: 1.000.000 đ / 1.000.000 đ"));

    // Undo the rank, then the addition itself.
    let undo = day.send(festival::Message::Undo).unwrap();
    day.apply(vec![undo]);
    assert_eq!(
        day.send(festival::Message::Undo),
        Some(Event::Remove(stored.id))
    );
}

#[test]
fn a_form_that_cannot_be_saved_says_why() {
    let mut day = Day::new();
    day.send(festival::Message::Activities(records::Message::New));
    let edit = |field, value: &str| {
        festival::Message::Activities(records::Message::Edited(field, value.into()))
    };
    assert_eq!(
        day.send(festival::Message::Activities(records::Message::Save)),
        None
    );
    assert!(day.shows("Tên hoạt động không được để trống."));
    day.send(edit(FormField::Name, "Cờ tướng"));
    day.send(edit(FormField::Start, "25h"));
    assert_eq!(
        day.send(festival::Message::Activities(records::Message::Save)),
        None
    );
    assert!(day.shows("Giờ bắt đầu “25h” không hợp lệ. Ví dụ: 09:00 hoặc 7h30."));
    day.send(edit(FormField::Start, "8 giờ"));
    day.send(edit(FormField::Prize(1), "một triệu"));
    assert_eq!(
        day.send(festival::Message::Activities(records::Message::Save)),
        None
    );
    assert!(day.shows("Số tiền Giải Nhì “một triệu” không hợp lệ. Ví dụ: 1.000.000."));
    day.send(edit(FormField::Prize(1), "700.000"));
    day.send(edit(FormField::Teams, "Tổ 1; Tổ 2; Tổ 1"));
    assert_eq!(
        day.send(festival::Message::Activities(records::Message::Save)),
        None
    );
    assert!(day.shows("Đội “Tổ 1” được nhập hai lần."));
    // "Hủy" closes the form and adds nothing.
    let events = day.act(|ui| ui.click("Hủy").map(drop));
    assert_eq!(events, []);
    assert!(!day.shows("Thêm hoạt động"));
}

#[test]
fn renaming_a_team_keeps_the_results_of_the_others() {
    let mut day = Day::new();
    let tug = day.activity("Kéo co");
    let events = day.act(|ui| ui.click("Sửa").map(drop));
    assert_eq!(events, []);
    assert!(day.shows("Sửa hoạt động"));
    assert_eq!(day.field("activity-name"), "Kéo co");
    assert_eq!(day.field("activity-start"), "09:45");
    let events = day.act(|ui| {
        retype(
            ui,
            "activity-teams",
            "Khu phố 1; Khu phố 2; Khu phố 3; Khu phố 4; Tổ dân phố 6",
        )?;
        ui.click("Lưu").map(drop)
    });
    let edited = saved(&events);
    assert_eq!(edited.id, tug.id);
    assert_eq!(&edited.teams[..4], &tug.teams[..4], "results kept");
    assert_eq!(edited.teams[4].name, "Tổ dân phố 6");
    assert_eq!(edited.teams[4].rank, None);
    day.apply(events);
    assert_eq!(ranks(&day.activity("Kéo co"))[..4], ranks(&tug)[..4]);
    assert!(day.shows("Tổ dân phố 6"));

    let undo = day.send(festival::Message::Undo).unwrap();
    day.apply(vec![undo]);
    assert_eq!(results(&day.activity("Kéo co")), results(&tug));
}

#[test]
fn removing_an_activity_then_undoing_brings_it_back_with_its_id() {
    let mut day = Day::new();
    let tug = day.activity("Kéo co");
    let events = day.act(|ui| ui.click("Xóa").map(drop));
    assert_eq!(events, [Event::Remove(tug.id)]);
    day.apply(events);
    assert_eq!(day.data.activities.len(), 4);
    assert!(day.shows("Đã xóa “Kéo co”."));
    assert!(!day.shows("Kéo co"));
    assert!(day.shows("9.400.000 đ"));

    let events = day.act(|ui| ui.click("Hoàn tác (Ctrl+Z)").map(drop));
    assert_eq!(
        events,
        [Event::Add(tug.clone())],
        "the old id, results and all"
    );
    day.apply(events);
    let back = day.activity("Kéo co");
    assert_eq!(back.id, tug.id);
    assert_eq!(results(&back), results(&tug));
    assert!(!day.shows("Đã xóa “Kéo co”."));
    assert!(day.shows("11.600.000 đ"));
    assert!(!day.screen.can_undo());
}

#[test]
fn an_empty_festival_says_how_to_start() {
    let mut day = Day::new();
    for activity in day.data.activities.clone() {
        day.store.delete_activity(activity.id).unwrap();
    }
    day.reload();
    assert!(day.shows("Chưa có hoạt động nào. Bấm “+ Thêm hoạt động” để thêm."));
    assert!(day.shows("0 đ"));
    assert!(day.shows("+ Thêm hoạt động"));
}

// The whole app: the sidebar, Ctrl+N and Ctrl+Z, the storage queue.

fn festival_app(dir: &tempfile::TempDir) -> App {
    let mut app = demo_app(dir);
    interact(&mut app, |ui| ui.click("Phần hội").map(drop));
    assert_eq!(app.section(), Some(Section::Festival));
    app
}

fn activities(dir: &tempfile::TempDir) -> Vec<Activity> {
    let store = reopen(&db(dir));
    let event = store.event(2026).unwrap().unwrap();
    store.activities(event.id).unwrap()
}

fn in_app(message: festival::Message) -> ngayhoi::gui::Message {
    ngayhoi::gui::workspace::Message::Festival(message).into()
}

#[test]
fn in_the_app_a_typed_rank_is_saved_and_ctrl_z_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    assert!(
        shows(&app, "11.600.000 đ"),
        "the demo's awarded prize money"
    );
    let tug = activities(&dir)[0].clone();
    assert_eq!(tug.name, "Kéo co");
    // Khu phố 4 (index 3) is 4th; the secretary corrects it to 1st.
    let field = rank(&tug, 3);
    interact(&mut app, |ui| {
        ui.click(id(field.clone()))?;
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
        let _ = ui.typewrite("1");
        Ok(())
    });
    let saved = activities(&dir)[0].clone();
    assert_eq!(saved.teams[3].rank, Some(1));
    assert_eq!(saved.prize_of(&saved.teams[3]).unwrap().label, "Giải Nhất");
    assert!(shows(&app, "Giải Nhất · 1.000.000 đ"));

    send(
        &mut app,
        in_app(festival::Message::Result(
            tug.id,
            0,
            Cell::Rank,
            "nhất".into(),
        )),
    );
    assert!(shows(&app, "Hạng phải là số từ 1 trở lên."));
    assert_eq!(activities(&dir)[0].teams[0].rank, Some(3));

    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert_eq!(
        activities(&dir)[0].teams[3].rank,
        Some(4),
        "one undo restores the typed cell"
    );
}

#[test]
fn in_the_app_ctrl_n_adds_an_activity_that_ctrl_z_takes_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    send(&mut app, shortcut(ctrl("n")).unwrap());
    assert!(shows(&app, "Thêm hoạt động"));
    let edit = |field, value: &str| {
        in_app(festival::Message::Activities(records::Message::Edited(
            field,
            value.into(),
        )))
    };
    send(&mut app, edit(FormField::Name, "Đẩy gậy"));
    send(&mut app, edit(FormField::Start, "15h30"));
    send(&mut app, edit(FormField::Teams, "Tổ 1; Tổ 2 ; "));
    send(&mut app, edit(FormField::Prize(0), "1.000.000 đ"));
    send(&mut app, edit(FormField::Prize(1), ""));
    send(&mut app, edit(FormField::Prize(2), ""));
    // An input method's Enter (IBus commits it as "\r") in a field submits the form.
    interact(&mut app, |ui| {
        ui.click(id("activity-teams"))?;
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Commit("\r".into()),
        )]);
        Ok(())
    });
    let added = activities(&dir)
        .into_iter()
        .find(|a| a.name == "Đẩy gậy")
        .unwrap();
    assert_eq!(
        added
            .teams
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>(),
        ["Tổ 1", "Tổ 2"]
    );
    assert_eq!(added.prizes.len(), 1);
    assert_eq!(added.prizes[0].amount, 1_000_000);
    assert_eq!(added.start.unwrap().format("%H:%M").to_string(), "15:30");
    assert!(shows(&app, "Đã thêm “Đẩy gậy”."));

    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert!(activities(&dir).iter().all(|a| a.name != "Đẩy gậy"));
}

#[test]
fn in_the_app_a_removal_is_undone_with_its_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    let before = activities(&dir);
    let sack = before
        .iter()
        .find(|a| a.name == "Nhảy bao bố")
        .unwrap()
        .clone();
    send(
        &mut app,
        in_app(festival::Message::Activities(records::Message::Remove(
            sack.id,
        ))),
    );
    assert_eq!(activities(&dir).len(), before.len() - 1);
    send(&mut app, shortcut(ctrl("z")).unwrap());
    let back = activities(&dir)
        .into_iter()
        .find(|a| a.id == sack.id)
        .unwrap();
    assert_eq!(
        back.teams.iter().map(|t| t.rank).collect::<Vec<_>>(),
        ranks(&sack)
    );
    assert_eq!(back.prize_money_awarded(), sack.prize_money_awarded());
}
