//! The report screen as a secretary uses it: the figures the app computed, a figure typed in
//! (saved at once, its percentage shown), the narrative following the figures until she edits
//! it, Ctrl+Z, "Khôi phục đoạn văn mặc định", and the paper shown before it is saved.

mod common;

use common::*;
use iced::widget::text_editor::{Action, Edit};
use iced_test::selector::id;
use ngayhoi::domain::report::{Figure, Section};
use ngayhoi::gui::app::shortcut;
use ngayhoi::gui::data::Snapshot;
use ngayhoi::gui::screen::report::{self, Event, Report};
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Section as Nav};

fn report_app(dir: &tempfile::TempDir) -> App {
    let mut app = demo_app(dir);
    interact(&mut app, |ui| ui.click("Báo cáo").map(drop));
    assert_eq!(app.section(), Some(Nav::Report));
    app
}

fn entered(dir: &tempfile::TempDir, figure: Figure) -> Option<u32> {
    let store = reopen(&db(dir));
    let event = store.event(2026).unwrap().unwrap();
    store.entered_figures(event.id).unwrap().get(figure)
}

fn stored_text(dir: &tempfile::TempDir, section: Section) -> (String, bool) {
    let report = reopen(&db(dir)).report(2026).unwrap().unwrap();
    (report.text(section), report.is_edited(section))
}

#[test]
fn the_computed_figures_stand_beside_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let app = report_app(&dir);
    assert!(shows(&app, "Báo cáo · Năm 2026"));
    assert!(shows(&app, "Số liệu tính từ dữ liệu"));
    assert!(shows(&app, "Năm 2025"));
    assert!(shows(&app, "Lượt người tham gia (lượt)"));
    assert!(shows(&app, "11.600.000 đ"), "prize money of 2026");
    assert!(shows(&app, "Xuất báo cáo… (Ctrl+P)"));
}

#[test]
fn a_figure_typed_in_is_saved_and_its_percentage_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = report_app(&dir);
    interact(&mut app, |ui| {
        scroll_down(ui);
        ui.click(id("report-khu_dan_cu_tong"))?;
        let _ = ui.typewrite("5");
        Ok(())
    });
    assert_eq!(entered(&dir, Figure::AreasTotal), Some(5));
    interact(&mut app, |ui| {
        scroll_down(ui);
        ui.click(id("report-khu_dan_cu_dat"))?;
        // IBus commits Enter as "\r" while a word is composed: stripped, the figure kept.
        let _ = ui.typewrite("4\r");
        Ok(())
    });
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
    send(
        &mut app,
        Ws::Report(report::Message::FigureEdited(
            Figure::AreasMeeting,
            "6".into(),
        )),
    );
    assert!(shows(
        &app,
        "Chưa lưu: Khu dân cư: số đạt chuẩn (6) không được lớn hơn tổng số (5)."
    ));
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(4));
    // Raising the total saves both.
    send(
        &mut app,
        Ws::Report(report::Message::FigureEdited(
            Figure::AreasTotal,
            "6".into(),
        )),
    );
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(6));
    assert_eq!(entered(&dir, Figure::AreasTotal), Some(6));
    assert!(shows(&app, "= 100,0%"));

    // Ctrl+Z undoes that edit whole: the total is 5 again, and the areas meeting the standard
    // are back to what was stored before it.
    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert_eq!(entered(&dir, Figure::AreasTotal), Some(5));
    assert_eq!(entered(&dir, Figure::AreasMeeting), Some(4));
    assert!(shows(&app, "= 80,0%"));
}

#[test]
fn the_narrative_is_edited_undone_and_reset_to_its_default() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = report_app(&dir);
    let (default, edited) = stored_text(&dir, Section::Lessons);
    assert!(!edited && default.starts_with("Một là"));
    let edit = |action| Ws::Report(report::Message::SectionEdited(Section::Lessons, action));
    for c in "Bốn là, ".chars() {
        send(&mut app, edit(Action::Edit(Edit::Insert(c))));
    }
    let (text, edited) = stored_text(&dir, Section::Lessons);
    assert!(edited);
    assert!(text.starts_with("Bốn là, Một là"), "{text}");
    assert!(shows(&app, "Đã sửa"));

    // One Ctrl+Z takes the whole group of keystrokes back to the default.
    send(&mut app, shortcut(ctrl("z")).unwrap());
    assert_eq!(
        stored_text(&dir, Section::Lessons),
        (default.clone(), false)
    );

    send(&mut app, edit(Action::Edit(Edit::Insert('X'))));
    assert!(stored_text(&dir, Section::Lessons).1);
    send(
        &mut app,
        Ws::Report(report::Message::ResetSection(Section::Lessons)),
    );
    assert_eq!(stored_text(&dir, Section::Lessons), (default, false));
    assert!(shows(
        &app,
        "Đã khôi phục đoạn văn mặc định của mục “Bài học kinh nghiệm”."
    ));
}

