//! A province consolidates its units' reports, end to end through the command line: three
//! communes and wards build their files with the public storage functions, send their
//! packages with `export report-package` (2025 and 2026), and the province takes them in with
//! `consolidate`, then writes `export consolidated`. Checked as the province's staff would:
//! every total is the sum of the units' figures, a resent package replaces the earlier one
//! (which comes back), an edited package is flagged, and wrong files are refused with their
//! reasons while the province's file stays as it was.

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/pdf.rs"]
mod pdf;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use cli_support::{export, fails_saying, init_args, ngayhoi_on, ok_on, stderr, stdout};
use ngayhoi::consolidation::figures_of;
use ngayhoi::domain::report::Figure;
use ngayhoi::domain::{EventPoint, Level, PointKind, Unit, YearEvent};
use ngayhoi::storage::Store;
use pdf::Pdf;

const UNITS: [(&str, Level, &str); 3] = [
    ("Xã Tân Phú", Level::Commune, "Tân Phú"),
    ("Phường Long Bình", Level::Ward, "Long Bình"),
    ("Xã Phú Lý", Level::Commune, "Phú Lý"),
];
/// Expected too, but never sends anything.
const SILENT: &str = "Xã Đak Lua";

struct Province {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Province {
    fn unit_db(&self, i: usize) -> PathBuf {
        self.dir.path().join(format!("don-vi-{i}.sqlite3"))
    }

