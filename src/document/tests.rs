//! A realistic three-page report, checked on its layout and on its PDF.
//!
//! `NGAYHOI_SAMPLE_PDF=/tmp/sample.pdf cargo test --lib document::tests` also writes the PDF,
//! to look at it (see docs/documents.md).

use unicode_normalization::UnicodeNormalization;

use super::admin::{
    MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, MOTTO, NATIONAL_TITLE,
    PAGE_HEIGHT_MM, PAGE_WIDTH_MM, RECIPIENTS_TITLE,
};
use super::page::Text;
use super::*;

const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";
const STREETS: [&str; 12] = [
    "Trần Hưng Đạo",
    "Nguyễn Trãi",
    "Hải Thượng Lãn Ông và khu vực chợ Kim Biên",
    "Châu Văn Liêm",
    "Ngô Quyền",
    "Lê Hồng Phong",
    "Nguyễn Biểu",
    "Trần Bình Trọng",
    "An Dương Vương",
    "Võ Văn Kiệt",
    "Phùng Hưng",
    "Trần Tuấn Khải",
];
const TABLE_HEADING: &str = "Khu phố, tổ dân phố";
const EPSILON: f32 = 0.01;

fn column(title: &str, width: Width, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        width,
        align,
    }
}

pub(super) fn sample() -> AdminDocument {
    let rows = (1..=60)
        .map(|n| {
            vec![
                n.to_string(),
                format!("Khu phố {n} - {}", STREETS[n % STREETS.len()]),
                format!("{:02}/8/2026", 1 + n % 19),
                text_thousands(80 + n * 7),
                if n % 7 == 0 { "Chưa đạt" } else { "Đạt" }.to_owned(),
            ]
        })
        .collect();
    AdminDocument {
        parent_body: "Ủy ban nhân dân phường Chợ Quán".to_owned(),
        issuer: "Ban Chỉ đạo Ngày hội toàn dân bảo vệ an ninh Tổ quốc".to_owned(),
        number: Some("Số: 05/BC-BCĐ".to_owned()),
        place_date: crate::text::place_date(
            "Chợ Quán",
            chrono::NaiveDate::from_ymd_opt(2026, 8, 5).unwrap(),
        ),
        kind: "Báo cáo".to_owned(),
        // Decomposed on purpose: layout must compose it.
        summary_note: String::new(),
        summary: "Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026"
            .nfd()
            .collect(),
        blocks: vec![
            Block::Paragraph(
                "Thực hiện Kế hoạch số 12/KH-BCĐ ngày 02 tháng 7 năm 2026 của Ban Chỉ đạo phường \
                 về tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026, Ban Chỉ đạo báo cáo \
                 kết quả như sau:"
                    .to_owned(),
            ),
            Block::Heading("I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC".to_owned()),
            Block::Paragraph(
                "Ban Chỉ đạo đã ban hành kế hoạch, phân công thành viên phụ trách từng khu phố, \
                 phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam phường và các đoàn thể tổ chức \
                 tuyên truyền sâu rộng bằng nhiều hình thức: loa phát thanh, băng rôn, khẩu hiệu, \
                 tờ rơi và trên các nhóm Zalo của khu phố.\nCác khu phố tổ chức phần lễ trang \
                 trọng và phần hội vui tươi, thu hút đông đảo người dân, học sinh và cán bộ hưu \
                 trí tham gia. Kiểm tra phông chữ: "
                    .to_owned()
                    + STACKED
                    + ".",
            ),
            Block::Heading("II. KẾT QUẢ TỔ CHỨC TẠI CÁC KHU PHỐ".to_owned()),
            Block::Table(Table {
                columns: vec![
                    column("STT", Width::Mm(12.0), Align::Center),
                    column(TABLE_HEADING, Width::Fraction(1.0), Align::Left),
                    column("Ngày tổ chức", Width::Mm(26.0), Align::Center),
                    column("Số người tham gia", Width::Mm(26.0), Align::Right),
                    column("An toàn về ANTT", Width::Mm(24.0), Align::Center),
                ],
                rows,
                total_row: Some(vec![
                    "Tổng cộng".to_owned(),
                    String::new(),
                    text_thousands((1..=60).map(|n| 80 + n * 7).sum()),
                    "52/60".to_owned(),
                ]),
            }),
            Block::Heading("III. ĐÁNH GIÁ CHUNG".to_owned()),
            Block::Paragraph(
                "Ngày hội được tổ chức đúng kế hoạch, an toàn, tiết kiệm; góp phần nâng cao ý thức \
                 cảnh giác của mỗi người dân trong công tác bảo vệ an ninh Tổ quốc."
                    .to_owned(),
            ),
            Block::Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ".to_owned()),
            Block::Paragraph(
                "Đề nghị Ban Chỉ đạo quận khen thưởng các tập thể, cá nhân tiêu biểu."
                    .to_owned(),
            ),
        ],
        signature: Some(Signature {
            authority: vec!["TM. Ban Chỉ đạo".to_owned(), "Trưởng ban".to_owned()],
            signer: "Nguyễn Thị Hằng".to_owned(),
        }),
        left_signature: None,
        recipients: vec![
            "Ban Chỉ đạo quận".to_owned(),
            "Công an quận".to_owned(),
            "- Đảng ủy, HĐND, UBND phường;".to_owned(),
            "Ủy ban MTTQ Việt Nam phường".to_owned(),
            "Lưu: VT".to_owned(),
        ],
        keep: vec!["Ban Chỉ đạo quận".to_owned()],
    }
}

