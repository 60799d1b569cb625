//! The window driven as a secretary would, headless (iced_test, tiny-skia): the welcome flow,
//! the checklist, a new year and the settings. Every change is checked in the data file.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::*;
use iced::keyboard;
use iced_test::selector::id;
use ngayhoi::domain::Level;
use ngayhoi::gui::app::{Shortcut, shortcut};
use ngayhoi::gui::screen::{elsewhere, failure};
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{self, App, Message, Section};
use ngayhoi::storage::Store;

#[test]
fn welcome_creates_the_unit_and_this_years_plan() {
    let dir = tempfile::tempdir().unwrap();
    // Before this year's day (19 August): the plan is this year's.
    let mut app = App::boot(db(&dir), NaiveDate::from_ymd_opt(2026, 7, 15).unwrap());
    assert!(shows(&app, "Chào mừng đến với Ngày hội"));

    // Starting without a name says what is missing and writes nothing.
    click(&mut app, "Bắt đầu lập kế hoạch");
    assert_eq!(
        app.problem().as_deref(),
        Some("Tên đơn vị không được để trống.")
    );
    assert_eq!(reopen(&db(&dir)).unit().unwrap(), None);

    welcome(
        &mut app,
        "Phường Chợ Quán",
        "Thành phố Hồ Chí Minh",
        Some("Nguyễn Văn Thành"),
    );

    let data = app.snapshot().expect("the workspace opens");
    assert_eq!(data.unit.name, "Phường Chợ Quán");
    assert_eq!(
        data.unit.place, "Chợ Quán",
        "the place is suggested from the name"
    );
    assert!(data.unit.committee.ends_with("phường Chợ Quán"));
    assert_eq!(
        data.plan.event.date,
        NaiveDate::from_ymd_opt(2026, 8, 19).unwrap()
    );
    assert!(app.title().contains("Ngày hội"));
    assert_shows(
        &app,
        &[
            "Tổng quan · Ngày hội năm 2026",
            "Ban hành kế hoạch tổ chức Ngày hội",
        ],
    );

    let store = reopen(&db(&dir));
    let unit = store.unit().unwrap().unwrap();
    assert_eq!(unit.head_name, "Nguyễn Văn Thành");
    assert_eq!(store.years().unwrap(), vec![2026]);
}

#[test]
fn an_input_method_enter_in_a_field_submits_the_welcome() {
    let dir = tempfile::tempdir().unwrap();
    // The day after this year's: the welcome offers next year's and says why.
    let mut app = App::boot(db(&dir), today());
    assert!(shows(
        &app,
        "Ngày hội năm 2026 (19/08/2026) đã qua, nên đề xuất Ngày hội năm 2027; có thể sửa năm."
    ));
    interact(&mut app, |ui| {
        ui.click(id("welcome-province"))?;
        let _ = ui.typewrite("Tỉnh Đồng Nai");
        ui.click(id("welcome-name"))?;
        // IBus commits the word being composed together with Enter as "\r".
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Commit("Xã Tân Phú\r".into()),
        )]);
        Ok(())
    });
    let data = app
        .snapshot()
        .expect("Enter inside the commit submitted the form");
    assert_eq!(data.unit.name, "Xã Tân Phú");
    assert_eq!(data.unit.place, "Tân Phú");
    assert_eq!(
        data.unit.level,
        Level::Commune,
        "the level the name starts with"
    );
    assert_eq!(data.plan.event.year, 2027);
    let store = reopen(&db(&dir));
    assert_eq!(store.unit().unwrap().unwrap().level, Level::Commune);
    assert_eq!(store.years().unwrap(), vec![2027]);
}

#[test]
fn the_demo_shows_every_section_with_an_overdue_step() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app(&dir);
    let data = app.snapshot().unwrap();
    assert_eq!(data.years, vec![2025, 2026]);
    assert_eq!(data.plan.event.year, 2026);
    // The day was 14/8; the report was due ten days later and is not sent yet on 20/8.
    assert_shows(
        &app,
        &[
            "Gửi báo cáo kết quả về Ban Chỉ đạo cấp trên",
            "Sắp đến hạn",
            "Tổng quan",
            "Phần lễ: 10 mục · Đại biểu: 5/6 tham dự · 5 điểm tổ chức, 1.195 người · Phần hội: 5 hoạt động, 11.600.000 đ tiền thưởng",
            "Cài đặt",
        ],
    );

    // One window per file: the first one closes before the file is opened on a later day.
    drop(app);
    let late = App::boot(db(&dir), NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
    assert!(shows(&late, "Quá hạn 8 ngày"));
    let copies = ngayhoi::storage::backup::list(&dir.path().join("sao-luu"));
    assert_eq!(copies.len(), 1, "opening the window made a backup");
}

