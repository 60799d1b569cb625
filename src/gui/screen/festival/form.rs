//! The festival's activity form: what is typed, and the activity it describes (teams whose
//! names did not change keep their results).

use iced::Length;
use iced::widget::{Column, column, pick_list, row, text};

use crate::domain::festival::standard_prizes;
use crate::domain::{Activity, ActivityKind, Prize, Team};
use crate::gui::data::{Kind, Snapshot};
use crate::gui::records::{self, Record};
use crate::gui::widget::{Slot, labelled, submit_field};
use crate::gui::{font, theme};
use crate::text::{parse_money, parse_time, thousands, time_short};

const NAME_INPUT: &str = "activity-name";
const PRIZE_LABELS: [&str; 3] = ["Giải Nhất", "Giải Nhì", "Giải Ba"];

/// An activity's form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityDraft {
    /// Editing a stored activity (the heading says "Sửa hoạt động").
    editing: bool,
    kind: ActivityKind,
    name: String,
    venue: String,
    start: String,
    teams: String,
    prizes: [String; 3],
}

impl Record for Activity {
    type Draft = ActivityDraft;
    type Choice = ActivityKind;
    const KIND: Kind = Kind::Activity;
    const FOCUS: &'static str = NAME_INPUT;

    fn list(data: &Snapshot) -> &[Self] {
        &data.plan.activities
    }

    /// A new activity: one team per residential area, the usual prizes.
    fn blank(data: &Snapshot) -> ActivityDraft {
        ActivityDraft {
            editing: false,
            kind: ActivityKind::Sport,
            name: String::new(),
            venue: String::new(),
            start: String::new(),
            teams: data.areas.join("; "),
            prizes: prize_amounts(&standard_prizes()),
        }
    }

    fn draft(&self, _: &Snapshot) -> ActivityDraft {
        ActivityDraft {
            editing: true,
            kind: self.kind,
            name: self.name.clone(),
            venue: self.venue.clone(),
            start: self.start.map(time_short).unwrap_or_default(),
            teams: self
                .teams
                .iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            prizes: prize_amounts(&self.prizes),
        }
    }

    fn choose(draft: &mut ActivityDraft, kind: ActivityKind) {
        draft.kind = kind;
    }

    fn build(draft: &ActivityDraft, before: Option<&Self>, _: &Snapshot) -> Result<Self, String> {
        draft.activity(before)
    }

    fn fields(form: &ActivityDraft) -> Column<'_, records::Message<Self>> {
        let edit = |slot: Slot<ActivityDraft>| move |value| records::Message::Edited(slot, value);
        let save = records::Message::Save;
        let prize_labels = ["Giải Nhất (đồng)", "Giải Nhì (đồng)", "Giải Ba (đồng)"];
        let prize_ids = ["prize-1", "prize-2", "prize-3"];
        let prize_slots: [Slot<ActivityDraft>; 3] = [
            |d| &mut d.prizes[0],
            |d| &mut d.prizes[1],
            |d| &mut d.prizes[2],
        ];
        let prizes = row((0..3).map(|i| {
            submit_field(
                prize_labels[i],
                "để trống nếu không có",
                &form.prizes[i],
                prize_ids[i],
                edit(prize_slots[i]),
                save.clone(),
            )
        }))
        .spacing(10);
        let heading = if form.editing {
            "Sửa hoạt động"
        } else {
            "Thêm hoạt động"
        };
        column![
            text(heading).size(theme::HEADING).font(font::SEMIBOLD),
            row![
                labelled(
                    "Loại",
                    pick_list(ActivityKind::ALL, Some(form.kind), records::Message::Chosen)
                        .padding(8)
                        .width(Length::Fill)
                ),
                submit_field(
                    "Tên hoạt động",
                    "Ví dụ: Kéo co",
                    &form.name,
                    NAME_INPUT,
                    edit(|d| &mut d.name),
                    save.clone()
                ),
                submit_field(
                    "Địa điểm",
                    "Ví dụ: Sân Ủy ban nhân dân phường",
                    &form.venue,
                    "activity-venue",
                    edit(|d| &mut d.venue),
                    save.clone()
                ),
                submit_field(
                    "Giờ bắt đầu",
                    "09:00 hoặc 7h30",
                    &form.start,
                    "activity-start",
                    edit(|d| &mut d.start),
                    save.clone()
                ),
            ]
            .spacing(10),
            submit_field(
                "Các đội (cách nhau bằng dấu ;)",
                "Khu phố 1; Khu phố 2",
                &form.teams,
                "activity-teams",
                edit(|d| &mut d.teams),
                save
            ),
            prizes,
        ]
        .spacing(10)
    }

    fn label(&self) -> String {
        format!("“{}”", self.name)
    }
}

impl ActivityDraft {
    /// The activity the form describes; teams whose names did not change keep their results.
    /// Prizes of ranks beyond the first three (added elsewhere) are kept as they were.
    fn activity(&self, before: Option<&Activity>) -> Result<Activity, String> {
        let start = match self.start.trim() {
            "" => None,
            typed => Some(parse_time(typed).ok_or_else(|| {
                format!("Giờ bắt đầu “{typed}” không hợp lệ. Ví dụ: 09:00 hoặc 7h30.")
            })?),
        };
        let mut teams: Vec<Team> = Vec::new();
        for name in self.teams.split(';').map(str::trim) {
            if name.is_empty() {
                continue;
            }
            if teams.iter().any(|t| t.name == name) {
                return Err(format!("Đội “{name}” được nhập hai lần."));
            }
            teams.push(
                before
                    .and_then(|b| b.teams.iter().find(|t| t.name == name))
                    .cloned()
                    .unwrap_or(Team {
                        id: 0,
                        name: name.to_string(),
                        score: None,
                        rank: None,
                    }),
            );
        }
        let mut prizes = Vec::new();
        for (i, typed) in self.prizes.iter().enumerate() {
            let typed = typed.trim();
            if typed.is_empty() {
                continue;
            }
            let amount = parse_money(typed).ok_or_else(|| {
                format!(
                    "Số tiền {} “{typed}” không hợp lệ. Ví dụ: 1.000.000.",
                    PRIZE_LABELS[i]
                )
            })?;
            let rank = i as u32 + 1;
            let label = before
                .and_then(|b| b.prizes.iter().find(|p| p.rank == rank))
                .map(|p| p.label.clone())
                .unwrap_or_else(|| PRIZE_LABELS[i].to_string());
            prizes.push(Prize {
                rank,
                label,
                amount,
            });
        }
        if let Some(before) = before {
            prizes.extend(before.prizes.iter().filter(|p| p.rank > 3).cloned());
        }
        let activity = Activity {
            id: before.map_or(0, |b| b.id),
            kind: self.kind,
            name: self.name.clone(),
            venue: self.venue.clone(),
            start,
            teams,
            prizes,
        }
        .cleaned();
        activity.validate().map_err(|e| e.0)?;
        Ok(activity)
    }
}

/// The three prize amounts as typed: "1.000.000", or empty where there is no such prize.
fn prize_amounts(prizes: &[Prize]) -> [String; 3] {
    [1, 2, 3].map(|rank| {
        prizes
            .iter()
            .find(|p| p.rank == rank)
            .map(|p| thousands(p.amount))
            .unwrap_or_default()
    })
}
