use super::support::{add_household, ward_store};
use crate::domain::report::{Figure, Section};
use crate::domain::{Category, EventPoint, PointKind, Visit, VisitStatus};
use crate::storage::*;

#[test]
fn entered_figures_are_kept_per_year_and_cleared_to_absent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, y2025) = store(&dir);
    let y2026 = store.start_year_from(2025, 2026).unwrap().id;
    store
        .set_entered_figure(y2025, Figure::NewsItems, Some(10))
        .unwrap();
    store
        .set_entered_figure(y2026, Figure::NewsItems, Some(12))
        .unwrap();
    store
        .set_entered_figure(y2026, Figure::NewsItems, Some(14))
        .unwrap();
    assert_eq!(
        store.entered_figures(y2025).unwrap().get(Figure::NewsItems),
        Some(10)
    );
    assert_eq!(
        store.entered_figures(y2026).unwrap().get(Figure::NewsItems),
        Some(14)
    );
    store
        .set_entered_figure(y2026, Figure::NewsItems, None)
        .unwrap();
    assert!(store.entered_figures(y2026).unwrap().is_empty());
    // x of y: more areas meeting the standard than areas is refused, nothing written.
    store
        .set_entered_figure(y2026, Figure::AreasTotal, Some(5))
        .unwrap();
    let refused = store
        .set_entered_figure(y2026, Figure::AreasMeeting, Some(6))
        .unwrap_err();
    assert!(
        refused.to_string().contains("không được lớn hơn tổng số"),
        "{refused}"
    );
    assert_eq!(
        store
            .entered_figures(y2026)
            .unwrap()
            .get(Figure::AreasMeeting),
        None
    );
}

#[test]
fn edited_sections_are_kept_in_nfc_and_reset_to_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = store(&dir);
    store
        .set_report_section(
            id,
            Section::Lessons,
            Some("Bài học: phối hợp tô\u{301}t.\n"),
        )
        .unwrap();
    let sections = store.report_sections(id).unwrap();
    assert_eq!(sections[&Section::Lessons], "Bài học: phối hợp tốt.");
    let report = store.report(2025).unwrap().unwrap();
    assert_eq!(report.text(Section::Lessons), "Bài học: phối hợp tốt.");
    assert!(report.is_edited(Section::Lessons));
    store
        .set_report_section(id, Section::Lessons, None)
        .unwrap();
    let report = store.report(2025).unwrap().unwrap();
    assert!(!report.is_edited(Section::Lessons));
    assert!(report.text(Section::Lessons).starts_with("Một là"));
}

#[test]
fn the_report_has_this_year_computed_and_the_previous_year_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, y2025) = store(&dir);
    let point = |actual| EventPoint {
        id: 0,
        name: "Sân UBND".into(),
        kind: PointKind::Main,
        date: chrono::NaiveDate::from_ymd_opt(2025, 8, 15).unwrap(),
        host: String::new(),
        expected: 500,
        actual: Some(actual),
    };
    store.add_point(y2025, &point(450)).unwrap();
    let y2026 = store.start_year_from(2025, 2026).unwrap().id;
    let p2026 = store.points(y2026).unwrap()[0].clone();
    store
        .save_point(&EventPoint {
            actual: Some(600),
            ..p2026
        })
        .unwrap();
    let h = add_household(&mut store, "Nguyễn Văn A", "Khu phố 1", Category::Martyr);
    let mut visit = Visit::new(h.id, "Quà", 500_000);
    visit.status = VisitStatus::Done;
    store.add_visit(y2026, &visit).unwrap();
    store
        .set_entered_figure(y2025, Figure::PactsSigned, Some(3))
        .unwrap();

    assert!(store.report(2024).unwrap().is_none(), "no event that year");
    let report = store.report(2026).unwrap().unwrap();
    assert_eq!(report.year(), 2026);
    assert_eq!(report.this.figures.points.participants, 600);
    assert_eq!(report.this.figures.gifts.overall.value, 500_000);
    let last = report.last.as_ref().unwrap();
    assert_eq!(last.figures.year, 2025);
    assert_eq!(last.figures.points.participants, 450);
    assert_eq!(last.figures.gifts.overall.value, 0);
    assert_eq!(last.entered.get(Figure::PactsSigned), Some(3));
    assert!(store.report(2025).unwrap().unwrap().last.is_none());
}

fn store(dir: &tempfile::TempDir) -> (Store, i64) {
    ward_store(dir, 2025)
}
