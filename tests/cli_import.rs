//! Imports and exports from the command line, as a district's IT staff would script them:
//! a bad row stops everything and is named with its row number, a TCVN3 file comes in as
//! Unicode, a visit list creates the households it names, the spreadsheet has real numbers.

#[path = "support/cli.rs"]
mod cli_support;

#[path = "support/commendation.rs"]
mod commendation;
#[path = "support/contents.rs"]
mod contents;
#[path = "support/files.rs"]
mod files;
#[path = "support/legacy_tables.rs"]
mod legacy_tables;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use cli_support::{assert_says, exported, failure, new_demo_db, ngayhoi_on as ngayhoi, ok_on};
use contents::contents;
use files::write;
use ngayhoi::domain::{Form, RecipientKind, Sex, VisitStatus};
use ngayhoi::storage::Store;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_file_with_bad_rows_lists_each_and_saves_nothing() {
    let (dir, db) = new_demo_db();
    let before = Store::open(&db).unwrap().households().unwrap();
    let file = write(
        dir.path(),
        "ho.csv",
        "\u{feff}DANH SÁCH HỘ GIA ĐÌNH CHÍNH SÁCH\n\nSTT;Họ và tên;Địa chỉ;Diện\n1;Nguyễn Văn Mới;Khu phố 2;Hộ nghèo\n2;;Khu phố 3;Hộ nghèo\n3;Lê Thị Xuân;Khu phố 1;Cựu chiến binh\n"
            .as_bytes(),
    );
    let output = ngayhoi(&db, &["import", "households", file.to_str().unwrap()]);
    let err = failure(&output, 1);
    assert_says(
        &err,
        &[
            "Dòng 5: Thiếu họ và tên.",
            "Dòng 6: Diện “Cựu chiến binh”",
            "có 2 dòng lỗi",
        ],
    );
    assert_eq!(Store::open(&db).unwrap().households().unwrap(), before);
}

#[test]
fn a_tcvn3_list_is_converted_and_a_dry_run_saves_nothing() {
    let (dir, db) = new_demo_db();
    let rows = "STT,Họ và tên,Địa chỉ,Diện\n1,Nguyễn Thị Hường,Khu phố 4,Hộ cận nghèo\n";
    let file = write(
        dir.path(),
        "tcvn3.csv",
        &legacy_tables::bytes(&legacy_tables::to_tcvn3(rows)),
    );
    let path = file.to_str().unwrap();
    let out = ok_on(&db, &["import", "households", path, "--dry-run"]);
    assert_says(&out, &["TCVN3", "có thể nhập 1 hộ"]);
    let count = |db: &Path| Store::open(db).unwrap().households().unwrap().len();
    assert_eq!(count(&db), 16);

    assert!(
        ngayhoi(&db, &["import", "households", path])
            .status
            .success()
    );
    let store = Store::open(&db).unwrap();
    assert!(
        store
            .households()
            .unwrap()
            .iter()
            .any(|h| h.name == "Nguyễn Thị Hường" && h.address == "Khu phố 4")
    );
    let backups = std::fs::read_dir(dir.path().join("sao-luu")).unwrap();
    assert!(
        backups
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().contains("truoc-nhap")),
        "a copy is taken before the import writes"
    );
}

