//! "CHƯƠNG TRÌNH Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026": the ceremony's items with
//! their times and who does them, then the festival's schedule.

use crate::document::{AdminDocument, Align, Block, Column, Table, Width};
use crate::domain::point::PointKind;
use crate::domain::program::schedule;
use crate::domain::{Unit, YearPlan};
use crate::text::{date_long, time_short};

use super::{NothingToPrint, day_header, head_signature};

pub fn program(unit: &Unit, plan: &YearPlan) -> Result<AdminDocument, NothingToPrint> {
    if plan.program.is_empty() {
        return Err(NothingToPrint(
            "Chương trình phần lễ chưa có mục nào, nên chưa có gì để in.".into(),
        ));
    }
    let event = &plan.event;
    let mut doc = day_header(unit, plan, "CHƯƠNG TRÌNH");
    let mut intro = vec![format!(
        "Thời gian: {}, {}.",
        time_short(event.program_start),
        date_long(event.date)
    )];
    if let Some(main) = plan.points.iter().find(|p| p.kind == PointKind::Main) {
        intro.push(format!("Địa điểm: {}.", main.name));
    }
    if !event.theme.trim().is_empty() {
        intro.push(format!(
            "Chủ đề: {}.",
            event.theme.trim().trim_end_matches('.')
        ));
    }
    doc.blocks.push(Block::Paragraph(intro.join("\n")));
    doc.blocks.push(Block::Heading("I. PHẦN LỄ".into()));
    let slots = schedule(event.program_start, &plan.program);
    doc.blocks.push(Block::Table(Table {
        columns: vec![
            column("Thời gian", Width::Mm(30.0), Align::Center),
            column("Nội dung", Width::Fraction(3.0), Align::Left),
            column("Người thực hiện", Width::Fraction(2.0), Align::Left),
        ],
        rows: plan
            .program
            .iter()
            .zip(&slots)
            .map(|(item, slot)| {
                vec![
                    format!("{} - {}", time_short(slot.start), time_short(slot.end)),
                    item.title.clone(),
                    item.presenter.clone(),
                ]
            })
            .collect(),
        total_row: None,
    }));
    if !plan.activities.is_empty() {
        doc.blocks.push(Block::Heading("II. PHẦN HỘI".into()));
        doc.blocks
            .push(Block::Table(super::festival::schedule_table(plan)));
    }
    doc.signature = Some(head_signature(unit));
    doc.recipients = vec![
        "Ban Chỉ đạo cấp trên (để báo cáo)".into(),
        "Các thành viên Ban Chỉ đạo".into(),
        "Ban điều hành các khu dân cư".into(),
        "Lưu: VT".into(),
    ];
    Ok(doc)
}

pub(super) fn column(title: &str, width: Width, align: Align) -> Column {
    Column {
        title: title.into(),
        width,
        align,
    }
}
