//! The report screen as a secretary uses it: the figures the app computed, a figure typed in
//! (saved at once, its percentage shown), the narrative following the figures until she edits
//! it, Ctrl+Z, "Khôi phục đoạn văn mặc định", and the paper shown before it is saved. Every
//! test clicks and types in the whole window; the file and the screen are read afterwards.

mod common;

use std::path::Path;

use common::*;
use iced::keyboard::{Modifiers, key::Named};
use iced_test::Simulator;
use iced_test::selector::id;
use ngayhoi::domain::report::{Figure, Section};
use ngayhoi::gui::screen::report;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section as Nav};
use ngayhoi::storage::Store;

fn entered(dir: &tempfile::TempDir, figure: Figure) -> Option<u32> {
    of_2026(dir, Store::entered_figures).get(figure)
}

fn stored_text(dir: &tempfile::TempDir, section: Section) -> (String, bool) {
    let report = reopen(&db(dir)).report(2026).unwrap().unwrap();
    (report.text(section), report.is_edited(section))
}

fn figure_field(figure: Figure) -> String {
    format!("report-{}", figure.code())
}

/// What the section's editor holds on screen.
fn editor_text(app: &App, section: Section) -> String {
    app.report().expect("the workspace").section_text(section)
}

/// Clicks into the section's editor, goes to its start (Ctrl+Home) and types `text` there.
fn type_at_start(
    ui: &mut Simulator<'_, Message>,
    section: Section,
    text: &str,
) -> Result<(), iced_test::Error> {
    click_field(ui, &format!("report-section-{}", section.code()));
    let _ = ui.simulate([iced::Event::Keyboard(key(Named::Home, Modifiers::CTRL))]);
    let _ = ui.typewrite(text);
    Ok(())
}

/// Types into the section as `type_at_start` does, and checks the sidebar says "Đang lưu…"
/// until the file has it, then "✓ Đã lưu".
fn type_and_save(app: &mut App, section: Section, text: &str) {
    let held = act_before_saved(app, |ui| type_at_start(ui, section, text));
    assert!(shows(app, "Đang lưu…"), "the sidebar says it is saving");
    settle(app, iced::Task::batch(held));
    assert!(shows(app, "✓ Đã lưu"), "then that it is saved");
}

const EDITED: &str = "Đã sửa";
const DEFAULT: &str = "Đoạn văn mặc định, tự cập nhật theo số liệu";

/// Clicks one of the paper's save buttons (it asks the system's save dialog), and answers
/// the dialog with `path`.
fn save_as(app: &mut App, button: &str, output: report::Output, path: &Path) {
    through_dialog(
        app,
        button,
        |m| matches!(m, Message::Workspace(Ws::Report(report::Message::Save(o))) if *o == output),
        Ws::Report(report::Message::Chosen(output, Some(path.to_path_buf()))),
    );
}

/// Clicks the figure's field `field`, at the end of the screen, and types `text` there.
fn type_figure(app: &mut App, field: &str, text: &str) {
    interact(app, |ui| {
        scroll_down(ui);
        ui.click(id(field.to_string()))?;
        let _ = ui.typewrite(text);
        Ok(())
    });
}

#[test]
fn the_computed_figures_stand_beside_last_year() {
    let (_dir, app) = demo_in_new_folder(Nav::Report);
    assert_shows(
        &app,
        &[
            "Báo cáo · Năm 2026",
            "Số liệu tính từ dữ liệu",
            "Năm 2025",
            "Lượt người tham gia (lượt)",
        ],
    );
    assert!(shows(&app, "11.600.000 đ"), "prize money of 2026");
    assert!(shows(&app, "Xuất báo cáo… (Ctrl+P)"));
}

#[test]
fn a_figure_typed_in_is_saved_and_its_percentage_shown() {
    let (dir, mut app) = demo_in_new_folder(Nav::Report);
    type_figure(&mut app, "report-khu_dan_cu_tong", "5");
    assert_eq!(entered(&dir, Figure::AreasTotal), Some(5));
    // IBus commits Enter as "\r" while a word is composed: stripped, the figure kept.
    type_figure(&mut app, "report-khu_dan_cu_dat", "4\r");
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(4));
    assert!(shows(&app, "= 80,0%"));
    // The results section was never edited, so its default follows the figures.
    let (results, edited) = stored_text(&dir, Section::Results);
    assert!(!edited);
    assert!(
        results.contains("Có 4/5 khu dân cư (80,0%) đạt chuẩn “An toàn về an ninh, trật tự”."),
        "{results}"
    );

    // More areas meeting the standard than there are: shown, not saved.
    interact(&mut app, |ui| {
        retype(ui, &figure_field(Figure::AreasMeeting), "6")
    });
    assert!(shows(
        &app,
        "Chưa lưu: Khu dân cư: số đạt chuẩn (6) không được lớn hơn tổng số (5)."
    ));
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(4));
    // Raising the total saves both.
    interact(&mut app, |ui| {
        retype(ui, &figure_field(Figure::AreasTotal), "6")
    });
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(6));
    assert_eq!(entered(&dir, Figure::AreasTotal), Some(6));
    assert!(shows(&app, "= 100,0%"));

    // Ctrl+Z undoes that edit whole: the total is 5 again, and the areas meeting the standard
    // are back to what was stored before it.
    undo(&mut app);
    assert_eq!(entered(&dir, Figure::AreasTotal), Some(5));
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(4));
    assert!(shows(&app, "= 80,0%"));
}