#[test]
fn visits_go_out_as_numbers_and_come_back_with_their_households() {
    let (dir, db) = new_demo_db();
    let xlsx = exported(&db, "visits", "tham-hoi.xlsx");

    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Thăm hỏi 2026").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| *c == "Họ và tên"))
        .unwrap();
    let hang = rows
        .iter()
        .find(|r| r.iter().any(|c| *c == "Nguyễn Thị Hằng"))
        .unwrap();
    let col = |name: &str| rows[header].iter().position(|c| *c == name).unwrap();
    assert_eq!(hang[col("Giá trị (đồng)")], Data::Float(1_000_000.0));
    assert_eq!(
        hang[col("Diện")],
        Data::String("Mẹ Việt Nam anh hùng".into())
    );

    // A fresh file takes the list in: the households are created from the rows.
    let other = dir.path().join("moi.sqlite3");
    ok_on(&other, &["demo"]);
    let store = Store::open(&other).unwrap();
    let year = store.event(2025).unwrap().unwrap();
    drop(store);
    let imported = ok_on(
        &other,
        &["import", "visits", xlsx.to_str().unwrap(), "--year", "2025"],
    );
    assert!(imported.contains("Đã nhập 16 lượt thăm năm 2025 (0 hộ mới)"));
    let visits = Store::open(&other).unwrap().visits(year.id).unwrap();
    assert_eq!(
        visits.len(),
        32,
        "16 demo visits of 2025 and the 16 imported"
    );
    assert_eq!(
        visits
            .iter()
            .filter(|v| v.status == VisitStatus::Cancelled)
            .count(),
        1
    );
}

#[test]
fn recipients_create_their_decision_and_get_register_numbers() {
    let (dir, db) = new_demo_db();
    let file = write(
        dir.path(),
        "khen.csv",
        "Hình thức;Đối tượng;Họ và tên;Giới tính;Chức vụ, đơn vị;Số quyết định;Ngày quyết định\n\
         Giấy khen;Cá nhân;Võ Thị Sáu;Nữ;Tổ trưởng tổ dân phố 3;130/QĐ-UBND;20/08/2026\n\
         Biểu dương;Tập thể;Chi đoàn Khu phố 2;;;130/QĐ-UBND;20/08/2026\n"
            .as_bytes(),
    );
    let out = ok_on(&db, &["import", "recipients", file.to_str().unwrap()]);
    assert!(
        out.contains("Đã nhập 2 người được khen năm 2026 (1 quyết định mới, 1 số vào sổ)"),
        "{out}"
    );
    let store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let decision = store
        .decisions(event.id)
        .unwrap()
        .into_iter()
        .find(|d| d.number == "130/QĐ-UBND")
        .unwrap();
    assert_eq!(decision.issuer, "Ủy ban nhân dân phường Chợ Quán");
    let recipients = store.recipients(event.id).unwrap();
    let sau = recipients.iter().find(|r| r.name == "Võ Thị Sáu").unwrap();
    assert_eq!(sau.form, Form::Certificate);
    assert_eq!(
        sau.register_no,
        Some(6),
        "after the demo's five certificates of the same register"
    );
    assert!(sau.achievement.contains("năm 2026"));
}

/// `import recipients FILE` into the demo's decision 125/QĐ-UBND, with the options `more`.
fn into_125<'a>(file: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["import", "recipients", file, "--decision", "125/QĐ-UBND"];
    args.extend_from_slice(more);
    args
}

