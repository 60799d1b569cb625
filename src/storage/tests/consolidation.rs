//! Expected units, packages taken in (replaced, restored, refused) and the consolidation of a
//! year, on a province's file; and the migration that brought their tables to older files.

use chrono::{NaiveDate, NaiveDateTime};

use crate::consolidation::package::commune;
use crate::consolidation::{ExpectedUnit, Incoming, Intake, Outcome, Package};
use crate::domain::{Level, Unit, YearEvent};
use crate::storage::*;

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 8, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

fn province() -> Unit {
    Unit::new(
        "Tỉnh Đồng Nai",
        Level::Province,
        "Tỉnh Đồng Nai",
        "Biên Hòa",
    )
}

fn province_store(dir: &tempfile::TempDir) -> (Store, i64) {
    let mut store = Store::open(&dir.path().join("tinh.sqlite3")).unwrap();
    let event = store
        .initialize(&province(), &YearEvent::defaults(2026))
        .unwrap();
    (store, event.id)
}

fn package(unit: &str, year: i32, made: NaiveDateTime, participants: i64) -> Package {
    commune(
        unit,
        year,
        made,
        &[("diem_to_chuc", 3), ("nguoi_tham_gia", participants)],
    )
}

fn file(name: &str, package: &Package) -> Incoming {
    Incoming {
        file_name: name.into(),
        bytes: crate::export::package::render_data(package).unwrap(),
    }
}

/// Xã Tân Phú's 2026 package (10 participants) taken in on 20 August, or only checked
/// (`dry_run`).
fn take_in_one(store: &mut Store, dry_run: bool) -> Result<Vec<Intake>> {
    store.take_in(
        2026,
        &[file("a.xlsx", &package("Xã Tân Phú", 2026, at(18, 9), 10))],
        at(20, 8),
        dry_run,
    )
}

/// Everything the consolidation tables hold, to compare before and after.
fn contents(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for table in ["expected_unit", "received_package"] {
        let mut stmt = store
            .conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        row.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for row in rows {
            out.push(format!("{table}: {}", row.unwrap().join("|")));
        }
    }
    out
}

#[test]
fn packages_are_taken_replaced_restored_and_refused_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event) = province_store(&dir);
    store
        .add_expected_units(event, &["Xã Tân Phú".into(), "Xã Phú Lý".into()])
        .unwrap();
    let first = package("Xã Tân Phú", 2026, at(18, 9), 1200);
    let resent = package("Xã Tân Phú", 2026, at(19, 9), 1350);
    let stranger = package("Xã Lạ", 2026, at(18, 9), 500);
    let old_year = package("Xã Phú Lý", 2025, at(18, 9), 800);
    let intakes = store
        .take_in(
            2026,
            &[
                file("a.xlsx", &first),
                file("b.xlsx", &stranger),
                file("c.xlsx", &old_year),
                file("d.xlsx", &resent),
                file("e.xlsx", &first),
                file("f.xlsx", &resent),
            ],
            at(20, 8),
            false,
        )
        .unwrap();
    let lines: Vec<String> = intakes.iter().map(|i| i.line()).collect();
    assert!(matches!(&intakes[0].outcome, Outcome::Taken(a) if a.expected && a.intact));
    assert!(
        matches!(&intakes[1].outcome, Outcome::Taken(a) if !a.expected),
        "{lines:?}"
    );
    assert!(lines[1].contains("chưa có trong danh sách"), "{}", lines[1]);
    assert_eq!(
        intakes[2].outcome,
        Outcome::Refused("đây là báo cáo năm 2025 của Xã Phú Lý, không phải năm 2026.".into())
    );
    assert!(
        matches!(&intakes[3].outcome, Outcome::Replaced(_)),
        "{lines:?}"
    );
    assert!(lines[4].contains("cũ hơn"), "{}", lines[4]);
    assert!(lines[5].contains("đã nhận tệp này"), "{}", lines[5]);

    let c = store.consolidation(2026).unwrap().unwrap();
    assert_eq!(c.totals.figures["nguoi_tham_gia"], 1350 + 500);
    assert_eq!(
        c.missing().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Xã Phú Lý"]
    );

    // The first package is kept and comes back.
    let earlier = store
        .received_packages(2026)
        .unwrap()
        .into_iter()
        .find(|r| !r.current)
        .unwrap();
    assert_eq!(earlier.package, first);
    store.restore_package(earlier.id).unwrap();
    let c = store.consolidation(2026).unwrap().unwrap();
    assert_eq!(c.totals.figures["nguoi_tham_gia"], 1200 + 500);
}

#[test]
fn a_dry_run_and_refused_files_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event) = province_store(&dir);
    store
        .add_expected_unit(event, &ExpectedUnit::new("Xã Tân Phú"))
        .unwrap();
    let before = contents(&store);
    let intakes = take_in_one(&mut store, true).unwrap();
    assert!(matches!(intakes[0].outcome, Outcome::Taken(_)));
    assert_eq!(contents(&store), before);
    let damaged = Incoming {
        file_name: "hong.xlsx".into(),
        bytes: b"not a workbook".to_vec(),
    };
    let intakes = store.take_in(2026, &[damaged], at(20, 8), false).unwrap();
    assert!(
        intakes[0].line().contains("bị hỏng"),
        "{}",
        intakes[0].line()
    );
    assert_eq!(contents(&store), before);
}

#[test]
fn a_ward_does_not_consolidate() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = super::support::ward_store(&dir, 2026);
    let error = take_in_one(&mut store, false).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Đơn vị Phường Chợ Quán (cấp phường) không tổng hợp"),
        "{error}"
    );
}

#[test]
fn an_expected_unit_is_not_listed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event) = province_store(&dir);
    let added = store
        .add_expected_unit(event, &ExpectedUnit::new("Xã Tân Phú"))
        .unwrap();
    let error = store
        .add_expected_unit(event, &ExpectedUnit::new("xa tan phu"))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Đơn vị “Xã Tân Phú” đã có trong danh sách."
    );
    store.delete_expected_unit(added.id).unwrap();
    store.add_expected_unit(event, &added).unwrap();
    assert_eq!(store.expected_units(event).unwrap(), [added]);
}

#[test]
fn a_file_of_version_7_gets_the_consolidation_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cu.sqlite3");
    super::support::old_file(
        &path,
        7,
        "INSERT INTO unit (id, name, level, province, place, committee)
         VALUES (1, 'Tỉnh Đồng Nai', 'tinh', 'Tỉnh Đồng Nai', 'Biên Hòa', 'Ban Chỉ đạo tỉnh Đồng Nai');
         INSERT INTO event (year, date, window_start, window_end, theme)
         VALUES (2026, '2026-08-19', '2026-07-01', '2026-08-19', 'Chủ đề');
         INSERT INTO report_figure (event_id, code, value) VALUES (1, 'tin_bai', 7);",
    );
    let mut store = Store::open(&path).unwrap();
    assert_eq!(schema::version(&store.conn).unwrap(), schema::LATEST);
    let event = store.event(2026).unwrap().unwrap();
    assert_eq!(
        store
            .entered_figures(event.id)
            .unwrap()
            .get(crate::domain::report::Figure::NewsItems),
        Some(7)
    );
    store
        .add_expected_unit(event.id, &ExpectedUnit::new("Xã Tân Phú"))
        .unwrap();
    let intakes = take_in_one(&mut store, false).unwrap();
    assert!(matches!(&intakes[0].outcome, Outcome::Taken(a) if a.expected));
}
