//! The papers of the gift visits: the visit plan by residential area (each delegation's
//! route) and the receipt list the families sign ("Danh sách ký nhận quà").

use crate::document::glue::{unbreakable, unbreakable_parts};
use crate::document::{AdminDocument, Align, Block, Signature, Table, Width};
use crate::domain::{Household, Visit, YearGifts};
use crate::text::{date_short, money, money_in_words, thousands};

use super::program::column;
use super::{NothingToPrint, Sources, head_signature, header};

/// The year's visits that give something (not cancelled), each with its household, grouped
/// by area in the unit's order (addresses naming no area last), by name within an area.
/// A visit with its household.
type Gift<'a> = (&'a Household, &'a Visit);
/// An area's name and its gifts.
type AreaGifts<'a> = (String, Vec<Gift<'a>>);

fn by_area(s: &Sources) -> Vec<AreaGifts<'_>> {
    let gifts: &YearGifts = &s.gifts;
    let mut groups: Vec<(Option<usize>, Vec<Gift<'_>>)> = Vec::new();
    // The roster is in name order, so walking it keeps each group sorted.
    let mut visits_of: std::collections::HashMap<i64, Vec<&Visit>> =
        std::collections::HashMap::new();
    for v in gifts.visits.iter().filter(|v| v.counts()) {
        visits_of.entry(v.household_id).or_default().push(v);
    }
    for h in gifts.roster.all() {
        let Some(list) = visits_of.get(&h.id) else {
            continue;
        };
        let area = gifts.roster.area_of(h.id);
        let at = match groups.iter().position(|(a, _)| *a == area) {
            Some(at) => at,
            None => {
                groups.push((area, Vec::new()));
                groups.len() - 1
            }
        };
        groups[at].1.extend(list.iter().map(|v| (h, *v)));
    }
    groups.sort_by_key(|(a, _)| a.map_or(usize::MAX, |i| i));
    groups
        .into_iter()
        .map(|(a, rows)| {
            let name = a
                .and_then(|i| s.areas.get(i).cloned())
                .unwrap_or_else(|| crate::domain::gifts::NO_AREA.to_string());
            (name, rows)
        })
        .collect()
}

/// The year's gifts by area, and a paper of `kind` about `subject` "nhân Ngày hội … năm Y";
/// a year without a gift has nothing to print.
fn gift_paper<'a>(
    s: &'a Sources,
    kind: &str,
    subject: &str,
) -> Result<(Vec<AreaGifts<'a>>, AdminDocument), NothingToPrint> {
    let groups = by_area(s);
    if groups.is_empty() {
        return Err(nothing(s));
    }
    let year = s.plan.event.year;
    let subject = format!("{subject} nhân Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {year}");
    Ok((groups, header(&s.unit, &s.plan, kind, subject)))
}

fn nothing(s: &Sources) -> NothingToPrint {
    NothingToPrint(format!(
        "Năm {} chưa có lượt thăm nào (trừ lượt đã hủy), nên chưa có gì để in.",
        s.plan.event.year
    ))
}

fn gift_text(v: &Visit) -> String {
    match v.quantity {
        1 => v.gift.clone(),
        n => format!("{} (x{n})", v.gift),
    }
}

/// One row per gift: STT, name, address, category, gift, value, then `last` (the date of the
/// visit, or room to sign), with the total value.
fn gift_table(
    rows: &[Gift<'_>],
    last: crate::document::Column,
    last_cell: impl Fn(&Visit) -> String,
    total_label: &str,
) -> Table {
    let total: i64 = rows.iter().map(|(_, v)| v.total()).sum();
    Table {
        columns: vec![
            column("STT", Width::Mm(12.0), Align::Center),
            column("Họ và tên", Width::Fraction(3.0), Align::Left),
            column("Địa chỉ", Width::Fraction(2.0), Align::Left),
            column("Diện", Width::Fraction(2.0), Align::Left),
            column("Quà tặng", Width::Fraction(2.0), Align::Left),
            column("Giá trị (đồng)", Width::Mm(24.0), Align::Right),
            last,
        ],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, (h, v))| {
                vec![
                    (i + 1).to_string(),
                    unbreakable(&h.name),
                    unbreakable_parts(&h.address),
                    h.category.label().to_string(),
                    gift_text(v),
                    thousands(v.total()),
                    last_cell(v),
                ]
            })
            .collect(),
        total_row: Some(vec![total_label.into(), thousands(total), String::new()]),
    }
}

