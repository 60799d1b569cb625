//! Issue 6's target: the report of an event with 10,000 households visited and 2,000
//! recipients, figures computed and the PDF built, in under 300 ms. The household list is
//! sorted once per reload (benches/households.rs), so the roster is built outside the loop.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ngayhoi::domain::report::{Entered, Figure, Report, Sources, YearReport, compute};
use ngayhoi::domain::{
    Activity, ActivityKind, Category, Decision, EventPoint, Form, Household, PointKind, Recipient,
    RecipientKind, Roster, Visit, VisitStatus, YearEvent, YearPlan,
};
use ngayhoi::papers::report;

const SOURCES: [&str; 4] = ["Ngân sách", "Xã hội hóa", "Mặt trận", "Công an"];

struct Year {
    plan: YearPlan,
    visits: Vec<Visit>,
    decisions: Vec<Decision>,
    recipients: Vec<Recipient>,
}

fn year(year: i32, households: &[Household]) -> Year {
    let mut plan = YearPlan::standard(YearEvent::defaults(year));
    let areas: Vec<String> = (1..=12).map(|i| format!("Khu phố {i}")).collect();
    plan.points = (0..20)
        .map(|i| EventPoint {
            id: i + 1,
            name: format!("Điểm {i}"),
            kind: PointKind::ALL[i as usize % PointKind::ALL.len()],
            date: NaiveDate::from_ymd_opt(year, 8, 15).unwrap(),
            host: String::new(),
            expected: 300,
            actual: Some(250 + i as u32),
        })
        .collect();
    plan.activities = (0..10)
        .map(|i| {
            let mut a = Activity::new(
                ActivityKind::ALL[i % ActivityKind::ALL.len()],
                &format!("Hoạt động {i}"),
                "Sân",
                &areas,
            );
            for (team, rank) in a.teams.iter_mut().zip(1..=3) {
                team.rank = Some(rank);
            }
            a
        })
        .collect();
    let visits = households
        .iter()
        .enumerate()
        .map(|(i, h)| Visit {
            id: i as i64 + 1,
            source: SOURCES[i % SOURCES.len()].into(),
            status: if i % 10 == 0 {
                VisitStatus::Planned
            } else {
                VisitStatus::Done
            },
            ..Visit::new(h.id, "Quà và tiền mặt", 300_000 + (i % 5) as i64 * 100_000)
        })
        .collect();
    let decisions: Vec<Decision> = (0..5)
        .map(|i| Decision {
            id: i + 1,
            number: format!("{}/QĐ-UBND", 100 + i),
            date: NaiveDate::from_ymd_opt(year, 8, 10).unwrap(),
            issuer: format!("Ủy ban nhân dân cấp {}", i % 3),
            issuer_head: "Chủ tịch".into(),
            signer_title: "CHỦ TỊCH".into(),
            signer_name: "Nguyễn Văn Thành".into(),
        })
        .collect();
    let recipients = (0..2_000)
        .map(|i| {
            Recipient::new(
                (i % 5) + 1,
                RecipientKind::ALL[i as usize % 3],
                Form::ALL[i as usize % 3],
                &format!("Người nhận {i}"),
            )
        })
        .collect();
    Year {
        plan,
        visits,
        decisions,
        recipients,
    }
}

fn households(n: usize) -> (Vec<Household>, Vec<String>) {
    let areas: Vec<String> = (1..=12).map(|i| format!("Khu phố {i}")).collect();
    let list = (0..n)
        .map(|i| {
            let mut h = Household::new(
                &format!("Nguyễn Văn Hộ {i}"),
                &format!("Tổ {}, {}", i % 30 + 1, areas[i % areas.len()]),
                Category::ALL[i % Category::ALL.len()],
            );
            h.id = i as i64 + 1;
            h
        })
        .collect();
    (list, areas)
}

fn side(y: &Year, roster: &Roster, areas: &[String], entered: Entered) -> YearReport {
    YearReport {
        figures: compute(&Sources {
            plan: &y.plan,
            roster,
            areas,
            visits: &y.visits,
            decisions: &y.decisions,
            recipients: &y.recipients,
        }),
        entered,
        edited: Default::default(),
    }
}

fn bench(c: &mut Criterion) {
    let (list, areas) = households(10_000);
    let roster = Roster::new(list.clone(), &areas);
    let (this, last) = (year(2026, &list), year(2025, &list));
    let mut entered = Entered::default();
    for (i, figure) in Figure::ALL.into_iter().enumerate() {
        entered.set(figure, Some(10 + i as u32));
    }
    let unit = ngayhoi::demo::unit();

    c.bench_function(
        "report: figures of 10,000 households and 2,000 recipients",
        |b| b.iter(|| side(black_box(&this), &roster, &areas, entered.clone())),
    );
    c.bench_function(
        "report: figures of both years and the PDF (10,000 households, 2,000 recipients)",
        |b| {
            b.iter(|| {
                let report = Report {
                    unit: unit.clone(),
                    event: this.plan.event.clone(),
                    this: side(black_box(&this), &roster, &areas, entered.clone()),
                    last: Some(side(&last, &roster, &areas, Entered::default())),
                };
                report::render(&report, report::EmptyRows::Omit)
                    .expect("the report renders")
                    .len()
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
