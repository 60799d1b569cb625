use super::*;
use crate::document::{Document, Item, layout};
use crate::domain::report::{Figure, Section};
use crate::storage::Store;

/// The demo's 2026 report (2025 beside it), with a few figures entered.
fn demo_report() -> Report {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    store.fill_demo(&crate::demo::build()).unwrap();
    let id = store.event(2026).unwrap().unwrap().id;
    for (figure, value) in [
        (Figure::NewsItems, 12),
        (Figure::AreasMeeting, 4),
        (Figure::AreasTotal, 5),
        (Figure::PactsSigned, 8),
    ] {
        store.set_entered_figure(id, figure, Some(value)).unwrap();
    }
    store.report(2026).unwrap().unwrap()
}

fn page_texts(doc: &Document, page: usize) -> Vec<String> {
    doc.pages[page].texts().map(str::to_string).collect()
}

fn all_text(doc: &Document) -> String {
    (0..doc.pages.len())
        .flat_map(|p| page_texts(doc, p))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_number_uses_the_committee_symbol() {
    assert_eq!(number_line("BC", "BCĐ"), "Số: .../BC-BCĐ");
    assert_eq!(number_line("BC", "KH-BCĐ"), "Số: .../BC-BCĐ");
    assert_eq!(number_line("BC", " BCĐ-PCTP "), "Số: .../BC-BCĐ-PCTP");
    assert_eq!(number_line("BC", ""), "Số: .../BC-BCĐ");
    assert_eq!(number_line("KH", "BCĐ"), "Số: .../KH-BCĐ");
}

#[test]
fn header_sections_signature_and_recipients() {
    let report = demo_report();
    let doc = layout(&build(&report, EmptyRows::Omit));
    let first = page_texts(&doc, 0).join(" ");
    for expected in [
        "ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN",
        "BAN CHỈ ĐẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: .../BC-BCĐ",
        "Chợ Quán, ngày ..... tháng 8 năm 2026",
        "BÁO CÁO",
        "Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ] {
        assert!(
            first.contains(expected),
            "{expected:?} not on page 1: {first}"
        );
    }
    let all = all_text(&doc);
    let mut at = 0;
    for heading in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC",
        "III. KẾT QUẢ ĐẠT ĐƯỢC",
        "1. Số liệu chủ yếu (so sánh với năm 2025)",
        "IV. HẠN CHẾ, TỒN TẠI",
        "V. BÀI HỌC KINH NGHIỆM",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ",
        "TM. BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "Nguyễn Văn Thành",
    ] {
        let found = all[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading:?} missing or out of order"));
        at += found;
    }
    assert!(all.contains("Nơi nhận:"));
    assert!(all.contains("- Ban Chỉ đạo Thành phố Hồ Chí Minh (để báo cáo);"));
    assert!(all.contains("- Lưu: VT."));
}

