//! Commendations as a secretary works with them: a decision and its recipients with their
//! register numbers, a number typed by hand that is already taken, removing and undoing,
//! importing a list into the selected decision.

mod common;

use common::*;
use iced::keyboard::{Modifiers, key::Named};
use iced_test::selector::id;
use ngayhoi::domain::{Decision, Form, Recipient, RecipientKind, Sex};
use ngayhoi::gui::app::{NewYear, shortcut};
use ngayhoi::gui::screen::honors::{self, Message as Honors};
use ngayhoi::gui::{App, Message, Section};

fn honors_app(dir: &tempfile::TempDir) -> App {
    let mut app = demo_app(dir);
    interact(&mut app, |ui| ui.click("Khen thưởng").map(drop));
    assert_eq!(app.section(), Some(Section::Honors));
    app
}

fn stored(dir: &tempfile::TempDir, year: i32) -> (Vec<Decision>, Vec<Recipient>) {
    let store = reopen(&db(dir));
    let event = store.event(year).unwrap().unwrap();
    (
        store.decisions(event.id).unwrap(),
        store.recipients(event.id).unwrap(),
    )
}

fn honors(app: &mut App, message: Honors) {
    send(app, Message::Honors(message));
}

#[test]
fn a_new_decision_and_its_recipients_get_the_next_register_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = honors_app(&dir);
    assert!(shows(
        &app,
        "Danh sách kèm theo Quyết định số 125/QĐ-UBND ngày 18/08/2026"
    ));
    assert!(shows(&app, "Ông Nguyễn Văn An"));

    // The form comes filled in: the next number, today, the ward's chairman.
    interact(&mut app, |ui| ui.click("+ Quyết định mới").map(drop));
    interact(&mut app, |ui| ui.click("Lưu quyết định").map(drop));
    let (decisions, _) = stored(&dir, 2026);
    let new = decisions
        .iter()
        .find(|d| d.number == "126/QĐ-UBND")
        .unwrap();
    assert_eq!(new.date, today());
    assert_eq!(new.issuer, "Ủy ban nhân dân phường Chợ Quán");
    assert_eq!(new.signer_title, "CHỦ TỊCH");
    assert!(shows(&app, "Đã thêm Quyết định số 126/QĐ-UBND."));
    assert!(
        shows(
            &app,
            "Danh sách kèm theo Quyết định số 126/QĐ-UBND ngày 20/08/2026"
        ),
        "the new decision is the one shown"
    );

    interact(&mut app, |ui| ui.click("+ Thêm người được khen").map(drop));
    interact(&mut app, |ui| {
        ui.click(id(honors::RECIPIENT_NAME))?;
        let _ = ui.typewrite("Võ Thị Sáu");
        Ok(())
    });
    honors(&mut app, Honors::SexPicked(Some(Sex::Female)));
    interact(&mut app, |ui| ui.click("Thêm vào danh sách").map(drop));
    let (_, recipients) = stored(&dir, 2026);
    let sau = recipients.iter().find(|r| r.name == "Võ Thị Sáu").unwrap();
    assert_eq!(sau.decision_id, new.id);
    assert_eq!(
        sau.register_no,
        Some(6),
        "the ward's 2026 register continues after the five of 125/QĐ-UBND"
    );
    assert_eq!(
        sau.achievement,
        "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026"
    );
    assert!(shows(&app, "Đã thêm Bà Võ Thị Sáu: số vào sổ 6."));
    assert!(shows(&app, "Bà Võ Thị Sáu"));

    // The form opens again blank for the next name; Enter committed by IBus as "\r" saves.
    interact(&mut app, |ui| {
        ui.click(id(honors::RECIPIENT_NAME))?;
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Commit("Đặng Văn Bảy\r".into()),
        )]);
        Ok(())
    });
    let (_, recipients) = stored(&dir, 2026);
    let bay = recipients
        .iter()
        .find(|r| r.name == "Đặng Văn Bảy")
        .unwrap();
    assert_eq!(bay.register_no, Some(7));
    assert!(shows(&app, "Đã thêm Đặng Văn Bảy: số vào sổ 7."));

    // Escape closes the form; Ctrl+N opens it again for the selected decision.
    send(
        &mut app,
        shortcut(key(Named::Escape, Modifiers::empty())).unwrap(),
    );
    assert!(!shows(&app, "Thêm vào danh sách"));
    send(&mut app, shortcut(ctrl("n")).unwrap());
    assert!(shows(&app, "Thêm vào danh sách"));
}

