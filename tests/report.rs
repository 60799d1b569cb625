//! The report to the province as the secretary gets it from `ngayhoi export report`: a small
//! event built through the public storage functions, exported as PDF and .xlsx, and read back
//! (tests/support/pdf.rs, calamine) for every figure, the header blocks, the
//! margins and the page numbers.

#[path = "support/cli.rs"]
mod cli_support;
#[path = "support/pdf.rs"]
mod pdf;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use cli_support::{export, ngayhoi, ngayhoi_on, ok_on};
use ngayhoi::domain::report::Figure;
use ngayhoi::domain::{
    Activity, ActivityKind, Category, Decision, EventPoint, Form, Household, Level, PointKind,
    Recipient, RecipientKind, Unit, Visit, VisitStatus, YearEvent,
};
use ngayhoi::storage::Store;
use pdf::{Pdf, decree_30_margins};

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

/// Xã Tân Phú: 2025 with one point, 2026 with two points, a tug of war with results, three
/// households visited (one more visit still planned), two decisions and figures entered.
fn small_event(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let mut unit = Unit::new("Xã Tân Phú", Level::Commune, "Tỉnh Đồng Nai", "Tân Phú");
    unit.head_name = "Trần Văn Bình".into();
    let y2025 = store
        .initialize(&unit, &YearEvent::defaults(2025))
        .unwrap()
        .id;
    let point = |name: &str, kind, year, actual| EventPoint {
        id: 0,
        name: name.into(),
        kind,
        date: day(year, 8, 15),
        host: String::new(),
        expected: 400,
        actual: Some(actual),
    };
    store
        .add_point(y2025, &point("Sân UBND xã", PointKind::Main, 2025, 500))
        .unwrap();
    store
        .set_entered_figure(y2025, Figure::NewsItems, Some(10))
        .unwrap();

    let y2026 = store.start_year_from(2025, 2026).unwrap().id;
    let main = store.points(y2026).unwrap()[0].clone();
    store
        .save_point(&EventPoint {
            actual: Some(900),
            ..main
        })
        .unwrap();
    store
        .add_point(y2026, &point("Ấp 3", PointKind::Residential, 2026, 450))
        .unwrap();

    let teams: Vec<String> = (1..=4).map(|i| format!("Ấp {i}")).collect();
    let mut tug = Activity::new(ActivityKind::Sport, "Kéo co", "Sân UBND xã", &teams);
    for (team, rank) in tug.teams.iter_mut().zip([1, 2, 3]) {
        team.rank = Some(rank);
    }
    store.add_activity(y2026, &tug).unwrap();

    let mut ids = Vec::new();
    for (name, category) in [
        ("Nguyễn Văn Ấn", Category::Martyr),
        ("Lê Thị Bưởi", Category::Poor),
        ("Trần Văn Cường", Category::Poor),
    ] {
        ids.push(
            store
                .add_household(&Household::new(name, "Ấp 3", category))
                .unwrap()
                .id,
        );
    }
    let visit = |household, value, quantity, source: &str, status| Visit {
        quantity,
        source: source.into(),
        status,
        ..Visit::new(household, "Quà và tiền mặt", value)
    };
    for v in [
        visit(ids[0], 500_000, 2, "Ngân sách", VisitStatus::Done),
        visit(ids[1], 400_000, 1, "Xã hội hóa", VisitStatus::Done),
        visit(ids[2], 400_000, 1, "Xã hội hóa", VisitStatus::Done),
        visit(ids[2], 300_000, 1, "Ngân sách", VisitStatus::Planned),
    ] {
        store.add_visit(y2026, &v).unwrap();
    }

    let decision = |number: &str, issuer: &str, head: &str| Decision {
        id: 0,
        number: number.into(),
        date: day(2026, 8, 10),
        issuer: issuer.into(),
        issuer_head: head.into(),
        signer_title: "CHỦ TỊCH".into(),
        signer_name: "Phạm Văn Dũng".into(),
    };
    let commune = store
        .add_decision(
            y2026,
            &decision("45/QĐ-UBND", "Ủy ban nhân dân xã Tân Phú", "Chủ tịch"),
        )
        .unwrap();
    let police = store
        .add_decision(
            y2026,
            &decision("12/QĐ-CAT", "Công an tỉnh Đồng Nai", "Giám đốc"),
        )
        .unwrap();
    for (decision_id, kind, form, name) in [
        (
            commune.id,
            RecipientKind::Collective,
            Form::Certificate,
            "Ban Chỉ đạo Ấp 3",
        ),
        (
            commune.id,
            RecipientKind::Individual,
            Form::Certificate,
            "Võ Thị Hoa",
        ),
        (
            commune.id,
            RecipientKind::Household,
            Form::Certificate,
            "Hộ ông Đỗ Văn Em",
        ),
        (
            police.id,
            RecipientKind::Individual,
            Form::Merit,
            "Ngô Văn Phúc",
        ),
    ] {
        store
            .add_recipient(&Recipient::new(decision_id, kind, form, name))
            .unwrap();
    }

    for (figure, value) in [
        (Figure::NewsItems, 12),
        (Figure::AreasMeeting, 4),
        (Figure::AreasTotal, 5),
        (Figure::TipsReceived, 15),
        (Figure::CasesSolved, 12),
        (Figure::PactsSigned, 8),
    ] {
        store
            .set_entered_figure(y2026, figure, Some(value))
            .unwrap();
    }
}