fn recipients_2026(db: &Path) -> Vec<ngayhoi::domain::Recipient> {
    let store = Store::open(db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    store.recipients(event.id).unwrap()
}

#[test]
fn a_commendation_software_list_goes_into_the_decision_given_and_only_once() {
    let (dir, db) = new_demo_db();
    let file = commendation::two_row_header(
        dir.path(),
        "de-nghi-khen-thuong.xlsx",
        &commendation::five(),
    );
    let file = file.to_str().unwrap();
    let out = ok_on(
        &db,
        &["import", "recipients", file, "--decision", "125/qđ-ubnd"],
    );
    assert!(
        out.contains("Đã nhập 5 người được khen năm 2026 (0 quyết định mới, 4 số vào sổ)"),
        "{out}"
    );
    let store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let decisions = store.decisions(event.id).unwrap();
    assert_eq!(decisions.len(), 1, "no decision made up");
    drop(store);
    let all = recipients_2026(&db);
    let find = |name: &str| all.iter().find(|r| r.name == name).unwrap();
    let hai = find("Nguyễn Văn Hải");
    assert_eq!(
        (hai.kind, hai.sex, hai.position.as_str(), hai.form),
        (
            RecipientKind::Individual,
            Some(Sex::Male),
            "Tổ trưởng tổ dân phố 3, Khu phố 1",
            Form::Certificate
        )
    );
    assert_eq!(hai.decision_id, decisions[0].id);
    let ban = find("Ban bảo vệ dân phố Khu phố 3");
    assert_eq!(
        (ban.kind, ban.form),
        (RecipientKind::Collective, Form::Merit)
    );
    let tu = find("Hộ ông Lê Văn Tư");
    assert_eq!(
        (tu.kind, tu.form, tu.register_no),
        (RecipientKind::Household, Form::Praise, None)
    );
    assert_eq!(find("Trần Thị Lan").sex, Some(Sex::Female));
    assert!(find("Phạm Minh Tuấn").achievement.contains("năm 2026"));

    // The same file again adds nothing and writes nothing.
    let before = contents(&db);
    let again = ok_on(&db, &into_125(file, &[]));
    assert!(
        again.contains("Không có gì mới để nhập: cả 5 dòng đều đã có"),
        "{again}"
    );
    assert_eq!(contents(&db), before);
}

#[test]
fn a_list_without_decisions_is_refused_without_the_option_or_with_a_decision_the_year_lacks() {
    let (dir, db) = new_demo_db();
    let file = commendation::two_row_header(dir.path(), "de-nghi.xlsx", &commendation::five());
    let file = file.to_str().unwrap();
    let before = contents(&db);

    let plain = ngayhoi(&db, &["import", "recipients", file]);
    let err = failure(&plain, 1);
    assert_says(
        &err,
        &[
            "Dòng 9: thiếu số hoặc ngày quyết định.",
            "có 5 dòng thiếu số hoặc ngày quyết định; chưa nhập dòng nào",
        ],
    );

    let wrong = ngayhoi(
        &db,
        &["import", "recipients", file, "--decision", "999/QĐ-UBND"],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert_eq!(
        text(&wrong.stderr).trim(),
        "Lỗi: năm 2026 không có quyết định số “999/QĐ-UBND” (các quyết định của năm: 125/QĐ-UBND). Hãy thêm quyết định đó trước; chưa nhập dòng nào."
    );
    assert_eq!(contents(&db), before, "nothing written either time");
}

#[test]
fn an_unknown_code_refuses_the_whole_list() {
    let (dir, db) = new_demo_db();
    let mut rows = commendation::five();
    rows.push(commendation::UNKNOWN_FORM_CODE);
    let file = commendation::two_row_header(dir.path(), "sai-ma.xlsx", &rows);
    let before = contents(&db);
    let out = ngayhoi(&db, &into_125(file.to_str().unwrap(), &[]));
    let err = failure(&out, 1);
    assert_says(
        &err,
        &[
            "Dòng 14: Mã “GKXX” không có trong trang danh mục của tệp",
            "có 1 dòng lỗi",
        ],
    );
    assert_eq!(
        contents(&db),
        before,
        "the five good rows are not saved either"
    );
}

#[test]
fn rows_without_a_form_get_the_form_given() {
    let (dir, db) = new_demo_db();
    let file = commendation::one_row_header(
        dir.path(),
        "danh-sach.xlsx",
        &commendation::first_without_a_form(),
    );
    let file = file.to_str().unwrap();
    let before = contents(&db);
    let bad = ngayhoi(&db, &into_125(file, &["--form", "Huân chương"]));
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr)
            .contains("hình thức “Huân chương” không rõ (nhận: Giấy khen, Bằng khen, Biểu dương)."),
        "{}",
        text(&bad.stderr)
    );
    assert_eq!(contents(&db), before);

    ok_on(&db, &into_125(file, &["--form", "Giấy khen"]));
    let all = recipients_2026(&db);
    let sau = all.iter().find(|r| r.name == "Võ Thị Sáu").unwrap();
    assert_eq!((sau.form, sau.register_no), (Form::Certificate, Some(6)));
    let doan = all.iter().find(|r| r.name == "Chi đoàn Khu phố 5").unwrap();
    assert_eq!(doan.form, Form::Merit, "the form written in the file stays");
}
