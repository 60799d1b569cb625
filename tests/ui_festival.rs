//! Phần hội on the day: results typed into the table, a wrong value explained, an activity added
//! with its teams and prizes, a removal undone. Every change is checked in the data file.

mod common;

use common::*;
use iced_test::selector::id;
use ngayhoi::domain::Activity;
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::screen::festival;
use ngayhoi::gui::{App, Message, Section};

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

#[test]
fn typing_a_rank_saves_it_and_shows_the_prize() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    assert!(shows(&app, "11.600.000 đ"), "the demo's awarded prize money");
    let tug = activities(&dir)[0].clone();
    assert_eq!(tug.name, "Kéo co");
    // Khu phố 4 (index 3) is 4th; the secretary corrects it to 1st.
    let field = format!("rank-{}-3", tug.id);
    interact(&mut app, |ui| {
        ui.click(id(field.clone()))?;
        let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
        let _ = ui.typewrite("1");
        Ok(())
    });
    let saved = activities(&dir)[0].clone();
    assert_eq!(saved.teams[3].rank, Some(1));
    assert_eq!(saved.prize_of(&saved.teams[3]).unwrap().label, "Giải Nhất");
    assert!(shows(&app, "Giải Nhất · 1.000.000 đ"));

    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert_eq!(activities(&dir)[0].teams[3].rank, Some(4), "one undo restores the typed cell");
}

#[test]
fn a_rank_that_is_not_a_number_is_explained_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    let tug = activities(&dir)[0].clone();
    send(&mut app, Message::Festival(festival::Message::Result(tug.id, 0, festival::Cell::Rank, "nhất".into())));
    assert!(shows(&app, "Hạng “nhất” phải là số từ 1 trở lên."));
    assert_eq!(activities(&dir)[0], tug);
    send(&mut app, Message::Festival(festival::Message::Result(tug.id, 0, festival::Cell::Score, "9,5".into())));
    assert_eq!(activities(&dir)[0].teams[0].score, Some(9.5));
}

#[test]
fn adding_an_activity_with_its_teams_and_prizes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    send(&mut app, shortcut(ctrl("n")).unwrap());
    let edit = |field, value: &str| Message::Festival(festival::Message::FormEdited(field, value.into()));
    send(&mut app, edit(festival::FormField::Name, "Đẩy gậy"));
    send(&mut app, edit(festival::FormField::Start, "15h30"));
    send(&mut app, edit(festival::FormField::Teams, "Tổ 1; Tổ 2 ; "));
    send(&mut app, edit(festival::FormField::Prize(0), "1.000.000 đ"));
    send(&mut app, edit(festival::FormField::Prize(1), ""));
    send(&mut app, edit(festival::FormField::Prize(2), ""));
    send(&mut app, Message::Festival(festival::Message::SaveForm));
    let added = activities(&dir).into_iter().find(|a| a.name == "Đẩy gậy").unwrap();
    assert_eq!(added.teams.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["Tổ 1", "Tổ 2"]);
    assert_eq!(added.prizes.len(), 1);
    assert_eq!(added.prizes[0].amount, 1_000_000);
    assert_eq!(added.start.unwrap().format("%H:%M").to_string(), "15:30");
    assert!(shows(&app, "Đã thêm “Đẩy gậy”."));
}

#[test]
fn a_new_activity_has_one_team_per_residential_area() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    send(&mut app, Message::Festival(festival::Message::New));
    let mut ui = simulator(&app);
    let teams = ui.find(id("activity-teams")).expect("the teams field");
    drop(teams);
    assert!(ui.find("Khu phố 1; Khu phố 2; Khu phố 3; Khu phố 4; Khu phố 5").is_ok());
}

#[test]
fn removing_an_activity_then_undoing_restores_its_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = festival_app(&dir);
    let before = activities(&dir);
    let sack = before.iter().find(|a| a.name == "Nhảy bao bố").unwrap().clone();
    send(&mut app, Message::Festival(festival::Message::Remove(sack.id)));
    assert_eq!(activities(&dir).len(), before.len() - 1);
    send(&mut app, shortcut(ctrl("z")).unwrap());
    let back = activities(&dir).into_iter().find(|a| a.id == sack.id).unwrap();
    assert_eq!(back.teams.iter().map(|t| t.rank).collect::<Vec<_>>(), sack.teams.iter().map(|t| t.rank).collect::<Vec<_>>());
    assert_eq!(back.prize_money_awarded(), sack.prize_money_awarded());
}
