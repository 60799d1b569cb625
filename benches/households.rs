//! Issue 4's targets: filtering 10,000 households per keystroke within a frame (16 ms), and
//! building the sorted roster once per reload.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ngayhoi::domain::{Category, Filter, Household, Roster, VisitMark};

const GIVEN: [&str; 12] = [
    "Hằng", "Dũng", "Đức", "Ánh", "Bình", "Cường", "Hương", "Lan", "Minh", "Nga", "Phúc", "Tâm",
];
const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"];
const MIDDLE: [&str; 5] = ["Thị", "Văn", "Hữu", "Ngọc", "Thanh"];

fn households(n: usize) -> (Vec<Household>, Vec<String>) {
    let areas: Vec<String> = (1..=12).map(|i| format!("Khu phố {i}")).collect();
    let list = (0..n)
        .map(|i| {
            let name = format!(
                "{} {} {}",
                FAMILY[i % FAMILY.len()],
                MIDDLE[(i / 8) % MIDDLE.len()],
                GIVEN[(i / 40) % GIVEN.len()]
            );
            let mut h = Household::new(
                &name,
                &format!("Tổ {}, {}", i % 30 + 1, areas[i % areas.len()]),
                Category::ALL[i % Category::ALL.len()],
            );
            h.id = i as i64 + 1;
            h.phone = format!("09{:08}", i);
            h
        })
        .collect();
    (list, areas)
}

fn bench(c: &mut Criterion) {
    let (list, areas) = households(10_000);
    c.bench_function("roster: build and sort 10,000 households", |b| {
        b.iter(|| Roster::new(black_box(list.clone()), &areas))
    });
    let roster = Roster::new(list, &areas);
    let mark = |id: i64| {
        if id % 3 == 0 {
            VisitMark::Done
        } else {
            VisitMark::NotVisited
        }
    };
    for query in ["n", "nguyen thi hang", "khu pho 7 liet si"] {
        let filter = Filter {
            query: query.to_string(),
            ..Filter::default()
        };
        c.bench_function(
            &format!("roster: filter 10,000 households by “{query}”"),
            |b| b.iter(|| roster.filter(black_box(&filter), mark).len()),
        );
    }
    let narrow = Filter {
        query: "hang".into(),
        category: Some(Category::Martyr),
        area: Some(2),
        visit: Some(VisitMark::NotVisited),
    };
    c.bench_function("roster: filter 10,000 households, every filter set", |b| {
        b.iter(|| roster.filter(black_box(&narrow), mark).len())
    });
}

/// What every change in the window costs: the snapshot reloaded from the file with 10,000
/// households, their 10,000 visits and 2,000 recipients.
fn reload(c: &mut Criterion) {
    use ngayhoi::domain::{Decision, Visit};
    use ngayhoi::storage::Store;

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    store.fill_demo(&ngayhoi::demo::build()).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let (list, _) = households(10_000);
    let list: Vec<Household> = list.into_iter().map(|h| Household { id: 0, ..h }).collect();
    let saved = store.import_households(&list).unwrap();
    let visits: Vec<Visit> = saved
        .iter()
        .map(|h| Visit::new(h.id, "Quà và tiền mặt", 500_000))
        .collect();
    store.add_visits(event.id, &visits).unwrap();
    let unit = store.unit().unwrap().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 18).unwrap();
    let rows = common::certificates("200/QĐ-UBND", day, (0..2000).map(|i| format!("Người {i}")));
    store
        .import_recipients(event.id, &Decision::defaults(&unit, "", day), &rows)
        .unwrap();
    c.bench_function("snapshot: reload after a change (10,000 households)", |b| {
        b.iter(|| ngayhoi::gui::data::Snapshot::load(&store, Some(2026)).unwrap())
    });
}

criterion_group!(benches, bench, reload);
criterion_main!(benches);
