//! Backups, their rotation, inspecting and restoring them.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::*;
use crate::domain::{Level, Unit, YearEvent};
use crate::storage::tests::support;
use crate::storage::{Password, inspect, replace_unusable, schema};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn set_up(dir: &tempfile::TempDir) -> Store {
    let path = dir.path().join("ngayhoi.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let unit = Unit::new("Xã Tân Phú", Level::Commune, "Tỉnh Đồng Nai", "Tân Phú");
    store.initialize(&unit, &YearEvent::defaults(2026)).unwrap();
    store
}

/// The commune's file in `dir` with one backup taken on the day at 15:30, then closed; its path.
fn backed_up_file(dir: &tempfile::TempDir) -> PathBuf {
    let store = set_up(dir);
    store.backup_now(at(2026, 8, 19, 15, 30)).unwrap();
    store.path().to_path_buf()
}

fn rename_unit(store: &mut Store, name: &str) {
    let mut unit = store.unit().unwrap().unwrap();
    unit.name = name.into();
    store.save_unit(&unit).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn copies_are_complete_dated_and_rotated() {
    let dir = tempfile::tempdir().unwrap();
    let store = set_up(&dir);
    let mine = dir.path().join("sao-luu").join("ghi-chu.txt");
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "của tôi").unwrap();

    let mut made = Vec::new();
    for minute in 0..12 {
        made.push(store.backup_now(at(2026, 8, 19, 15, minute)).unwrap());
    }
    let kept = list(&paths::backups_dir(store.path()));
    assert_eq!(kept, made[2..].to_vec(), "the ten newest are kept");
    assert!(mine.exists(), "files that are not automatic copies stay");
    assert!(
        kept[0]
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("ngayhoi-2026-08-19-1502")
    );

    let copy = Store::open(kept.last().unwrap()).unwrap();
    assert_eq!(copy.unit().unwrap().unwrap().name, "Xã Tân Phú");
    assert_eq!(copy.years().unwrap(), vec![2026]);
}

#[test]
fn rotation_keeps_ten_newest_and_one_per_month_for_a_year_and_never_a_hand_made_copy() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    // Two copies a month for 18 months (Jan 2025 – Jun 2026), then 12 on the last day.
    let mut expected = Vec::new();
    for month in 0..18 {
        let (y, m) = (2025 + month / 12, (month % 12) as u32 + 1);
        for day in [3, 20] {
            let name = format!("ngayhoi-{y}-{m:02}-{day:02}-090000.sqlite3");
            std::fs::write(folder.join(&name), "x").unwrap();
            // The newest of each of the last 12 months (Jul 2025 – Jun 2026) stays.
            if day == 20 && month >= 6 {
                expected.push(name);
            }
        }
    }
    for n in 1..=12 {
        let name = format!("ngayhoi-2026-06-30-1000{n:02}-truoc-nhap.sqlite3");
        std::fs::write(folder.join(&name), "x").unwrap();
        if n > 2 {
            expected.push(name);
        }
    }
    let others = [
        "sao-luu-2020-01-01-080000.sqlite3",
        "ban-cua-chi-Mai.sqlite3",
        "de-rieng-2021-01-01-080000-ngayhoi.sqlite3",
        "ngayhoi-cu.sqlite3",
    ];
    for name in others {
        std::fs::write(folder.join(name), "x").unwrap();
        expected.push(name.to_string());
    }
    // June's newest is one of the twelve on the last day: June 20 goes.
    expected.retain(|name| name != "ngayhoi-2026-06-20-090000.sqlite3");
    expected.sort();

    rotate(folder);
    assert_eq!(names(folder), expected);
    assert_eq!(
        list(folder).len(),
        KEEP_NEWEST + KEEP_MONTHS - 1,
        "bounded: never more than the newest ten and one a month"
    );
}

#[test]
fn a_counter_and_a_reason_keep_copies_of_one_second_apart_and_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = set_up(&dir);
    let now = at(2026, 8, 19, 15, 30);
    let first = store.backup_at(BackupReason::Import, now).unwrap();
    let second = store.backup_at(BackupReason::Import, now).unwrap();
    let by_hand = store.backup_by_hand(now).unwrap();
    assert!(first.ends_with("sao-luu/ngayhoi-2026-08-19-153000-truoc-nhap.sqlite3"));
    assert!(second.ends_with("sao-luu/ngayhoi-2026-08-19-153000-truoc-nhap-2.sqlite3"));
    assert!(by_hand.ends_with("sao-luu/sao-luu-2026-08-19-153000.sqlite3"));
    assert_eq!(list(&paths::backups_dir(store.path())), vec![first, second]);
    let all = copies(&paths::backups_dir(store.path()));
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|c| c.taken_at == now && c.size > 0));
    assert_eq!(all[2].kind, CopyKind::Automatic, "newest first");
}

