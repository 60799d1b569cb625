//! "Lịch thi đấu và kết quả phần hội": the activities with time and venue, then each one's
//! results and prizes, and the prize money in figures and in words.

use crate::document::{AdminDocument, Align, Block, Table, Width};
use crate::domain::festival::{prize_totals, score_text};
use crate::domain::{Activity, Unit, YearPlan};
use crate::text::{money, money_in_words, time_short};

use super::program::column;
use super::{NothingToPrint, day_header, head_signature};

pub fn festival(unit: &Unit, plan: &YearPlan) -> Result<AdminDocument, NothingToPrint> {
    if plan.activities.is_empty() {
        return Err(NothingToPrint(
            "Phần hội chưa có hoạt động nào, nên chưa có gì để in.".into(),
        ));
    }
    let mut doc = day_header(unit, plan, "LỊCH THI ĐẤU VÀ KẾT QUẢ PHẦN HỘI");
    doc.blocks.push(Block::Heading("I. LỊCH THI ĐẤU".into()));
    doc.blocks.push(Block::Table(schedule_table(plan)));
    doc.blocks
        .push(Block::Heading("II. KẾT QUẢ VÀ GIẢI THƯỞNG".into()));
    for (n, activity) in plan.activities.iter().enumerate() {
        doc.blocks.push(Block::Heading(format!(
            "{}. {} ({})",
            n + 1,
            activity.name,
            activity.kind.label().to_lowercase()
        )));
        doc.blocks.push(Block::Table(results_table(activity)));
    }
    let (awarded, _) = prize_totals(&plan.activities);
    doc.blocks.push(Block::Paragraph(format!(
        "Tổng số tiền thưởng đã trao: {} (bằng chữ: {}).",
        money(awarded),
        money_in_words(awarded)
    )));
    doc.signature = Some(head_signature(unit));
    doc.recipients = vec!["Các khu dân cư".into(), "Lưu: VT".into()];
    Ok(doc)
}

/// The festival's schedule, in time order (activities without a time last).
pub(super) fn schedule_table(plan: &YearPlan) -> Table {
    let mut activities: Vec<&Activity> = plan.activities.iter().collect();
    activities.sort_by_key(|a| a.start.map_or((1, None), |t| (0, Some(t))));
    Table {
        columns: vec![
            column("Thời gian", Width::Mm(22.0), Align::Center),
            column("Hoạt động", Width::Fraction(3.0), Align::Left),
            column("Loại", Width::Mm(32.0), Align::Left),
            column("Địa điểm", Width::Fraction(2.0), Align::Left),
            column("Số đội", Width::Mm(16.0), Align::Center),
        ],
        rows: activities
            .iter()
            .map(|a| {
                vec![
                    a.start.map(time_short).unwrap_or_default(),
                    a.name.clone(),
                    a.kind.label().into(),
                    a.venue.clone(),
                    a.teams.len().to_string(),
                ]
            })
            .collect(),
        total_row: None,
    }
}

fn results_table(activity: &Activity) -> Table {
    let has_scores = activity.teams.iter().any(|t| t.score.is_some());
    let mut columns = vec![
        column("Hạng", Width::Mm(16.0), Align::Center),
        column("Đội", Width::Fraction(3.0), Align::Left),
    ];
    if has_scores {
        columns.push(column("Điểm", Width::Mm(18.0), Align::Center));
    }
    columns.push(column("Giải", Width::Fraction(2.0), Align::Left));
    columns.push(column("Tiền thưởng", Width::Mm(32.0), Align::Right));
    let rows = activity
        .standings()
        .into_iter()
        .map(|team| {
            let prize = activity.prize_of(team);
            let mut row = vec![
                team.rank.map(|r| r.to_string()).unwrap_or_default(),
                team.name.clone(),
            ];
            if has_scores {
                row.push(team.score.map(score_text).unwrap_or_default());
            }
            row.push(prize.map(|p| p.label.clone()).unwrap_or_default());
            row.push(prize.map(|p| money(p.amount)).unwrap_or_default());
            row
        })
        .collect();
    Table {
        columns,
        rows,
        total_row: Some(vec!["Cộng".into(), money(activity.prize_money_awarded())]),
    }
}
