//! What the optional password costs (docs/privacy.md): the same data file, the demo ward with
//! 10,000 households and 1,000 recipients, read without a password and with one. Start-up is
//! opening the file (with a password: deriving the key) and reading the latest year; a reload
//! is what follows every change; the certificates read their 1,000 recipients (laying them out
//! and painting the PDF touch no file: benches/certificates.rs).

mod common;

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ngayhoi::domain::commendation::Decision;
use ngayhoi::domain::{Category, Household};
use ngayhoi::gui::data::Snapshot;
use ngayhoi::storage::{Password, Store};

/// The demo ward, 10,000 more households and a decision with 1,000 recipients.
fn fill(path: &Path) {
    let mut store = Store::open(path).unwrap();
    store.fill_demo(&ngayhoi::demo::build()).unwrap();
    let households: Vec<Household> = (0..10_000)
        .map(|i| {
            let mut h = Household::new(
                &format!("Nguyễn Văn Bình {i}"),
                &format!("Tổ {}, Khu phố {}", i % 30 + 1, i % 12 + 1),
                Category::ALL[i % Category::ALL.len()],
            );
            h.phone = format!("09{i:08}");
            h
        })
        .collect();
    store.import_households(&households).unwrap();
    let unit = store.unit().unwrap().unwrap();
    let event = store.event(ngayhoi::demo::DEMO_YEAR).unwrap().unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 8, 18).unwrap();
    let defaults = Decision::defaults(&unit, "999/QĐ-UBND", date);
    let names = (1..=1000).map(|i| format!("Nguyễn Thị Thu Hương {i}"));
    let rows = common::certificates("999/QĐ-UBND", date, names);
    store.import_recipients(event.id, &defaults, &rows).unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("thuong").join("ngayhoi.sqlite3");
    let sealed = dir.path().join("mat-khau").join("ngayhoi.sqlite3");
    fill(&plain);
    std::fs::create_dir_all(sealed.parent().unwrap()).unwrap();
    std::fs::copy(&plain, &sealed).unwrap();
    let password = Password::typed("mật khẩu 2026").unwrap();
    Store::open(&sealed)
        .unwrap()
        .set_password(Some(&password))
        .unwrap();

    let mut group = c.benchmark_group("data file");
    group.sample_size(10);
    for (label, path, key) in [
        ("without a password", &plain, None),
        ("with a password", &sealed, Some(&password)),
    ] {
        group.bench_function(format!("start: open and read a year, {label}"), |b| {
            b.iter(|| {
                let store = Store::open_with_password(path, key).unwrap();
                black_box(Snapshot::load(&store, None).unwrap())
            })
        });
        let store = Store::open_with_password(path, key).unwrap();
        group.bench_function(format!("reload, 10,000 households, {label}"), |b| {
            b.iter(|| black_box(Snapshot::load(&store, None).unwrap()))
        });
        let event = store.event(ngayhoi::demo::DEMO_YEAR).unwrap().unwrap();
        group.bench_function(format!("read 1,000 recipients, {label}"), |b| {
            b.iter(|| black_box(store.recipients(event.id).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