fn text_thousands(n: usize) -> String {
    crate::text::thousands(n as i64)
}

/// The strings of a page with their bounds, page numbers left out.
fn body_texts(page: &Page) -> Vec<(&str, Bounds)> {
    page.items
        .iter()
        .filter(|item| item.bounds().bottom > MARGIN_TOP_MM)
        .filter_map(|item| match item {
            Item::Text(t) => Some((t.text.as_str(), item.bounds())),
            _ => None,
        })
        .collect()
}

fn find<'a>(doc: &'a Document, text: &str) -> Vec<(usize, &'a Item)> {
    doc.pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| page.items.iter().map(move |item| (i, item)))
        .filter(|(_, item)| matches!(item, Item::Text(t) if t.text == text))
        .collect()
}

fn baseline(item: &Item) -> f32 {
    match item {
        Item::Text(t) => t.y_mm,
        _ => panic!("not a text"),
    }
}

#[test]
fn the_sample_report_takes_three_a4_pages() {
    let doc = layout(&sample());
    assert_eq!(doc.pages.len(), 3);
    for page in &doc.pages {
        assert_eq!((page.width_mm, page.height_mm), (210.0, 297.0));
    }
    assert_eq!(
        doc.title,
        "Báo cáo kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026"
    );
}

#[test]
fn everything_stays_inside_the_margins() {
    let doc = layout(&sample());
    for (i, page) in doc.pages.iter().enumerate() {
        for item in &page.items {
            let b = item.bounds();
            assert!(
                b.left >= MARGIN_LEFT_MM - EPSILON,
                "page {}: {item:?}",
                i + 1
            );
            assert!(
                b.right <= PAGE_WIDTH_MM - MARGIN_RIGHT_MM + EPSILON,
                "{item:?}"
            );
            assert!(
                b.bottom <= PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM + EPSILON,
                "{item:?}"
            );
            // Only the page number is in the top margin.
            let is_page_number = matches!(item, Item::Text(t) if t.text == (i + 1).to_string());
            assert!(
                b.top >= MARGIN_TOP_MM - EPSILON || is_page_number,
                "{item:?}"
            );
            assert!(b.top >= 0.0);
        }
    }
}

#[test]
fn page_numbers_are_centred_in_the_top_margin_from_page_two() {
    let doc = layout(&sample());
    let center = MARGIN_LEFT_MM + (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) / 2.0;
    for (i, page) in doc.pages.iter().enumerate() {
        let in_margin: Vec<&Item> = page
            .items
            .iter()
            .filter(|item| item.bounds().top < MARGIN_TOP_MM)
            .collect();
        if i == 0 {
            assert!(in_margin.is_empty());
            continue;
        }
        assert_eq!(in_margin.len(), 1, "page {}", i + 1);
        let Item::Text(t) = in_margin[0] else {
            panic!("not a text")
        };
        assert_eq!(t.text, (i + 1).to_string());
        let b = in_margin[0].bounds();
        assert!(((b.left + b.right) / 2.0 - center).abs() < EPSILON);
        assert!(b.bottom < MARGIN_TOP_MM && b.top > 0.0);
    }
}

