//! A list imported again from the command line adds nothing twice: rows already stored are
//! skipped and counted, rows that differ are updated only with `--update`, duplicates are
//! added only with `--allow-duplicates`, and a recipient never gets a second register number.

#[path = "support/cli.rs"]
mod cli_support;

#[path = "support/files.rs"]
mod files;

use std::path::Path;

use cli_support::{assert_says, exported, new_demo_db, ngayhoi_on as ngayhoi, ok_on};
use files::write;
use ngayhoi::domain::{Category, Household};
use ngayhoi::storage::Store;

fn households(db: &Path) -> Vec<Household> {
    Store::open(db).unwrap().households().unwrap()
}

/// `import KIND FILE`, `file` being rows already stored with one changed: without `--update`
/// it says to use it and `read` still gives `before`; with it, the change is made and no row
/// added. What `read` gives then.
fn changed_only_with_update<T: PartialEq + std::fmt::Debug>(
    db: &Path,
    kind: &str,
    file: &Path,
    read: impl Fn() -> Vec<T>,
    before: &[T],
) -> Vec<T> {
    let path = file.to_str().unwrap();
    let out = ok_on(db, &["import", kind, path]);
    assert!(out.contains("dùng --update"), "{out}");
    assert_eq!(read(), before);
    ok_on(db, &["import", kind, path, "--update"]);
    let after = read();
    assert_eq!(after.len(), before.len());
    after
}

const HOUSEHOLDS: &str = "STT;Họ và tên;Năm sinh;Địa chỉ;Diện;Số điện thoại\n\
    1;Nguyễn Văn Mới;1956;Khu phố 2;Hộ nghèo;\n\
    2;Lê Thị Xuân;1961;Khu phố 1;Thương binh;0912345678\n\
    3;Phạm Văn Tư;;Khu phố 5;Khác;\n";

#[test]
fn a_households_list_imported_twice_is_stored_once() {
    let (dir, db) = new_demo_db();
    let before = households(&db).len();
    let file = write(dir.path(), "ho.csv", HOUSEHOLDS.as_bytes());
    let path = file.to_str().unwrap();
    let first = ok_on(&db, &["import", "households", path]);
    assert!(first.contains("Đã nhập 3 hộ"), "{first}");
    let after_first = households(&db);
    assert_eq!(after_first.len(), before + 3);

    let second = ok_on(&db, &["import", "households", path]);
    assert_says(
        &second,
        &[
            "Bỏ qua 3 dòng đã có trong dữ liệu",
            "Không có gì mới để nhập",
        ],
    );
    assert_eq!(
        households(&db),
        after_first,
        "nothing added, nothing changed"
    );

    // Typed again without accents and in capitals: still the same households.
    let folded = write(
        dir.path(),
        "ho-khong-dau.csv",
        "Ho va ten;Nam sinh;Dia chi;Dien\nNGUYEN VAN MOI;1956;khu pho 2;Ho ngheo\n".as_bytes(),
    );
    let third = ok_on(&db, &["import", "households", folded.to_str().unwrap()]);
    assert!(third.contains("Bỏ qua 1 dòng đã có"), "{third}");
    assert_eq!(households(&db), after_first);
}

#[test]
fn a_changed_household_is_updated_only_with_update() {
    let (dir, db) = new_demo_db();
    let file = write(dir.path(), "ho.csv", HOUSEHOLDS.as_bytes());
    ok_on(&db, &["import", "households", file.to_str().unwrap()]);
    let stored = households(&db);
    let moi = |list: &[Household]| {
        list.iter()
            .find(|h| h.name == "Nguyễn Văn Mới")
            .cloned()
            .unwrap()
    };
    assert_eq!(moi(&stored).category, Category::Poor);

    let changed = write(
        dir.path(),
        "ho-moi.csv",
        "Họ và tên;Năm sinh;Địa chỉ;Diện;Số điện thoại\n\
         Nguyễn Văn Mới;1956;Khu phố 2;Hộ cận nghèo;0987654321\n\
         Lê Thị Xuân;1961;Khu phố 1;Thương binh;\n"
            .as_bytes(),
    );
    let path = changed.to_str().unwrap();
    let skipped = ok_on(&db, &["import", "households", path]);
    assert_says(
        &skipped,
        &[
            "khác với dữ liệu đã lưu, dùng --update để cập nhật",
            "Dòng 2: khác với dữ liệu đã lưu (Diện: Hộ nghèo → Hộ cận nghèo;",
        ],
    );
    assert!(
        skipped.contains("Bỏ qua 1 dòng đã có"),
        "an empty phone cell is no change: {skipped}"
    );
    assert_eq!(households(&db), stored, "without --update nothing changes");

    let updated = ok_on(&db, &["import", "households", path, "--update"]);
    assert!(updated.contains("cập nhật 1 hộ"), "{updated}");
    let after = households(&db);
    assert_eq!(after.len(), stored.len(), "an update adds no household");
    let moi_after = moi(&after);
    assert_eq!(moi_after.id, moi(&stored).id);
    assert_eq!(moi_after.category, Category::NearPoor);
    assert_eq!(moi_after.phone, "0987654321");
    let xuan = after.iter().find(|h| h.name == "Lê Thị Xuân").unwrap();
    assert_eq!(
        xuan.phone, "0912345678",
        "an empty cell keeps the stored phone"
    );
}

