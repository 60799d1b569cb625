use super::*;
use crate::document::layout;

fn demo() -> (Unit, YearPlan) {
    let demo = crate::demo::build();
    (demo.unit, demo.years.last().unwrap().clone())
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
    assert!(program(&unit, &plan).is_err());
    assert!(script(&unit, &plan).is_err());
}

#[test]
fn every_glyph_is_in_the_embedded_fonts_and_inside_the_margins() {
    let (unit, plan) = demo();
    for paper in Paper::ALL {
        let laid = layout(&paper.build(&unit, &plan).unwrap());
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