#[test]
fn a_register_number_already_given_is_refused_and_nothing_typed_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = honors_app(&dir);
    let (_, before) = stored(&dir, 2026);
    let holder = before.iter().find(|r| r.register_no == Some(3)).unwrap();

    send(&mut app, shortcut(ctrl("n")).unwrap());
    interact(&mut app, |ui| {
        ui.click(id(honors::RECIPIENT_NAME))?;
        let _ = ui.typewrite("Hoàng Văn Chín");
        ui.click(id(honors::REGISTER_NO))?;
        let _ = ui.typewrite("3");
        Ok(())
    });
    interact(&mut app, |ui| ui.click("Thêm vào danh sách").map(drop));
    assert!(shows(
        &app,
        &format!("Số vào sổ 3 đã cấp cho {}; hãy chọn số khác.", holder.name)
    ));
    assert_eq!(stored(&dir, 2026).1, before, "nothing is saved");
    assert_eq!(
        app.problem(),
        None,
        "the sentence is under the form, not on top"
    );

    // The form kept the name: only the number changes.
    interact(&mut app, |ui| {
        ui.click(id(honors::REGISTER_NO))?;
        let _ = ui.tap_key(Named::Backspace);
        let _ = ui.typewrite("12");
        Ok(())
    });
    interact(&mut app, |ui| ui.click("Thêm vào danh sách").map(drop));
    let (_, after) = stored(&dir, 2026);
    assert_eq!(after.len(), before.len() + 1);
    let chin = after.iter().find(|r| r.name == "Hoàng Văn Chín").unwrap();
    assert_eq!(chin.register_no, Some(12));
}

#[test]
fn a_removed_recipient_and_a_removed_decision_come_back_with_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = honors_app(&dir);
    let (decisions, before) = stored(&dir, 2026);
    let ngoc = before
        .iter()
        .find(|r| r.name == "Lê Thị Bích Ngọc")
        .unwrap()
        .clone();
    assert_eq!(ngoc.register_no, Some(4));

    honors(&mut app, Honors::RemoveRecipient(ngoc.id));
    assert!(shows(&app, "Đã xóa Bà Lê Thị Bích Ngọc (số vào sổ 4)."));
    assert_eq!(stored(&dir, 2026).1.len(), before.len() - 1);
    send(&mut app, shortcut(ctrl("z")).unwrap());
    let (_, after) = stored(&dir, 2026);
    let back = after.iter().find(|r| r.name == "Lê Thị Bích Ngọc").unwrap();
    assert_eq!(back, &ngoc, "same id, same register number, same details");

    // A whole decision, with its list.
    let decision = decisions[0].clone();
    honors(&mut app, Honors::RemoveDecision(decision.id));
    assert!(shows(
        &app,
        "Đã xóa Quyết định số 125/QĐ-UBND cùng 6 người được khen."
    ));
    assert!(stored(&dir, 2026).0.is_empty());
    assert!(shows(
        &app,
        "Chưa có quyết định khen thưởng nào trong năm này. Bấm “+ Quyết định mới” hoặc nhập danh sách từ tệp Excel."
    ));
    send(&mut app, shortcut(ctrl("z")).unwrap());
    let (decisions_back, recipients_back) = stored(&dir, 2026);
    assert_eq!(decisions_back, vec![decision]);
    let numbers = |list: &[Recipient]| {
        let mut n: Vec<(i64, Option<u32>)> = list.iter().map(|r| (r.id, r.register_no)).collect();
        n.sort();
        n
    };
    assert_eq!(numbers(&recipients_back), numbers(&after));
}

