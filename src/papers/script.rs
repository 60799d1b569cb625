//! "Kịch bản dẫn chương trình": what the MC says at each item, with the delegates introduced
//! in protocol order where the program says so.

use crate::document::{AdminDocument, Block};
use crate::domain::delegate::introductions;
use crate::domain::program::schedule;
use crate::domain::{Unit, YearPlan};
use crate::text::time_short;

use super::{NothingToPrint, header};

pub fn script(unit: &Unit, plan: &YearPlan) -> Result<AdminDocument, NothingToPrint> {
    if plan.program.is_empty() {
        return Err(NothingToPrint(
            "Chương trình phần lễ chưa có mục nào, nên chưa có kịch bản để in.".into(),
        ));
    }
    let mut doc = header(
        unit,
        plan,
        "KỊCH BẢN DẪN CHƯƠNG TRÌNH",
        format!(
            "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {}",
            plan.event.year
        ),
    );
    let slots = schedule(plan.event.program_start, &plan.program);
    let delegates = introductions(&plan.delegates);
    for (n, (item, slot)) in plan.program.iter().zip(&slots).enumerate() {
        doc.blocks.push(Block::Heading(format!(
            "{}. {} - {}",
            n + 1,
            time_short(slot.start),
            item.title
        )));
        if !item.presenter.trim().is_empty() {
            doc.blocks.push(Block::Paragraph(format!(
                "Người thực hiện: {}.",
                item.presenter.trim().trim_end_matches('.')
            )));
        }
        if !item.script.trim().is_empty() {
            doc.blocks
                .push(Block::Paragraph(item.script.trim().to_string()));
        }
        if item.introduces_delegates {
            let mut lines: Vec<String> = delegates
                .iter()
                .map(|d| format!("- Kính mời {d};"))
                .collect();
            lines
                .push("- Cùng toàn thể quý vị đại biểu và bà con nhân dân đến dự Ngày hội.".into());
            if delegates.is_empty() {
                lines.insert(0, "(Chưa có đại biểu nào được ghi là tham dự.)".into());
            }
            doc.blocks.push(Block::Paragraph(lines.join("\n")));
        }
    }
    Ok(doc)
}