#[test]
fn a_copy_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = set_up(&dir);
    let target = support::write(&dir, "cua-toi.sqlite3", "giữ nguyên");
    let error = store.backup_to(&target).unwrap_err();
    assert!(error.to_string().contains("đã có"), "{error}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "giữ nguyên");
}

/// A copy over a file the secretary chose to replace: written whole beside it, then put in
/// its place; a copy that cannot take the place leaves what was there and nothing beside it.
#[test]
fn a_copy_replacing_a_file_takes_its_place_whole_or_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = set_up(&dir);
    let target = support::write(&dir, "thang-8.sqlite3", "bản cũ");
    // Left by an earlier copy over the same file that was cut short.
    std::fs::write(with_suffix(&target, PARTIAL), "dở dang").unwrap();
    store.backup_replacing(&target).unwrap();
    assert_eq!(
        inspect(&target, None).unwrap().unit.as_deref(),
        Some("Xã Tân Phú")
    );
    assert_eq!(
        names(dir.path()),
        ["ngayhoi.sqlite3", "thang-8.sqlite3"],
        "nothing left beside it"
    );

    // A folder of that name cannot be replaced by a file.
    let folder = dir.path().join("thu-muc.sqlite3");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("ghi-chu.txt"), "của tôi").unwrap();
    let error = store.backup_replacing(&folder).unwrap_err();
    assert!(matches!(error, Replacing::Rename(_)), "{error:?}");
    assert_eq!(names(&folder), ["ghi-chu.txt"]);
    assert!(
        !with_suffix(&folder, PARTIAL).exists(),
        "the copy is removed"
    );
}

#[test]
fn a_copy_cut_short_is_never_listed_and_its_leftovers_are_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let store = set_up(&dir);
    let folder = dir.path().join("sao-luu");
    std::fs::create_dir_all(&folder).unwrap();
    // What a copy killed half-way leaves: part of a file and SQLite's journal.
    let old = at(2026, 8, 1, 9, 0).format(STAMP).to_string();
    let stale = folder.join(format!("{PREFIX}{old}{SUFFIX}{PARTIAL}"));
    let stale_journal = folder.join(format!("{PREFIX}{old}{SUFFIX}{PARTIAL}-journal"));
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(2 * 3600);
    for path in [&stale, &stale_journal] {
        std::fs::write(path, b"SQLite format 3\0half").unwrap();
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(hour_ago).unwrap();
    }
    // Another window's copy in progress: young, kept.
    let young = folder.join(format!(
        "{PREFIX}2026-08-19-100000-truoc-nhap{SUFFIX}{PARTIAL}"
    ));
    std::fs::write(&young, b"").unwrap();
    assert!(copies(&folder).is_empty(), "a partial copy is not listed");

    // A name whose partial copy is still there is not reused.
    let now = at(2026, 8, 19, 10, 0);
    let copy = store.backup_at(BackupReason::Import, now).unwrap();
    assert_eq!(
        copy.file_name().unwrap(),
        "ngayhoi-2026-08-19-100000-truoc-nhap-2.sqlite3"
    );
    let names = names(&folder);
    assert_eq!(
        names,
        [
            "ngayhoi-2026-08-19-100000-truoc-nhap-2.sqlite3",
            "ngayhoi-2026-08-19-100000-truoc-nhap.sqlite3.dang-ghi",
        ],
        "the copy is complete, the stale leftovers are gone, the young one is kept"
    );
    inspect(&copy, None).unwrap();
}

#[test]
fn inspect_tells_what_a_backup_holds_without_writing_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
    store.fill_demo(&crate::demo::build()).unwrap();
    let copy = store.backup_now(at(2026, 8, 19, 15, 30)).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let info = inspect(&copy, None).unwrap();
    assert_eq!(info.taken_at, at(2026, 8, 19, 15, 30));
    assert_eq!(info.schema_version, schema::LATEST);
    assert_eq!(info.unit.as_deref(), Some("Phường Chợ Quán"));
    assert_eq!(info.years, store.years().unwrap());
    assert_eq!(info.counts.events, info.years.len() as i64);
    assert!(info.counts.checklist_items > 0);
    assert!(info.counts.households.is_some(), "schema 4 has households");
    assert_eq!(info.taken_at_text(), "19/08/2026 15:30");
    assert!(
        info.summary()
            .starts_with("Phường Chợ Quán · năm 2025, 2026 · "),
        "{}",
        info.summary()
    );
    assert_eq!(std::fs::read(&copy).unwrap(), before, "read, never written");
}

