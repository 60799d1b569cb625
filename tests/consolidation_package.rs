//! The report package a unit sends up ("Gửi báo cáo lên cấp trên", `export report-package`):
//! written from the demo ward, read back as the province reads it; its figures equal the
//! report's, no household's name, address or phone is in it, a figure edited by hand is
//! flagged, and files that are not packages are refused with their reasons.

#[path = "support/cli.rs"]
mod cli_support;

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use cli_support::{export, ngayhoi_on, stdout};
use ngayhoi::consolidation::{PackageError, read};
use ngayhoi::domain::Form;
use ngayhoi::export::Cell;
use ngayhoi::storage::Store;

fn demo_store(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("phuong.sqlite3")).unwrap();
    store.fill_demo(&ngayhoi::demo::build()).unwrap();
    store
}

/// Every string of every sheet of an .xlsx.
fn all_text(bytes: &[u8]) -> String {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            out.push_str(&cell.2.to_string());
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_package_reads_back_with_the_reports_figures_and_no_household() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let report = store.report(2026).unwrap().unwrap();
    let made = chrono::NaiveDate::from_ymd_opt(2026, 8, 20)
        .unwrap()
        .and_hms_opt(10, 15, 0)
        .unwrap();
    let bytes = ngayhoi::export::package::render(&report, made).unwrap();
    let parsed = read(bytes.clone()).unwrap();
    assert!(parsed.intact);
    let package = parsed.package;
    assert_eq!(package.unit, report.unit.name);
    assert_eq!(package.year, 2026);
    assert_eq!(package.event_date, report.event.date);
    assert_eq!(package.made_at, made);
    let figures = &report.this.figures;
    assert_eq!(
        package.figures["nguoi_tham_gia"],
        i64::from(figures.points.participants)
    );
    assert_eq!(package.figures["gia_tri_qua"], figures.gifts.overall.value);
    assert_eq!(
        package
            .commended
            .get(&Form::Certificate)
            .copied()
            .unwrap_or(0),
        figures.commended_with(Form::Certificate) as i64
    );
    for (figure, value) in report.this.entered.iter() {
        assert_eq!(package.figures[figure.code()], i64::from(value));
    }
    assert_eq!(
        package.sections[&ngayhoi::domain::report::Section::Results],
        report.text(ngayhoi::domain::report::Section::Results)
    );
    // The readable tables are there too, and no household is.
    let text = all_text(&bytes);
    assert!(text.contains("Số liệu chủ yếu"), "{text}");
    let demo = ngayhoi::demo::build();
    for household in &demo.households {
        assert!(!text.contains(&household.name), "{} leaked", household.name);
        if !household.phone.is_empty() {
            assert!(
                !text.contains(&household.phone),
                "{} leaked",
                household.phone
            );
        }
    }
}

#[test]
fn a_figure_typed_over_is_flagged_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let report = store.report(2026).unwrap().unwrap();
    let made = chrono::Local::now().naive_local();
    let package = ngayhoi::consolidation::Package::from_report(&report, made, "");
    // The data sheet as Excel saves it after someone typed over one figure.
    let mut sheet = ngayhoi::export::package::data_sheet(&package);
    let row = sheet
        .rows
        .iter_mut()
        .find(|r| r[0] == Cell::text("so_lieu.nguoi_tham_gia"))
        .unwrap();
    row[1] = Cell::Integer(99_999);
    let parsed = read(ngayhoi::export::to_xlsx(&[sheet]).unwrap()).unwrap();
    assert!(!parsed.intact);
    assert_eq!(parsed.package.figures["nguoi_tham_gia"], 99_999);
    // Untouched, the same sheet is intact.
    let sheet = ngayhoi::export::package::data_sheet(&package);
    assert!(
        read(ngayhoi::export::to_xlsx(&[sheet]).unwrap())
            .unwrap()
            .intact
    );
}

#[test]
fn files_that_are_not_packages_are_refused_with_their_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let report = store.report(2026).unwrap().unwrap();
    let sheet = ngayhoi::papers::report::sheet::render(&report).unwrap();
    let error = read(sheet).unwrap_err();
    assert_eq!(error, PackageError::NotPackage);
    assert!(
        error.to_string().contains("Gửi báo cáo lên cấp trên"),
        "{error}"
    );
    let error = read(b"PK\x03\x04 half a file".to_vec()).unwrap_err();
    assert_eq!(error, PackageError::Damaged);
    assert!(error.to_string().contains("bị hỏng"), "{error}");
}

#[test]
fn the_command_line_names_the_package_after_year_and_unit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("phuong.sqlite3");
    drop(demo_store(dir.path()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
        .current_dir(dir.path())
        .args([
            "--db",
            "phuong.sqlite3",
            "export",
            "report-package",
            "--year",
            "2026",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unit = ngayhoi::demo::unit().name;
    let name = ngayhoi::export::package::file_name(2026, &unit);
    assert!(stdout(&out).contains(&name), "{}", stdout(&out));
    let parsed = read(std::fs::read(dir.path().join(&name)).unwrap()).unwrap();
    assert_eq!(parsed.package.unit, unit);
    let explicit = dir.path().join("goi.xlsx");
    let out = ngayhoi_on(&db, &export("report-package", &explicit, &[]));
    assert!(out.status.success());
    assert!(read(std::fs::read(&explicit).unwrap()).unwrap().intact);
}
