//! What the command line leaves on disk is readable by the secretary's account only: the data
//! folder it makes, the data file, the backups and every file it exports.
#![cfg(unix)]

#[path = "support/cli.rs"]
mod cli_support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use cli_support::{demo_db, export, ok_on};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_command_line_leaves_nothing_readable_by_other_accounts() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("Dữ liệu Ngày hội");
    let db = dir.join("ngayhoi.sqlite3");
    let run = |args: &[&str]| {
        ok_on(&db, args);
    };
    run(&["demo"]);
    assert_eq!(mode(&dir), 0o700, "the folder the app made");
    assert_eq!(mode(&db), 0o600, "the data file");

    let exports = root.path().join("Xuất");
    std::fs::create_dir(&exports).unwrap();
    let papers = [
        ("receipts", "Danh sách ký nhận.pdf"),
        ("visit-plan", "Kế hoạch thăm.pdf"),
        ("program", "Chương trình.pdf"),
        ("certificates", "Giấy khen.pdf"),
        ("visits", "Thăm hỏi.xlsx"),
    ];
    for (paper, name) in papers {
        let out = exports.join(name);
        run(&export(paper, &out, &[]));
        assert_eq!(mode(&out), 0o600, "{name}");
    }
    let copy = exports.join("Sao lưu.sqlite3");
    run(&["backup", "--out", copy.to_str().unwrap()]);
    assert_eq!(
        mode(&copy),
        0o600,
        "a backup written where the secretary asked"
    );
    // Nothing else the command line wrote next to them is readable by others.
    for entry in std::fs::read_dir(&exports).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path) & 0o077, 0, "{}", path.display());
    }
}

/// A list with an ID card column: the import says the column is not kept, and no number of it
/// reaches the data file.
#[test]
fn an_id_card_column_is_named_as_not_kept_and_never_stored() {
    let root = tempfile::tempdir().unwrap();
    let db = demo_db(&root);
    let list = root.path().join("ho.csv");
    std::fs::write(
        &list,
        "STT;Họ và tên;Số CCCD;Địa chỉ;Diện;Số tài khoản\n\
         1;Đinh Thị Mận;079123456789;Khu phố 6;Hộ nghèo;0101 2345 6789\n\
         2;Lý Văn Đào;079987654321;Khu phố 7;Hộ cận nghèo;\n",
    )
    .unwrap();
    let printed = ok_on(&db, &["import", "households", list.to_str().unwrap()]);
    assert!(
        printed.contains("Không lưu các cột: “Số CCCD” (cột C), “Số tài khoản” (cột F)."),
        "{printed}"
    );
    assert!(printed.contains(
        "Số căn cước, chứng minh nhân dân và giấy tờ tùy thân khác không bao giờ được lưu"
    ));
    let bytes = std::fs::read(&db).unwrap();
    let holds = |text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    assert!(holds("Đinh Thị Mận"), "the household itself is imported");
    for number in ["079123456789", "079987654321", "0101 2345 6789"] {
        assert!(!holds(number), "{number} is in the file");
    }
}
