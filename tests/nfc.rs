//! Text is NFC everywhere: Vietnamese typed or pasted in decomposed form (NFD, as some Mac
//! and web tools produce it) goes in through every entry point — the command line's arguments,
//! each import, each kind of record, the window's fields — and afterwards every text value in
//! every column of the file is NFC.

#[path = "support/cli.rs"]
mod cli_support;
mod common;
#[path = "support/contents.rs"]
mod contents;

use std::path::Path;

use chrono::NaiveDate;
use cli_support::{new_demo_db, ok_on};
use common::*;
use contents::column;
use iced::keyboard;
use iced_test::selector::id;
use ngayhoi::domain::point::PointKind;
use ngayhoi::domain::report::Section;
use ngayhoi::domain::{
    Activity, ActivityKind, Category, ChecklistItem, Decision, Delegate, EventPoint, Form,
    Household, ProgramItem, Recipient, RecipientKind, Visit,
};
use ngayhoi::gui::App;
use ngayhoi::storage::Store;
use rusqlite::types::Value;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// The decomposed form of `text`: "ệ" as "e" + U+0323 + U+0302.
fn nfd(text: &str) -> String {
    text.nfd().collect()
}

/// Every text value of the file that is not NFC, with its table and column.
fn not_nfc(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = column(&conn, "SELECT name FROM sqlite_master WHERE type = 'table'");
    let mut found = Vec::new();
    let mut texts = 0;
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for (i, column) in names.iter().enumerate() {
                if let Value::Text(text) = row.get::<_, Value>(i).unwrap() {
                    texts += 1;
                    if !is_nfc(&text) {
                        found.push(format!("{table}.{column}: {text:?}"));
                    }
                }
            }
        }
    }
    assert!(
        texts > 50,
        "the sweep read the file's text ({texts} values)"
    );
    found
}

/// Whether any text value of the file holds `text` (NFC).
fn holds(db: &Path, text: &str) -> bool {
    let bytes = std::fs::read(db).unwrap();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// Every text value of the file at `db` is NFC, and each of `texts` is stored there.
fn assert_stored_nfc(db: &Path, texts: &[&str]) {
    assert_eq!(not_nfc(db), Vec::<String>::new());
    for text in texts {
        assert!(holds(db, text), "{text} is stored, in NFC");
    }
}

#[test]
fn command_line_arguments_and_every_import_store_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    let run = |args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ok_on(&db, &args);
    };
    run(&[
        "init".into(),
        "--unit".into(),
        nfd("Phường Hòa Hưng"),
        "--level".into(),
        nfd("phường"),
        "--province".into(),
        nfd("Thành phố Hồ Chí Minh"),
        "--place".into(),
        nfd("Hòa Hưng"),
        "--year".into(),
        "2026".into(),
        "--head".into(),
        nfd("Nguyễn Thị Ngọc Huyền"),
        "--secretary".into(),
        nfd("Đặng Văn Ấn"),
    ]);
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, nfd(text)).unwrap();
        path.to_str().unwrap().to_string()
    };
    let households = write(
        "ho.csv",
        "STT;Họ và tên;Địa chỉ;Diện;Ghi chú\n1;Trương Thị Diệu Hiền;Tổ 5, Khu phố Bình Yên;Hộ nghèo;Ở một mình\n",
    );
    run(&["import".into(), "households".into(), households]);
    let visits = write(
        "tham.csv",
        "STT;Họ và tên;Địa chỉ;Diện;Quà tặng;Giá trị (đồng);Người thăm\n1;Lưu Văn Quyết;Ấp Phước Lộc;Thương binh;Gạo và dầu ăn;500.000;Đồng chí Bí thư Đảng ủy\n",
    );
    run(&["import".into(), "visits".into(), visits]);
    let recipients = write(
        "khen.csv",
        "Hình thức;Đối tượng;Họ và tên;Chức vụ, đơn vị;Số quyết định;Ngày quyết định;Thành tích\n\
         Giấy khen;Cá nhân;Huỳnh Thị Xuân Nguyệt;Tổ trưởng tổ dân phố 3;150/QĐ-UBND;20/08/2026;Đã có thành tích xuất sắc\n",
    );
    run(&["import".into(), "recipients".into(), recipients]);
    // --decision and --form take NFD too.
    let more = write(
        "khen-2.csv",
        "Họ và tên;Đối tượng\nTrần Thị Thủy Tiên;Cá nhân\n",
    );
    run(&[
        "import".into(),
        "recipients".into(),
        more,
        "--decision".into(),
        nfd("150/QĐ-UBND"),
        "--form".into(),
        nfd("Giấy khen"),
    ]);

    assert_stored_nfc(
        &db,
        &[
            "Phường Hòa Hưng",
            "Nguyễn Thị Ngọc Huyền",
            "Trương Thị Diệu Hiền",
            "Lưu Văn Quyết",
            "Huỳnh Thị Xuân Nguyệt",
            "Trần Thị Thủy Tiên",
        ],
    );
}