#[test]
fn ticking_a_step_is_saved_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let title = "Tổ chức Ngày hội";
    let done = |path: &Path| {
        let store = reopen(path);
        let event = store.event(2026).unwrap().unwrap();
        store
            .checklist(event.id)
            .unwrap()
            .into_iter()
            .find(|s| s.title == title)
            .unwrap()
            .done
    };
    assert!(done(&db(&dir)));
    click_at_end(&mut app, title);
    assert!(!done(&db(&dir)), "clicking the step's name unticks it");

    undo(&mut app);
    assert!(done(&db(&dir)));
    for _ in 0..2 {
        click_at_end(&mut app, title);
    }
    assert!(done(&db(&dir)));
}

#[test]
fn adding_a_step_with_the_keyboard_then_undoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let before = app.snapshot().unwrap().plan.checklist.len();

    ctrl_key(&mut app, "n");
    interact(&mut app, |ui| {
        ui.click(id("checklist-title"))?;
        let _ = ui.typewrite("Mời đoàn văn nghệ thiếu nhi");
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    });
    let data = app.snapshot().unwrap();
    assert_eq!(data.plan.checklist.len(), before + 1);
    let added = data
        .plan
        .checklist
        .iter()
        .find(|s| s.title == "Mời đoàn văn nghệ thiếu nhi")
        .unwrap();
    assert_eq!(
        added.offset_days, 0,
        "a new step is due on the day by default"
    );
    assert!(shows(&app, "Đã thêm “Mời đoàn văn nghệ thiếu nhi”."));

    click(&mut app, "Hoàn tác (Ctrl+Z)");
    assert_eq!(app.snapshot().unwrap().plan.checklist.len(), before);
    assert_eq!(of_2026(&dir, Store::checklist).len(), before);
}

/// IBus through XIM sends the Return before it commits the word still being composed: the step
/// keeps that word (it was saved as "Tiếng Việt có được" before).
#[test]
fn a_word_committed_after_enter_is_saved_in_the_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    ctrl_key(&mut app, "n");
    interact(&mut app, |ui| {
        ui.click(id("checklist-title"))?;
        let _ = ui.typewrite("Tiếng Việt có được ");
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Commit("không".into()),
        )]);
        Ok(())
    });
    let titles = labels_of_2026(&dir, Store::checklist, |s| s.title);
    assert!(
        titles.iter().any(|t| t == "Tiếng Việt có được không"),
        "{titles:?}"
    );
    assert!(!titles.iter().any(|t| t == "Tiếng Việt có được"));
    assert!(
        simulator(&app).find(id("checklist-title")).is_err(),
        "the form closed"
    );
}

#[test]
fn removing_a_step_offers_undo_and_undo_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let original = app.snapshot().unwrap().plan.checklist.clone();
    let target = original[1].clone();
    click_row(&mut app, &target.title, "Xóa");
    assert!(!app.snapshot().unwrap().plan.checklist.contains(&target));
    assert!(shows(&app, &format!("Đã xóa “{}”.", target.title)));
    send(&mut app, Message::Shortcut(Shortcut::Undo));
    assert_eq!(app.snapshot().unwrap().plan.checklist, original);
}

