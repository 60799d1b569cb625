//! "Kịch bản dẫn chương trình": what the MC says at each item, with the delegates introduced
//! in protocol order where the program says so.

use crate::document::{AdminDocument, Block};
use crate::domain::Delegate;
use crate::domain::delegate::introductions;
use crate::domain::program::schedule;
use crate::domain::{Unit, YearPlan};
use crate::text::time_short;

use super::{NothingToPrint, day_header};

pub fn script(unit: &Unit, plan: &YearPlan) -> Result<AdminDocument, NothingToPrint> {
    if plan.program.is_empty() {
        return Err(NothingToPrint(
            "Chương trình phần lễ chưa có mục nào, nên chưa có kịch bản để in.".into(),
        ));
    }
    let mut doc = day_header(unit, plan, "KỊCH BẢN DẪN CHƯƠNG TRÌNH");
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
            let words = match speaker(&item.presenter, &plan.delegates) {
                Some(speaker) => naming(item.script.trim(), &speaker),
                None => item.script.trim().to_string(),
            };
            doc.blocks.push(Block::Paragraph(words));
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

/// How the standard script calls a speaker it cannot name.
const UNNAMED: [&str; 3] = [
    "đồng chí đại biểu cấp trên",
    "đại diện Ban Chỉ đạo",
    "lãnh đạo đơn vị",
];

/// Who the MC invites for an item, named with their title: the presenter as the program
/// writes it when it names a person ("Đồng chí Nguyễn Văn Thành, Chủ tịch …"), else the
/// delegate the presenter names, as the delegates' list introduces them.
fn speaker(presenter: &str, delegates: &[Delegate]) -> Option<String> {
    let presenter = presenter.trim().trim_end_matches('.');
    for title in ["Đồng chí ", "Ông ", "Bà "] {
        if let Some(rest) = presenter.strip_prefix(title) {
            return Some(format!("{}{rest}", title.to_lowercase()));
        }
    }
    delegates
        .iter()
        .filter(|d| !d.name.trim().is_empty())
        .find(|d| presenter.contains(d.name.trim()))
        .map(Delegate::introduction)
}

/// The script with the speaker named where it calls them generically ("kính mời đại diện Ban
/// Chỉ đạo đọc diễn văn" → "kính mời đồng chí Nguyễn Văn Thành, Chủ tịch …, đọc diễn văn").
fn naming(script: &str, speaker: &str) -> String {
    UNNAMED
        .iter()
        .find(|generic| script.contains(*generic))
        .map_or_else(
            || script.to_string(),
            |generic| script.replacen(generic, &format!("{speaker},"), 1),
        )
}
