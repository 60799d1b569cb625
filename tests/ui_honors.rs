//! Commendations as a secretary keeps them: decisions, recipients with register numbers given
//! automatically and never reused, a typed number checked, undo, and a list imported.

mod common;

use common::*;
use iced_test::selector::id;
use ngayhoi::domain::{Form, Recipient};
use ngayhoi::gui::Section;
use ngayhoi::gui::screen::honors;
use ngayhoi::storage::Store;

fn recipients(dir: &tempfile::TempDir) -> Vec<Recipient> {
    of_2026(dir, Store::recipients)
}

#[test]
fn a_new_recipient_gets_the_next_register_number_and_undo_keeps_numbers() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    assert_shows(
        &app,
        &[
            "Ông Nguyễn Văn An",
            "Người được khen theo Quyết định số 125/QĐ-UBND (Chủ tịch Ủy ban nhân dân phường Chợ Quán)",
        ],
    );
    ctrl_key(&mut app, "n");
    interact(&mut app, |ui| {
        ui.click(id(honors::RECIPIENT_NAME))?;
        let _ = ui.typewrite("Đỗ Thị Hoa");
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        Ok(())
    });
    let added = recipients(&dir)
        .into_iter()
        .find(|r| r.name == "Đỗ Thị Hoa")
        .unwrap();
    assert_eq!(added.register_no, Some(6), "after the demo's five");
    assert_eq!(added.form, Form::Certificate);
    assert!(added.achievement.contains("năm 2026"));
    assert!(shows(&app, "Đã thêm Đỗ Thị Hoa."));

    // Removing her frees nothing; undo brings her back with number 6.
    click_row(&mut app, &added.display_name(), "Xóa");
    assert!(shows(
        &app,
        "Đã xóa Đỗ Thị Hoa (số vào sổ 6 không cấp lại cho người khác)."
    ));
    assert!(recipients(&dir).iter().all(|r| r.name != "Đỗ Thị Hoa"));
    undo(&mut app);
    let back = recipients(&dir)
        .into_iter()
        .find(|r| r.name == "Đỗ Thị Hoa")
        .unwrap();
    assert_eq!((back.id, back.register_no), (added.id, Some(6)));
}

#[test]
fn a_typed_register_number_already_given_is_refused_and_nothing_is_saved() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    let before = recipients(&dir);
    let an = before.iter().find(|r| r.name == "Nguyễn Văn An").unwrap();
    click_row(&mut app, &an.display_name(), "Sửa");
    interact(&mut app, |ui| {
        retype(ui, "recipient-register", "1")?;
        scroll_to(ui, "Lưu");
        ui.click("Lưu").map(drop)
    });
    assert!(shows(
        &app,
        "Số vào sổ 1 đã cấp cho Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc Khu phố 3; hãy chọn số khác hoặc để trống để tự cấp."
    ));
    assert_eq!(recipients(&dir), before);
}

#[test]
fn a_new_decision_then_a_recipient_list_imported_into_it() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    // The number follows the year's highest.
    add_proposed_decision(&mut app);
    let decisions = of_2026(&dir, Store::decisions);
    assert!(decisions.iter().any(|d| d.number == "126/QĐ-UBND"));
    assert!(shows(&app, "Đã thêm quyết định số 126/QĐ-UBND."));

    let file = saved(
        &dir,
        "khen.csv",
        "STT;Hình thức;Đối tượng;Họ và tên;Giới tính;Chức vụ, đơn vị\n1;Giấy khen;Cá nhân;Võ Văn Kiệt;Nam;Tổ viên tổ dân phố 9\n2;Biểu dương;Tập thể;Chi hội Phụ nữ Khu phố 5;;\n",
    );
    import_recipients(&mut app, &file);
    assert!(shows(&app, "Nhập 2 người được khen"));
    click(&mut app, "Nhập 2 người được khen");
    let all = recipients(&dir);
    let kiet = all.iter().find(|r| r.name == "Võ Văn Kiệt").unwrap();
    let new_decision = decisions
        .iter()
        .find(|d| d.number == "126/QĐ-UBND")
        .unwrap();
    assert_eq!(
        kiet.decision_id, new_decision.id,
        "rows without a decision go to the one shown"
    );
    assert_eq!(kiet.register_no, Some(6));
    assert!(
        all.iter()
            .any(|r| r.name == "Chi hội Phụ nữ Khu phố 5" && r.register_no.is_none())
    );
    assert!(shows(&app, "Ông Võ Văn Kiệt"));
}