#[test]
fn editing_a_due_date_moves_the_step_and_a_bad_date_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let step = app.snapshot().unwrap().plan.checklist[0].clone();
    click_row(&mut app, &step.title, "Sửa");
    let before = reopen(&db(&dir)).event(2026).unwrap().unwrap();
    let steps = |dir: &tempfile::TempDir| of_2026(dir, Store::checklist);
    let stored = steps(&dir);
    interact(&mut app, |ui| {
        retype(ui, "checklist-due", "31/02/2026")?;
        ui.click("Lưu").map(drop)
    });
    assert!(shows(
        &app,
        "Hạn “31/02/2026” không phải ngày hợp lệ (dd/mm/yyyy)."
    ));
    assert_eq!(steps(&dir), stored, "nothing was saved");

    interact(&mut app, |ui| {
        retype(ui, "checklist-due", "01/07/2026")?;
        ui.click("Lưu").map(drop)
    });
    assert_eq!(before.date, NaiveDate::from_ymd_opt(2026, 8, 14).unwrap());
    let saved = app
        .snapshot()
        .unwrap()
        .plan
        .checklist
        .iter()
        .find(|s| s.id == step.id)
        .unwrap()
        .clone();
    // The demo day is 14/8/2026: 1/7 is 44 days before.
    assert_eq!(saved.offset_days, -44);
}

#[test]
fn a_new_year_copies_the_plan_without_last_years_ticks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    click(&mut app, "+ Năm mới");
    assert!(shows(&app, "Lập kế hoạch năm 2027"));
    click(&mut app, "Lập kế hoạch năm 2027");

    let data = app.snapshot().unwrap();
    assert_eq!(data.years, vec![2025, 2026, 2027]);
    assert_eq!(data.plan.event.year, 2027);
    assert_eq!(
        data.plan.event.date,
        NaiveDate::from_ymd_opt(2027, 8, 14).unwrap()
    );
    assert!(
        data.plan
            .checklist
            .iter()
            .all(|s| !s.done && s.note.is_empty())
    );
    assert!(app.title().contains("năm 2027"));

    // Switching back shows last year as it was.
    send(&mut app, Ws::YearPicked(2026));
    let data = app.snapshot().unwrap();
    assert_eq!(data.plan.event.year, 2026);
    assert!(data.plan.checklist.iter().any(|s| s.done));

    click(&mut app, "+ Năm mới");
    interact(&mut app, |ui| retype(ui, "new-year", "2026"));
    click(&mut app, "Lập kế hoạch năm 2026");
    assert_eq!(
        app.problem().as_deref(),
        Some("Năm 2026 đã có kế hoạch Ngày hội.")
    );
}

#[test]
fn settings_are_saved_as_you_type_and_undone_with_ctrl_z() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    assert_eq!(app.section(), Some(Section::Settings));
    assert!(shows(&app, "✓ Mọi thay đổi đã được lưu"));
    assert!(
        shows(&app, &db(&dir).display().to_string()),
        "the data file is shown"
    );

    interact(&mut app, |ui| {
        ui.click(id("settings-secretary"))?;
        let _ = ui.typewrite(" (Công an phường)");
        Ok(())
    });
    let secretary = |path: &Path| reopen(path).unit().unwrap().unwrap().secretary_name;
    assert_eq!(secretary(&db(&dir)), "Trần Thị Thu Hà (Công an phường)");

    undo(&mut app);
    assert_eq!(
        secretary(&db(&dir)),
        "Trần Thị Thu Hà",
        "one undo reverts the whole edit"
    );
}

#[test]
fn an_emptied_unit_name_is_not_saved_and_says_why() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    interact(&mut app, |ui| retype(ui, "settings-name", ""));
    assert!(shows(&app, "Chưa lưu: Tên đơn vị không được để trống."));
    assert_eq!(
        reopen(&db(&dir)).unit().unwrap().unwrap().name,
        "Phường Chợ Quán"
    );

    interact(&mut app, |ui| retype(ui, "settings-date", "20/9/2026"));
    assert_eq!(
        app.problem().as_deref(),
        Some("Ngày tổ chức (20/09/2026) phải nằm trong đợt từ 01/07/2026 đến 19/08/2026.")
    );
    assert_eq!(
        reopen(&db(&dir)).event(2026).unwrap().unwrap().date,
        NaiveDate::from_ymd_opt(2026, 8, 14).unwrap()
    );
}