#[test]
fn duplicates_are_added_only_on_purpose() {
    let (dir, db) = new_demo_db();
    let file = write(dir.path(), "ho.csv", HOUSEHOLDS.as_bytes());
    let path = file.to_str().unwrap();
    ok_on(&db, &["import", "households", path]);
    let before = households(&db).len();
    let again = ok_on(&db, &["import", "households", path, "--allow-duplicates"]);
    assert!(again.contains("--allow-duplicates"), "{again}");
    assert_eq!(households(&db).len(), before + 3);
}

#[test]
fn a_visits_list_imported_twice_is_stored_once() {
    let (_dir, db) = new_demo_db();
    let xlsx = exported(&db, "visits", "tham-hoi.xlsx");
    let store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let visits = store.visits(event.id).unwrap();
    let total = |visits: &[ngayhoi::domain::Visit]| visits.iter().map(|v| v.value).sum::<i64>();
    drop(store);

    // The year's own list, exported and imported back: every visit is already stored.
    let back = ok_on(&db, &["import", "visits", xlsx.to_str().unwrap()]);
    assert!(
        back.contains(&format!("Bỏ qua {} dòng đã có", visits.len())),
        "{back}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.visits(event.id).unwrap(), visits);
    drop(store);

    // Into another year: added once, then skipped.
    let year = Store::open(&db).unwrap().event(2025).unwrap().unwrap();
    let count = || Store::open(&db).unwrap().visits(year.id).unwrap();
    let before = count().len();
    let path = xlsx.to_str().unwrap();
    ok_on(&db, &["import", "visits", path, "--year", "2025"]);
    let once = count();
    assert_eq!(once.len(), before + visits.len());
    let twice = ok_on(&db, &["import", "visits", path, "--year", "2025"]);
    assert!(twice.contains("Không có gì mới để nhập"), "{twice}");
    assert_eq!(count(), once);
    assert_eq!(
        total(&count()),
        total(&once),
        "the gift total does not double"
    );
    assert_eq!(households(&db).len(), 16, "no household added twice");
}

#[test]
fn a_changed_visit_is_updated_only_with_update() {
    let (dir, db) = new_demo_db();
    let list = "Họ và tên;Địa chỉ;Ngày thăm;Quà tặng;Giá trị;Trạng thái\n\
                Nguyễn Văn Mới;Khu phố 2;15/08/2026;Tiền mặt;500.000;\n";
    let file = write(dir.path(), "tham.csv", list.as_bytes());
    ok_on(&db, &["import", "visits", file.to_str().unwrap()]);
    let event = Store::open(&db).unwrap().event(2026).unwrap().unwrap();
    let visits = || Store::open(&db).unwrap().visits(event.id).unwrap();
    let stored = visits();

    let changed = write(
        dir.path(),
        "tham-2.csv",
        list.replace("500.000;", "700.000;Đã thăm").as_bytes(),
    );
    let after = changed_only_with_update(&db, "visits", &changed, visits, &stored);
    let visit = after.iter().max_by_key(|v| v.id).unwrap();
    assert_eq!(visit.value, 700_000);
    assert_eq!(visit.status, ngayhoi::domain::VisitStatus::Done);
}

#[test]
fn recipients_imported_twice_keep_their_one_register_number() {
    let (dir, db) = new_demo_db();
    let list = "Hình thức;Đối tượng;Họ và tên;Chức vụ, đơn vị;Thành tích;Số quyết định;Ngày quyết định\n\
                Giấy khen;Cá nhân;Võ Thị Sáu;Tổ trưởng tổ dân phố 3;;130/QĐ-UBND;20/08/2026\n\
                Giấy khen;Cá nhân;Trần Văn Bảy;Công an viên;;130/QĐ-UBND;20/08/2026\n\
                Biểu dương;Tập thể;Chi đoàn Khu phố 2;;;130/QĐ-UBND;20/08/2026\n";
    let file = write(dir.path(), "khen.csv", list.as_bytes());
    let path = file.to_str().unwrap();
    let event = Store::open(&db).unwrap().event(2026).unwrap().unwrap();
    let numbers = || {
        let mut out: Vec<(String, Option<u32>, String)> = Store::open(&db)
            .unwrap()
            .recipients(event.id)
            .unwrap()
            .into_iter()
            .map(|r| (r.name, r.register_no, r.achievement))
            .collect();
        out.sort();
        out
    };
    ok_on(&db, &["import", "recipients", path]);
    let once = numbers();

    let twice = ok_on(&db, &["import", "recipients", path]);
    assert!(twice.contains("Bỏ qua 3 dòng đã có"), "{twice}");
    assert_eq!(numbers(), once, "no recipient and no register number added");

    let refused = ngayhoi(&db, &["import", "recipients", path, "--allow-duplicates"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("một số vào sổ"));
    assert_eq!(numbers(), once);

    // A new achievement text for one of them: an update, under the same number.
    let changed = write(
        dir.path(),
        "khen-2.csv",
        list.replace(
            "Tổ trưởng tổ dân phố 3;;",
            "TO TRUONG TO DAN PHO 3;Bắt giữ đối tượng trộm cắp;",
        )
        .as_bytes(),
    );
    let updated = changed_only_with_update(&db, "recipients", &changed, numbers, &once);
    let sau = |list: &[(String, Option<u32>, String)]| {
        list.iter().find(|r| r.0 == "Võ Thị Sáu").cloned().unwrap()
    };
    assert_eq!(sau(&updated).1, sau(&once).1, "the register number is kept");
    assert_eq!(sau(&updated).2, "Bắt giữ đối tượng trộm cắp");
}