#[test]
fn the_narrative_is_edited_undone_and_reset_to_its_default() {
    let (dir, mut app) = demo_in_new_folder(Nav::Report);
    let lessons = Section::Lessons.label();
    let (default, edited) = stored_text(&dir, Section::Lessons);
    assert!(!edited && default.starts_with("Một là"));
    assert!(shows_in_row(&app, lessons, DEFAULT));
    assert_eq!(editor_text(&app, Section::Lessons), default);

    type_and_save(&mut app, Section::Lessons, "Bốn là, ");
    let typed = format!("Bốn là, {default}");
    assert_eq!(stored_text(&dir, Section::Lessons), (typed.clone(), true));
    assert_eq!(editor_text(&app, Section::Lessons), typed);
    assert!(shows_in_row(&app, lessons, EDITED));

    // One Ctrl+Z takes the whole group of keystrokes back to the default.
    undo(&mut app);
    assert_eq!(
        stored_text(&dir, Section::Lessons),
        (default.clone(), false)
    );
    assert_eq!(editor_text(&app, Section::Lessons), default);
    assert!(shows_in_row(&app, lessons, DEFAULT));

    type_and_save(&mut app, Section::Lessons, "X");
    assert_eq!(
        stored_text(&dir, Section::Lessons),
        (format!("X{default}"), true)
    );
    click_row(&mut app, lessons, "Khôi phục đoạn văn mặc định");
    assert_eq!(
        stored_text(&dir, Section::Lessons),
        (default.clone(), false)
    );
    assert_eq!(editor_text(&app, Section::Lessons), default);
    assert!(shows(
        &app,
        "Đã khôi phục đoạn văn mặc định của mục “Bài học kinh nghiệm”."
    ));
    assert!(shows_in_row(&app, lessons, DEFAULT));
}

#[test]
fn a_default_section_follows_the_figures_an_edited_one_stays() {
    let (dir, mut app) = demo_in_new_folder(Nav::Report);
    assert!(!editor_text(&app, Section::Results).contains("tin báo"));
    let (proposals, edited) = stored_text(&dir, Section::Proposals);
    assert!(!edited && proposals.starts_with("Đề nghị"), "{proposals}");

    interact(&mut app, |ui| {
        retype(ui, &figure_field(Figure::TipsReceived), "15")
    });
    assert_eq!(entered(&dir, Figure::TipsReceived), Some(15));
    type_and_save(&mut app, Section::Proposals, "Đ");
    let typed = format!("Đ{proposals}");
    assert_eq!(stored_text(&dir, Section::Proposals), (typed.clone(), true));
    assert!(shows_in_row(&app, Section::Proposals.label(), EDITED));

    let results = editor_text(&app, Section::Results);
    assert!(
        results.contains("Tiếp nhận 15 tin báo, tố giác tội phạm; ký kết 5 bản giao ước thi đua."),
        "{results}"
    );
    assert_eq!(editor_text(&app, Section::Proposals), typed);
    assert_eq!(field(&app, &figure_field(Figure::TipsReceived)), "15");

    // Another figure typed: the default section follows it, the edited one stays as typed.
    interact(&mut app, |ui| {
        retype(ui, &figure_field(Figure::TipsReceived), "16")
    });
    assert!(editor_text(&app, Section::Results).contains("Tiếp nhận 16 tin báo"));
    assert_eq!(editor_text(&app, Section::Proposals), typed);
    assert_eq!(stored_text(&dir, Section::Proposals), (typed, true));
}

#[test]
fn ctrl_p_shows_the_paper_and_saving_writes_pdf_and_xlsx() {
    let (dir, mut app) = demo_in_new_folder(Nav::Report);
    ctrl_key(&mut app, "p");
    assert!(shows(&app, "Xuất báo cáo · Năm 2026"));
    assert!(
        shows(&app, "Trang 1 / 5"),
        "the demo's report has five pages"
    );
    let pdf = dir.path().join("bao-cao.pdf");
    save_as(&mut app, "Lưu PDF…", report::Output::Pdf, &pdf);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(shows(&app, &format!("Đã lưu “{}”.", pdf.display())));
    let xlsx = dir.path().join("bao-cao.xlsx");
    save_as(
        &mut app,
        "Lưu bảng Excel (.xlsx)…",
        report::Output::Xlsx,
        &xlsx,
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    assert!(shows(&app, &format!("Đã lưu “{}”.", xlsx.display())));
    click(&mut app, "← Quay lại số liệu");
    assert!(shows(&app, "Số liệu tính từ dữ liệu"));
}

/// A first year (no year before it): the figures never entered have no figure at all, and the
/// paper leaves their rows out until the secretary ticks "In cả dòng chưa có số liệu".
#[test]
fn rows_without_any_figure_are_left_out_until_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = first_year_app(&dir);
    click(&mut app, "Báo cáo");
    ctrl_key(&mut app, "p");
    assert!(shows_part(&app, "dòng chưa có số liệu năm nào"));
    let pages = preview_pages;
    let fewer = pages(&app);
    click(&mut app, "In cả dòng chưa có số liệu (in “-”)");
    let more = pages(&app);
    assert!(fewer > 0 && more >= fewer, "{fewer} pages, then {more}");
    // The size of the PDF saved as the screen stands, then the box ticked again.
    let pdf = dir.path().join("bao-cao.pdf");
    let saved_size = |app: &mut App| {
        save_as(app, "Lưu PDF…", report::Output::Pdf, &pdf);
        std::fs::read(&pdf).unwrap().len()
    };
    let kept = saved_size(&mut app);
    click(&mut app, "In cả dòng chưa có số liệu (in “-”)");
    let left_out = saved_size(&mut app);
    assert!(
        left_out < kept,
        "the paper without the empty rows is shorter"
    );
}
