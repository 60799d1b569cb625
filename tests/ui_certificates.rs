//! Printing certificates as a secretary does it: the preview is the page that prints, the
//! template is edited with typed millimetres (a decimal comma is fine), text that does not fit
//! is reported before anything is written, and the PDF has one page per certificate in
//! register order. Printer profiles are typed in and saved.

mod common;
#[path = "support/pdf.rs"]
mod pdf;

use common::*;
use iced::keyboard::key::Named;
use iced_test::selector::id;
use ngayhoi::certificate::{FieldKey, Mode};
use ngayhoi::document::Item;
use ngayhoi::domain::Form;
use ngayhoi::gui::screen::certificates;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section};
use pdf::{Page, Pdf};

/// Every string of the certificate shown in the preview, in order.
fn page_text(app: &App) -> String {
    let laid = app
        .certificates()
        .and_then(|c| c.laid())
        .expect("a certificate is shown");
    laid.page.texts().collect::<Vec<_>>().join(" ")
}

/// The left end of the first line of the recipient's name on the shown page.
fn name_x(app: &App, first_word: &str) -> f32 {
    let laid = app.certificates().and_then(|c| c.laid()).unwrap();
    laid.page
        .all_items()
        .find_map(|item| match item {
            Item::Text(t) if t.text.starts_with(first_word) => Some(t.x_mm),
            _ => None,
        })
        .expect("the name is on the page")
}

/// "Lưu PDF để in…" (it asks the system's save dialog), the dialog answered with `target`.
fn save_pdf(app: &mut App, target: &std::path::Path) {
    through_dialog(
        app,
        "Lưu PDF để in… (Ctrl+P)",
        |m| {
            matches!(
                m,
                Message::Workspace(Ws::Certificates(certificates::Message::Save))
            )
        },
        Ws::Certificates(certificates::Message::Chosen(Some(target.to_path_buf()))),
    );
}

fn open_certificates(app: &mut App) {
    click(app, "In giấy khen");
    assert_eq!(app.section(), Some(Section::Certificates));
    assert!(shows(app, "In giấy khen · Năm 2026"));
}

/// The demo in a new folder, open on "In giấy khen".
fn certificates_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    open_certificates(&mut app);
    (dir, app)
}

/// Shows the third certificate of the demo (register number 3: Ông Nguyễn Văn An).
fn show_an(app: &mut App) {
    click(app, "›");
    click(app, "›");
    assert!(shows(app, "Giấy 3 / 5"));
}

/// The demo on An's certificate with its template open for editing; where his name starts.
fn editing_an() -> (tempfile::TempDir, App, f32) {
    let (dir, mut app) = certificates_app();
    show_an(&mut app);
    let before = name_x(&app, "Ông");
    click(&mut app, "Sửa mẫu");
    (dir, app, before)
}

/// Clicks a cell of the editor, empties it and types `value`.
fn type_cell(app: &mut App, cell: &str, value: &str) {
    interact(app, |ui| {
        ui.click(id(cell.to_string()))?;
        for _ in 0..6 {
            ui.tap_key(Named::Backspace);
        }
        ui.typewrite(value);
        Ok(())
    });
}

#[test]
fn the_preview_is_the_certificate_and_blank_mode_leaves_out_the_printed_title() {
    let (_dir, mut app) = certificates_app();
    assert!(shows(&app, "Cả năm (5)"), "Biểu dương gets no certificate");
    show_an(&mut app);
    let page = page_text(&app);
    assert!(page.contains("Ông Nguyễn Văn An"), "{page}");
    assert!(page.contains("GIẤY KHEN"), "{page}");
    assert!(page.contains("Số vào sổ: 003"), "{page}");

    click(&mut app, "In trên phôi");
    let page = page_text(&app);
    assert!(page.contains("Ông Nguyễn Văn An"), "{page}");
    assert!(
        !page.contains("GIẤY KHEN"),
        "the blank carries the title: {page}"
    );
    assert!(!page.contains("CỘNG HÒA"), "{page}");
}