/// The small event's data file in a new folder, and where its report goes.
struct Exported {
    _dir: tempfile::TempDir,
    db: PathBuf,
    pdf: PathBuf,
    xlsx: PathBuf,
}

impl Exported {
    /// The small event in a new folder; the report to go to `name`.pdf and `name`.xlsx.
    fn small_event(name: &str) -> Exported {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ngayhoi.sqlite3");
        small_event(&db);
        Exported {
            db,
            pdf: dir.path().join(format!("{name}.pdf")),
            xlsx: dir.path().join(format!("{name}.xlsx")),
            _dir: dir,
        }
    }

    /// `export report` into this report's two files, with the options `more`.
    fn args<'a>(&'a self, more: &[&'a str]) -> Vec<&'a str> {
        let mut options = vec!["--xlsx", self.xlsx.to_str().unwrap()];
        options.extend_from_slice(more);
        export("report", &self.pdf, &options)
    }
}

fn exported() -> Exported {
    let report = Exported::small_event("bao-cao");
    // Every row, the ones never entered too (they are left out by default).
    let said = ok_on(&report.db, &report.args(&["--keep-empty"]));
    assert!(
        said.contains("Đã ghi báo cáo kết quả Ngày hội năm 2026"),
        "{said}"
    );
    report
}

/// The text of the whole PDF row by row (one baseline across the page), words parted by
/// single spaces.
fn lines(pdf: &Path) -> Vec<String> {
    Pdf::read(pdf).rows()
}

fn line_with<'a>(lines: &'a [String], start: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.contains(start))
        .unwrap_or_else(|| panic!("no line with {start:?} in:\n{}", lines.join("\n")))
}