#[test]
fn every_kind_of_record_stores_nfc() {
    let (_dir, db) = new_demo_db();
    let mut store = Store::open(&db).unwrap();
    let event = store.event(2026).unwrap().unwrap();
    let unit = store.unit().unwrap().unwrap();
    let e = event.id;
    let day = NaiveDate::from_ymd_opt(2026, 8, 19).unwrap();

    let step = ChecklistItem {
        id: 0,
        title: nfd("Mời đoàn văn nghệ thiếu nhi"),
        offset_days: -3,
        done: false,
        note: nfd("Liên hệ cô Nguyệt"),
    };
    store.add_checklist_item(e, &step).unwrap();
    let item = ProgramItem::new(&nfd("Phát biểu khai mạc"), &nfd("Đồng chí Ánh"), 10);
    store.add_program_item(e, 0, &item).unwrap();
    let teams = [nfd("Khu phố Bình Yên"), nfd("Khu phố Hưng Thịnh")];
    let activity = Activity::new(
        ActivityKind::FolkGame,
        &nfd("Kéo co"),
        &nfd("Sân nhà văn hóa"),
        &teams,
    );
    store.add_activity(e, &activity).unwrap();
    let point = EventPoint {
        id: 0,
        name: nfd("Trường Tiểu học Lê Quý Đôn"),
        kind: PointKind::School,
        date: day,
        host: nfd("Ban giám hiệu"),
        expected: 300,
        actual: None,
    };
    store.add_point(e, &point).unwrap();
    let delegate = Delegate {
        id: 0,
        name: nfd("Phạm Thị Thu Hường"),
        title: nfd("Phó Chủ tịch"),
        organisation: nfd("Ủy ban nhân dân Quận Tân Bình"),
        rank: 3,
        attending: true,
    };
    store.add_delegate(e, &delegate).unwrap();
    let decision = store
        .add_decision(e, &Decision::defaults(&unit, &nfd("160/QĐ-UBND"), day))
        .unwrap();
    let mut recipient = Recipient::new(
        decision.id,
        RecipientKind::Collective,
        Form::Certificate,
        &nfd("Chi đoàn Khu phố Hưng Thịnh"),
    );
    recipient.achievement = nfd("Đã có thành tích xuất sắc trong phong trào");
    store.add_recipient(&recipient).unwrap();
    let mut household =
        Household::new(&nfd("Đoàn Thị Ẩn"), &nfd("Tổ 7, Ấp Mỹ Hòa"), Category::Poor);
    household.notes = nfd("Neo đơn, khiếm thị");
    let household = store.add_household(&household).unwrap();
    let mut visit = Visit::new(household.id, &nfd("Quà Tết và tiền mặt"), 700_000);
    visit.delegation = nfd("Đồng chí Chủ tịch Ủy ban");
    visit.source = nfd("Xã hội hóa");
    store.add_visit(e, &visit).unwrap();
    store
        .set_report_section(
            e,
            Section::Results,
            Some(&nfd("Đã tổ chức thành công, an toàn.")),
        )
        .unwrap();
    store
        .set_areas(&[nfd("Khu phố Bình Yên"), nfd("Khu phố Hưng Thịnh")])
        .unwrap();
    drop(store);

    assert_stored_nfc(
        &db,
        &[
            "Mời đoàn văn nghệ thiếu nhi",
            "Phạm Thị Thu Hường",
            "Đoàn Thị Ẩn",
            "Chi đoàn Khu phố Hưng Thịnh",
        ],
    );
}

#[test]
fn text_typed_decomposed_into_the_window_is_stored_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::boot(db(&dir), today());
    welcome(
        &mut app,
        &nfd("Phường Hòa Hưng"),
        &nfd("Thành phố Hồ Chí Minh"),
        Some(&nfd("Nguyễn Thị Ngọc Huyền")),
    );
    ctrl_key(&mut app, "n");
    interact(&mut app, |ui| {
        ui.click(id("checklist-title"))?;
        let _ = ui.typewrite(&nfd("Mời đoàn văn nghệ thiếu nhi"));
        let _ = ui.tap_key(keyboard::key::Named::Enter);
        Ok(())
    });
    assert_stored_nfc(
        &db(&dir),
        &[
            "Phường Hòa Hưng",
            "Nguyễn Thị Ngọc Huyền",
            "Mời đoàn văn nghệ thiếu nhi",
        ],
    );
}
