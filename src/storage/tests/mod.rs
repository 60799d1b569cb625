//! The store's tests: the general ones here, one file for each part of the data beside it,
//! and the shared setup in `support`.

mod commendation;
mod consolidation;
mod data_file;
mod household;
mod password;
mod privacy;
mod report;
mod sharing;
/// Setup the store's other tests share too (`storage::backup`'s).
pub(in crate::storage) mod support;

use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::{ChecklistItem, Level, Unit, YearEvent};
use crate::storage::*;

fn fresh_store(dir: &tempfile::TempDir) -> Store {
    support::ward_store(dir, 2026).0
}

/// The ward's file in `dir`, closed, on a rollback journal as a copy from elsewhere would be;
/// its path.
fn closed_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    drop(fresh_store(dir));
    let path = dir.path().join("ngayhoi.sqlite3");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    path
}

#[test]
fn a_new_file_has_a_rollback_journal_foreign_keys_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/folder/ngayhoi.sqlite3");
    let store = Store::open(&path).unwrap();
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    let fk: i64 = store
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert_eq!(schema::version(&store.conn).unwrap(), schema::LATEST);
    assert_eq!(
        schema::application_id(&store.conn).unwrap(),
        schema::APPLICATION_ID
    );
    assert_eq!(store.unit().unwrap(), None);
    assert!(store.years().unwrap().is_empty());
}

#[test]
fn initialize_stores_the_unit_the_event_and_the_standard_plan() {
    let dir = tempfile::tempdir().unwrap();
    let store = fresh_store(&dir);
    let unit = store.unit().unwrap().unwrap();
    assert_eq!(unit.name, "Phường Chợ Quán");
    assert_eq!(unit.level, Level::Ward);
    assert_eq!(store.years().unwrap(), vec![2026]);
    let event = store.event(2026).unwrap().unwrap();
    assert_eq!(event.date, NaiveDate::from_ymd_opt(2026, 8, 19).unwrap());
    let steps = store.checklist(event.id).unwrap();
    assert_eq!(steps.len(), crate::domain::checklist::default_steps().len());
    assert_eq!(steps[0].title, "Ban hành kế hoạch tổ chức Ngày hội");
    assert!(steps.iter().all(|s| !s.done));
}

#[test]
fn decomposed_text_is_stored_composed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(&dir);
    let mut unit = store.unit().unwrap().unwrap();
    unit.head_name = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ha\u{0306}\u{0300}ng".into();
    store.save_unit(&unit).unwrap();
    let head_name = store.unit().unwrap().unwrap().head_name;
    assert_eq!(head_name, "Nguyễn Thị Hằng");
    assert!(crate::text::is_nfc(&head_name));
}

#[test]
fn an_invalid_setup_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.sqlite3")).unwrap();
    let district = Unit::new(
        "Huyện Cần Giờ",
        Level::District,
        "TP. Hồ Chí Minh",
        "Cần Giờ",
    );
    let error = store
        .initialize(&district, &YearEvent::defaults(2026))
        .unwrap_err();
    assert!(error.to_string().contains("không còn cấp huyện"), "{error}");
    assert_eq!(store.unit().unwrap(), None);
    assert!(store.years().unwrap().is_empty());
    // The same district for 2024 is fine.
    store
        .initialize(&district, &YearEvent::defaults(2024))
        .unwrap();
    assert_eq!(store.years().unwrap(), vec![2024]);
}

#[test]
fn a_new_year_copies_the_plan_but_not_what_belongs_to_one_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(&dir);
    let mut event = store.event(2026).unwrap().unwrap();
    event.date = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
    event.theme = "Chung tay vì phường an toàn".into();
    store.save_event(&event).unwrap();
    let mut steps = store.checklist(event.id).unwrap();
    steps[0].done = true;
    steps[0].note = "Đã ban hành ngày 10/6".into();
    store.save_checklist_item(&steps[0]).unwrap();
    let extra = ChecklistItem {
        id: 0,
        title: "Mời đoàn văn nghệ".into(),
        offset_days: -10,
        done: true,
        note: String::new(),
    };
    store.add_checklist_item(event.id, &extra).unwrap();

    let next = store.start_year_from(2026, 2027).unwrap();
    assert_eq!(next.date, NaiveDate::from_ymd_opt(2027, 8, 15).unwrap());
    assert_eq!(next.theme, "Chung tay vì phường an toàn");
    let copied = store.checklist(next.id).unwrap();
    assert_eq!(copied.len(), steps.len() + 1);
    assert!(copied.iter().any(|s| s.title == "Mời đoàn văn nghệ"));
    assert!(copied.iter().all(|s| !s.done && s.note.is_empty()));
    // Last year is untouched.
    assert!(store.checklist(event.id).unwrap()[0].done);
    assert_eq!(store.years().unwrap(), vec![2026, 2027]);

    let again = store.start_year_from(2026, 2027).unwrap_err();
    assert_eq!(again.to_string(), "Năm 2027 đã có kế hoạch Ngày hội.");
}