#[test]
fn inspect_refuses_foreign_damaged_and_newer_files_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let text = support::write(&dir, "danh-sach.sqlite3", "Họ và tên;Địa chỉ\n");
    support::assert_refusal(
        &inspect(&text, None).unwrap_err(),
        StoreError::NotOurs(text.clone()),
        &["không phải là tệp dữ liệu của Ngày hội"],
    );

    let other = dir.path().join("khac.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT);")
        .unwrap();
    assert_eq!(
        inspect(&other, None).unwrap_err(),
        StoreError::NotOurs(other)
    );

    let store = set_up(&dir);
    let newer = dir.path().join("moi-hon.sqlite3");
    store.backup_to(&newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", schema::LATEST + 1)
        .unwrap();
    let error = inspect(&newer, None).unwrap_err();
    assert!(matches!(error, StoreError::Newer { .. }), "{error}");
    assert!(error.to_string().contains("phiên bản Ngày hội mới hơn"));

    let damaged = dir.path().join("hong.sqlite3");
    store.backup_to(&damaged).unwrap();
    let mut bytes = std::fs::read(&damaged).unwrap();
    let len = bytes.len();
    for byte in &mut bytes[4096..len.min(4096 * 3)] {
        *byte = 0xA5;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    support::assert_refusal(
        &inspect(&damaged, None).unwrap_err(),
        StoreError::Damaged(damaged.clone()),
        &["bị hỏng"],
    );
    assert_eq!(std::fs::read(&damaged).unwrap(), bytes, "left as it was");

    let missing = dir.path().join("khong-co.sqlite3");
    assert!(
        inspect(&missing, None)
            .unwrap_err()
            .to_string()
            .contains("không tìm thấy")
    );
}

#[test]
fn restore_brings_back_the_old_state_and_keeps_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = set_up(&dir);
    let copy = store.backup_now(at(2026, 8, 19, 15, 30)).unwrap();
    rename_unit(&mut store, "Xã Tân Phú Mới");
    store.start_year_fresh(2027).unwrap();
    // Another window on the same file.
    let other = Store::open(store.path()).unwrap();
    assert_eq!(other.unit().unwrap().unwrap().name, "Xã Tân Phú Mới");

    let restored = store.restore_from(&copy).unwrap();
    assert_eq!(restored.info.unit.as_deref(), Some("Xã Tân Phú"));
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
    assert_eq!(store.years().unwrap(), vec![2026]);
    assert_eq!(
        other.unit().unwrap().unwrap().name,
        "Xã Tân Phú",
        "seen by every window"
    );

    let previous = restored.previous.unwrap();
    assert!(
        previous
            .to_str()
            .unwrap()
            .ends_with("-truoc-khoi-phuc.sqlite3")
    );
    let kept = inspect(&previous, None).unwrap();
    assert_eq!(kept.unit.as_deref(), Some("Xã Tân Phú Mới"));
    assert_eq!(kept.years, vec![2026, 2027]);

    let check: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        schema::application_id(&store.conn).unwrap(),
        schema::APPLICATION_ID
    );
    drop(store);
    let reopened = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
    assert_eq!(reopened.unit().unwrap().unwrap().name, "Xã Tân Phú");
}

#[test]
fn restoring_an_older_schema_upgrades_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = set_up(&dir);
    let old = dir.path().join("cu.sqlite3");
    support::old_file(
        &old,
        2,
        "INSERT INTO unit (id, name, level, province, place, committee)
         VALUES (1, 'Xã Cũ', 'xa', 'Tỉnh Đồng Nai', 'Cũ', 'Ban Chỉ đạo xã Cũ');
         INSERT INTO event (year, date, window_start, window_end)
         VALUES (2024, '2024-08-19', '2024-07-01', '2024-08-19');",
    );
    let restored = store.restore_from(&old).unwrap();
    assert_eq!(restored.info.schema_version, 2);
    assert_eq!(restored.info.counts.households, None);
    assert_eq!(schema::version(&store.conn).unwrap(), schema::LATEST);
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Cũ");
    assert_eq!(store.years().unwrap(), vec![2024]);
}

#[test]
fn restoring_something_that_is_not_a_backup_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = set_up(&dir);
    let text = support::write(&dir, "ghi-chu.sqlite3", "không phải cơ sở dữ liệu");
    let error = store.restore_from(&text).unwrap_err();
    assert_eq!(error, StoreError::NotOurs(text));
    let itself = store.path().to_path_buf();
    assert!(
        store
            .restore_from(&itself)
            .unwrap_err()
            .to_string()
            .contains("chính nó")
    );
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
    assert!(
        list(&paths::backups_dir(store.path())).is_empty(),
        "no copy was needed since nothing happened"
    );
}