#[test]
fn a_default_section_follows_the_figures_an_edited_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let _app = demo_app(&dir);
    let store = reopen(&db(&dir));
    let load =
        |store: &ngayhoi::storage::Store| Snapshot::load(store, Some(2026)).unwrap().unwrap();
    let data = load(&store);
    let mut screen = Report::new(&data);
    assert!(!screen.section_text(Section::Results).contains("tin báo"));

    let (_, event) = screen.update(
        report::Message::FigureEdited(Figure::TipsReceived, "15".into()),
        &data,
    );
    assert_eq!(
        event,
        Some(Event::SetFigures(vec![(Figure::TipsReceived, Some(15))]))
    );
    let (_, event) = screen.update(
        report::Message::SectionEdited(Section::Proposals, Action::Edit(Edit::Insert('Đ'))),
        &data,
    );
    assert!(matches!(
        event,
        Some(Event::SetSection(Section::Proposals, Some(_)))
    ));
    drop(store);
    let mut store = reopen(&db(&dir));
    let event_id = data.event.id;
    store
        .set_entered_figure(event_id, Figure::TipsReceived, Some(15))
        .unwrap();
    store
        .set_report_section(
            event_id,
            Section::Proposals,
            Some(&screen.section_text(Section::Proposals)),
        )
        .unwrap();

    screen.refresh(&load(&store));
    assert!(
        screen
            .section_text(Section::Results)
            .contains("Tiếp nhận 15 tin báo, tố giác tội phạm; ký kết 5 bản giao ước thi đua."),
        "{}",
        screen.section_text(Section::Results)
    );
    assert!(
        screen
            .section_text(Section::Proposals)
            .starts_with("ĐĐề nghị")
    );
    assert!(screen.is_edited(Section::Proposals));
    assert_eq!(screen.input(Figure::TipsReceived), "15");
}

#[test]
fn ctrl_p_shows_the_paper_and_saving_writes_pdf_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = report_app(&dir);
    send(&mut app, shortcut(ctrl("p")).unwrap());
    assert!(shows(&app, "Xuất báo cáo · Năm 2026"));
    assert!(
        shows(&app, "Trang 1 / 5"),
        "the demo's report has five pages"
    );
    let pdf = dir.path().join("bao-cao.pdf");
    send(
        &mut app,
        Ws::Report(report::Message::Chosen(
            report::Output::Pdf,
            Some(pdf.clone()),
        )),
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(shows(&app, &format!("Đã lưu “{}”.", pdf.display())));
    let xlsx = dir.path().join("bao-cao.xlsx");
    send(
        &mut app,
        Ws::Report(report::Message::Chosen(
            report::Output::Xlsx,
            Some(xlsx.clone()),
        )),
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    interact(&mut app, |ui| ui.click("← Quay lại số liệu").map(drop));
    assert!(shows(&app, "Số liệu tính từ dữ liệu"));
}

/// A first year (no year before it): the figures never entered have no figure at all, and the
/// paper leaves their rows out until the secretary ticks "In cả dòng chưa có số liệu".
#[test]
fn rows_without_any_figure_are_left_out_until_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = first_year_app(&dir);
    interact(&mut app, |ui| ui.click("Báo cáo").map(drop));
    send(&mut app, shortcut(ctrl("p")).unwrap());
    assert!(shows_part(&app, "dòng chưa có số liệu năm nào"));
    let pages = preview_pages;
    let fewer = pages(&app);
    interact(&mut app, |ui| {
        ui.click("In cả dòng chưa có số liệu (in “-”)").map(drop)
    });
    let more = pages(&app);
    assert!(fewer > 0 && more >= fewer, "{fewer} pages, then {more}");
    // The size of the PDF saved as the screen stands, then the box ticked again.
    let pdf = dir.path().join("bao-cao.pdf");
    let saved_size = |app: &mut App| {
        send(
            app,
            Ws::Report(report::Message::Chosen(
                report::Output::Pdf,
                Some(pdf.clone()),
            )),
        );
        std::fs::read(&pdf).unwrap().len()
    };
    let kept = saved_size(&mut app);
    interact(&mut app, |ui| {
        ui.click("In cả dòng chưa có số liệu (in “-”)").map(drop)
    });
    let left_out = saved_size(&mut app);
    assert!(
        left_out < kept,
        "the paper without the empty rows is shorter"
    );
}