#[test]
fn removing_a_step_can_be_undone_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event) = support::ward_store(&dir, 2026);
    let steps = store.checklist(event).unwrap();
    store.delete_checklist_item(steps[2].id).unwrap();
    assert_eq!(store.checklist(event).unwrap().len(), steps.len() - 1);
    let restored = store.add_checklist_item(event, &steps[2]).unwrap();
    assert_eq!(restored.id, steps[2].id);
    assert_eq!(store.checklist(event).unwrap(), steps);
}

#[test]
fn an_empty_step_title_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event) = support::ward_store(&dir, 2026);
    let before = store.checklist(event).unwrap();
    let mut step = before[0].clone();
    step.title = " \r".into();
    let error = store.save_checklist_item(&step).unwrap_err();
    assert_eq!(error.to_string(), "Tên công việc không được để trống.");
    assert_eq!(store.checklist(event).unwrap(), before);
}

#[test]
fn every_earlier_schema_version_upgrades_and_keeps_its_data() {
    for start in 0..schema::LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            schema::migrate_to(&mut conn, start).unwrap();
            if start >= 1 {
                conn.execute_batch(
                    "INSERT INTO unit (id, name, level, province, place, committee)
                     VALUES (1, 'Xã Tân Phú', 'xa', 'Tỉnh Đồng Nai', 'Tân Phú', 'Ban Chỉ đạo xã Tân Phú');
                     INSERT INTO event (year, date, window_start, window_end, theme)
                     VALUES (2025, '2025-08-12', '2025-07-01', '2025-08-19', 'Chủ đề cũ');",
                )
                .unwrap();
            }
            if start >= 2 {
                conn.execute_batch(
                    "INSERT INTO checklist_item (event_id, title, offset_days, done) VALUES (1, 'Việc cũ', -5, 1);",
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).unwrap_or_else(|e| panic!("from version {start}: {e}"));
        let copies = backup::list(&paths::backups_dir(&path));
        assert_eq!(
            copies.len(),
            usize::from(start >= 1),
            "an older file is copied before migrating"
        );
        assert_eq!(
            schema::version(&store.conn).unwrap(),
            schema::LATEST,
            "from {start}"
        );
        if start >= 1 {
            assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
            let event = store.event(2025).unwrap().unwrap();
            assert_eq!(event.theme, "Chủ đề cũ");
            let steps = store.checklist(event.id).unwrap();
            assert_eq!(steps.len(), usize::from(start >= 2));
        }
    }
}

fn assert_untouched(path: &std::path::Path, before: &[u8]) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the file must not change"
    );
    let wal = path.with_extension("sqlite3-wal");
    assert!(
        !wal.exists(),
        "no journal may be created beside a file we refuse"
    );
}

/// Opening the file at `path`: refused, the file left as it was; why.
fn refused(path: &std::path::Path) -> StoreError {
    let before = std::fs::read(path).unwrap();
    let error = Store::open(path).unwrap_err();
    assert_untouched(path, &before);
    error
}