#[test]
fn a_damaged_file_is_set_aside_untouched_and_the_backup_put_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = backed_up_file(&dir);
    let bytes = support::damage(&path);
    assert_eq!(
        Store::open(&path).unwrap_err(),
        StoreError::Damaged(path.clone())
    );

    let (latest, info) = crate::storage::latest_valid(&path, None).unwrap();
    assert_eq!(info.unit.as_deref(), Some("Xã Tân Phú"));
    let recovered = replace_unusable(&path, &latest, None).unwrap();
    let aside = recovered.set_aside.unwrap();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("de-rieng-")
    );
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        bytes,
        "the damaged file, byte for byte"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
    assert_eq!(
        crate::storage::latest_valid(&path, None).map(|(p, _)| p),
        Some(latest),
        "a file set aside is never offered as the latest backup"
    );
}

#[test]
fn a_damaged_files_rollback_journal_goes_aside_with_it_and_never_onto_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = backed_up_file(&dir);
    std::fs::write(&path, b"SQLite format 3\0garbage").unwrap();
    // What a crash in the middle of a save leaves beside the file.
    let journal = crate::storage::backup::with_suffix(&path, "-journal");
    std::fs::write(&journal, b"stale rollback journal").unwrap();

    let (latest, _) = crate::storage::latest_valid(&path, None).unwrap();
    let recovered = replace_unusable(&path, &latest, None).unwrap();
    assert!(!journal.exists(), "no old journal beside the restored file");
    let aside = recovered.set_aside.unwrap();
    assert_eq!(
        std::fs::read(crate::storage::backup::with_suffix(&aside, "-journal")).unwrap(),
        b"stale rollback journal",
        "the journal stays with the file set aside"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(store.unit().unwrap().unwrap().name, "Xã Tân Phú");
}

#[test]
fn replacing_with_an_invalid_backup_leaves_the_damaged_file_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::write(&dir, "ngayhoi.sqlite3", b"SQLite format 3\0garbage");
    let not_backup = support::write(&dir, "x.sqlite3", "x");
    let err = replace_unusable(&path, &not_backup, None)
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("không phải là tệp dữ liệu của Ngày hội. Ứng dụng không thay đổi tệp này."),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"SQLite format 3\0garbage");
    assert_eq!(names(dir.path()), vec!["ngayhoi.sqlite3", "x.sqlite3"]);
}

#[test]
fn sizes_read_as_the_secretary_expects() {
    assert_eq!(size_text(0), "0 KB");
    assert_eq!(size_text(870_000), "850 KB");
    assert_eq!(size_text(1_468_006), "1,4 MB");
}

/// This year's and last year's files side by side in one folder (a second year, or a file
/// copied next to the first): neither one's copies are rotated away, re-keyed or offered as
/// a restore for the other.
#[test]
fn two_data_files_in_one_folder_keep_their_copies_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut this_year = set_up(&dir);
    let last_path = dir.path().join("ngayhoi-2025.sqlite3");
    let mut last_year = Store::open(&last_path).unwrap();
    let unit = Unit::new("Xã Tân Phú", Level::Commune, "Tỉnh Đồng Nai", "Tân Phú");
    last_year
        .initialize(&unit, &YearEvent::defaults(2025))
        .unwrap();

    // Opened once the day before: in one folder with this year's copies, it would be the
    // oldest of the month and rotated away.
    let kept = last_year.backup_now(at(2026, 8, 18, 8, 0)).unwrap();
    assert!(kept.ends_with("sao-luu-ngayhoi-2025/ngayhoi-2026-08-18-080000.sqlite3"));
    for minute in 0..15 {
        this_year.backup_now(at(2026, 8, 19, 15, minute)).unwrap();
    }
    assert!(
        kept.exists(),
        "the other file's rotation leaves this copy alone"
    );
    assert_eq!(list(&paths::backups_dir(&last_path)), vec![kept.clone()]);
    assert_eq!(
        list(&paths::backups_dir(this_year.path())).len(),
        KEEP_NEWEST
    );

    // A password on this year's file re-keys its own copies only.
    let password = Password::typed("mat khau 2026").unwrap();
    let rekeyed = this_year.set_password(Some(&password)).unwrap();
    assert_eq!(rekeyed.copies, KEEP_NEWEST);
    assert_eq!(inspect(&kept, None).unwrap().years, vec![2025]);

    // The newest copy offered when last year's file breaks is its own, never this year's.
    let (offered, info) = crate::storage::latest_valid(&last_path, None).unwrap();
    assert_eq!((offered, info.years), (kept, vec![2025]));
}
