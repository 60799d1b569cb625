//! Gift visits as a secretary works with them: find a household without typing accents,
//! give every family of a category the same gift in one go, mark visits done, undo.

mod common;

use common::*;
use iced_test::selector::id;
use ngayhoi::domain::{Category, Household, Visit, VisitStatus};
use ngayhoi::gui::app::{Shortcut, committed_tab};
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{Message, Section};

fn stored(dir: &tempfile::TempDir) -> (Vec<Household>, Vec<Visit>) {
    of_2026(dir, |store, event| {
        Ok((store.households()?, store.visits(event)?))
    })
}

#[test]
fn a_search_without_accents_finds_the_household() {
    let (_dir, mut app) = demo_in_new_folder(Section::Visits);
    assert_shows(&app, &["Nguyễn Thị Hằng (1938)", "Trần Văn Đức (1950)"]);
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
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
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
        ngayhoi::gui::workspace::Message::Visits(
            ngayhoi::gui::screen::visits::Message::CategoryFilter(Some(Category::Poor)),
        ),
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
        retype(ui, "gift-value", "300.000 đ")
    });
    click(&mut app, "Tạo các lượt thăm");

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

    undo(&mut app);
    assert_eq!(stored(&dir).1, before, "undo removes the whole batch");
}

#[test]
fn planned_visits_are_marked_done_with_today_and_a_removed_household_comes_back() {
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    click(&mut app, "Lượt thăm năm 2026 (16)");
    let (_, before) = stored(&dir);
    let planned = before
        .iter()
        .filter(|v| v.status == VisitStatus::Planned)
        .count();
    assert_eq!(planned, 5);
    click(&mut app, "Đánh dấu đã thăm (5 lượt dự kiến)");
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
    assert!(households.iter().any(|h| h.name == "Nguyễn Thị Hằng"));
    click(&mut app, "Hộ gia đình (16)");
    click_row(&mut app, "Nguyễn Thị Hằng (1938)", "Xóa");
    assert!(shows(&app, "Đã xóa hộ Nguyễn Thị Hằng cùng 2 lượt thăm."));
    assert_eq!(stored(&dir).0.len(), 15);
    assert!(stored(&dir).0.iter().all(|h| h.name != "Nguyễn Thị Hằng"));
    undo(&mut app);
    let (households, visits) = stored(&dir);
    assert_eq!(households.len(), 16);
    assert_eq!(visits, after);
}

#[test]
fn an_import_previews_lets_the_secretary_pick_a_column_and_saves_all() {
    use ngayhoi::gui::screen::visits::Message as Visits;
    use ngayhoi::import::Field;

    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    // "Nhóm" is not a header the app knows: the category column must be chosen by hand.
    let file = saved(
        &dir,
        "ho-moi.csv",
        "STT;Họ và tên;Địa chỉ;Nhóm\n1;Hồ Văn Mười;Tổ 1, Khu phố 3;Hộ nghèo\n2;Đinh Thị Tư;Tổ 2, Khu phố 4;Gia đình liệt sĩ\n3;;Tổ 2, Khu phố 4;Hộ nghèo\n",
    );
    import_households(&mut app, &file);
    assert_shows(
        &app,
        &[
            "Chưa có cột “Diện”: hãy chọn cột cho trường này.",
            "Chưa nhập được: hãy sửa các lỗi",
        ],
    );
    assert_eq!(stored(&dir).0.len(), 16, "nothing is saved by a preview");

    send(
        &mut app,
        Ws::Visits(Visits::ImportPanel(
            ngayhoi::gui::screen::import::Message::Remap(3, Some(Field::Category)),
        )),
    );
    assert_shows(
        &app,
        &[
            "Dòng 4: Thiếu họ và tên.",
            "Chưa nhập được: hãy sửa các lỗi",
        ],
    );

    // The secretary closes the preview, fixes the file and opens it again.
    click(&mut app, "Hủy");
    assert_eq!(
        stored(&dir).0.len(),
        16,
        "nothing is saved by a cancelled preview"
    );
    std::fs::write(
        dir.path().join("ho-moi.csv"),
        "STT;Họ và tên;Địa chỉ;Diện\n1;Hồ Văn Mười;Tổ 1, Khu phố 3;Hộ nghèo\n2;Đinh Thị Tư;Tổ 2, Khu phố 4;Gia đình liệt sĩ\n",
    )
    .unwrap();
    import_households(&mut app, &file);
    click(&mut app, "Nhập 2 hộ");
    let (households, _) = stored(&dir);
    assert_eq!(households.len(), 18);
    assert!(households.iter().any(|h| h.name == "Đinh Thị Tư"
        && h.category == Category::Martyr
        && h.address == "Tổ 2, Khu phố 4"));
    assert_shows(
        &app,
        &[
            "Hộ gia đình (18)",
            "Đã nhập 2 hộ. Bản sao lưu trước khi nhập ở trong thư mục sao lưu.",
        ],
    );
}

