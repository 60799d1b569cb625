//! Imports and exports from the command line, as a district's IT staff would script them:
//! a bad row stops everything and is named with its row number, a TCVN3 file comes in as
//! Unicode, a visit list creates the households it names, the spreadsheet has real numbers.

#[path = "support/cli.rs"]
mod cli_support;

#[path = "support/files.rs"]
mod files;
#[path = "support/legacy_tables.rs"]
mod legacy_tables;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use cli_support::ngayhoi_on as ngayhoi;
use files::write;
use ngayhoi::domain::{Form, VisitStatus};
use ngayhoi::storage::Store;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn demo(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("ngayhoi.sqlite3");
    assert!(ngayhoi(&db, &["demo"]).status.success());
    db
}

#[test]
fn a_file_with_bad_rows_lists_each_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let before = Store::open(&db).unwrap().households().unwrap();
    let file = write(
        dir.path(),
        "ho.csv",
        "\u{feff}DANH SÁCH HỘ GIA ĐÌNH CHÍNH SÁCH\n\nSTT;Họ và tên;Địa chỉ;Diện\n1;Nguyễn Văn Mới;Khu phố 2;Hộ nghèo\n2;;Khu phố 3;Hộ nghèo\n3;Lê Thị Xuân;Khu phố 1;Cựu chiến binh\n"
            .as_bytes(),
    );
    let output = ngayhoi(&db, &["import", "households", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(err.contains("Dòng 5: Thiếu họ và tên."), "{err}");
    assert!(err.contains("Dòng 6: Diện “Cựu chiến binh”"), "{err}");
    assert!(err.contains("có 2 dòng lỗi"), "{err}");
    assert_eq!(Store::open(&db).unwrap().households().unwrap(), before);
}

#[test]
fn a_tcvn3_list_is_converted_and_a_dry_run_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let rows = "STT,Họ và tên,Địa chỉ,Diện\n1,Nguyễn Thị Hường,Khu phố 4,Hộ cận nghèo\n";
    let file = write(
        dir.path(),
        "tcvn3.csv",
        &legacy_tables::bytes(&legacy_tables::to_tcvn3(rows)),
    );
    let path = file.to_str().unwrap();
    let dry = ngayhoi(&db, &["import", "households", path, "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let out = text(&dry.stdout);
    assert!(out.contains("TCVN3"), "{out}");
    assert!(out.contains("có thể nhập 1 hộ"), "{out}");
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
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let xlsx = dir.path().join("tham-hoi.xlsx");
    let out = ngayhoi(&db, &["export", "visits", "--out", xlsx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));

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
    assert!(ngayhoi(&other, &["demo"]).status.success());
    let store = Store::open(&other).unwrap();
    let year = store.event(2025).unwrap().unwrap();
    drop(store);
    let imported = ngayhoi(
        &other,
        &["import", "visits", xlsx.to_str().unwrap(), "--year", "2025"],
    );
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stdout).contains("Đã nhập 16 lượt thăm năm 2025 (0 hộ mới)"));
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
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let file = write(
        dir.path(),
        "khen.csv",
        "Hình thức;Đối tượng;Họ và tên;Giới tính;Chức vụ, đơn vị;Số quyết định;Ngày quyết định\n\
         Giấy khen;Cá nhân;Võ Thị Sáu;Nữ;Tổ trưởng tổ dân phố 3;130/QĐ-UBND;20/08/2026\n\
         Biểu dương;Tập thể;Chi đoàn Khu phố 2;;;130/QĐ-UBND;20/08/2026\n"
            .as_bytes(),
    );
    let out = ngayhoi(&db, &["import", "recipients", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("Đã nhập 2 người được khen năm 2026 (1 quyết định mới, 1 số vào sổ)"),
        "{}",
        text(&out.stdout)
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