#[test]
fn the_header_blocks_sit_side_by_side_with_their_rules() {
    let doc = layout(&sample());
    let page = &doc.pages[0];
    let (_, title) = find(&doc, NATIONAL_TITLE)[0];
    let (_, motto) = find(&doc, MOTTO)[0];
    let (_, parent) = find(&doc, "ỦY BAN NHÂN DÂN")[0];
    // The national title and the parent body share the first baseline.
    assert!((baseline(title) - baseline(parent)).abs() < EPSILON);
    assert!(parent.bounds().right < title.bounds().left);
    // Motto and national title are centred on the same axis.
    let axis = |b: Bounds| (b.left + b.right) / 2.0;
    assert!((axis(title.bounds()) - axis(motto.bounds())).abs() < EPSILON);

    let rules: Vec<Bounds> = page
        .items
        .iter()
        .filter(|item| matches!(item, Item::Rule(_)))
        .map(Item::bounds)
        .collect();
    // Under the issuer, under the motto, under the summary.
    assert_eq!(rules.len(), 3);
    let motto_bounds = motto.bounds();
    let motto_rule = rules
        .iter()
        .find(|r| r.top > motto_bounds.bottom && r.top < motto_bounds.bottom + 2.0)
        .expect("a rule under the motto");
    let motto_width = fonts::text_width_mm(Face::Bold, 14.0, MOTTO);
    assert!((motto_rule.right - motto_rule.left - motto_width).abs() < EPSILON);
    assert!((motto_rule.left - motto_bounds.left).abs() < EPSILON);
    // The issuer's rule is short and centred under it, over the left column.
    let issuer_lines: Vec<Bounds> = body_texts(page)
        .into_iter()
        .filter(|(text, _)| text.starts_with("BAN CHỈ ĐẠO") || text.ends_with("TỔ QUỐC"))
        .map(|(_, b)| b)
        .collect();
    assert!(!issuer_lines.is_empty());
    let issuer_rule = rules
        .iter()
        .find(|r| r.right < motto_rule.left)
        .expect("issuer rule");
    let issuer_axis = axis(issuer_lines[0]);
    assert!((axis(*issuer_rule) - issuer_axis).abs() < EPSILON);
    assert!((axis(parent.bounds()) - issuer_axis).abs() < EPSILON);

    let place_date = "Chợ Quán, ngày 05 tháng 8 năm 2026";
    let (_, date) = find(&doc, place_date)[0];
    assert!(matches!(
        date,
        Item::Text(Text {
            face: Face::Italic,
            size_pt: 14.0,
            ..
        })
    ));
    assert!((axis(date.bounds()) - axis(motto_bounds)).abs() < EPSILON);
    let (_, number) = find(&doc, "Số: 05/BC-BCĐ")[0];
    assert!((baseline(number) - baseline(date)).abs() < EPSILON);
    assert!(
        (axis(number.bounds()) - issuer_axis).abs() < EPSILON,
        "{:?} {:?}",
        number.bounds(),
        issuer_lines
    );

    let (_, kind) = find(&doc, "BÁO CÁO")[0];
    assert!(matches!(
        kind,
        Item::Text(Text {
            face: Face::Bold,
            size_pt: 14.0,
            ..
        })
    ));
    assert!((axis(kind.bounds()) - (MARGIN_LEFT_MM + 82.5)).abs() < EPSILON);
    assert!(kind.bounds().top > date.bounds().bottom);
}

