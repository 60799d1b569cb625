use super::*;
use crate::document::{Block, layout};

fn demo() -> (Unit, YearPlan) {
    let demo = crate::demo::build();
    (demo.unit, demo.years.last().unwrap().clone())
}

/// The demo as the papers see it, read back from a file.
fn demo_sources() -> Sources {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::storage::Store::open(&dir.path().join("demo.sqlite3")).unwrap();
    store.fill_demo(&crate::demo::build()).unwrap();
    Sources::load(&store, crate::demo::DEMO_YEAR)
        .unwrap()
        .unwrap()
}

/// Every text of the laid-out document, in page order.
fn texts(doc: &AdminDocument) -> Vec<String> {
    layout(doc)
        .pages
        .iter()
        .flat_map(|page| page.texts().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

fn position(texts: &[String], needle: &str) -> usize {
    texts
        .iter()
        .position(|t| t.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {texts:?}"))
}

#[test]
fn the_program_lists_the_items_in_order_with_their_times() {
    let (unit, plan) = demo();
    let doc = program(&unit, &plan).unwrap();
    assert_eq!(doc.kind, "CHƯƠNG TRÌNH");
    assert_eq!(
        doc.summary,
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026"
    );
    let all = texts(&doc);
    let joined = all.join(" ");
    assert!(joined.contains("07:30 - 07:45"), "{joined}");
    assert!(joined.contains("09:30 - 09:35"), "the pinned closing item");
    let flag = position(&all, "Chào cờ");
    let closing = position(&all, "Bế mạc phần lễ");
    assert!(flag < closing);
    assert!(joined.contains("Sân Ủy ban nhân dân phường Chợ Quán"));
    assert!(joined.contains("PHẦN HỘI"));
    assert!(joined.contains("Kéo co"));
    assert!(
        joined.contains("Nguyễn Văn Thành"),
        "the head of the committee signs"
    );
}

#[test]
fn the_script_introduces_attending_delegates_in_protocol_order() {
    let (unit, plan) = demo();
    let doc = script(&unit, &plan).unwrap();
    let all = texts(&doc).join(" ");
    let quang = all.find("Lê Minh Quang").unwrap();
    let anh = all.find("Võ Thị Ngọc Ánh").unwrap();
    let dung = all.find("Phạm Quốc Dũng").unwrap();
    assert!(quang < anh && anh < dung, "protocol order");
    assert!(
        !all.contains("Đặng Thị Lan"),
        "a delegate who does not attend is not introduced"
    );
    assert!(all.contains("Chào cờ"));
    assert!(all.contains("Nghiêm! Chào cờ, chào!"));
}

#[test]
fn the_script_names_each_speaker_with_their_title() {
    let (unit, mut plan) = demo();
    // A presenter given only by a delegate's name is introduced as the delegates' list does.
    plan.program[7].presenter = "Phạm Quốc Dũng".into();
    plan.program[7].script =
        "Xin kính mời lãnh đạo đơn vị phát biểu tiếp thu ý kiến chỉ đạo.".into();
    let doc = script(&unit, &plan).unwrap();
    let paragraphs: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let all = paragraphs.join("\n");
    assert!(
        all.contains("Xin trân trọng kính mời đồng chí Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân phường, Trưởng Ban Chỉ đạo, đọc diễn văn khai mạc"),
        "{all}"
    );
    assert!(
        all.contains("Xin trân trọng kính mời đồng chí Lê Minh Quang, Phó Giám đốc Công an Thành phố, phát biểu và tặng quà"),
        "{all}"
    );
    assert!(
        all.contains("Xin kính mời đồng chí Phạm Quốc Dũng, Bí thư Đảng ủy phường Chợ Quán, phát biểu tiếp thu"),
        "{all}"
    );
    assert!(!all.contains("đại diện Ban Chỉ đạo đọc"), "{all}");
    assert!(!all.contains("đại biểu cấp trên phát biểu"), "{all}");
}

#[test]
fn the_festival_sheet_has_results_prizes_and_the_total_in_words() {
    let (unit, plan) = demo();
    let doc = festival(&unit, &plan).unwrap();
    let all = texts(&doc).join(" ");
    assert!(all.contains("Hội diễn văn nghệ “Tiếng hát bình yên”"));
    assert!(all.contains("9,5"), "arts scores with a decimal comma");
    assert!(all.contains("Giải Nhất"));
    assert!(all.contains("11.600.000 đ"), "{all}");
    assert!(all.contains("Mười một triệu sáu trăm nghìn đồng"));
}

#[test]
fn nothing_to_print_is_said_in_vietnamese() {
    let (unit, mut plan) = demo();
    plan.activities.clear();
    assert_eq!(
        festival(&unit, &plan).unwrap_err().to_string(),
        "Phần hội chưa có hoạt động nào, nên chưa có gì để in."
    );
    plan.program.clear();
    assert_eq!(
        program(&unit, &plan).unwrap_err().0,
        "Chương trình phần lễ chưa có mục nào, nên chưa có gì để in."
    );
    assert_eq!(
        script(&unit, &plan).unwrap_err().0,
        "Chương trình phần lễ chưa có mục nào, nên chưa có kịch bản để in."
    );
}

#[test]
fn every_glyph_is_in_the_embedded_fonts_and_inside_the_margins() {
    let sources = demo_sources();
    for paper in Paper::ALL {
        let laid = layout(&paper.build(&sources).unwrap());
        assert!(laid.missing_glyphs().is_empty(), "{paper:?}");
        for item in laid.pages.iter().flat_map(|page| &page.items) {
            let b = item.bounds();
            assert!(
                b.left >= 30.0 - 0.01 && b.right <= 210.0 - 15.0 + 0.01,
                "{paper:?} {item:?}"
            );
            // Page numbers sit in the top margin; nothing goes into the bottom margin.
            assert!(
                b.top >= 5.0 && b.bottom <= 297.0 - 20.0 + 0.01,
                "{paper:?} {item:?}"
            );
        }
    }
}

#[test]
fn the_receipt_list_has_a_row_per_gift_the_total_in_words_and_two_signers() {
    let sources = demo_sources();
    let doc = receipts(&sources).unwrap();
    assert_eq!(doc.kind, "DANH SÁCH");
    let all = texts(&doc);
    let joined = all.join(" ");
    // 16 demo households, one visit cancelled: 15 rows, 7.700.000 đ.
    assert!(joined.contains("Ký nhận"), "{joined}");
    assert!(all.iter().any(|t| t == "15"), "row 15 is the last");
    assert!(!all.iter().any(|t| t == "16"));
    assert!(
        !joined.contains("Trương Thị Mai"),
        "the cancelled visit is left out"
    );
    assert!(joined.contains("7.700.000"));
    assert!(
        joined.contains("(bằng chữ: Bảy triệu bảy trăm nghìn đồng)"),
        "the total in words: {joined}"
    );
    assert!(joined.contains("NGƯỜI LẬP DANH SÁCH"));
    assert!(
        joined.contains("Trần Thị Thu Hà"),
        "the secretary signs as maker"
    );
    assert!(joined.contains("TRƯỞNG BAN"));
    // Areas in order: Khu phố 1's families come before Khu phố 5's.
    assert!(position(&all, "Đỗ Thị Hương") < position(&all, "Lý Văn Hùng"));
}

#[test]
fn the_visit_plan_groups_the_families_by_area_with_their_delegation() {
    let sources = demo_sources();
    let doc = visit_plan(&sources).unwrap();
    let all = texts(&doc);
    let joined = all.join(" ");
    let first = position(&all, "1. Khu phố 1");
    let fifth = position(&all, "5. Khu phố 5");
    assert!(first < position(&all, "Đỗ Thị Hương") && position(&all, "Đỗ Thị Hương") < fifth);
    assert!(joined.contains("Đoàn thăm: Đồng chí Bí thư Đảng ủy, Trưởng Công an phường"));
    assert!(joined.contains("TỔNG HỢP THEO DIỆN"));
    assert!(joined.contains("Mẹ Việt Nam anh hùng"));
}

#[test]
fn a_year_without_visits_has_no_gift_papers() {
    let mut sources = demo_sources();
    sources.gifts = std::sync::Arc::new(crate::domain::YearGifts::default());
    let error = receipts(&sources).unwrap_err();
    assert_eq!(
        error.0,
        "Năm 2026 chưa có lượt thăm nào (trừ lượt đã hủy), nên chưa có gì để in."
    );
    assert_eq!(
        visit_plan(&sources).unwrap_err().0,
        error.0,
        "the visit plan says the same"
    );
}