#[test]
fn the_report_reads_back_with_every_figure() {
    let out = exported();
    for page in &Pdf::read(&out.pdf).pages {
        assert_eq!(
            (page.width_mm.round(), page.height_mm.round()),
            (210.0, 297.0),
            "A4"
        );
    }
    let lines = lines(&out.pdf);
    let joined = lines.join(" ");
    // Both header blocks: the unit and committee on the left, the national title on the right.
    let header = line_with(&lines, "ỦY BAN NHÂN");
    assert!(
        header.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{header}"
    );
    assert!(line_with(&lines, "DÂN XÃ TÂN PHÚ").contains("Độc lập - Tự do - Hạnh phúc"));
    assert!(line_with(&lines, "BAN CHỈ ĐẠO").starts_with("BAN CHỈ ĐẠO"));
    assert!(line_with(&lines, "Số: .../BC-BCĐ").ends_with("Tân Phú, ngày ..... tháng 8 năm 2026"));
    for expected in [
        "BÁO CÁO",
        "Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026",
        "TM. BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "Trần Văn Bình",
        "Nơi nhận:",
        "- Lưu: VT.",
        // Narrative built from the figures.
        "tại 2 điểm (1 điểm chính, 1 điểm tại khu dân cư), với 1.350 lượt người tham gia",
        "tăng 850 lượt so với năm 2025",
        "tặng 4 suất quà cho 3 hộ gia đình",
        "tổng giá trị 1.800.000 đ",
        "Khen thưởng, biểu dương 1 tập thể, 2 cá nhân, 1 hộ gia đình (4)",
        "Có 4/5 khu dân cư (80,0%) đạt chuẩn",
        "Tiếp nhận 15 tin báo, tố giác tội phạm; giải quyết 12 vụ việc; ký kết 8 bản giao ước thi đua.",
    ] {
        assert!(
            joined.contains(expected),
            "missing {expected:?} in:\n{joined}"
        );
    }
    // The summary, this year beside the last and the change; a long label wraps around the
    // line with the figures, which starts with the row's number.
    let row = |n: usize, tail: &str| {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{n} ")) && l.ends_with(tail)),
            "row {n} does not end with {tail:?}:\n{}",
            lines.join("\n")
        );
    };
    row(1, "Điểm tổ chức Ngày hội điểm 1 2 +1");
    row(2, "Lượt người tham gia lượt 500 1.350 +850");
    row(3, "Hoạt động phần hội hoạt động 0 1 +1");
    row(4, "đội 0 4 +4");
    // The unit is "đồng": the sums carry no "đ" of their own.
    row(5, "đồng 0 2.200.000 +2.200.000");
    row(6, "hộ 0 3 +3");
    row(7, "Suất quà đã trao suất 0 4 +4");
    row(8, "đồng 0 1.800.000 +1.800.000");
    row(9, "tập thể 0 1 +1");
    row(10, "cá nhân 0 2 +2");
    row(11, "hộ 0 1 +1");
    row(14, "Tin, bài tuyên truyền tin, bài 10 12 +2");
    row(16, "lượt - - -");
    row(21, "Khu dân cư đạt chuẩn khu dân cư - 4 -");
    row(22, "Tổng số khu dân cư khu dân cư - 5 -");
    row(23, "% - 80,0% -");
    row(30, "tin - 15 -");
    row(31, "Vụ việc được giải quyết vụ việc - 12 -");
    row(32, "bản - 8 -");
    // The detail tables.
    let detail = |label: &str, tail: &str| {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(label) && l.ends_with(tail)),
            "no line {label:?} … {tail:?}:\n{}",
            lines.join("\n")
        );
    };
    detail("Điểm chính", "1 400 900");
    detail("Khu dân cư", "1 400 450");
    detail("Thể thao", "1 4 2.200.000 đ");
    detail("Gia đình liệt sĩ", "1 2 1.000.000 đ");
    detail("Hộ nghèo", "2 2 800.000 đ");
    detail("Ngân sách", "1 2 1.000.000 đ");
    detail("Xã hội hóa", "2 2 800.000 đ");
    detail(
        "Chủ tịch Ủy ban",
        "Chủ tịch Ủy ban nhân dân xã Tân Phú Giấy khen 1 1 1 3",
    );
    detail(
        "Giám đốc Công an",
        "Giám đốc Công an tỉnh Đồng Nai Bằng khen 0 1 0 1",
    );
    detail("Tổng cộng", "Tổng cộng 1 2 1 4");
    let limitation = "Còn 1 lượt thăm hỏi, tặng quà theo kế hoạch chưa thực hiện.";
    assert!(joined.contains(limitation));
}

