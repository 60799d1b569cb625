//! Register numbers printed with the leading zeros the unit's register uses ("Số chữ số của số
//! vào sổ" in Cài đặt), read back from the PDFs `ngayhoi export` writes: the certificate and
//! the list attached to the decision. And the report's "In cả dòng chưa có số liệu", which the
//! unit remembers: `export report` follows the last choice unless `--keep-empty` says keep.

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/pdf.rs"]
mod pdf;

use std::path::{Path, PathBuf};

use cli_support::{demo_with_recipient, export, exported, ok_on};
use ngayhoi::domain::report::EmptyRows;
use ngayhoi::domain::{Form, Recipient, RecipientKind, RegisterDigits, Sex};
use ngayhoi::storage::Store;

const NAME: &str = "Đinh Thị Hồng Nhung";

/// The demo, with a certificate typed in as number 7 of the first decision's register, and
/// the unit's register written with `digits` digits.
fn demo(dir: &tempfile::TempDir, digits: u8) -> PathBuf {
    let (db, mut store) = demo_with_recipient(dir, |decision| {
        let mut r = Recipient::new(decision, RecipientKind::Individual, Form::Certificate, NAME);
        r.sex = Some(Sex::Female);
        r.register_no = Some(7);
        r
    });
    let mut unit = store.unit().unwrap().unwrap();
    unit.register_digits = RegisterDigits::new(digits).unwrap();
    store.save_unit(&unit).unwrap();
    db
}

/// The certificate of the recipient numbered 7, and of the first one.
fn certificates(digits: u8) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir, digits);
    let out = exported(&db, "certificates", "giay-khen.pdf");
    let pages: Vec<String> = pdf::Pdf::read(&out)
        .pages
        .iter()
        .map(pdf::Page::flat)
        .collect();
    let page = |name: &str| {
        pages
            .iter()
            .find(|p| p.contains(name))
            .unwrap_or_else(|| panic!("a page for {name}: {pages:?}"))
            .clone()
    };
    (page(NAME), page("Ban Chỉ đạo phong trào Toàn dân"))
}

#[test]
fn the_certificate_prints_the_register_number_with_the_units_digits() {
    let (seventh, first) = certificates(4);
    assert!(seventh.contains("Số vào sổ: 0007"), "{seventh}");
    assert!(first.contains("Số vào sổ: 0001"), "{first}");

    let (seventh, first) = certificates(1);
    assert!(seventh.contains("Số vào sổ: 7"), "{seventh}");
    assert!(!seventh.contains("Số vào sổ: 0"), "{seventh}");
    assert!(first.contains("Số vào sổ: 1"), "{first}");

    // Three digits unless the unit says otherwise, as every earlier version printed them.
    let (seventh, _) = certificates(3);
    assert!(seventh.contains("Số vào sổ: 007"), "{seventh}");
}

/// The list attached to the first decision: the row of the recipient numbered 7.
fn decision_list(digits: u8) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir, digits);
    let store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let number = store.decisions(event.id).unwrap()[0].number.clone();
    drop(store);
    let out = dir.path().join("danh-sach.pdf");
    ok_on(
        &db,
        &export(
            "decision-list",
            &out,
            &["--decision", &number, "--year", "2026"],
        ),
    );
    pdf::Pdf::read(&out).flat()
}

#[test]
fn the_decision_list_prints_the_register_column_with_the_units_digits() {
    let list = decision_list(4);
    assert!(
        list.contains(&format!("Bà {NAME} Giấy khen 0007")),
        "{list}"
    );
    assert!(list.contains("0001"), "{list}");

    let list = decision_list(1);
    assert!(list.contains(&format!("Bà {NAME} Giấy khen 7")), "{list}");
    assert!(!list.contains("001"), "{list}");
}

/// A first year, nothing entered: the report has rows with no figure in any year.
fn first_year(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("ngayhoi.sqlite3");
    ok_on(
        &db,
        &[
            "init",
            "--unit",
            "Phường Hòa Hưng",
            "--level",
            "phuong",
            "--province",
            "Thành phố Hồ Chí Minh",
            "--place",
            "Hòa Hưng",
            "--year",
            "2026",
        ],
    );
    db
}

fn remember(db: &Path, rows: EmptyRows) {
    let mut store = Store::open(db).unwrap();
    let mut unit = store.unit().unwrap().unwrap();
    unit.empty_rows = rows;
    store.save_unit(&unit).unwrap();
}

fn report(db: &Path, keep_empty: bool) -> String {
    let out = db.with_file_name("bao-cao.pdf");
    let mut args = vec!["export", "report", "--out", out.to_str().unwrap()];
    if keep_empty {
        args.push("--keep-empty");
    }
    ok_on(db, &args);
    pdf::Pdf::read(&out).flat()
}

#[test]
fn export_report_follows_the_choice_the_unit_remembers() {
    let dir = tempfile::tempdir().unwrap();
    let db = first_year(&dir);
    // A row the paper leaves out while nothing is entered: the first the app names.
    let report_data = Store::open(&db).unwrap().report(2026).unwrap().unwrap();
    let note = ngayhoi::papers::report::empty_rows_note(&report_data).expect("empty rows");
    let row = note
        .split_once(": ")
        .unwrap()
        .1
        .split("; ")
        .next()
        .unwrap()
        .trim_end_matches('.')
        .to_string();

    let omitted = report(&db, false);
    assert!(!omitted.contains(&row), "{row} left out: {omitted}");
    let forced = report(&db, true);
    assert!(forced.contains(&row), "{row} kept: {forced}");

    remember(&db, EmptyRows::Keep);
    assert_eq!(report(&db, false), forced, "the remembered choice");
    remember(&db, EmptyRows::Omit);
    assert_eq!(report(&db, false), omitted);
    assert_eq!(report(&db, true), forced, "--keep-empty keeps them");
}
