//! Phần hội on the day, through the whole app (headless, iced_test with tiny-skia, in a
//! 1220×700 window): results typed into the table and saved whole, a wrong value explained,
//! an activity added with its teams and prizes, teams edited, a removal undone. Every test
//! clicks and types as the secretary does; the workspace builds the jobs, the app's writer
//! runs them on a real data file, and the test reads what the screen shows and what the file
//! holds.

mod common;

use common::*;
use iced::keyboard;
use iced_test::selector::id;
use ngayhoi::domain::{Activity, ActivityKind};
use ngayhoi::gui::screen::festival::Cell;
use ngayhoi::gui::{App, Section};
use ngayhoi::storage::Store;

/// The 2026 demo in a data file, the app open on "Phần hội".
struct Day {
    dir: tempfile::TempDir,
    app: App,
}

impl Day {
    fn new() -> Day {
        let (dir, app) = demo_in_new_folder(Section::Festival);
        Day { dir, app }
    }

    /// A new day, and its tug of war ("Kéo co") as the file holds it.
    fn with_tug_of_war() -> (Day, Activity) {
        let day = Day::new();
        let tug = day.activity("Kéo co");
        (day, tug)
    }

    /// Uses the window as a person would; what it asked is written before this returns.
    fn act(
        &mut self,
        act: impl FnOnce(
            &mut iced_test::Simulator<'_, ngayhoi::gui::Message>,
        ) -> Result<(), iced_test::Error>,
    ) {
        interact(&mut self.app, act);
    }

    /// Commits `text` into the cell `id` at once, over what it holds, as a paste or an input
    /// method does.
    fn commit_over(&mut self, id: &str, text: &str) {
        self.act(|ui| {
            click_field(ui, id);
            select_all(ui);
            commit(ui, text);
            Ok(())
        });
    }

    /// The open form's `fields` retyped (id, text), then "Lưu".
    fn save_with(&mut self, fields: &[(&str, &str)]) {
        self.act(|ui| {
            for (id, text) in fields {
                retype(ui, id, text)?;
            }
            ui.click("Lưu").map(drop)
        });
    }

    fn shows(&self, text: &str) -> bool {
        shows(&self.app, text)
    }

    fn field(&self, id: &str) -> String {
        field(&self.app, id)
    }

    /// The activities the data file holds for 2026.
    fn stored(&self) -> Vec<Activity> {
        activities(&self.dir)
    }

    /// The activity of that name in the data file.
    fn activity(&self, name: &str) -> Activity {
        self.stored()
            .into_iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no activity “{name}” in the file"))
    }

    fn undo(&mut self) {
        undo(&mut self.app);
    }

    /// An undo that finds nothing to undo: the file is as it was. `why` says what it checks.
    fn undo_changes_nothing(&mut self, why: &str) {
        let before = self.stored();
        self.undo();
        assert_eq!(self.stored(), before, "{why}");
    }

    /// Another process changes the file; the window notices it.
    fn outside(&mut self, write: impl FnOnce(&mut Store, i64)) {
        outside(&mut self.app, &db(&self.dir), |store| {
            let event = store.event(2026).unwrap().unwrap();
            write(store, event.id);
        });
    }
}