#[test]
fn a_file_that_is_not_ours_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = support::write(
        &dir,
        "danh-sach.sqlite3",
        "Họ và tên;Địa chỉ\nNguyễn Văn An;Tổ 1\n",
    );
    let error = Store::open(&text).unwrap_err();
    support::assert_refusal(
        &error,
        StoreError::NotOurs(text.clone()),
        &["không phải là tệp dữ liệu của Ngày hội"],
    );
    assert_untouched(&text, b"H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan;\xc4\x90\xe1\xbb\x8ba ch\xe1\xbb\x89\nNguy\xe1\xbb\x85n V\xc4\x83n An;T\xe1\xbb\x95 1\n");

    let other = dir.path().join("khac.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        .unwrap();
    assert_eq!(refused(&other), StoreError::NotOurs(other.clone()));
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_file(&dir);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", schema::LATEST + 3)
        .unwrap();
    let error = refused(&path);
    support::assert_refusal(
        &error,
        StoreError::Newer {
            path: path.clone(),
            found: schema::LATEST + 3,
            supported: schema::LATEST,
        },
        &["phiên bản Ngày hội mới hơn"],
    );
}

#[test]
fn a_read_only_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_file(&dir);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let error = refused(&path);
    support::assert_refusal(
        &error,
        StoreError::ReadOnly(path.clone()),
        &["chỉ cho phép đọc"],
    );
}

#[test]
fn a_damaged_file_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_file(&dir);
    support::damage(&path);
    let error = refused(&path);
    assert_eq!(error, StoreError::Damaged(path.clone()), "{error}");
}

#[test]
fn a_file_locked_by_another_program_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = closed_file(&dir);
    let holder = Connection::open(&path).unwrap();
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    let error = Store::open_with_timeout(&path, Duration::from_millis(100)).unwrap_err();
    support::assert_refusal(
        &error,
        StoreError::Locked(path.clone()),
        &["đang được một cửa sổ hoặc chương trình khác sử dụng để ghi"],
    );
    holder.execute_batch("COMMIT;").unwrap();
}

#[test]
fn two_windows_on_one_file_wait_for_each_other_and_both_writes_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ngayhoi.sqlite3");
    let first = fresh_store(&dir);
    let mut second = Store::open_with_timeout(&path, Duration::from_secs(10)).unwrap();

    // While the first is writing, the second's save waits for it instead of failing, and
    // lands once the first has committed.
    first.conn.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let holding = Duration::from_millis(400);
    let writer = std::thread::spawn(move || {
        std::thread::sleep(holding);
        first.conn.execute_batch("COMMIT;").unwrap();
        first
    });
    let mut unit = second.unit().unwrap().unwrap();
    unit.secretary_name = "Trần Thị Mai".into();
    // A window that waits only a moment is told why it cannot write, and writes nothing.
    let mut impatient = Store::open_with_timeout(&path, Duration::from_millis(50)).unwrap();
    assert_eq!(
        impatient.save_unit(&unit).unwrap_err(),
        StoreError::Locked(path.clone())
    );
    let started = std::time::Instant::now();
    second.save_unit(&unit).unwrap();
    assert!(
        started.elapsed() >= holding / 2,
        "the save did not wait for the other window: {:?}",
        started.elapsed()
    );
    let mut first = writer.join().unwrap();

    let mut by_first = first.unit().unwrap().unwrap();
    assert_eq!(by_first.secretary_name, "Trần Thị Mai");
    by_first.head_name = "Lê Văn Dũng".into();
    first.save_unit(&by_first).unwrap();
    let seen = second.unit().unwrap().unwrap();
    assert_eq!(
        (seen.head_name.as_str(), seen.secretary_name.as_str()),
        ("Lê Văn Dũng", "Trần Thị Mai")
    );
}

fn demo_store(dir: &tempfile::TempDir) -> Store {
    let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
    store.fill_demo(&crate::demo::build()).unwrap();
    store
}

#[test]
fn the_demo_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let demo = crate::demo::build();
    assert_eq!(store.areas().unwrap(), demo.areas);
    let plan = store.year_plan(2026).unwrap().unwrap();
    let expected = demo.years[1].cleaned().unwrap();
    let strip = |mut plan: crate::domain::YearPlan| {
        plan.event.id = 0;
        plan.checklist.iter_mut().for_each(|s| s.id = 0);
        plan.program.iter_mut().for_each(|s| s.id = 0);
        plan.delegates.iter_mut().for_each(|s| s.id = 0);
        plan.points.iter_mut().for_each(|s| s.id = 0);
        for a in &mut plan.activities {
            a.id = 0;
            a.teams.iter_mut().for_each(|t| t.id = 0);
        }
        plan.checklist.sort_by_key(|s| s.offset_days);
        plan.delegates
            .sort_by(crate::domain::delegate::protocol_order);
        plan.points
            .sort_by_key(|p| (p.kind != crate::domain::PointKind::Main, p.date));
        plan
    };
    assert_eq!(strip(plan), strip(expected));
}

