//! What the unit keeps for its papers, set in the window: the digits its register numbers
//! print with ("Số chữ số của số vào sổ" in Cài đặt) and the report's "In cả dòng chưa có số
//! liệu", both saved in the data file and still there when the app starts again.

mod common;
#[path = "support/pdf.rs"]
mod pdf;

use common::*;
use ngayhoi::domain::report::EmptyRows;
use ngayhoi::gui::screen::report;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Section as Nav};

fn digits(dir: &tempfile::TempDir) -> u8 {
    reopen(&db(dir))
        .unit()
        .unwrap()
        .unwrap()
        .register_digits
        .get()
}

#[test]
fn the_register_digits_are_chosen_in_settings_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    send(&mut app, Ws::Navigate(Nav::Settings));
    assert!(shows(&app, "Ví dụ: Số vào sổ: 007"));
    assert_eq!(digits(&dir), 3);

    click(&mut app, "4 chữ số (0007)");
    assert_eq!(digits(&dir), 4);
    assert_shows(
        &app,
        &["Ví dụ: Số vào sổ: 0007", "✓ Mọi thay đổi đã được lưu"],
    );

    // Ctrl+Z puts the three digits back, in the file too.
    undo(&mut app);
    assert_eq!(digits(&dir), 3);
    assert!(shows(&app, "Ví dụ: Số vào sổ: 007"));

    // Chosen again, the Khen thưởng list writes the numbers as the register does.
    click(&mut app, "4 chữ số (0007)");
    assert_eq!(digits(&dir), 4);
    send(&mut app, Ws::Navigate(Nav::Honors));
    assert!(shows(&app, "0001"));
    assert!(!shows(&app, "001"));
}

const KEEP: &str = "In cả dòng chưa có số liệu (in “-”)";

fn open_report(app: &mut App) {
    click(app, "Báo cáo");
    ctrl_key(app, "p");
    assert!(shows_part(app, "dòng chưa có số liệu năm nào"));
}

/// A first year, so that the report has rows with no figure at all.
#[test]
fn the_reports_empty_rows_stay_kept_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = first_year_app(&dir);
    open_report(&mut app);
    let fewer = preview_pages(&app);
    click(&mut app, KEEP);
    let kept = preview_pages(&app);
    assert!(kept > fewer, "{fewer} pages, then {kept}");
    let stored = |dir: &tempfile::TempDir| reopen(&db(dir)).unit().unwrap().unwrap().empty_rows;
    assert_eq!(stored(&dir), EmptyRows::Keep);
    drop(app);

    // The app started again on the same file: still ticked.
    let mut app = App::boot(db(&dir), today());
    open_report(&mut app);
    assert_eq!(preview_pages(&app), kept);
    // The PDF saved keeps the rows the paper would leave out, the first one named.
    let note = ngayhoi::papers::report::empty_rows_note(&app.snapshot().unwrap().report).unwrap();
    let row = note.split_once(": ").unwrap().1.split("; ").next().unwrap();
    let pdf = dir.path().join("bao-cao.pdf");
    send(
        &mut app,
        Ws::Report(report::Message::Chosen(
            report::Output::Pdf,
            Some(pdf.clone()),
        )),
    );
    let text = pdf::Pdf::read(&pdf).flat();
    assert!(text.contains(row.trim_end_matches('.')), "{row}: {text}");

    // Unticked: remembered as well.
    click(&mut app, KEEP);
    assert_eq!(preview_pages(&app), fewer);
    assert_eq!(stored(&dir), EmptyRows::Omit);
}
