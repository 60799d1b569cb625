//! Issue 4's targets: filtering 10,000 households per keystroke within a frame (16 ms), and
//! building the sorted roster once per reload.

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

criterion_group!(benches, bench);
criterion_main!(benches);
