//! "Gửi báo cáo lên cấp trên" on the report screen: the button beside the other saves, and
//! the file it writes is a package the province's copy of the app reads, intact, with the
//! ward's figures.

mod common;

use common::*;
use ngayhoi::gui::screen::report;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{Message, Section};

#[test]
fn the_package_saved_from_the_report_screen_reads_back_intact() {
    let (dir, mut app) = demo_in_new_folder(Section::Report);
    ctrl_key(&mut app, "p");
    assert!(shows(&app, "Gửi báo cáo lên cấp trên"));
    let path = dir.path().join("goi.xlsx");
    // The button asks the system's save dialog, which cannot be answered headless: its
    // answer is sent as the dialog would.
    through_dialog(
        &mut app,
        "Gửi báo cáo lên cấp trên",
        |m| {
            matches!(
                m,
                Message::Workspace(Ws::Report(report::Message::Save(report::Output::Package)))
            )
        },
        Ws::Report(report::Message::Chosen(
            report::Output::Package,
            Some(path.clone()),
        )),
    );
    assert!(shows(&app, &format!("Đã lưu “{}”.", path.display())));
    let parsed = ngayhoi::consolidation::read(std::fs::read(&path).unwrap()).unwrap();
    assert!(parsed.intact);
    let stored = reopen(&db(&dir)).report(2026).unwrap().unwrap();
    assert_eq!(parsed.package.unit, stored.unit.name);
    assert_eq!(
        parsed.package.figures["nguoi_tham_gia"],
        i64::from(stored.this.figures.points.participants)
    );
}