fn activities(dir: &tempfile::TempDir) -> Vec<Activity> {
    of_2026(dir, Store::activities)
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

fn names(activity: &Activity) -> Vec<&str> {
    activity.teams.iter().map(|t| t.name.as_str()).collect()
}

/// Where "Loại" is in the activity form, and the kind's place in its list.
fn choose_kind(
    ui: &mut iced_test::Simulator<'_, ngayhoi::gui::Message>,
    kind: ActivityKind,
) -> Result<(), iced_test::Error> {
    let index = ActivityKind::ALL.iter().position(|k| *k == kind).unwrap();
    pick(ui, "Loại", "activity-name", index, ActivityKind::ALL.len())
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
    let (mut day, tug) = Day::with_tug_of_war();
    assert_eq!(ranks(&tug), [Some(3), Some(1), Some(2), Some(4), Some(5)]);
    // The judges swap Khu phố 2 and Khu phố 4: the second cell is typed before the first
    // cell's save has come back from the file.
    let mut held = act_before_saved(&mut day.app, |ui| retype(ui, &rank(&tug, 3), "1"));
    assert!(day.app.is_saving(), "each valid value is saved at once");
    held.extend(act_before_saved(&mut day.app, |ui| {
        retype(ui, &rank(&tug, 1), "4")
    }));
    settle(&mut day.app, iced::Task::batch(held));
    let stored = day.activity("Kéo co");
    assert_eq!(stored.id, tug.id);
    assert_eq!(
        ranks(&stored),
        [Some(3), Some(4), Some(2), Some(1), Some(5)],
        "the second save keeps the first value although the data was not reloaded"
    );
    assert_eq!(
        stored.prize_of(&stored.teams[3]).unwrap().label,
        "Giải Nhất"
    );
    assert_eq!(stored.prize_of(&stored.teams[1]), None);
    assert_eq!(
        results(&stored)[0],
        results(&tug)[0],
        "other teams are untouched"
    );
    assert_eq!(day.field(&rank(&stored, 3)), "1");
    assert!(day.shows("Giải Nhất · 1.000.000 đ"));
    assert!(day.shows("11.600.000 đ"), "the same prizes, other winners");

    // Clearing a rank takes the prize away; the awarded total follows.
    day.act(|ui| retype(ui, &rank(&stored, 0), ""));
    assert_eq!(day.activity("Kéo co").teams[0].rank, None);
    assert!(day.shows("11.100.000 đ"));
    assert!(day.shows("Tiền thưởng đã trao: 1.700.000 đ / 2.200.000 đ"));

    // An input method that commits Enter as "\r" still gives a clean rank.
    day.act(|ui| {
        click_field(ui, &rank(&tug, 0));
        commit(ui, "3\r");
        Ok(())
    });
    assert_eq!(day.activity("Kéo co").teams[0].rank, Some(3));
    assert_eq!(day.field(&rank(&tug, 0)), "3");
}

#[test]
fn a_value_that_is_not_a_result_is_explained_and_not_saved() {
    let (mut day, tug) = Day::with_tug_of_war();
    let before = day.stored();
    day.act(|ui| retype(ui, &rank(&tug, 0), "nhất"));
    assert_eq!(day.stored(), before, "nothing is saved");
    assert!(day.shows("Hạng phải là số từ 1 trở lên."));
    assert!(day.shows("Khu phố 1:"), "the team is named");
    assert_eq!(
        day.field(&rank(&tug, 0)),
        "nhất",
        "what was typed stays to be corrected"
    );
    // Pasted, or committed at once by an input method: typed key by key, "1,5" would save
    // the rank 1 on its first key, as any valid value is saved as soon as it is typed.
    for wrong in ["0", "-1", "1,5"] {
        day.commit_over(&rank(&tug, 0), wrong);
        assert_eq!(day.stored(), before, "{wrong:?} is not a rank");
        assert!(day.shows("Hạng phải là số từ 1 trở lên."), "{wrong:?}");
    }
    day.commit_over(&rank(&tug, 0), "41");
    assert_eq!(day.stored(), before);
    assert!(day.shows("Hạng “41” lớn hơn số đội (5)."));

    day.act(|ui| retype(ui, &score(&tug, 1), "abc"));
    assert_eq!(day.stored(), before);
    assert!(day.shows("Điểm “abc” không hợp lệ."));

    // Corrected, the value is saved and the messages go.
    day.act(|ui| {
        retype(ui, &rank(&tug, 0), "2")?;
        retype(ui, &score(&tug, 1), "9,5")
    });
    let stored = day.activity("Kéo co");
    assert_eq!(stored.teams[0].rank, Some(2));
    assert_eq!(stored.teams[1].score, Some(9.5));
    assert!(!day.shows("Hạng phải là số từ 1 trở lên."));
    assert!(!day.shows("Điểm “abc” không hợp lệ."));
    assert_eq!(day.field(&score(&tug, 1)), "9,5");
}

#[test]
fn a_reload_never_overwrites_a_half_typed_value() {
    let (mut day, tug) = Day::with_tug_of_war();
    day.act(|ui| retype(ui, &score(&tug, 0), "9,"));
    assert_eq!(day.activity("Kéo co").teams[0].score, Some(9.0));
    assert_eq!(day.field(&score(&tug, 0)), "9,", "not “9” from the file");
    day.act(|ui| {
        click_field(ui, &score(&tug, 0));
        let _ = ui.typewrite("5");
        Ok(())
    });
    assert_eq!(day.activity("Kéo co").teams[0].score, Some(9.5));

    // The activity leaves the file (another process) and comes back under the same id: the
    // typing is gone, the file's value is shown.
    day.outside(|store, _| store.delete_activity(tug.id).unwrap());
    assert!(!day.shows("Kéo co"));
    let mut back = tug.clone();
    back.teams[0].score = Some(7.0);
    day.outside(|store, event| {
        store.add_activity(event, &back).unwrap();
    });
    assert_eq!(day.field(&score(&tug, 0)), "7");
}

#[test]
fn one_undo_step_per_cell_typed() {
    let (mut day, tug) = Day::with_tug_of_war();
    day.undo_changes_nothing("nothing to undo yet");
    day.act(|ui| retype(ui, &score(&tug, 0), "8,75"));
    assert_eq!(day.activity("Kéo co").teams[0].score, Some(8.75));
    day.undo();
    assert_eq!(
        results(&day.activity("Kéo co")),
        results(&tug),
        "back to before the cell was typed, the four keystrokes at once"
    );
    assert_eq!(day.field(&score(&tug, 0)), "");
    day.undo_changes_nothing("nothing left to undo");
}

#[test]
fn scores_without_ranks_can_be_ranked_in_one_click() {
    let mut day = Day::new();
    day.act(|ui| ui.click("+ Thêm hoạt động").map(drop));
    day.act(|ui| {
        choose_kind(ui, ActivityKind::Arts)?;
        retype(ui, "activity-name", "Thi hát karaoke")?;
        retype(ui, "activity-venue", "Nhà văn hóa")?;
        retype(ui, "activity-start", "20:00")?;
        ui.click("Lưu").map(drop)
    });
    let contest = day.activity("Thi hát karaoke");
    assert_eq!(contest.kind, ActivityKind::Arts);
    day.act(|ui| {
        for (team, typed) in ["8", "9,5", "9", "9,5", "7,5"].into_iter().enumerate() {
            retype(ui, &score(&contest, team), typed)?;
        }
        Ok(())
    });
    let scored = day.activity("Thi hát karaoke");
    assert_eq!(ranks(&scored), [None; 5]);
    day.act(|ui| {
        scroll_to(ui, "Xếp hạng theo điểm");
        ui.click("Xếp hạng theo điểm").map(drop)
    });
    let ranked = day.activity("Thi hát karaoke");
    assert_eq!(
        ranks(&ranked),
        [Some(4), Some(1), Some(3), Some(1), Some(5)]
    );
    assert!(!day.shows("Xếp hạng theo điểm"));
    assert_eq!(day.field(&rank(&contest, 1)), "1");
    day.undo();
    assert_eq!(
        results(&day.activity("Thi hát karaoke")),
        results(&scored),
        "ranking is undone whole"
    );
}

#[test]
fn adding_an_activity_with_its_teams_and_prizes() {
    let mut day = Day::new();
    let before = day.stored();
    day.act(|ui| ui.click("+ Thêm hoạt động").map(drop));
    assert_eq!(day.stored(), before, "opening the form writes nothing");
    assert!(day.shows("Thêm hoạt động"));
    assert_eq!(
        day.field("activity-teams"),
        "Khu phố 1; Khu phố 2; Khu phố 3; Khu phố 4; Khu phố 5",
        "one team per residential area"
    );
    assert_eq!(day.field("prize-1"), "1.000.000");
    day.act(|ui| {
        choose_kind(ui, ActivityKind::FolkGame)?;
        retype(ui, "activity-name", "Đẩy gậy")?;
        retype(ui, "activity-start", "7h30")?;
        retype(ui, "activity-teams", "Tổ 1; Tổ 2")?;
        retype(ui, "prize-1", "1.000.000")?;
        retype(ui, "prize-2", "")?;
        retype(ui, "prize-3", "")?;
        ui.click("Lưu").map(drop)
    });
    assert_eq!(day.stored().len(), before.len() + 1, "one activity added");
    let added = day.activity("Đẩy gậy");
    assert_eq!(added.kind, ActivityKind::FolkGame);
    assert_eq!(added.start.unwrap().format("%H:%M").to_string(), "07:30");
    assert_eq!(names(&added), ["Tổ 1", "Tổ 2"]);
    assert_eq!(added.prizes.len(), 1);
    assert_eq!(added.prizes[0].label, "Giải Nhất");
    assert_eq!(added.prizes[0].amount, 1_000_000);

    assert!(!day.shows("Thêm hoạt động"), "the form is closed");
    assert!(day.shows("Đã thêm “Đẩy gậy”."));
    assert!(day.shows("Trò chơi dân gian · 07:30"));
    assert!(day.shows("12.600.000 đ"), "a million more planned");

    // The new activity's results are typed like any other.
    day.act(|ui| retype(ui, &rank(&added, 1), "1"));
    assert_eq!(day.activity("Đẩy gậy").teams[1].rank, Some(1));
    assert!(day.shows("Tiền thưởng đã trao: 1.000.000 đ / 1.000.000 đ"));

    // Undo the rank, then the addition itself.
    day.undo();
    assert_eq!(day.activity("Đẩy gậy").teams[1].rank, None);
    day.undo();
    assert_eq!(day.stored(), before, "the activity is taken away");
    assert!(!day.shows("Đẩy gậy"));
}

#[test]
fn a_form_that_cannot_be_saved_says_why() {
    let mut day = Day::new();
    let before = day.stored();
    day.act(|ui| ui.click("+ Thêm hoạt động").map(drop));
    day.act(|ui| ui.click("Lưu").map(drop));
    assert!(day.shows("Tên hoạt động không được để trống."));
    day.save_with(&[("activity-name", "Cờ tướng"), ("activity-start", "25h")]);
    assert!(day.shows("Giờ bắt đầu “25h” không hợp lệ. Ví dụ: 09:00 hoặc 7h30."));
    day.save_with(&[("activity-start", "8 giờ"), ("prize-2", "một triệu")]);
    assert!(day.shows("Số tiền Giải Nhì “một triệu” không hợp lệ. Ví dụ: 1.000.000."));
    day.save_with(&[
        ("prize-2", "700.000"),
        ("activity-teams", "Tổ 1; Tổ 2; Tổ 1"),
    ]);
    assert!(day.shows("Đội “Tổ 1” được nhập hai lần."));
    assert_eq!(day.stored(), before, "nothing was saved");
    // "Hủy" closes the form and adds nothing.
    day.act(|ui| ui.click("Hủy").map(drop));
    assert!(!day.shows("Thêm hoạt động"));
    assert_eq!(day.stored(), before);
}

#[test]
fn renaming_a_team_keeps_the_results_of_the_others() {
    let (mut day, tug) = Day::with_tug_of_war();
    let before = day.stored();
    day.act(|ui| click_in_row(ui, "Kéo co", "Sửa"));
    assert_eq!(day.stored(), before);
    assert!(day.shows("Sửa hoạt động"));
    assert_eq!(day.field("activity-name"), "Kéo co");
    assert_eq!(day.field("activity-start"), "09:45");
    day.save_with(&[(
        "activity-teams",
        "Khu phố 1; Khu phố 2; Khu phố 3; Khu phố 4; Tổ dân phố 6",
    )]);
    let edited = day.activity("Kéo co");
    assert_eq!(edited.id, tug.id);
    assert_eq!(results(&edited)[..4], results(&tug)[..4], "results kept");
    assert_eq!(edited.teams[4].name, "Tổ dân phố 6");
    assert_eq!(edited.teams[4].rank, None);
    assert!(day.shows("Tổ dân phố 6"));
    assert!(!day.shows("Sửa hoạt động"), "the form is closed");

    day.undo();
    assert_eq!(results(&day.activity("Kéo co")), results(&tug));
}

#[test]
fn removing_an_activity_then_undoing_brings_it_back_with_its_id() {
    let (mut day, tug) = Day::with_tug_of_war();
    day.act(|ui| click_in_row(ui, "Kéo co", "Xóa"));
    assert_eq!(day.stored().len(), 4);
    assert!(day.stored().iter().all(|a| a.id != tug.id));
    assert!(day.shows("Đã xóa “Kéo co”."));
    assert!(!day.shows("Kéo co"));
    assert!(day.shows("9.400.000 đ"));

    day.act(|ui| ui.click("Hoàn tác (Ctrl+Z)").map(drop));
    let back = day.activity("Kéo co");
    assert_eq!(back.id, tug.id, "the old id");
    assert_eq!(results(&back), results(&tug), "results and all");
    assert!(!day.shows("Đã xóa “Kéo co”."));
    assert!(day.shows("11.600.000 đ"));
    day.undo_changes_nothing("nothing left to undo");
}

#[test]
fn an_empty_festival_says_how_to_start() {
    let mut day = Day::new();
    for activity in day.stored() {
        day.act(|ui| click_in_row(ui, &activity.name, "Xóa"));
    }
    assert_eq!(day.stored(), []);
    assert!(day.shows("Chưa có hoạt động nào. Bấm “+ Thêm hoạt động” để thêm."));
    assert!(day.shows("0 đ"));
    assert!(day.shows("+ Thêm hoạt động"));
}

// The app's own paths: Tab and Enter between cells, Ctrl+N and Ctrl+Z.

#[test]
fn in_the_app_a_typed_rank_is_saved_and_ctrl_z_undoes_it() {
    let (dir, mut app) = demo_in_new_folder(Section::Festival);
    assert!(
        shows(&app, "11.600.000 đ"),
        "the demo's awarded prize money"
    );
    let tug = activities(&dir)[0].clone();
    assert_eq!(tug.name, "Kéo co");
    // Khu phố 4 (index 3) is 4th; the secretary corrects it to 1st.
    let cell = rank(&tug, 3);
    interact(&mut app, |ui| {
        ui.click(id(cell.clone()))?;
        let _ = ui.tap_key(keyboard::key::Named::Backspace);
        let _ = ui.typewrite("1");
        Ok(())
    });
    let saved = activities(&dir)[0].clone();
    assert_eq!(saved.teams[3].rank, Some(1));
    assert_eq!(saved.prize_of(&saved.teams[3]).unwrap().label, "Giải Nhất");
    assert!(shows(&app, "Giải Nhất · 1.000.000 đ"));

    interact(&mut app, |ui| retype(ui, &rank(&tug, 0), "nhất"));
    assert!(shows(&app, "Hạng phải là số từ 1 trở lên."));
    assert_eq!(activities(&dir)[0].teams[0].rank, Some(3));

    undo(&mut app);
    assert_eq!(
        activities(&dir)[0].teams[3].rank,
        Some(4),
        "one undo restores the typed cell"
    );
}

#[test]
fn in_the_app_ctrl_n_adds_an_activity_that_ctrl_z_takes_away() {
    let (dir, mut app) = demo_in_new_folder(Section::Festival);
    ctrl_key(&mut app, "n");
    assert!(shows(&app, "Thêm hoạt động"));
    interact(&mut app, |ui| {
        retype(ui, "activity-name", "Đẩy gậy")?;
        retype(ui, "activity-start", "15h30")?;
        retype(ui, "activity-teams", "Tổ 1; Tổ 2 ; ")?;
        retype(ui, "prize-1", "1.000.000 đ")?;
        retype(ui, "prize-2", "")?;
        retype(ui, "prize-3", "")
    });
    // An input method's Enter (IBus commits it as "\r") in a field submits the form.
    interact(&mut app, |ui| {
        ui.click(id("activity-teams"))?;
        commit(ui, "\r");
        Ok(())
    });
    let added = activities(&dir)
        .into_iter()
        .find(|a| a.name == "Đẩy gậy")
        .unwrap();
    assert_eq!(names(&added), ["Tổ 1", "Tổ 2"]);
    assert_eq!(added.prizes.len(), 1);
    assert_eq!(added.prizes[0].amount, 1_000_000);
    assert_eq!(added.start.unwrap().format("%H:%M").to_string(), "15:30");
    assert!(shows(&app, "Đã thêm “Đẩy gậy”."));

    undo(&mut app);
    assert!(activities(&dir).iter().all(|a| a.name != "Đẩy gậy"));
}

#[test]
fn in_the_app_a_removal_is_undone_with_its_results() {
    let (dir, mut app) = demo_in_new_folder(Section::Festival);
    let before = activities(&dir);
    let sack = before
        .iter()
        .find(|a| a.name == "Nhảy bao bố")
        .unwrap()
        .clone();
    click_row(&mut app, "Nhảy bao bố", "Xóa");
    assert_eq!(activities(&dir).len(), before.len() - 1);
    assert!(activities(&dir).iter().all(|a| a.id != sack.id));
    undo(&mut app);
    let back = activities(&dir)
        .into_iter()
        .find(|a| a.id == sack.id)
        .unwrap();
    assert_eq!(ranks(&back), ranks(&sack));
    assert_eq!(back.prize_money_awarded(), sack.prize_money_awarded());
}