#[test]
fn a_file_that_cannot_be_opened_gets_a_screen_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao.docx");
    std::fs::write(&path, b"PK\x03\x04 word document").unwrap();
    let mut app = App::boot(path.clone(), today());
    assert_shows(&app, &["Không mở được dữ liệu", "Mở tệp khác…"]);
    assert!(
        app.problem()
            .unwrap()
            .contains("không phải là tệp dữ liệu của Ngày hội")
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"PK\x03\x04 word document");

    // Choosing another file in the dialog opens it.
    let good = db(&dir);
    Store::open(&good)
        .unwrap()
        .fill_demo(&ngayhoi::demo::build())
        .unwrap();
    through_dialog(
        &mut app,
        "Mở tệp khác…",
        |m| {
            matches!(
                m,
                Message::Failure(failure::Message::Elsewhere(elsewhere::Message::ChooseOther))
            )
        },
        Message::Failure(failure::Message::Elsewhere(elsewhere::Message::Chosen(
            Some(good),
        ))),
    );
    assert_eq!(app.snapshot().unwrap().unit.name, "Phường Chợ Quán");
}

#[test]
fn escape_closes_the_step_being_added_and_tab_is_a_shortcut() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    click(&mut app, "+ Thêm việc");
    let editing = |app: &App| simulator(app).find(id("checklist-title")).is_ok();
    assert!(editing(&app));
    let escape = key(keyboard::key::Named::Escape, keyboard::Modifiers::empty());
    send(&mut app, shortcut(escape).expect("Escape is a shortcut"));
    assert!(!editing(&app));
    let tab = key(keyboard::key::Named::Tab, keyboard::Modifiers::SHIFT);
    assert!(matches!(
        shortcut(tab),
        Some(Message::Shortcut(Shortcut::PreviousField))
    ));
}

/// Types `text` into the field `field` and presses Enter.
fn type_in<'a>(
    field: &'static str,
    text: &'a str,
) -> impl FnOnce(&mut iced_test::Simulator<'_, Message>) -> Result<(), iced_test::Error> + 'a {
    move |ui| {
        ui.click(id(field))?;
        let _ = ui.typewrite(text);
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    }
}

#[test]
fn two_adds_queued_before_the_first_is_saved_are_each_undone_on_their_own_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let step = "Mời đoàn văn nghệ thiếu nhi";
    let delegate = "Hồ Thị Thu Trang";

    // A step, then a delegate on another screen, both typed before the file has the step.
    let mut held = act_before_saved(&mut app, |ui| ui.click("+ Thêm việc").map(drop));
    held.extend(act_before_saved(&mut app, type_in("checklist-title", step)));
    assert!(app.is_saving(), "the step is on its way to the file");
    held.extend(act_before_saved(&mut app, |ui| {
        ui.click("Đại biểu và điểm").map(drop)
    }));
    held.extend(act_before_saved(&mut app, |ui| {
        ui.click("+ Thêm đại biểu").map(drop)
    }));
    held.extend(act_before_saved(
        &mut app,
        type_in("delegate-name", delegate),
    ));
    settle(&mut app, iced::Task::batch(held));

    let stored = |dir: &tempfile::TempDir| {
        let (checklist, delegates) = of_2026(dir, |store, event| {
            Ok((store.checklist(event)?, store.delegates(event)?))
        });
        let steps: Vec<String> = checklist.into_iter().map(|s| s.title).collect();
        let delegates: Vec<String> = delegates.into_iter().map(|d| d.name).collect();
        (steps, delegates)
    };
    let (steps, delegates) = stored(&dir);
    assert!(steps.iter().any(|s| s == step));
    assert_eq!(delegates.len(), 7);
    assert!(shows(&app, "Đã thêm đại biểu Hồ Thị Thu Trang."));

    // Ctrl+Z on the guests screen takes away the delegate, and only the delegate.
    undo(&mut app);
    let (steps, delegates) = stored(&dir);
    assert!(delegates.iter().all(|d| d != delegate), "{delegates:?}");
    assert_eq!(delegates.len(), 6, "no other delegate was removed");
    assert!(steps.iter().any(|s| s == step), "the step stays");

    // Back on the overview, Ctrl+Z takes away the step.
    click(&mut app, "Tổng quan");
    assert!(shows(&app, &format!("Đã thêm “{step}”.")));
    undo(&mut app);
    let (steps, delegates) = stored(&dir);
    assert!(steps.iter().all(|s| s != step));
    assert_eq!(delegates.len(), 6);
}