#[test]
fn the_table_header_starts_every_page_the_table_reaches() {
    let doc = layout(&sample());
    let row_pages: Vec<usize> = (1..=60)
        .map(|n| {
            let name = format!("Khu phố {n} - ");
            let (page, _) = doc
                .pages
                .iter()
                .enumerate()
                .flat_map(|(i, p)| body_texts(p).into_iter().map(move |t| (i, t)))
                .find(|(_, (text, _))| text.starts_with(&name))
                .expect("every row is drawn");
            // The number cell is on the same page: rows are not split.
            let number = n.to_string();
            assert!(
                body_texts(&doc.pages[page])
                    .iter()
                    .any(|(t, _)| *t == number)
            );
            page
        })
        .collect();
    assert_eq!(row_pages.first(), Some(&0));
    assert_eq!(row_pages.last(), Some(&2));
    for page in 0..3 {
        let headers = find(&doc, "STT");
        let on_page: Vec<_> = headers.iter().filter(|(p, _)| *p == page).collect();
        assert_eq!(on_page.len(), 1, "page {}", page + 1);
        let header_bottom = on_page[0].1.bounds().bottom;
        for (n, _) in row_pages.iter().enumerate().filter(|(_, p)| **p == page) {
            // The number cell, in the 12 mm wide first column.
            let numbers = find(&doc, &(n + 1).to_string());
            let (_, cell) = numbers
                .iter()
                .find(|(p, item)| {
                    *p == page
                        && item.bounds().top > MARGIN_TOP_MM
                        && item.bounds().right < MARGIN_LEFT_MM + 12.0
                })
                .unwrap();
            assert!(
                cell.bounds().top > header_bottom,
                "row {} on page {}",
                n + 1,
                page + 1
            );
        }
    }
    // The total row's first cell spans the two first columns.
    let (page, total) = find(&doc, "Tổng cộng")[0];
    assert_eq!(page, 2);
    assert!(matches!(
        total,
        Item::Text(Text {
            face: Face::Bold,
            ..
        })
    ));
    // The cells of a row are the rectangles level with each other, left to right.
    let row_at = |top: f32| {
        let mut cells: Vec<(f32, f32)> = doc.pages[page]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Rect(r) if (r.y_mm - top).abs() < EPSILON => {
                    Some((r.x_mm, r.x_mm + r.width_mm))
                }
                _ => None,
            })
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        cells
    };
    let b = total.bounds();
    let total_top = doc.pages[page]
        .items
        .iter()
        .find_map(|item| match item {
            Item::Rect(r)
                if r.x_mm <= b.left
                    && b.right <= r.x_mm + r.width_mm
                    && r.y_mm <= b.top
                    && b.bottom <= r.y_mm + r.height_mm =>
            {
                Some(r.y_mm)
            }
            _ => None,
        })
        .expect("the total sits in a cell");
    let header_top = find(&doc, "STT")
        .into_iter()
        .filter(|(p, _)| *p == page)
        .map(|(_, item)| item.bounds().top)
        .fold(f32::MAX, f32::min);
    let header_rect_top = doc.pages[page]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Rect(r) if r.y_mm < header_top => Some(r.y_mm),
            _ => None,
        })
        .fold(f32::MIN, f32::max);
    let (header, totals) = (row_at(header_rect_top), row_at(total_top));
    assert_eq!(header.len(), 5);
    assert_eq!(totals.len(), 4);
    assert!((totals[0].0 - header[0].0).abs() < EPSILON);
    assert!((totals[0].1 - header[1].1).abs() < EPSILON);
    let span_axis = (totals[0].0 + totals[0].1) / 2.0;
    assert!(((b.left + b.right) / 2.0 - span_axis).abs() < EPSILON);
}

#[test]
fn justified_lines_reach_the_right_margin() {
    let doc = layout(&sample());
    let right = PAGE_WIDTH_MM - MARGIN_RIGHT_MM;
    // At least one word ends a stretched line exactly at the margin.
    let ends = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|item| {
            matches!(
                item,
                Item::Text(Text {
                    face: Face::Regular,
                    size_pt: 14.0,
                    ..
                })
            )
        })
        .filter(|item| (item.bounds().right - right).abs() < EPSILON)
        .count();
    assert!(ends > 5, "{ends}");
    // The first line of a paragraph is indented by 12.7 mm.
    let (_, first) = find(&doc, "Thực")[0];
    assert!((first.bounds().left - (MARGIN_LEFT_MM + 12.7)).abs() < EPSILON);
}

