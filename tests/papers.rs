//! The papers as a secretary gets them from `ngayhoi export`: read back (tests/support/pdf.rs)
//! and checked for what a reader checks:
//! the text, its order, A4, the margins of the administrative format, embedded fonts.

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/pdf.rs"]
mod pdf;

use cli_support::{init_args, new_demo_db, ngayhoi_on, ok_on};
use pdf::{Pdf, decree_30_margins};
use std::path::{Path, PathBuf};

struct Exported {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn demo() -> Exported {
    let (dir, db) = new_demo_db();
    Exported { _dir: dir, db }
}

fn export(data: &Exported, paper: &str) -> PathBuf {
    let out = data.db.with_file_name(format!("{paper}.pdf"));
    ok_on(&data.db, &cli_support::export(paper, &out, &[]));
    out
}

/// The text row by row (one baseline across the page), words parted by single spaces.
fn text(pdf: &Path) -> String {
    Pdf::read(pdf).rows().join("\n")
}

#[test]
fn the_program_reads_back_in_order_on_a4_with_embedded_fonts() {
    let data = demo();
    let pdf = export(&data, "program");
    let read = Pdf::read(&pdf);
    for page in &read.pages {
        assert_eq!(
            (page.width_mm.round(), page.height_mm.round()),
            (210.0, 297.0),
            "A4"
        );
    }
    let content = text(&pdf);
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CHƯƠNG TRÌNH",
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026",
        "Chợ Quán, ngày ..... tháng 8 năm 2026",
        "07:45 - 07:50",
        "TM. BAN CHỈ ĐẠO",
        "Nguyễn Văn Thành",
        "Nơi nhận:",
    ] {
        assert!(
            content.contains(expected),
            "missing {expected:?} in:\n{content}"
        );
    }
    let order = [
        "Văn nghệ chào mừng",
        "Chào cờ",
        "Tham luận",
        "Bế mạc phần lễ",
        "PHẦN HỘI",
        "Kéo co",
    ];
    let positions: Vec<usize> = order.iter().map(|s| content.find(s).unwrap()).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{order:?} out of order"
    );

    assert!(!read.fonts.is_empty());
    for font in &read.fonts {
        assert!(font.embedded, "every font is embedded: {font:?}");
    }
}

#[test]
fn the_text_keeps_the_margins_of_the_administrative_format() {
    let data = demo();
    let papers = [
        "program",
        "script",
        "festival",
        "visit-plan",
        "receipts",
        "decision-list",
    ]
    .map(|paper| {
        let pdf = Pdf::read(&export(&data, paper));
        assert!(
            pdf.pages.iter().map(|p| p.runs.len()).sum::<usize>() > 50,
            "{paper}"
        );
        (paper, pdf)
    });
    decree_30_margins(&papers);
}

#[test]
fn the_script_introduces_the_delegates_and_the_festival_sheet_totals_the_prizes() {
    let data = demo();
    let script = text(&export(&data, "script"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(script.contains("KỊCH BẢN DẪN CHƯƠNG TRÌNH"));
    assert!(
        script.contains(
            "Kính mời đồng chí Lê Minh Quang, Phó Giám đốc Công an Thành phố Hồ Chí Minh"
        ),
        "{script}"
    );
    assert!(!script.contains("Đặng Thị Lan"));
    let festival = text(&export(&data, "festival"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(festival.contains("11.600.000 đ"), "{festival}");
    assert!(festival.contains("Mười một triệu sáu trăm nghìn đồng"));
    assert!(festival.contains("Giải Nhất"));
}

#[test]
fn no_event_or_nothing_to_print_is_an_error_and_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("trong.sqlite3");
    let out = dir.path().join("x.pdf");
    let output = ngayhoi_on(&db, &cli_support::export("program", &out, &[]));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("chưa có tệp dữ liệu"));
    assert!(!out.exists() && !db.exists());

    // A unit without any festival activity yet.
    ok_on(
        &db,
        &init_args("Xã Tân Phú", "xa", "Tỉnh Đồng Nai", "Tân Phú", "2026"),
    );
    let output = ngayhoi_on(&db, &cli_support::export("festival", &out, &[]));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "Lỗi: phần hội chưa có hoạt động nào, nên chưa có gì để in."
    );
    assert!(!out.exists());
    let output = ngayhoi_on(
        &db,
        &cli_support::export("program", &out, &["--year", "2030"]),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("chưa có kế hoạch Ngày hội năm 2030"));
    assert!(!out.exists());
    // The standard program of a new unit prints.
    ok_on(&db, &cli_support::export("program", &out, &[]));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}