#[test]
fn the_visits_go_to_excel_with_values_as_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    use ngayhoi::gui::screen::visits::Message as Visits;

    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    let path = dir.path().join("tham-hoi-2026.xlsx");
    through_dialog(
        &mut app,
        "Xuất Excel…",
        |m| matches!(m, Message::Workspace(Ws::Visits(Visits::Export))),
        Ws::Visits(Visits::ExportTo(Some(path.clone()))),
    );
    assert!(shows(
        &app,
        &format!("Đã lưu danh sách thăm hỏi vào “{}”.", path.display())
    ));
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Thăm hỏi 2026").unwrap();
    let total: f64 = range
        .rows()
        .filter_map(|r| match r.get(11) {
            Some(Data::Float(v)) => Some(*v),
            _ => None,
        })
        .sum();
    assert_eq!(
        total,
        7_700_000.0 + 400_000.0,
        "every visit, the cancelled one too"
    );
}

#[test]
fn a_household_added_by_typing_then_edited_and_both_undone() {
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    let before = stored(&dir).0;
    open_form(&mut app, "+ Thêm hộ", "household-name", |ui| {
        let _ = ui.typewrite("Lê Thị Mai");
        ui.click(id("household-birth-year"))?;
        let _ = ui.typewrite("1941");
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        Ok(())
    });
    let added = stored(&dir).0;
    assert_eq!(added.len(), before.len() + 1);
    let mai = added.iter().find(|h| h.name == "Lê Thị Mai").unwrap();
    assert_eq!(mai.birth_year, Some(1941));
    assert!(shows(&app, "Đã thêm hộ Lê Thị Mai."));

    // Edit its year in the row's form, then Ctrl+Z twice: the year back, then no household.
    let mai = mai.id;
    interact(&mut app, |ui| {
        ui.click(id(ngayhoi::gui::screen::visits::SEARCH))?;
        let _ = ui.typewrite("le thi mai");
        Ok(())
    });
    open_form(&mut app, "Sửa", "household-birth-year", |ui| {
        for _ in 0..4 {
            let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        let _ = ui.typewrite("1942");
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        Ok(())
    });
    let year = |dir| {
        stored(dir)
            .0
            .into_iter()
            .find(|h| h.id == mai)
            .and_then(|h| h.birth_year)
    };
    assert_eq!(year(&dir), Some(1942));
    undo(&mut app);
    assert_eq!(year(&dir), Some(1941));
    undo(&mut app);
    assert_eq!(stored(&dir).0, before, "adding it is undone too");
}

/// IBus, through XIM, sends Tab pressed while a word is composed as a committed "\t" before the
/// word. The word stays in the field it was typed in, nothing is added for the tab, and the
/// window then moves to the next field, as a Tab key does.
#[test]
fn tab_through_an_input_method_keeps_the_last_word_and_moves_on() {
    let (_dir, mut app) = demo_in_new_folder(Section::Visits);
    click(&mut app, "+ Thêm hộ");
    let tab = iced::Event::InputMethod(iced_test::core::input_method::Event::Commit("\t".into()));
    interact(&mut app, |ui| {
        ui.click(id("household-name"))?;
        let _ = ui.typewrite("Phạm Thị Ngân ");
        let _ = ui.simulate([tab.clone()]);
        commit(ui, "Hằng");
        Ok(())
    });
    assert_eq!(field(&app, "household-name"), "Phạm Thị Ngân Hằng");

    // The app hears the commit (a subscription in the window) and moves on once the word is in.
    let heard = committed_tab(
        tab,
        iced::event::Status::Captured,
        iced::window::Id::unique(),
    )
    .expect("a committed tab is heard");
    let task = app.update(heard);
    let stream = iced_test::runtime::task::into_stream(task).expect("the app answers with a task");
    let outputs: Vec<_> =
        iced::futures::executor::block_on(iced::futures::StreamExt::collect::<Vec<_>>(stream));
    assert!(
        outputs.iter().any(|action| matches!(
            action,
            iced_test::runtime::Action::Output(Message::Shortcut(Shortcut::NextField))
        )),
        "the next field gets the focus, as with the Tab key"
    );
    // A plain commit is not a tab.
    let word =
        iced::Event::InputMethod(iced_test::core::input_method::Event::Commit("Hằng".into()));
    assert!(
        committed_tab(
            word,
            iced::event::Status::Ignored,
            iced::window::Id::unique()
        )
        .is_none()
    );
}

/// Clicking "Lưu" while IBus still composes the last word (it shows in the field, underlined)
/// saves the word too: the field takes it before the click reaches the button.
#[test]
fn save_clicked_while_a_word_is_composed_saves_that_word() {
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    open_form(&mut app, "+ Thêm hộ", "household-name", |ui| {
        let _ = ui.typewrite("Phạm Thị Ngân ");
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Preedit("Hằng".into(), None),
        )]);
        ui.click("Lưu").map(drop)
    });
    let households = stored(&dir).0;
    assert!(
        households.iter().any(|h| h.name == "Phạm Thị Ngân Hằng"),
        "{:?}",
        households.iter().map(|h| &h.name).collect::<Vec<_>>()
    );
}