    /// The folder a year's packages are gathered in, as they arrive by e-mail.
    fn inbox(&self, year: i32) -> PathBuf {
        let dir = self.dir.path().join(format!("nhan-{year}"));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn consolidate(&self, args: &[&str]) -> std::process::Output {
        let mut all = vec!["consolidate"];
        all.extend_from_slice(args);
        ngayhoi_on(&self.db, &all)
    }

    /// `consolidate ARGS`, which must succeed; what it printed.
    fn consolidated(&self, args: &[&str]) -> String {
        let mut all = vec!["consolidate"];
        all.extend_from_slice(args);
        ok_on(&self.db, &all)
    }

    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }
}

/// Unit `i`'s file: 2025 and 2026, a point with its participants and a few entered figures,
/// all different from one unit to the next.
fn unit_file(db: &Path, i: usize) {
    let (name, level, place) = UNITS[i];
    let mut store = Store::open(db).unwrap();
    let mut unit = Unit::new(name, level, "Tỉnh Đồng Nai", place);
    unit.secretary_name = format!("Thư ký {i}");
    for year in [2025, 2026] {
        let event = if year == 2025 {
            store.initialize(&unit, &YearEvent::defaults(2025)).unwrap()
        } else {
            store.start_year_fresh(2026).unwrap()
        };
        let k = (i as u32 + 1) * (year as u32 - 2023);
        store
            .add_point(
                event.id,
                &EventPoint {
                    id: 0,
                    name: format!("Sân UBND {place}"),
                    kind: PointKind::Main,
                    date: NaiveDate::from_ymd_opt(year, 8, 15).unwrap(),
                    host: String::new(),
                    expected: 500,
                    actual: Some(300 + 100 * k),
                },
            )
            .unwrap();
        store
            .set_entered_figures(
                event.id,
                &[
                    (Figure::NewsItems, Some(10 + k)),
                    (Figure::AreasMeeting, Some(k)),
                    (Figure::AreasTotal, Some(k + 2)),
                ],
            )
            .unwrap();
        if i != 2 {
            store
                .set_entered_figure(event.id, Figure::TipsReceived, Some(k))
                .unwrap();
        }
    }
}

/// `export report-package` of unit `i` for `year` into `folder`; the file's path.
fn send(p: &Province, i: usize, year: i32, folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let out = folder.join(format!("goi-{i}-{year}.xlsx"));
    ok_on(
        &p.unit_db(i),
        &export("report-package", &out, &["--year", &year.to_string()]),
    );
    out
}

/// The province with its expected units, and every unit's file.
fn province() -> Province {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinh.sqlite3");
    let p = Province { dir, db };
    ok_on(
        &p.db,
        &init_args("Tỉnh Đồng Nai", "tỉnh", "Tỉnh Đồng Nai", "Biên Hòa", "2026"),
    );
    let mut store = p.store();
    let event = store.event(2026).unwrap().unwrap();
    let mut names: Vec<String> = UNITS.iter().map(|u| u.0.to_string()).collect();
    names.push(SILENT.into());
    store.add_expected_units(event.id, &names).unwrap();
    for i in 0..UNITS.len() {
        unit_file(&p.unit_db(i), i);
    }
    p
}

/// Every unit's packages of both years taken in, folder by folder.
fn taken_in() -> Province {
    let p = province();
    for year in [2025, 2026] {
        let inbox = p.inbox(year);
        for i in 0..UNITS.len() {
            send(&p, i, year, &inbox);
        }
        p.consolidated(&[inbox.to_str().unwrap(), "--year", &year.to_string()]);
    }
    p
}

/// What a unit's own report says, by key.
fn unit_figures(p: &Province, i: usize, year: i32) -> std::collections::BTreeMap<String, i64> {
    let report = Store::open(&p.unit_db(i))
        .unwrap()
        .report(year)
        .unwrap()
        .unwrap();
    figures_of(&report.this.figures, &report.this.entered)
}

#[test]
fn every_province_total_is_the_sum_of_the_units_figures() {
    let p = taken_in();
    let c = p.store().consolidation(2026).unwrap().unwrap();
    let mut expected = std::collections::BTreeMap::<String, i64>::new();
    for i in 0..UNITS.len() {
        for (key, value) in unit_figures(&p, i, 2026) {
            *expected.entry(key).or_default() += value;
        }
    }
    assert_eq!(c.totals.figures, expected);
    assert_eq!(c.totals.units, 3);
    // 300 + 100k participants, k = 3, 6, 9 in 2026 and 2, 4, 6 in 2025.
    assert_eq!(c.totals.figures["nguoi_tham_gia"], 600 + 900 + 1200);
    // Xã Phú Lý entered no tips: the total is of the two that did.
    assert_eq!(c.totals.given_by["tin_bao"], 2);
    let last = c.last.as_ref().expect("2025 was consolidated");
    assert_eq!(last.figures["nguoi_tham_gia"], 500 + 700 + 900);
    let missing: Vec<&str> = c.missing().map(|r| r.name.as_str()).collect();
    assert_eq!(missing, [SILENT]);

    // The papers.
    let pdf = p.dir.path().join("tong-hop.pdf");
    let xlsx = p.dir.path().join("tong-hop.xlsx");
    let run = ok_on(
        &p.db,
        &export("consolidated", &pdf, &["--xlsx", xlsx.to_str().unwrap()]),
    );
    assert!(run.contains("3/4 đơn vị đã báo cáo"), "{run}");
    let flat = Pdf::read(&pdf).flat();
    assert!(
        flat.contains("Tổng hợp kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026 trên địa bàn tỉnh Đồng Nai"),
        "{flat}"
    );
    for (name, ..) in UNITS {
        assert!(flat.contains(name), "{name} in the annex");
    }
    assert!(flat.contains(SILENT), "the unit that has not reported");
    assert!(flat.contains("2.700"), "the participants' total: {flat}");
    // Areas meeting the standard: 3 + 6 + 9 of 5 + 8 + 11.
    assert!(
        flat.contains("Tỷ lệ khu dân") && flat.contains("% 66,7% 75,0%"),
        "the share over all units, beside last year's (2 + 4 + 6 of 4 + 6 + 8): {flat}"
    );
    let mut book = Xlsx::new(Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    let units = book.worksheet_range("Các đơn vị").unwrap();
    let total_row = units
        .rows()
        .find(|r| r.first().is_some_and(|c| c.to_string().starts_with("Cộng")))
        .unwrap();
    assert!(
        total_row.contains(&Data::Float(2700.0)),
        "the total is a number: {total_row:?}"
    );
}

#[test]
fn a_resent_package_replaces_the_earlier_one_which_can_be_restored() {
    let p = taken_in();
    let inbox = p.inbox(2026);
    // Xã Tân Phú corrects its participants and sends again.
    {
        let mut store = Store::open(&p.unit_db(0)).unwrap();
        let event = store.event(2026).unwrap().unwrap();
        let mut point = store.points(event.id).unwrap().remove(0);
        point.actual = Some(650);
        store.save_point(&point).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = send(&p, 0, 2026, &p.dir.path().join("nhan-lai"));
    let run = p.consolidated(&[again.to_str().unwrap()]);
    assert!(
        run.contains("đã nhận bản gửi lại, thay bản trước báo cáo của Xã Tân Phú"),
        "{run}"
    );
    let store = p.store();
    let c = store.consolidation(2026).unwrap().unwrap();
    assert_eq!(c.totals.figures["nguoi_tham_gia"], 650 + 900 + 1200);
    // The first package, sent again by mistake, is refused as older.
    let first = inbox.join("goi-0-2026.xlsx");
    let run = p.consolidate(&[first.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(stdout(&run).contains("cũ hơn"), "{}", stdout(&run));
    // The earlier one is kept and comes back.
    let mut store = p.store();
    let earlier = store
        .received_packages(2026)
        .unwrap()
        .into_iter()
        .find(|r| !r.current)
        .unwrap();
    assert_eq!(earlier.package.unit, "Xã Tân Phú");
    store.restore_package(earlier.id).unwrap();
    let c = store.consolidation(2026).unwrap().unwrap();
    assert_eq!(c.totals.figures["nguoi_tham_gia"], 600 + 900 + 1200);
}

#[test]
fn a_package_edited_by_hand_is_flagged_and_still_counted() {
    let p = province();
    let sent = send(&p, 1, 2026, &p.inbox(2026));
    // Someone opens the data sheet in Excel and types over the participants.
    let parsed = ngayhoi::consolidation::read(std::fs::read(&sent).unwrap()).unwrap();
    let mut sheet = ngayhoi::export::package::data_sheet(&parsed.package);
    let row = sheet
        .rows
        .iter_mut()
        .find(|r| r[0] == ngayhoi::export::Cell::text("so_lieu.nguoi_tham_gia"))
        .unwrap();
    row[1] = ngayhoi::export::Cell::Integer(5000);
    std::fs::write(&sent, ngayhoi::export::to_xlsx(&[sheet]).unwrap()).unwrap();
    let run = p.consolidated(&[sent.to_str().unwrap()]);
    assert!(run.contains("CẢNH BÁO: số liệu đã bị sửa tay"), "{run}");
    let c = p.store().consolidation(2026).unwrap().unwrap();
    let edited: Vec<&str> = c.edited().map(|r| r.name.as_str()).collect();
    assert_eq!(edited, ["Phường Long Bình"]);
    assert_eq!(c.totals.figures["nguoi_tham_gia"], 5000);
}

#[test]
fn wrong_files_are_refused_with_their_reasons_and_change_nothing() {
    let p = taken_in();
    let wrong = p.dir.path().join("sai");
    std::fs::create_dir_all(&wrong).unwrap();
    // Last year's package sent again for this year.
    let old = send(&p, 2, 2025, &wrong);
    // The report's own spreadsheet, not a package.
    let sheet = wrong.join("bang-so-lieu.xlsx");
    let pdf = wrong.join("bao-cao.pdf");
    ok_on(
        &p.unit_db(0),
        &export("report", &pdf, &["--xlsx", sheet.to_str().unwrap()]),
    );
    // A package cut short in the mail.
    let damaged = wrong.join("hong.xlsx");
    let whole = std::fs::read(send(&p, 1, 2026, &p.dir.path().join("tam"))).unwrap();
    std::fs::write(&damaged, &whole[..whole.len() / 2]).unwrap();

    let before = std::fs::read(&p.db).unwrap();
    let store = p.store();
    let packages_before = store.received_packages(2026).unwrap();
    drop(store);
    let run = p.consolidate(&[
        old.to_str().unwrap(),
        sheet.to_str().unwrap(),
        damaged.to_str().unwrap(),
        "--year",
        "2026",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let out = stdout(&run);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0]
            .contains("không nhận, đây là báo cáo năm 2025 của Xã Phú Lý, không phải năm 2026."),
        "{out}"
    );
    assert!(
        lines[1].contains("không phải gói báo cáo của Ngày hội"),
        "{out}"
    );
    assert!(lines[2].contains("tệp bị hỏng"), "{out}");
    assert!(
        stderr(&run).contains("3 tệp không được nhận"),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        std::fs::read(&p.db).unwrap(),
        before,
        "the file is unchanged"
    );
    assert_eq!(p.store().received_packages(2026).unwrap(), packages_before);
}

#[test]
fn a_dry_run_says_what_would_happen_and_keeps_nothing() {
    let p = province();
    let inbox = p.inbox(2026);
    for i in 0..UNITS.len() {
        send(&p, i, 2026, &inbox);
    }
    let run = p.consolidated(&[inbox.to_str().unwrap(), "--dry-run"]);
    assert!(
        run.contains("Chạy thử, không lưu gì. Năm 2026: nhận 3 tệp"),
        "{run}"
    );
    assert!(p.store().received_packages(2026).unwrap().is_empty());
}

#[test]
fn a_ward_cannot_consolidate() {
    let p = province();
    let package = send(&p, 1, 2026, &p.inbox(2026));
    let run = ngayhoi_on(&p.unit_db(0), &["consolidate", package.to_str().unwrap()]);
    fails_saying(
        &run,
        1,
        "đơn vị Xã Tân Phú (cấp xã) không tổng hợp báo cáo năm 2026",
    );
}

#[test]
fn the_province_demo_has_units_missing_a_resent_package_and_an_edited_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinh.sqlite3");
    ok_on(&db, &["demo", "--province"]);
    use ngayhoi::province_demo::{EDITED, MISSING, RESENT, UNITS};
    let store = Store::open(&db).unwrap();
    let c = store.consolidation(2026).unwrap().unwrap();
    assert_eq!(c.rows.len(), UNITS.len());
    let missing: Vec<&str> = c.missing().map(|r| r.name.as_str()).collect();
    assert_eq!(missing, MISSING);
    let edited: Vec<&str> = c.edited().map(|r| r.name.as_str()).collect();
    assert_eq!(edited, [EDITED]);
    let replaced: Vec<String> = store
        .received_packages(2026)
        .unwrap()
        .into_iter()
        .filter(|r| !r.current)
        .map(|r| r.package.unit)
        .collect();
    assert_eq!(replaced, [RESENT]);
    assert_eq!(c.last.as_ref().map(|l| l.units), Some(UNITS.len()));
    // A second run refuses to mix the example into a file that has a unit.
    let again = ngayhoi_on(&db, &["demo", "--province"]);
    fails_saying(&again, 1, "đã được thiết lập cho Tỉnh Đồng Nai");
}