#[test]
fn program_items_insert_move_and_come_back_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event) = support::ward_store(&dir, 2026);
    let titles = |store: &Store| -> Vec<String> {
        store
            .program(event)
            .unwrap()
            .into_iter()
            .map(|i| i.title)
            .collect()
    };
    let before = store.program(event).unwrap();
    assert_eq!(before[1].title, "Chào cờ");

    let added = store
        .add_program_item(
            event,
            2,
            &crate::domain::ProgramItem::new("Trao quà cho hộ nghèo", "Đại biểu", 10),
        )
        .unwrap();
    assert_eq!(titles(&store)[2], "Trao quà cho hộ nghèo");
    assert_eq!(titles(&store)[3], before[2].title);

    let mut order: Vec<i64> = store.program(event).unwrap().iter().map(|i| i.id).collect();
    order.swap(0, 1);
    store.set_program_order(event, &order).unwrap();
    assert_eq!(titles(&store)[0], "Chào cờ");

    store.delete_program_item(added.id).unwrap();
    assert_eq!(store.program(event).unwrap().len(), before.len());
    let back = store.add_program_item(event, 2, &added).unwrap();
    assert_eq!(back.id, added.id);
    assert_eq!(titles(&store)[2], "Trao quà cho hộ nghèo");
}

#[test]
fn results_and_prizes_are_saved_with_their_activity() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(&dir);
    let event = store.event(2026).unwrap().unwrap();
    let mut activity = store.activities(event.id).unwrap()[0].clone();
    activity.teams[4].rank = Some(1);
    activity.teams[1].rank = Some(5);
    activity.prizes[0].amount = 1_200_000;
    store.save_activity(&activity).unwrap();
    let saved = store.activities(event.id).unwrap()[0].clone();
    assert_eq!(saved.teams[4].rank, Some(1));
    assert_eq!(saved.prizes[0].amount, 1_200_000);
    assert_eq!(saved.prize_money_awarded(), activity.prize_money_awarded());

    activity.name = " ".into();
    let err = store.save_activity(&activity).unwrap_err().to_string();
    assert_eq!(err, "Tên hoạt động không được để trống.");
    assert_eq!(
        store.activities(event.id).unwrap()[0],
        saved,
        "a refused save changes nothing"
    );
}

#[test]
fn a_new_year_from_the_demo_carries_the_plan_not_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(&dir);
    let next = store.start_year_from(2026, 2027).unwrap();
    let plan = store.year_plan(2027).unwrap().unwrap();
    let last = store.year_plan(2026).unwrap().unwrap();
    assert_eq!(next.date, NaiveDate::from_ymd_opt(2027, 8, 14).unwrap());
    assert_eq!(plan.program.len(), last.program.len());
    assert_eq!(plan.delegates.len(), last.delegates.len());
    assert!(plan.delegates.iter().all(|d| d.attending));
    assert_eq!(plan.points.len(), last.points.len());
    assert!(plan.points.iter().all(|p| p.actual.is_none()));
    assert_eq!(plan.activities.len(), last.activities.len());
    assert!(plan.activities.iter().all(|a| {
        a.teams
            .iter()
            .all(|t| t.rank.is_none() && t.score.is_none())
    }));
    assert!(
        last.activities
            .iter()
            .all(|a| a.teams.iter().all(|t| t.rank.is_some())),
        "last year keeps its results"
    );
}

#[test]
fn areas_refuse_duplicates_whatever_the_accents() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(&dir);
    let names = vec![
        "Khu phố 1".to_string(),
        "  ".to_string(),
        "Khu pho 1".to_string(),
    ];
    assert_eq!(
        store.set_areas(&names).unwrap_err().to_string(),
        "Khu dân cư “Khu pho 1” bị trùng tên."
    );
    store
        .set_areas(&["Tổ dân phố 2".into(), "  ".into(), "Thôn Đông".into()])
        .unwrap();
    assert_eq!(store.areas().unwrap(), vec!["Tổ dân phố 2", "Thôn Đông"]);
}
