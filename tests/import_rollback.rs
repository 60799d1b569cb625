//! An import is all or nothing even when the database itself fails on a late row, inside the
//! write: a trigger added to the file makes the 9,999th insert of a list fail, and the file must
//! then hold exactly what it held before, compared table by table, value by value. (A bad row
//! found while checking the list is refused before anything is written; that is tested with
//! the imports themselves.)

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/contents.rs"]
mod contents;
#[path = "support/files.rs"]
mod files;

use std::path::Path;

use cli_support::{new_demo_db, ngayhoi_on as ngayhoi, stderr, stdout};
use contents::{Contents, contents};
use files::write;
use rusqlite::Connection;

/// Makes the 9,999th insert into `table` fail: a counter table counts the inserts (and is
/// rolled back with them), a trigger aborts once it reaches 9,998.
fn fail_on_the_9999th_insert(db: &Path, table: &str) {
    Connection::open(db)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TABLE injected (inserts INTEGER NOT NULL);
             INSERT INTO injected VALUES (0);
             CREATE TRIGGER count_inserts AFTER INSERT ON {table}
             BEGIN UPDATE injected SET inserts = inserts + 1; END;
             CREATE TRIGGER fail_late BEFORE INSERT ON {table}
             WHEN (SELECT inserts FROM injected) >= 9998
             BEGIN SELECT RAISE(ABORT, 'hỏng giả lập ở dòng 9999'); END;"
        ))
        .unwrap();
}

/// Runs the import, which must fail with the injected error and leave `before` as it was.
fn refused_whole(db: &Path, list: &str, file: &Path, before: &Contents) {
    let out = ngayhoi(db, &["import", list, file.to_str().unwrap()]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("hỏng giả lập ở dòng 9999"),
        "the write itself failed, late: {}",
        stderr(&out)
    );
    assert!(
        &contents(db) == before,
        "the file changed after a failed import of {list}"
    );
}

/// Imports a 10,000-row `list` (its header, then `row(n)` for n = 1…10,000) into the demo
/// file, whose 9,999th insert into `table` fails: the import is refused whole.
fn fails_late_and_changes_nothing(list: &str, table: &str, header: &str, row: fn(usize) -> String) {
    let (dir, db) = new_demo_db();
    let mut csv = format!("{header}\n");
    for n in 1..=10_000 {
        csv.push_str(&row(n));
        csv.push('\n');
    }
    let file = write(dir.path(), &format!("{list}.csv"), csv.as_bytes());
    fail_on_the_9999th_insert(&db, table);
    let before = contents(&db);
    refused_whole(&db, list, &file, &before);
}

#[test]
fn households_failing_at_the_9999th_row_leave_the_file_as_it_was() {
    fails_late_and_changes_nothing(
        "households",
        "household",
        "STT;Họ và tên;Năm sinh;Địa chỉ;Diện",
        |n| format!("{n};Nguyễn Văn Hộ {n};1950;Khu phố {};Hộ nghèo", n % 9 + 1),
    );
}

/// The households the visits create are written first; the visits fail late.
#[test]
fn visits_failing_at_the_9999th_row_leave_the_file_as_it_was() {
    fails_late_and_changes_nothing(
        "visits",
        "visit",
        "STT;Họ và tên;Địa chỉ;Diện;Quà tặng;Giá trị (đồng)",
        |n| {
            format!(
                "{n};Trần Thị Thăm {n};Khu phố {};Hộ cận nghèo;Gạo và tiền mặt;500.000",
                n % 9 + 1
            )
        },
    );
}

/// New decisions, register numbers and recipients are all written before the late failure.
#[test]
fn recipients_failing_at_the_9999th_row_leave_the_file_as_it_was() {
    fails_late_and_changes_nothing(
        "recipients",
        "recipient",
        "Hình thức;Đối tượng;Họ và tên;Chức vụ, đơn vị;Số quyết định;Ngày quyết định",
        |n| {
            format!(
                "Giấy khen;Cá nhân;Lê Văn Khen {n};Tổ trưởng tổ dân phố {};{}/QĐ-UBND;20/08/2026",
                n % 30 + 1,
                140 + n % 3
            )
        },
    );
}
