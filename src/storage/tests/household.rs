use super::support::{add_household, ward_store};
use crate::domain::{Category, Household, Visit, VisitStatus};
use crate::storage::*;

#[test]
fn households_are_stored_in_nfc_and_removal_takes_visits_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id) = store(&dir);
    let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ha\u{306}\u{300}ng";
    let h = add_household(&mut store, nfd, " Khu phố 3 ", Category::Martyr);
    assert_eq!(store.households().unwrap()[0].name, "Nguyễn Thị Hằng");
    assert_eq!(store.households().unwrap()[0].address, "Khu phố 3");
    let v = store
        .add_visit(event_id, &Visit::new(h.id, "Tiền mặt", 500_000))
        .unwrap();

    let removed = store.delete_household(h.id).unwrap();
    assert_eq!(removed.visits.len(), 1);
    assert!(store.households().unwrap().is_empty());
    assert!(store.visits(event_id).unwrap().is_empty());

    store.restore_household(&removed).unwrap();
    assert_eq!(store.households().unwrap(), vec![removed.household.clone()]);
    assert_eq!(store.visits(event_id).unwrap(), vec![v]);
}

#[test]
fn bulk_visits_and_marking_them_done() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id) = store(&dir);
    let list: Vec<Household> = (1..=3)
        .map(|i| Household::new(&format!("Hộ {i}"), "Khu phố 1", Category::Martyr))
        .collect();
    let saved = store.import_households(&list).unwrap();
    let gifts: Vec<Visit> = saved
        .iter()
        .map(|h| Visit::new(h.id, "Quà và tiền mặt", 500_000))
        .collect();
    let visits = store.add_visits(event_id, &gifts).unwrap();
    assert_eq!(visits.len(), 3);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 14).unwrap();
    let marked: Vec<Visit> = [&visits[0], &visits[2]]
        .into_iter()
        .map(|v| Visit {
            status: VisitStatus::Done,
            date: Some(day),
            ..v.clone()
        })
        .collect();
    store.save_visits(&marked).unwrap();
    let stored = store.visits(event_id).unwrap();
    let done: Vec<_> = stored
        .iter()
        .filter(|v| v.status == VisitStatus::Done)
        .collect();
    assert_eq!(done.len(), 2);
    assert!(done.iter().all(|v| v.date == Some(day)));
    assert_eq!(stored.iter().map(Visit::total).sum::<i64>(), 1_500_000);
}

#[test]
fn a_bad_row_in_an_import_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id) = store(&dir);
    let good = Household::new("Lê Văn Tám", "Khu phố 2", Category::Poor);
    let bad = Household::new("  ", "Khu phố 2", Category::Poor);
    let err = store
        .import_households(&[good.clone(), bad.clone()])
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Họ và tên không được để trống.");
    assert!(store.households().unwrap().is_empty());

    let rows = vec![
        (good.clone(), Visit::new(0, "Gạo", 300_000)),
        (
            good.clone(),
            Visit {
                quantity: 0,
                ..Visit::new(0, "Gạo", 300_000)
            },
        ),
    ];
    let err = store
        .import_visits(event_id, &rows)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Số lượng phải từ 1 trở lên.");
    assert!(store.households().unwrap().is_empty());
    assert!(store.visits(event_id).unwrap().is_empty());
}

#[test]
fn visit_rows_find_their_household_by_name_and_address_or_create_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id) = store(&dir);
    let known = add_household(&mut store, "Trần Thị Bé", "Khu phố 4", Category::Hardship);
    let rows = vec![
        (
            Household::new("TRẦN THỊ BÉ", "khu phố 4", Category::Other),
            Visit::new(0, "Quà", 400_000),
        ),
        (
            Household::new("Phạm Văn Đồng", "Khu phố 5", Category::WarInvalid),
            Visit::new(0, "Quà", 500_000),
        ),
        (
            Household::new("Phạm Văn Đồng", "Khu phố 5", Category::WarInvalid),
            Visit::new(0, "Sổ tiết kiệm", 1_000_000),
        ),
    ];
    let report = store.import_visits(event_id, &rows).unwrap();
    assert_eq!(report.visits, 3);
    assert_eq!(report.new_households, 1);
    let households = store.households().unwrap();
    assert_eq!(households.len(), 2);
    let visits = store.visits(event_id).unwrap();
    assert_eq!(visits[0].household_id, known.id);
    assert_eq!(visits[1].household_id, visits[2].household_id);
}

fn store(dir: &tempfile::TempDir) -> (Store, i64) {
    ward_store(dir, 2026)
}

#[test]
fn an_import_updating_a_household_removed_meanwhile_is_refused_in_words_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store(&dir);
    let kept = add_household(&mut store, "Lê Văn Tám", "Khu phố 2", Category::Poor);
    let removed = add_household(&mut store, "Trần Thị Hoa", "Khu phố 3", Category::Poor);
    // Checked while it was there, then removed in a window before the import was written.
    store.delete_household(removed.id).unwrap();
    let changed = Household {
        address: "Khu phố 4".into(),
        ..removed
    };
    let new = Household::new("Phạm Văn Nam", "Khu phố 1", Category::Poor);
    let error = store.import_households(&[new, changed]).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("Hộ “Trần Thị Hoa” vừa bị xóa ở nơi khác")
            && message.contains("Chưa nhập dòng nào"),
        "{message}"
    );
    assert_eq!(store.households().unwrap(), vec![kept]);
}