#[test]
fn print_leads_to_the_certificate_section() {
    let (_dir, mut app) = demo_in_new_folder(Section::Honors);
    click(&mut app, "In giấy khen… (Ctrl+P)");
    assert_eq!(app.section(), Some(Section::Certificates));
    click(&mut app, "Khen thưởng");
    ctrl_key(&mut app, "p");
    assert_eq!(app.section(), Some(Section::Certificates));
}

#[test]
fn a_list_row_naming_a_decision_goes_to_it_and_rows_that_cannot_be_placed_are_named() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    let before = recipients(&dir);
    // Row 3 names the year's decision without its date: it goes there. Row 4 names a
    // decision the year does not have and gives no date: nowhere to put it.
    let file = saved(
        &dir,
        "khen.csv",
        "STT;Hình thức;Họ và tên;Số quyết định;Ngày quyết định\n\
         1;Giấy khen;Võ Văn Kiệt;;\n\
         2;Giấy khen;Lý Thị Hai;125/QĐ-UBND;\n\
         3;Giấy khen;Đỗ Văn Ba;200/QĐ-UBND;\n",
    );
    import_recipients(&mut app, &file);
    click(&mut app, "Nhập 3 người được khen");
    assert!(
        shows(
            &app,
            "Chưa nhập dòng nào. Dòng 4 có số quyết định chưa có trong năm 2026 nhưng thiếu ngày quyết định: hãy ghi ngày trong tệp."
        ),
        "the refusal is shown with the preview still open"
    );
    assert_eq!(recipients(&dir), before, "nothing is saved");

    std::fs::write(
        &file,
        "STT;Hình thức;Họ và tên;Số quyết định;Ngày quyết định\n\
         1;Giấy khen;Võ Văn Kiệt;;\n\
         2;Giấy khen;Lý Thị Hai;125/qđ-ubnd;\n",
    )
    .unwrap();
    import_recipients(&mut app, &file);
    click(&mut app, "Nhập 2 người được khen");
    let decisions = of_2026(&dir, Store::decisions);
    assert_eq!(decisions.len(), 1, "no decision made up for row 3");
    let all = recipients(&dir);
    for name in ["Võ Văn Kiệt", "Lý Thị Hai"] {
        let r = all.iter().find(|r| r.name == name).unwrap();
        assert_eq!(r.decision_id, decisions[0].id);
    }
}

#[test]
fn rows_without_a_decision_are_named_when_the_year_has_none_and_one_can_be_added() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    plan_2027(&mut app);
    assert_eq!(app.snapshot().unwrap().plan.event.year, 2027);
    let file = saved(
        &dir,
        "khen-2027.csv",
        "STT;Hình thức;Họ và tên\n1;Giấy khen;Phan Văn Tám\n2;Giấy khen;Mai Thị Mười\n",
    );
    import_recipients(&mut app, &file);
    click(&mut app, "Nhập 2 người được khen");
    assert!(shows(
        &app,
        "Chưa nhập dòng nào. Các dòng 2 và 3 không có số quyết định: hãy thêm một quyết định trước (các dòng đó sẽ vào quyết định đang chọn), hoặc ghi số, ngày quyết định trong tệp."
    ));
    // The decision is added without leaving the preview, then the list goes into it.
    // The year has no number to follow: the secretary types it.
    add_decision_numbered(&mut app, "12/QĐ-UBND");
    click_at_end(&mut app, "Nhập 2 người được khen");
    let store = reopen(&db(&dir));
    let event = store.event(2027).unwrap().unwrap();
    assert_eq!(store.decisions(event.id).unwrap().len(), 1);
    let list = store.recipients(event.id).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|r| r.register_no.is_some()));
}