/// "KẾ HOẠCH thăm hỏi, tặng quà": one section per area with who goes, then totals by category.
pub fn visit_plan(s: &Sources) -> Result<AdminDocument, NothingToPrint> {
    let (groups, mut doc) = gift_paper(
        s,
        "KẾ HOẠCH",
        "Thăm hỏi, tặng quà gia đình chính sách, hộ có hoàn cảnh khó khăn",
    )?;
    doc.number = Some(super::number_line("KH", &s.unit.symbol));
    let summary = &s.gifts.summary;
    doc.blocks.push(Block::Paragraph(format!(
        "Ban Chỉ đạo tổ chức thăm hỏi, tặng quà {} hộ với {} suất quà, tổng giá trị {} (bằng chữ: {}). Các đoàn đi theo từng khu dân cư như sau:",
        thousands(summary.households as i64),
        thousands(summary.overall.gifts as i64),
        money(summary.overall.value),
        money_in_words(summary.overall.value)
    )));
    for (n, (area, rows)) in groups.iter().enumerate() {
        let value: i64 = rows.iter().map(|(_, v)| v.total()).sum();
        doc.blocks.push(Block::Heading(format!(
            "{}. {area}: {} hộ, {}",
            n + 1,
            rows.len(),
            money(value)
        )));
        let mut delegations: Vec<&str> = Vec::new();
        for (_, v) in rows {
            let d = v.delegation.trim();
            if !d.is_empty() && !delegations.contains(&d) {
                delegations.push(d);
            }
        }
        if !delegations.is_empty() {
            doc.blocks.push(Block::Paragraph(format!(
                "Đoàn thăm: {}.",
                delegations.join("; ")
            )));
        }
        doc.blocks.push(Block::Table(gift_table(
            rows,
            column("Ngày thăm", Width::Mm(26.0), Align::Center),
            |v| v.date.map(date_short).unwrap_or_default(),
            "Cộng",
        )));
    }
    doc.blocks.push(Block::Heading(format!(
        "{}. TỔNG HỢP THEO DIỆN",
        groups.len() + 1
    )));
    doc.blocks.push(Block::Table(Table {
        columns: vec![
            column("Diện", Width::Fraction(3.0), Align::Left),
            column("Số lượt", Width::Mm(20.0), Align::Center),
            column("Số suất quà", Width::Mm(24.0), Align::Center),
            column("Giá trị (đồng)", Width::Mm(30.0), Align::Right),
        ],
        rows: summary
            .by_category
            .iter()
            .map(|(c, t)| {
                vec![
                    c.label().to_string(),
                    t.visits.to_string(),
                    t.gifts.to_string(),
                    thousands(t.value),
                ]
            })
            .collect(),
        total_row: Some(vec![
            "Tổng cộng".into(),
            summary.overall.visits.to_string(),
            summary.overall.gifts.to_string(),
            thousands(summary.overall.value),
        ]),
    }));
    doc.signature = Some(head_signature(&s.unit));
    doc.recipients = vec![
        "Thành viên Ban Chỉ đạo".into(),
        "Các khu dân cư".into(),
        "Lưu: VT".into(),
    ];
    Ok(doc)
}

/// "DANH SÁCH ký nhận quà": one row per gift with room to sign, the total in figures and in
/// words, signed by the one who made the list and the one who approves it.
pub fn receipts(s: &Sources) -> Result<AdminDocument, NothingToPrint> {
    let (groups, mut doc) = gift_paper(s, "DANH SÁCH", "Ký nhận quà thăm hỏi, tặng quà")?;
    let rows: Vec<Gift<'_>> = groups.into_iter().flat_map(|(_, r)| r).collect();
    let total: i64 = rows.iter().map(|(_, v)| v.total()).sum();
    // Two blank lines in the last cell: room for a signature.
    doc.blocks.push(Block::Table(gift_table(
        &rows,
        column("Ký nhận", Width::Mm(25.0), Align::Center),
        |_| "\n\n".to_string(),
        "Tổng cộng",
    )));
    doc.blocks.push(Block::Paragraph(format!(
        "Tổng số: {} suất quà, tổng giá trị {} (bằng chữ: {}).",
        thousands(rows.iter().map(|(_, v)| i64::from(v.quantity)).sum()),
        money(total),
        money_in_words(total)
    )));
    doc.left_signature = Some(Signature {
        authority: vec!["NGƯỜI LẬP DANH SÁCH".into()],
        signer: s.unit.secretary_name.clone(),
    });
    doc.signature = Some(Signature {
        authority: vec!["TM. BAN CHỈ ĐẠO".into(), "TRƯỞNG BAN".into()],
        signer: s.unit.head_name.clone(),
    });
    Ok(doc)
}