#[test]
fn typing_a_new_position_moves_the_box_and_saving_keeps_it() {
    let (dir, mut app, before) = editing_an();
    // A Vietnamese decimal comma.
    type_cell(&mut app, "cert-recipient-x", "45,5");
    let after = name_x(&app, "Ông");
    assert!(
        (after - before - 15.5).abs() < 0.01,
        "the name moved with its box: {before} → {after}"
    );
    assert!(shows(
        &app,
        "Có thay đổi chưa lưu: xem trước và bản in đã theo các số mới."
    ));

    click(&mut app, "Lưu mẫu");
    let saved = reopen(&db(&dir))
        .template_for(Form::Certificate, Mode::FullPage)
        .unwrap();
    assert_ne!(saved.id, 0);
    assert_eq!(saved.name, "Giấy khen A4 ngang, in cả trang");
    assert_eq!(saved.field(FieldKey::Recipient).unwrap().x_mm, 45.5);
    assert!(shows(&app, "Mẫu đã lưu."));
}

#[test]
fn a_box_off_the_paper_is_explained_and_cannot_be_saved() {
    let (dir, mut app, before) = editing_an();
    type_cell(&mut app, "cert-recipient-x", "250");
    assert!(shows(
        &app,
        "Ô “Người, tập thể được khen” nằm ra ngoài khổ giấy 297 × 210 mm."
    ));
    // Each keystroke applies: "25" was the last valid number typed, 5 mm left of 30.
    assert!(
        (name_x(&app, "Ông") - (before - 5.0)).abs() < 0.01,
        "the last valid template stays"
    );
    click(&mut app, "Lưu mẫu");
    assert!(
        reopen(&db(&dir)).templates().unwrap().is_empty(),
        "saving is disabled"
    );
    type_cell(&mut app, "cert-recipient-x", "3O");
    assert!(shows(
        &app,
        "Ô “Người, tập thể được khen”: “3O” không phải là số (ví dụ 12,5)."
    ));
}

const LONG: &str = "Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc, Ban Điều hành Khu phố 3, Chi hội Cựu chiến binh, Chi hội Phụ nữ, Chi đoàn Thanh niên và Tổ bảo vệ an ninh, trật tự ở cơ sở của Khu phố 3, phường Chợ Quán, Thành phố Hồ Chí Minh";

#[test]
fn a_name_too_long_for_its_box_is_reported_before_printing() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = ngayhoi::storage::Store::open(&db(&dir)).unwrap();
        store.fill_demo(&ngayhoi::demo::build()).unwrap();
        let event = store.event(2026).unwrap().unwrap();
        let mut collective = store
            .recipients(event.id)
            .unwrap()
            .into_iter()
            .find(|r| r.name.starts_with("Ban Chỉ đạo"))
            .unwrap();
        collective.name = LONG.into();
        store.save_recipient(&collective).unwrap();
    }
    let mut app = App::boot(db(&dir), today());
    open_certificates(&mut app);
    let laid = app.certificates().and_then(|c| c.laid()).unwrap();
    assert_eq!(laid.overflows.len(), 1, "register number 1 is shown first");
    assert!(shows(
        &app,
        &format!(
            "⚠ {LONG}: “{LONG}” không vừa ô “Người, tập thể được khen” dù đã thu nhỏ chữ. Hãy rút gọn, hoặc nới rộng ô trong mẫu."
        )
    ));

    // Ctrl+P asks first; nothing is written until "Vẫn in".
    ctrl_key(&mut app, "p");
    assert_shows(
        &app,
        &[
            "Có 1 chỗ chữ không vừa ô. In ra, chữ vẫn đủ nhưng sẽ tràn khỏi ô:",
            "Vẫn in",
        ],
    );
    click(&mut app, "Quay lại sửa");
    assert!(!shows(&app, "Vẫn in"));
}