#[test]
fn pages_are_numbered_from_page_two_in_the_top_margin() {
    let doc = layout(&build(&demo_report(), EmptyRows::Omit));
    assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
    let in_top_margin = |page: usize| -> Vec<String> {
        doc.pages[page]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text(t) if t.y_mm < 20.0 => Some(t.text.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(in_top_margin(0).is_empty());
    for page in 1..doc.pages.len() {
        assert_eq!(in_top_margin(page), [(page + 1).to_string()]);
    }
}

#[test]
fn everything_stays_inside_the_margins_and_the_fonts() {
    let doc = layout(&build(&demo_report(), EmptyRows::Omit));
    assert!(doc.missing_glyphs().is_empty());
    for item in doc.pages.iter().flat_map(|p| &p.items) {
        let b = item.bounds();
        assert!(b.left >= 30.0 - 0.01 && b.right <= 195.0 + 0.01, "{item:?}");
        assert!(b.top >= 5.0 && b.bottom <= 277.0 + 0.01, "{item:?}");
    }
}

#[test]
fn a_table_continued_on_the_next_page_repeats_its_header() {
    let doc = layout(&build(&demo_report(), EmptyRows::Keep));
    // "Nội dung" heads the summary table only; the table spans a page break.
    let pages_with_header: Vec<usize> = (0..doc.pages.len())
        .filter(|&p| page_texts(&doc, p).iter().any(|t| t == "Nội dung"))
        .collect();
    let pages_with_rows: Vec<usize> = (0..doc.pages.len())
        .filter(|&p| {
            page_texts(&doc, p)
                .iter()
                .any(|t| t.starts_with("Giao ước thi đua") || t.starts_with("Điểm tổ chức Ngày"))
        })
        .collect();
    assert!(pages_with_header.len() >= 2, "{pages_with_header:?}");
    for p in pages_with_rows {
        assert!(
            pages_with_header.contains(&p),
            "page {p} has rows but no header"
        );
    }
}

#[test]
fn the_figures_still_empty_are_listed_before_exporting() {
    let report = demo_report();
    // The demo left the standards and the police's figures to enter; the test entered news,
    // areas and pacts.
    let empty = empty_figures(&report);
    assert!(empty.contains(&Figure::TipsReceived));
    assert!(empty.contains(&Figure::SchoolsTotal));
    assert!(!empty.contains(&Figure::NewsItems));
    assert!(!empty.contains(&Figure::AreasTotal));
    let note = empty_figures_note(&report).unwrap();
    assert!(
        note.starts_with(&format!("Còn {} số liệu chưa nhập: ", empty.len())),
        "{note}"
    );
    assert!(note.contains(Figure::TipsReceived.label()), "{note}");
}

#[test]
fn tables_carry_the_figures_as_values() {
    let report = demo_report();
    let tables = tables(&report);
    let summary = &tables[0];
    assert_eq!(summary.columns[3].title, "Năm 2025");
    assert_eq!(summary.columns[4].title, "Năm 2026");
    let row = |label: &str| {
        summary
            .rows
            .iter()
            .find(|r| r[1] == Value::Text(label.into()))
            .unwrap_or_else(|| panic!("{label}"))
            .clone()
    };
    assert_eq!(row("Tin, bài tuyên truyền")[4], Value::Count(12));
    // The demo entered 2025's figures too, and they differ from 2026's.
    assert_eq!(row("Tin, bài tuyên truyền")[3], Value::Count(9));
    assert_eq!(row("Tin, bài tuyên truyền")[5], Value::Change(3));
    // What stays the same is what does not change in a year: the points, the areas and
    // schools, the plan's steps, the people commended one by one.
    let same: Vec<&Value> = summary
        .rows
        .iter()
        .filter(|r| r[3] == r[4])
        .map(|r| &r[1])
        .collect();
    assert!(same.len() <= 6, "{same:?}");
    assert_eq!(
        row("Vụ việc được giải quyết")[4],
        Value::Missing,
        "still to enter"
    );
    assert_eq!(row("Tỷ lệ khu dân cư đạt chuẩn")[4], Value::Percent(80.0));
    let gifts = row("Giá trị quà tặng");
    let (Value::Money(last), Value::Money(now)) = (&gifts[3], &gifts[4]) else {
        panic!("{gifts:?}")
    };
    assert_eq!(gifts[5], Value::MoneyChange(now - last));
    assert_eq!(Value::Money(22_900_000).text(), "22.900.000 đ");
    assert_eq!(Value::Change(-3).text(), "-3");
    assert_eq!(Value::MoneyChange(500_000).text(), "+500.000 đ");
    let titles: Vec<&str> = tables.iter().map(|t| t.title.as_str()).collect();
    assert!(
        titles.contains(&"Thăm hỏi, tặng quà theo nguồn kinh phí"),
        "{titles:?}"
    );
    assert!(
        report
            .text(Section::Results)
            .contains("Có 4/5 khu dân cư (80,0%)")
    );
}

#[test]
fn the_spreadsheet_has_a_sheet_per_table_with_the_total_under_its_columns() {
    let report = demo_report();
    let sheets = sheet::sheets(&report);
    assert_eq!(sheets.len(), tables(&report).len());
    let source = sheets
        .iter()
        .find(|s| s.sheet_name == "Quà theo nguồn kinh phí")
        .unwrap();
    let total = source.rows.last().unwrap();
    assert_eq!(total[0], crate::export::Cell::Text("Tổng cộng".into()));
    assert_eq!(total.len(), source.headers.len());
    assert!(matches!(total[3], crate::export::Cell::Money(v) if v > 0));
    assert!(sheet::render(&report).unwrap().starts_with(b"PK"));
}

/// `NGAYHOI_REPORT_PDF=/tmp/report.pdf cargo test --lib papers::report` writes the demo's
/// report for a look (docs/report-page-1.png is its first page at 60 dpi).
#[test]
fn the_demo_report_renders_as_pdf() {
    let bytes = render(&demo_report(), EmptyRows::Omit).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    if let Ok(path) = std::env::var("NGAYHOI_REPORT_PDF") {
        std::fs::write(path, &bytes).unwrap();
    }
}

#[test]
fn level_words_are_lower_case_inside_a_sentence() {
    assert_eq!(lower_level_word("Phường Chợ Quán"), "phường Chợ Quán");
    // Named after a person: the capital stays.
    assert_eq!(
        lower_level_word("Thành phố Hồ Chí Minh"),
        "Thành phố Hồ Chí Minh"
    );
    assert_eq!(lower_level_word("Tỉnh Đồng Nai"), "tỉnh Đồng Nai");
    assert_eq!(lower_level_word("Đồng Nai"), "Đồng Nai");
}

#[test]
fn figures_never_entered_are_left_out_unless_kept() {
    // A first year: no last year beside it, so a figure not entered has no figure at all.
    let mut report = demo_report();
    report.last = None;
    let empty: Vec<&str> = super::empty_figures(&report)
        .iter()
        .map(|f| f.label())
        .collect();
    assert!(
        !empty.is_empty(),
        "the demo leaves some figures for the secretary"
    );
    // The six figures not entered, and the two shares computed from them.
    let note = super::empty_rows_note(&report).expect("rows are left out");
    assert!(
        note.starts_with("Không in 8 dòng chưa có số liệu năm nào: "),
        "{note}"
    );
    assert!(note.contains("Tỷ lệ nhà trường đạt chuẩn"), "{note}");
    let all = tables(&report).remove(0);
    let rows = all.rows.len();
    let omitted = all.without_empty_rows();
    assert_eq!(omitted.rows.len(), rows - 8);
    let labels: Vec<String> = omitted.rows.iter().map(|r| r[1].text()).collect();
    for label in &empty {
        assert!(!labels.iter().any(|l| l == label), "{label} is left out");
    }
    // Numbered again from 1 without gaps.
    let numbers: Vec<String> = omitted.rows.iter().map(|r| r[0].text()).collect();
    let expected: Vec<String> = (1..=omitted.rows.len()).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    // The paper: shorter without them, every row with them.
    let words = |rows: EmptyRows| {
        let doc = layout(&build(&report, rows));
        (0..doc.pages.len())
            .map(|p| page_texts(&doc, p).len())
            .sum::<usize>()
    };
    assert!(words(EmptyRows::Omit) < words(EmptyRows::Keep));
    // With last year beside it, a figure missing this year still prints (as "-").
    assert_eq!(super::empty_rows_note(&demo_report()), None);
}