/// The text of the window at `size` that ends past its right edge, if any.
fn past_the_right_edge(app: &App, size: iced::Size) -> Option<String> {
    let mut ui = iced_test::Simulator::with_size(gui::settings(), size, app.view());
    ui.find(
        |candidate: iced_test::selector::Candidate<'_>| match candidate {
            iced_test::selector::Candidate::Text {
                content, bounds, ..
            } if bounds.x + bounds.width > size.width + 0.5 => Some(format!(
                "“{content}” ends at x = {}",
                bounds.x + bounds.width
            )),
            _ => None,
        },
    )
    .ok()
}

/// At 1024×640, the smallest window a committee laptop gives, and at 1366×768, the most common
/// one, no text of any screen runs past the window's right edge (the receipt list's tab of
/// "In ấn" was cut off there): a ward's ten sections, and a province's "Tổng hợp báo cáo".
#[test]
fn no_screen_runs_past_the_right_edge_at_1024x640_or_1366x768() {
    let sizes = [
        iced::Size::new(1024.0, 640.0),
        iced::Size::new(1366.0, 768.0),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    for section in [
        Section::Overview,
        Section::Ceremony,
        Section::Guests,
        Section::Festival,
        Section::Visits,
        Section::Honors,
        Section::Certificates,
        Section::Papers,
        Section::Report,
        Section::Settings,
    ] {
        send(&mut app, Ws::Navigate(section));
        for size in sizes {
            if let Some(found) = past_the_right_edge(&app, size) {
                panic!("{section:?} at {size:?}: {found}");
            }
        }
    }
    let province = tempfile::tempdir().unwrap();
    let mut app = App::boot(db(&province), today());
    click(&mut app, "Mẫu của một tỉnh");
    send(&mut app, Ws::Navigate(Section::Consolidation));
    assert!(shows(&app, "36/42"), "the province's units are shown");
    for size in sizes {
        if let Some(found) = past_the_right_edge(&app, size) {
            panic!("Consolidation at {size:?}: {found}");
        }
    }
}

/// At 1024×640 every section of a ward's sidebar shows whole above the saved state, with no
/// scrolling to find "Cài đặt".
#[test]
fn every_section_of_the_sidebar_shows_at_1024x640() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app(&dir);
    let window = iced::Size::new(1024.0, 640.0);
    let mut ui = iced_test::Simulator::with_size(gui::settings(), window, app.view());
    let mut top_of = |label: &str| -> (f32, f32) {
        let found = ui.find(
            |candidate: iced_test::selector::Candidate<'_>| match candidate {
                iced_test::selector::Candidate::Text {
                    content, bounds, ..
                } if content == label && bounds.x < 220.0 => Some((bounds.y, bounds.height)),
                _ => None,
            },
        );
        found.unwrap_or_else(|e| panic!("“{label}” is not in the sidebar: {e:?}"))
    };
    let (saved, _) = top_of("✓ Đã lưu");
    assert!(saved < window.height, "the saved state is below the window");
    for label in [
        "Tổng quan",
        "Phần lễ",
        "Đại biểu và điểm",
        "Phần hội",
        "Thăm hỏi",
        "Khen thưởng",
        "In giấy khen",
        "In ấn",
        "Báo cáo",
        "Cài đặt",
    ] {
        let (y, height) = top_of(label);
        assert!(
            y + height <= saved,
            "“{label}” ends at y = {}, under the saved state at {saved}",
            y + height
        );
    }

    // tests/ime/run.sh clicks these entries by position in the real window: where it clicks
    // is on their labels (within a few pixels of the text, which the entry's padding holds).
    let script = std::fs::read_to_string("tests/ime/run.sh").unwrap();
    let clicked = |name: &str| -> f32 {
        let line = script
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} is not set in tests/ime/run.sh"));
        line.trim().parse().unwrap()
    };
    for (name, label) in [("VISITS_Y", "Thăm hỏi"), ("HONORS_Y", "Khen thưởng")] {
        let (y, height) = top_of(label);
        let at = clicked(name);
        assert!(
            (y - 4.0..=y + height + 4.0).contains(&at),
            "tests/ime/run.sh clicks “{label}” at y = {at}; the entry's text is at {y}–{}",
            y + height
        );
    }
}