#[test]
fn pages_are_numbered_from_two_and_the_text_keeps_the_margins() {
    let out = exported();
    let pdf = Pdf::read(&out.pdf);
    assert!(pdf.pages.len() >= 2, "{} pages", pdf.pages.len());
    decree_30_margins(&[("report", pdf.clone())]);
    // The page number, centred in the top margin, from page 2 on.
    let numbers: Vec<(usize, String)> = pdf
        .pages
        .iter()
        .enumerate()
        .flat_map(|(n, page)| {
            page.runs
                .iter()
                .filter(|r| r.top < 20.0)
                .map(move |r| (n + 1, r.text.clone()))
        })
        .collect();
    let expected: Vec<(usize, String)> =
        (2..=pdf.pages.len()).map(|p| (p, p.to_string())).collect();
    assert_eq!(numbers, expected, "page numbers, from page 2 only");
}

#[test]
fn the_spreadsheet_has_the_same_tables_with_numbers() {
    let out = exported();
    let bytes = std::fs::read(&out.xlsx).unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Số liệu chủ yếu",
            "Điểm tổ chức",
            "Phần hội",
            "Quà theo diện",
            "Quà theo nguồn kinh phí",
            "Khen thưởng"
        ]
    );
    let summary = book.worksheet_range("Số liệu chủ yếu").unwrap();
    let find = |label: &str| -> Vec<Data> {
        summary
            .rows()
            .find(|r| r.get(1) == Some(&Data::String(label.into())))
            .unwrap_or_else(|| panic!("{label}"))
            .to_vec()
    };
    assert_eq!(
        summary.get_value((0, 0)),
        Some(&Data::String(
            "BÁO CÁO KẾT QUẢ TỔ CHỨC NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2026".into()
        ))
    );
    let participants = find("Lượt người tham gia");
    assert_eq!(
        participants[3..6],
        [Data::Float(500.0), Data::Float(1350.0), Data::Float(850.0)]
    );
    let value = find("Giá trị quà tặng");
    assert_eq!(value[4], Data::Float(1_800_000.0));
    let broadcast = find("Lượt phát thanh trên hệ thống loa");
    assert_eq!(broadcast[4], Data::Empty, "not entered is empty, not 0");
    assert_eq!(
        find("Tỷ lệ khu dân cư đạt chuẩn")[4],
        Data::String("80,0%".into())
    );

    let sources = book.worksheet_range("Quà theo nguồn kinh phí").unwrap();
    let last = sources.rows().next_back().unwrap().to_vec();
    assert_eq!(last[0], Data::String("Tổng cộng".into()));
    assert_eq!(
        last[1..4],
        [Data::Float(3.0), Data::Float(4.0), Data::Float(1_800_000.0)]
    );
    let awards = book.worksheet_range("Khen thưởng").unwrap();
    let commune = awards
        .rows()
        .find(|r| r.get(1) == Some(&Data::String("Giấy khen".into())))
        .unwrap();
    assert_eq!(
        commune[0],
        Data::String("Chủ tịch Ủy ban nhân dân xã Tân Phú".into())
    );
    assert_eq!(commune[5], Data::Float(3.0));
}

#[test]
fn a_year_without_an_event_is_an_error_and_writes_no_file() {
    let report = Exported::small_event("r");
    let output = ngayhoi_on(&report.db, &report.args(&["--year", "2024"]));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "Lỗi: chưa có Ngày hội năm 2024 nên không có gì để báo cáo; không ghi tệp nào. Các năm đã có: 2025, 2026."
    );
    assert!(!report.pdf.exists() && !report.xlsx.exists());
    // The help says how to call it, in Vietnamese.
    let help = ngayhoi(&["export", "report", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("export report --out TỆP.pdf [--xlsx TỆP.xlsx] [--year NĂM]"),
        "{help}"
    );
}