#[test]
fn the_signature_and_the_recipients_share_a_page_and_a_baseline() {
    let doc = layout(&sample());
    let (page, head) = find(&doc, RECIPIENTS_TITLE)[0];
    let (signature_page, authority) = find(&doc, "TM. BAN CHỈ ĐẠO")[0];
    let (signer_page, signer) = find(&doc, "Nguyễn Thị Hằng")[0];
    assert_eq!((page, signature_page, signer_page), (2, 2, 2));
    assert!((baseline(head) - baseline(authority)).abs() < EPSILON);
    assert!(matches!(
        head,
        Item::Text(Text {
            face: Face::BoldItalic,
            size_pt: 12.0,
            ..
        })
    ));
    assert!(baseline(signer) - baseline(authority) > 25.0);
    let items: Vec<&str> = doc.pages[2]
        .texts()
        .filter(|t| t.starts_with("- "))
        .collect();
    assert_eq!(
        items,
        [
            "- Ban Chỉ đạo quận;",
            "- Công an quận;",
            "- Đảng ủy, HĐND, UBND phường;",
            "- Ủy ban MTTQ Việt Nam phường;",
            "- Lưu: VT.",
        ]
    );
}

#[test]
fn every_string_is_nfc_and_drawable() {
    let doc = layout(&sample());
    assert!(doc.missing_glyphs().is_empty());
    for page in &doc.pages {
        for text in page.texts() {
            assert!(crate::text::is_nfc(text), "{text}");
        }
    }
    let summary = "Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026";
    let drawn: Vec<&str> = doc.pages[0]
        .texts()
        .skip_while(|t| *t != "BÁO CÁO")
        .skip(1)
        .take(2)
        .collect();
    assert_eq!(drawn.join(" "), summary);
    let page_one: Vec<&str> = doc.pages[0].texts().collect();
    assert!(page_one.join(" ").contains(STACKED));
}

#[test]
fn a_heading_is_never_last_on_a_page() {
    let mut doc = sample();
    let filler = "Nội dung tường thuật dài để đẩy đề mục xuống cuối trang. ".repeat(6);
    for lines in 0..40 {
        doc.blocks = vec![
            Block::Spacer(lines as f32 * 5.0),
            Block::Paragraph(filler.clone()),
            Block::Heading("V. Phương hướng năm sau".to_owned()),
            Block::Paragraph(filler.clone()),
        ];
        let laid = layout(&doc);
        let (page, heading) = find(&laid, "V. Phương hướng năm sau")[0];
        let below = laid.pages[page]
            .items
            .iter()
            .filter(|item| item.bounds().top > heading.bounds().bottom)
            .count();
        assert!(
            below >= 2,
            "spacer {lines}: heading alone at the foot of page {}",
            page + 1
        );
    }
}

#[test]
fn a_row_taller_than_a_page_is_split_and_the_header_repeated() {
    let doc = AdminDocument {
        blocks: vec![Block::Table(Table {
            columns: vec![
                column("Nội dung", Width::Fraction(1.0), Align::Justify),
                column("Ghi chú", Width::Mm(30.0), Align::Center),
            ],
            rows: vec![vec![
                "Đoạn văn rất dài trong một ô bảng. ".repeat(120),
                "Một dòng".to_owned(),
            ]],
            total_row: None,
        })],
        ..AdminDocument::default()
    };
    let laid = layout(&doc);
    assert!(laid.pages.len() >= 2);
    for page in &laid.pages {
        assert_eq!(page.texts().filter(|t| *t == "Nội dung").count(), 1);
        for item in &page.items {
            assert!(item.bounds().bottom <= PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM + EPSILON);
        }
    }
}

#[test]
fn an_empty_document_is_one_page_with_the_national_header() {
    let laid = layout(&AdminDocument::default());
    assert_eq!(laid.pages.len(), 1);
    let texts: Vec<&str> = laid.pages[0].texts().collect();
    assert_eq!(texts, [NATIONAL_TITLE, MOTTO]);
    assert!(to_pdf(&laid).is_ok());
}
