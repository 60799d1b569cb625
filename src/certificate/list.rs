//! "DANH SÁCH ... kèm theo Quyết định số ...": the list attached to a decision, in the
//! administrative format: collectives, then individuals, then households, each in the order
//! they were entered, with form and register number.

use crate::document::glue::unbreakable;
use crate::document::{AdminDocument, Align, Block, Column, Signature, Table, Width};
use crate::domain::{Decision, Recipient, RecipientKind, Unit};
use crate::text::place_date;

use super::layout::citation;

fn column(title: &str, width: Width, align: Align) -> Column {
    Column {
        title: title.into(),
        width,
        align,
    }
}

/// `None` when the decision commends no one. The unit gives the place of the date line and
/// how its register numbers print.
pub fn decision_list(
    unit: &Unit,
    decision: &Decision,
    recipients: &[Recipient],
) -> Option<AdminDocument> {
    let mine: Vec<&Recipient> = recipients
        .iter()
        .filter(|r| r.decision_id == decision.id)
        .collect();
    if mine.is_empty() {
        return None;
    }
    let mut doc = AdminDocument {
        issuer: decision.issuer.clone(),
        place_date: place_date(&unit.place, decision.date),
        kind: "DANH SÁCH".into(),
        summary: "Tập thể, cá nhân được khen thưởng".into(),
        summary_note: format!(
            "(Kèm theo {} của {})",
            citation(decision),
            decision.authority()
        ),
        keep: vec![unit.place.clone(), decision.signer_name.clone()],
        ..AdminDocument::default()
    };
    let groups = [
        (RecipientKind::Collective, "TẬP THỂ"),
        (RecipientKind::Individual, "CÁ NHÂN"),
        (RecipientKind::Household, "HỘ GIA ĐÌNH"),
    ];
    let mut section = 0;
    for (kind, heading) in groups {
        let rows: Vec<&&Recipient> = mine.iter().filter(|r| r.kind == kind).collect();
        if rows.is_empty() {
            continue;
        }
        section += 1;
        doc.blocks.push(Block::Heading(format!(
            "{}. {heading} ({})",
            roman(section),
            rows.len()
        )));
        doc.blocks.push(Block::Table(Table {
            columns: vec![
                column("STT", Width::Mm(12.0), Align::Center),
                column(
                    if kind == RecipientKind::Collective {
                        "Tên tập thể"
                    } else {
                        "Họ và tên"
                    },
                    Width::Fraction(3.0),
                    Align::Left,
                ),
                column("Chức vụ, đơn vị", Width::Fraction(3.0), Align::Left),
                column("Hình thức", Width::Mm(26.0), Align::Center),
                column("Số vào sổ", Width::Mm(20.0), Align::Center),
            ],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    vec![
                        (i + 1).to_string(),
                        person(r),
                        r.position.clone(),
                        r.form.label().to_string(),
                        r.register_no
                            .map(|n| unit.register_digits.number(n))
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
            total_row: None,
        }));
    }
    doc.blocks.push(Block::Paragraph(format!(
        "Danh sách gồm {} tập thể, cá nhân, hộ gia đình./.",
        mine.len()
    )));
    doc.signature = Some(Signature {
        authority: decision
            .signer_title
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        signer: decision.signer_name.clone(),
    });
    Some(doc)
}

/// A person's or household's name never breaks across lines; a collective's may.
pub(super) fn person(r: &Recipient) -> String {
    match r.kind {
        RecipientKind::Collective => r.display_name(),
        _ => unbreakable(&r.display_name()),
    }
}

fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV"].get(n - 1).copied().unwrap_or("V")
}
