//! Parsing a 10,000-row households list, as .xlsx and as .csv (goal: well under a second).
//! `cargo bench --bench import`; the files are generated once into a temporary folder.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ngayhoi::domain::KnownHouseholds;
use ngayhoi::import::households;
use rust_xlsxwriter::Workbook;

const ROWS: usize = 10_000;
const CATEGORIES: [&str; 5] = [
    "Hộ nghèo",
    "Gia đình liệt sĩ",
    "Thương binh",
    "Hộ cận nghèo",
    "Khác",
];

fn row(i: usize) -> [String; 7] {
    [
        (i + 1).to_string(),
        format!("Nguyễn Thị Hằng {i}"),
        (1930 + i % 80).to_string(),
        if i.is_multiple_of(2) { "Nữ" } else { "Nam" }.to_string(),
        format!("Tổ {}, Khu phố {}", i % 40, i % 7),
        CATEGORIES[i % CATEGORIES.len()].to_string(),
        format!("09{:08}", i),
    ]
}

const HEADERS: [&str; 7] = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Địa chỉ",
    "Diện",
    "Số điện thoại",
];

fn write_csv(path: &Path) {
    let mut text = String::from("\u{FEFF}DANH SÁCH CÁC HỘ GIA ĐÌNH CHÍNH SÁCH\r\n");
    text.push_str(&HEADERS.join(";"));
    text.push_str("\r\n");
    for i in 0..ROWS {
        text.push_str(&row(i).join(";"));
        text.push_str("\r\n");
    }
    std::fs::write(path, text).unwrap();
}

fn write_xlsx(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "DANH SÁCH CÁC HỘ GIA ĐÌNH CHÍNH SÁCH")
        .unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for i in 0..ROWS {
        let r = i as u32 + 2;
        for (c, value) in row(i).iter().enumerate() {
            if c == 0 || c == 2 {
                sheet
                    .write_number(r, c as u16, value.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                sheet.write_string(r, c as u16, value).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ho.csv");
    let xlsx = dir.path().join("ho.xlsx");
    write_csv(&csv);
    write_xlsx(&xlsx);
    let existing = KnownHouseholds::default();
    for path in [&csv, &xlsx] {
        let p = households::preview(path, &existing).unwrap();
        assert_eq!(
            p.rows.len(),
            ROWS,
            "{:?}",
            &p.errors[..p.errors.len().min(3)]
        );
    }
    let mut group = c.benchmark_group("households_10000_rows");
    group.sample_size(10);
    group.bench_function("csv", |b| {
        b.iter(|| households::preview(black_box(&csv), &existing).unwrap())
    });
    group.bench_function("xlsx", |b| {
        b.iter(|| households::preview(black_box(&xlsx), &existing).unwrap())
    });
    // The whole import as the secretary waits for it, as the command line and the window run
    // it: the file read and checked against the stored households, the copy taken before an
    // import, then one transaction (synchronous=FULL) into a data file with the demo in it.
    // The store and its folder are handed back, so that closing them is not timed.
    group.bench_function("csv, read and saved", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let mut store =
                    ngayhoi::storage::Store::open(&dir.path().join("b.sqlite3")).unwrap();
                store.fill_demo(&ngayhoi::demo::build()).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                let known = KnownHouseholds::new(&store.households().unwrap());
                let preview = households::preview(&csv, &known).unwrap();
                let rows: Vec<_> = preview.values().cloned().collect();
                store
                    .backup_before(ngayhoi::storage::BackupReason::Import)
                    .unwrap();
                let imported = store.import_households(&rows).unwrap();
                (dir, store, imported)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
