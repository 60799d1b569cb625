//! Gift visits as a secretary works with them: find a household without typing accents,
//! give every family of a category the same gift in one go, mark visits done, undo.

mod common;

use common::*;
use iced_test::selector::id;
use ngayhoi::domain::{Category, Household, Visit, VisitStatus};
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::{App, Section};

fn visits_app(dir: &tempfile::TempDir) -> App {
    let mut app = demo_app(dir);
    interact(&mut app, |ui| ui.click("Thăm hỏi").map(drop));
    assert_eq!(app.section(), Some(Section::Visits));
    app
}

fn stored(dir: &tempfile::TempDir) -> (Vec<Household>, Vec<Visit>) {
    let store = reopen(&db(dir));
    let event = store.event(2026).unwrap().unwrap();
    (store.households().unwrap(), store.visits(event.id).unwrap())
}

#[test]
fn a_search_without_accents_finds_the_household() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = visits_app(&dir);
    assert!(shows(&app, "Nguyễn Thị Hằng (1938)"));
    assert!(shows(&app, "Trần Văn Đức (1950)"));
    interact(&mut app, |ui| {
        ui.click(id(ngayhoi::gui::screen::visits::SEARCH))?;
        let _ = ui.typewrite("nguyen thi hang");
        Ok(())
    });
    assert!(shows(&app, "Nguyễn Thị Hằng (1938)"));
    assert!(
        !shows(&app, "Trần Văn Đức (1950)"),
        "only the household searched for is listed"
    );
    assert!(shows(&app, "Hộ gia đình (1)"));
}

#[test]
fn a_gift_for_every_household_of_a_category_in_one_go_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = visits_app(&dir);
    let (households, before) = stored(&dir);
    let poor: Vec<i64> = households
        .iter()
        .filter(|h| h.category == Category::Poor)
        .map(|h| h.id)
        .collect();
    assert_eq!(poor.len(), 2);

    // Filter on "Hộ nghèo", open the batch form, keep households already visited.
    send(
        &mut app,
        ngayhoi::gui::Message::Visits(ngayhoi::gui::screen::visits::Message::CategoryFilter(Some(
            Category::Poor,
        ))),
    );
    assert!(shows(&app, "Hộ gia đình (2)"));
    interact(&mut app, |ui| {
        ui.click("Tạo lượt thăm cho các hộ đang lọc…")?;
        Ok(())
    });
    assert!(shows(&app, "Tạo lượt thăm cho 2 hộ đang lọc"));
    interact(&mut app, |ui| {
        ui.click(id("gift-description"))?;
        let _ = ui.tap_key(iced::keyboard::key::Named::End);
        let _ = ui.typewrite(" (Tết)");
        ui.click("Bỏ qua các hộ đã có lượt thăm năm nay")?;
        ui.click(id("gift-value"))?;
        Ok(())
    });
    // Replace the value: select all is not simulated, so type into an emptied field.
    send(
        &mut app,
        ngayhoi::gui::Message::Visits(ngayhoi::gui::screen::visits::Message::GiftEdited(
            ngayhoi::gui::screen::visits::GiftField::Value,
            "300.000 đ".into(),
        )),
    );
    interact(&mut app, |ui| ui.click("Tạo các lượt thăm").map(drop));

    let (_, after) = stored(&dir);
    let new: Vec<&Visit> = after
        .iter()
        .filter(|v| !before.iter().any(|b| b.id == v.id))
        .collect();
    assert_eq!(new.len(), 2, "one visit per poor household");
    for v in &new {
        assert!(poor.contains(&v.household_id));
        assert_eq!(v.value, 300_000);
        assert_eq!(v.gift, "Quà và tiền mặt (Tết)");
        assert_eq!(v.status, VisitStatus::Planned);
    }
    assert!(shows(&app, "Đã tạo 2 lượt thăm."));

    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert_eq!(stored(&dir).1, before, "undo removes the whole batch");
}

#[test]
fn planned_visits_are_marked_done_with_today_and_a_removed_household_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = visits_app(&dir);
    interact(&mut app, |ui| ui.click("Lượt thăm năm 2026 (16)").map(drop));
    let (_, before) = stored(&dir);
    let planned = before
        .iter()
        .filter(|v| v.status == VisitStatus::Planned)
        .count();
    assert_eq!(planned, 5);
    interact(&mut app, |ui| {
        ui.click("Đánh dấu đã thăm (5 lượt dự kiến)").map(drop)
    });
    let (_, after) = stored(&dir);
    assert!(after.iter().all(|v| v.status != VisitStatus::Planned));
    let newly: Vec<&Visit> = after
        .iter()
        .filter(|v| {
            before
                .iter()
                .any(|b| b.id == v.id && b.status == VisitStatus::Planned)
        })
        .collect();
    assert!(newly.iter().all(|v| v.status == VisitStatus::Done));

    // Remove a household with its visits of both years; undo brings them all back.
    let (households, _) = stored(&dir);
    let hang = households
        .iter()
        .find(|h| h.name == "Nguyễn Thị Hằng")
        .unwrap()
        .id;
    send(
        &mut app,
        ngayhoi::gui::Message::Visits(ngayhoi::gui::screen::visits::Message::RemoveHousehold(hang)),
    );
    assert!(shows(&app, "Đã xóa hộ Nguyễn Thị Hằng cùng 2 lượt thăm."));
    assert_eq!(stored(&dir).0.len(), 15);
    send(&mut app, shortcut(ctrl("z")).unwrap());
    let (households, visits) = stored(&dir);
    assert_eq!(households.len(), 16);
    assert_eq!(visits, after);
}