#[test]
fn saving_writes_one_page_per_certificate_in_register_order() {
    let (dir, mut app) = certificates_app();
    let target = dir.path().join("giay-khen-2026.pdf");
    save_pdf(&mut app, &target);
    assert!(shows(&app, &format!("Đã lưu “{}”.", target.display())));
    assert!(shows(&app, "Mở để in"));
    let pages: Vec<String> = Pdf::read(&target).pages.iter().map(Page::flat).collect();
    assert_eq!(pages.len(), 5, "five Giấy khen, no Biểu dương");
    for (n, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Số vào sổ: {:03}", n + 1)), "{page}");
    }
    assert!(pages[2].contains("Ông Nguyễn Văn An"));

    // "In lại một giấy": only the certificate shown.
    show_an(&mut app);
    click(&mut app, "In lại một giấy (đang xem)");
    let one = dir.path().join("mot-giay.pdf");
    save_pdf(&mut app, &one);
    let one = Pdf::read(&one);
    assert_eq!(one.pages.len(), 1, "one page");
    let text = one.flat();
    assert!(text.contains("Số vào sổ: 003"));
}

#[test]
fn a_printer_profile_is_typed_in_with_decimal_commas() {
    let (dir, mut app) = certificates_app();
    click(&mut app, "Máy in và hiệu chỉnh");
    type_cell(&mut app, "printer-offset-x", "-1,5");
    type_cell(&mut app, "printer-scale", "1,01");
    // IBus commits Enter as "\r" while a word is composed: that saves.
    interact(&mut app, |ui| {
        ui.click(id("printer-name"))?;
        let _ = ui.simulate([iced::Event::InputMethod(
            iced_test::core::input_method::Event::Commit("Canon LBP 2900\r".into()),
        )]);
        Ok(())
    });
    let printers = reopen(&db(&dir)).printers().unwrap();
    assert_eq!(printers.len(), 1);
    assert_eq!(printers[0].name, "Canon LBP 2900");
    assert_eq!(
        (printers[0].offset_x_mm, printers[0].offset_y_mm),
        (-1.5, 0.0)
    );
    assert!((printers[0].scale - 1.01).abs() < 1e-6);
    assert!(shows(&app, "ngang −1,5 mm · dọc 0 mm · tỉ lệ 1,01"));
}

#[test]
fn the_calibration_page_is_saved_through_the_chosen_printer() {
    let (dir, mut app) = certificates_app();
    let target = dir.path().join("trang-hieu-chinh-a4.pdf");
    click(&mut app, "Máy in và hiệu chỉnh");
    through_dialog(
        &mut app,
        "In trang hiệu chỉnh…",
        |m| {
            matches!(
                m,
                Message::Workspace(Ws::Certificates(certificates::Message::Calibrate))
            )
        },
        Ws::Certificates(certificates::Message::CalibrationChosen(Some(
            target.clone(),
        ))),
    );
    assert!(shows(&app, &format!("Đã lưu “{}”.", target.display())));
    let text = Pdf::read(&target).flat();
    assert!(text.contains("TRANG HIỆU CHỈNH MÁY IN"), "{text}");
    assert!(text.contains("A4 ngang"), "{text}");
}

/// The preview opens fitted; Ctrl+= and Ctrl+- zoom by quarters, Ctrl+0 fits it again, and the
/// buttons above the page do the same.
#[test]
fn the_preview_zooms_in_and_out_and_fits_again() {
    let (_dir, mut app) = certificates_app();
    assert!(shows(&app, "100 %"), "the page opens fitted");
    // Each key pressed with Ctrl and the zoom shown after it.
    let keys = [
        ("=", "125 %"),
        ("+", "156 %"),
        ("0", "100 %"),
        ("-", "80 %"),
        ("-", "64 %"),
    ];
    for (key, zoom) in keys {
        ctrl_key(&mut app, key);
        assert!(shows(&app, zoom), "Ctrl+{key}: {zoom}");
    }
    click(&mut app, "Vừa trang (Ctrl+0)");
    assert!(shows(&app, "100 %"));
    click(&mut app, "+");
    assert!(shows(&app, "125 %"));
    click(&mut app, "−");
    assert!(shows(&app, "100 %"));
}