#[test]
fn an_imported_list_goes_to_the_selected_decision_with_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = honors_app(&dir);
    let file = dir.path().join("khen-thuong.csv");
    std::fs::write(
        &file,
        "STT;Đối tượng;Họ và tên;Giới tính;Năm sinh;Chức vụ, đơn vị;Hình thức;Thành tích\n\
         1;Cá nhân;Phan Văn Tám;Nam;1970;Tổ trưởng Tổ dân phố 3;Giấy khen;\n\
         2;Tập thể;Chi hội Cựu chiến binh Khu phố 6;;;;Giấy khen;Có nhiều đóng góp\n\
         3;Cá nhân;Mai Thị Mười;Nữ;1988;Đoàn viên;Biểu dương;\n",
    )
    .unwrap();
    honors(&mut app, Honors::ImportFile(Some(file)));
    assert!(shows(
        &app,
        "Các dòng không ghi số quyết định được đưa vào Quyết định số 125/QĐ-UBND ngày 18/08/2026."
    ));
    interact(&mut app, |ui| ui.click("Nhập 3 người được khen").map(drop));

    let (decisions, recipients) = stored(&dir, 2026);
    assert_eq!(decisions.len(), 1, "no new decision");
    let get = |name: &str| recipients.iter().find(|r| r.name == name).unwrap();
    let tam = get("Phan Văn Tám");
    assert_eq!(tam.decision_id, decisions[0].id);
    assert_eq!(tam.register_no, Some(6));
    assert_eq!(tam.kind, RecipientKind::Individual);
    assert!(tam.achievement.ends_with("năm 2026"), "the default text");
    let chi_hoi = get("Chi hội Cựu chiến binh Khu phố 6");
    assert_eq!(chi_hoi.kind, RecipientKind::Collective);
    assert_eq!(chi_hoi.register_no, Some(7));
    assert_eq!(chi_hoi.achievement, "Có nhiều đóng góp");
    let muoi = get("Mai Thị Mười");
    assert_eq!((muoi.form, muoi.register_no), (Form::Praise, None));
    assert!(shows(
        &app,
        "Đã nhập 3 người được khen (0 quyết định mới, 2 số vào sổ). Bản sao lưu trước khi nhập ở trong thư mục sao lưu."
    ));
    assert!(shows(&app, "Ông Phan Văn Tám"));
    assert!(shows(&app, "Chi hội Cựu chiến binh Khu phố 6"));
}

#[test]
fn a_list_without_decision_numbers_is_refused_when_the_year_has_no_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = honors_app(&dir);
    send(&mut app, Message::NewYear(NewYear::Open));
    send(&mut app, Message::NewYear(NewYear::Confirm));
    assert_eq!(app.snapshot().unwrap().event.year, 2027);
    assert!(shows(&app, "Khen thưởng · Năm 2027"));

    let file = dir.path().join("khen-2027.csv");
    std::fs::write(
        &file,
        "STT;Họ và tên;Hình thức;Số quyết định;Ngày quyết định\n\
         1;Phan Văn Tám;Giấy khen;;\n\
         2;Mai Thị Mười;Giấy khen;;\n\
         3;Lý Văn Một;Giấy khen;15/QĐ-UBND;05/01/2027\n",
    )
    .unwrap();
    honors(&mut app, Honors::ImportFile(Some(file)));
    interact(&mut app, |ui| ui.click("Nhập 3 người được khen").map(drop));
    assert!(shows(
        &app,
        "Chưa nhập dòng nào: Các dòng 2 và 3 không ghi số quyết định và năm 2027 chưa có quyết định nào để đưa vào. Hãy thêm quyết định (“+ Quyết định mới”) rồi bấm nhập lại, hoặc ghi số và ngày quyết định trong tệp."
    ));
    let (decisions, recipients) = stored(&dir, 2027);
    assert!(decisions.is_empty() && recipients.is_empty());
}
