//! Issue 14's targets: a province takes in 200 report packages in under 5 s, and builds the
//! consolidated report of 200 units (the table, the PDF with its annex, the .xlsx) in under
//! 1 s. The packages are whole workbooks as units send them: the demo ward's report (its
//! readable tables and data sheet) under 200 names.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ngayhoi::consolidation::Incoming;
use ngayhoi::domain::{Level, Unit, YearEvent};
use ngayhoi::storage::Store;

const UNITS: usize = 200;

fn names() -> Vec<String> {
    (0..UNITS).map(|i| format!("Xã Thử Nghiệm {i}")).collect()
}

/// 200 packages of 2026, one per unit.
fn packages(dir: &std::path::Path) -> Vec<Incoming> {
    let mut ward = Store::open(&dir.join("phuong.sqlite3")).unwrap();
    ward.fill_demo(&ngayhoi::demo::build()).unwrap();
    let report = ward.report(2026).unwrap().unwrap();
    let made = NaiveDate::from_ymd_opt(2026, 8, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    names()
        .into_iter()
        .map(|name| {
            let mut unit_report = report.clone();
            unit_report.unit.name = name.clone();
            unit_report.unit.level = Level::Commune;
            Incoming {
                file_name: format!("{name}.xlsx"),
                bytes: ngayhoi::export::package::render(&unit_report, made).unwrap(),
            }
        })
        .collect()
}

/// A province's file expecting the 200 units, nothing taken in yet.
fn province(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let unit = Unit::new("Tỉnh Thử", Level::Province, "Tỉnh Thử", "Thử");
    let event = store.initialize(&unit, &YearEvent::defaults(2026)).unwrap();
    store.add_expected_units(event.id, &names()).unwrap();
    store
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = packages(dir.path());
    let empty = dir.path().join("tinh-trong.sqlite3");
    drop(province(&empty));
    let arrived = NaiveDate::from_ymd_opt(2026, 8, 25)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap();
    let mut group = c.benchmark_group("consolidation");
    group.sample_size(10);
    group.bench_function("take in 200 packages (goal < 5 s)", |b| {
        b.iter_batched(
            || {
                let copy = tempfile::tempdir().unwrap();
                let path = copy.path().join("tinh.sqlite3");
                std::fs::copy(&empty, &path).unwrap();
                (copy, Store::open(&path).unwrap())
            },
            |(_copy, mut store)| {
                let intakes = store.take_in(2026, &files, arrived, false).unwrap();
                assert!(intakes.iter().all(|i| !i.refused()));
                black_box(intakes)
            },
            BatchSize::PerIteration,
        )
    });
    let full = dir.path().join("tinh-day.sqlite3");
    let mut store = province(&full);
    store.take_in(2026, &files, arrived, false).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 9, 5).unwrap();
    group.bench_function("consolidated report of 200 units (goal < 1 s)", |b| {
        b.iter(|| {
            let c = store.consolidation(2026).unwrap().unwrap();
            assert_eq!(c.totals.units, UNITS);
            let pdf =
                ngayhoi::papers::consolidated::render(&c, &Default::default(), today).unwrap();
            let xlsx = ngayhoi::papers::consolidated::sheet::render(&c).unwrap();
            black_box((pdf, xlsx))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