/// Whether the bytes of the file at `path` hold `text` anywhere.
fn file_holds(path: &std::path::Path, text: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn a_family_that_asks_to_be_forgotten_is_taken_out_of_the_backups_after_a_question() {
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    let backup = reopen(&db(&dir))
        .backup_by_hand(chrono::Local::now().naive_local())
        .unwrap();
    assert!(file_holds(&backup, "Nguyễn Thị Hằng"));
    interact(&mut app, |ui| {
        ui.click(id(ngayhoi::gui::screen::visits::SEARCH))?;
        let _ = ui.typewrite("nguyen thi hang");
        Ok(())
    });
    click(&mut app, "Xóa");
    assert!(shows(&app, "Đã xóa hộ Nguyễn Thị Hằng cùng 2 lượt thăm."));
    assert!(
        file_holds(&backup, "Nguyễn Thị Hằng"),
        "an ordinary removal keeps the backups"
    );

    // The secretary changes her mind at the question: nothing more happens, undo still works.
    click(&mut app, "Xóa hẳn…");
    assert!(shows_part(&app, "Việc này không hoàn tác được"));
    click(&mut app, "Giữ lại");
    assert!(!shows_part(&app, "Việc này không hoàn tác được"));
    assert!(file_holds(&backup, "Nguyễn Thị Hằng"));

    click(&mut app, "Xóa hẳn…");
    click(&mut app, "Xóa hẳn");
    assert!(shows_part(
        &app,
        "Đã xóa hẳn hộ “Nguyễn Thị Hằng” khỏi tệp dữ liệu và khỏi"
    ));
    let copies = ngayhoi::storage::backup::copies(backup.parent().unwrap());
    assert!(copies.iter().any(|c| c.path == backup));
    for copy in &copies {
        assert!(
            !file_holds(&copy.path, "Nguyễn Thị Hằng"),
            "{} still names the family",
            copy.path.display()
        );
    }
    assert!(!file_holds(&db(&dir), "Nguyễn Thị Hằng"));
    // Nothing brings the family back: Ctrl+Z has no removal to undo any more.
    undo(&mut app);
    assert!(stored(&dir).0.iter().all(|h| h.name != "Nguyễn Thị Hằng"));
    assert_eq!(stored(&dir).0.len(), 15);
}
