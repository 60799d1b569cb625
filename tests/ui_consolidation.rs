//! "Tổng hợp" as a province's secretary uses it: the province's example from the welcome
//! screen, who has reported and who has not, a unit typed into the list and taken away again,
//! a package that arrives from a unit not on the list and is added to it, and the consolidated
//! report saved.

mod common;

use common::*;
use ngayhoi::gui::screen::consolidation::{self, Message as C, Output};
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section};
use ngayhoi::storage::Store;

/// The province's example in a new folder, open on "Tổng hợp báo cáo".
fn province_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::boot(db(&dir), today());
    click(&mut app, "Mẫu của một tỉnh");
    assert!(
        shows(&app, "Tổng hợp báo cáo"),
        "the sidebar offers Tổng hợp to a province"
    );
    click(&mut app, "Tổng hợp báo cáo");
    assert_eq!(app.section(), Some(Section::Consolidation));
    (dir, app)
}

/// "Nhận báo cáo…" (the system's dialog to pick files), answered with `package`.
fn take(app: &mut App, package: &std::path::Path) {
    through_dialog(
        app,
        "Nhận báo cáo…",
        |m| matches!(m, Message::Workspace(Ws::Consolidation(C::TakeFiles))),
        Ws::Consolidation(C::Chosen(vec![package.to_path_buf()])),
    );
}

/// A save button of the consolidated report (the system's save dialog), answered with `path`.
fn save_as(app: &mut App, button: &str, output: Output, path: &std::path::Path) {
    through_dialog(
        app,
        button,
        |m| matches!(m, Message::Workspace(Ws::Consolidation(C::Export(o))) if *o == output),
        Ws::Consolidation(C::ExportTo(output, Some(path.to_path_buf()))),
    );
}

fn expected_units(dir: &tempfile::TempDir) -> Vec<String> {
    labels_of_2026(dir, Store::expected_units, |u| u.name)
}

#[test]
fn a_ward_has_no_consolidation_screen() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app(&dir);
    assert!(shows(&app, "Báo cáo"));
    assert!(!shows(&app, "Tổng hợp báo cáo"));
}

#[test]
fn the_province_sees_who_has_reported_and_who_has_not() {
    let (_dir, app) = province_app();
    assert!(shows(&app, "Tổng hợp báo cáo · Năm 2026"));
    assert!(shows(&app, "36/42"), "36 of the 42 expected units reported");
    assert_shows(&app, &["đơn vị chưa gửi", "6"]);
    assert!(
        shows_part(&app, "bị sửa tay"),
        "the package typed over by hand is flagged"
    );
    assert!(shows(&app, "Cộng (36 đơn vị)"));
    let data = app.snapshot().unwrap();
    let table = &data.consolidation.as_ref().unwrap().table;
    let missing: Vec<&str> = table.missing().map(|r| r.name.as_str()).collect();
    assert_eq!(missing.len(), 6);
}

#[test]
fn a_unit_typed_into_the_list_is_saved_and_undone() {
    let (dir, mut app) = province_app();
    open_form(&mut app, "+ Thêm đơn vị", "expected-unit-name", |ui| {
        let _ = ui.typewrite("Phường Tân Mai");
        let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
        Ok(())
    });
    assert!(expected_units(&dir).contains(&"Phường Tân Mai".to_string()));
    assert_shows(&app, &["36/43", "Đã thêm “Phường Tân Mai”."]);
    undo(&mut app);
    assert!(!expected_units(&dir).contains(&"Phường Tân Mai".to_string()));
    assert!(shows(&app, "36/42"));
}

#[test]
fn a_package_from_a_unit_not_listed_is_taken_and_the_unit_added() {
    let dir = tempfile::tempdir().unwrap();
    // A ward's package, made by the ward's own copy of the app.
    let ward = dir.path().join("phuong.sqlite3");
    let package = dir.path().join("BaoCao-NgayHoi-2026-PhuongChoQuan.xlsx");
    let bin = env!("CARGO_BIN_EXE_ngayhoi");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["--db", ward.to_str().unwrap(), "demo"]);
    run(&[
        "--db",
        ward.to_str().unwrap(),
        "export",
        "report-package",
        "--out",
        package.to_str().unwrap(),
    ]);

    let (province, mut app) = province_app();
    take(&mut app, &package);
    assert!(
        shows_part(&app, "Phường Chợ Quán"),
        "the file's line names the unit"
    );
    assert_shows(&app, &["37/42", "Ngoài danh sách"]);
    click(&mut app, "Thêm vào danh sách");
    assert!(expected_units(&province).contains(&"Phường Chợ Quán".to_string()));
    assert_shows(&app, &["37/43", "Đã thêm 1 đơn vị vào danh sách."]);

    // The same file again is refused, with its reason, and nothing changes.
    take(&mut app, &package);
    assert!(shows_part(&app, "đã nhận tệp này"));
    assert!(shows(&app, "37/43"));
}

#[test]
fn the_consolidated_report_is_saved_as_pdf_and_excel() {
    let (dir, mut app) = province_app();
    let pdf = dir.path().join("tong-hop.pdf");
    save_as(
        &mut app,
        "Lưu báo cáo tổng hợp (PDF)… (Ctrl+P)",
        Output::Pdf,
        &pdf,
    );
    assert!(shows(&app, &format!("Đã lưu “{}”.", pdf.display())));
    let doc = lopdf::Document::load_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    assert!(doc.get_pages().len() >= 2, "the report and its annex");
    let xlsx = dir.path().join("tong-hop.xlsx");
    save_as(&mut app, "Xuất Excel…", Output::Xlsx, &xlsx);
    assert!(shows(&app, &format!("Đã lưu “{}”.", xlsx.display())));
    use calamine::Reader;
    let book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert!(!book.sheet_names().is_empty());

    // Ctrl+P on this screen saves the consolidated report.
    assert!(matches!(
        consolidation::shortcut(ngayhoi::gui::shortcut::Shortcut::Print),
        Some(ngayhoi::gui::shortcut::Action::Update(C::Export(
            Output::Pdf
        )))
    ));
}

#[test]
fn a_resent_package_can_give_way_to_the_earlier_one() {
    let (dir, mut app) = province_app();
    let current = |app: &App| {
        let data = app.snapshot().unwrap();
        let c = data.consolidation.as_ref().unwrap();
        c.packages
            .iter()
            .filter(|p| p.current && p.package.unit == "Phường Long Bình")
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    let before = current(&app);
    assert_eq!(before.len(), 1, "the demo's resent unit counts once");
    click(&mut app, "Dùng bản trước");
    let after = current(&app);
    assert_eq!(after.len(), 1);
    assert_ne!(
        after, before,
        "the earlier package is the current one again"
    );
    let store = reopen(&db(&dir));
    let kept = store.received_packages(2026).unwrap();
    assert!(
        kept.iter().any(|p| p.id == before[0] && !p.current),
        "the later package is kept, not deleted"
    );
    assert!(
        shows(&app, "36/42"),
        "still one package counted for the unit"
    );
}
