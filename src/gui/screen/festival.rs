//! "Phần hội": the festival's activities (sports, folk games, arts), their teams, and the
//! results typed in fast on the day: one row per team, Tab from field to field, each valid
//! value saved at once with its prize shown beside it.

use std::collections::HashMap;

use iced::widget::{
    Space, button, column, container, operation, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::festival::{parse_score, prize_totals, score_text, standard_prizes};
use crate::domain::{Activity, ActivityKind, Prize, Team};
use crate::gui::data::Snapshot;
use crate::gui::widget::{
    Typed, labelled, page_title, plain, stat, submit_field, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::{money, parse_money, parse_time, thousands, time_short};

const NAME_INPUT: &str = "activity-name";

#[derive(Debug, Clone, Default)]
pub struct Festival {
    form: Option<Form>,
    /// What is being typed in result cells, kept so a reload never overwrites half a value.
    typed: HashMap<CellKey, String>,
    /// A value that cannot be saved, per activity.
    errors: HashMap<i64, String>,
    /// Keystrokes in one cell make one undo step.
    last_cell: Option<CellKey>,
    undo: Vec<Undo>,
    notice: Option<String>,
}

/// (activity id, team index, which result).
type CellKey = (i64, usize, Cell);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cell {
    Score,
    Rank,
}

#[derive(Debug, Clone, PartialEq)]
struct Form {
    id: Option<i64>,
    kind: ActivityKind,
    name: String,
    venue: String,
    start: String,
    teams: String,
    prizes: [String; 3],
    error: Option<String>,
}

#[derive(Debug, Clone)]
enum Undo {
    Removed(Activity),
    Changed(Activity),
    Added(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Name,
    Venue,
    Start,
    Teams,
    Prize(usize),
}

#[derive(Debug, Clone)]
pub enum Message {
    New,
    Edit(i64),
    FormEdited(FormField, String),
    KindPicked(ActivityKind),
    SaveForm,
    Cancel,
    Remove(i64),
    /// A result typed in a cell.
    Result(i64, usize, Cell, String),
    RankByScores(i64),
    Undo,
}

/// Changes the festival screen asks the app to write. An activity is always saved whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Add(Activity),
    Save(Activity),
    Remove(i64),
}

impl Festival {
    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let find = |id: i64| data.activities.iter().find(|a| a.id == id).cloned();
        match message {
            Message::New => {
                self.form = Some(Form::new(&data.areas));
                (operation::focus(NAME_INPUT), None)
            }
            Message::Edit(id) => {
                let Some(activity) = find(id) else {
                    return none();
                };
                self.form = Some(Form::of(&activity));
                (operation::focus(NAME_INPUT), None)
            }
            Message::FormEdited(which, raw) => {
                let Some(form) = self.form.as_mut() else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                *form.text_mut(which) = typed.value;
                form.error = None;
                if typed.submit {
                    return self.save_form(data);
                }
                none()
            }
            Message::KindPicked(kind) => {
                if let Some(form) = self.form.as_mut() {
                    form.kind = kind;
                }
                none()
            }
            Message::SaveForm => self.save_form(data),
            Message::Cancel => {
                self.form = None;
                none()
            }
            Message::Remove(id) => {
                let Some(activity) = find(id) else {
                    return none();
                };
                self.notice = Some(format!("Đã xóa “{}”.", activity.name));
                self.undo.push(Undo::Removed(activity));
                (Task::none(), Some(Event::Remove(id)))
            }
            Message::Result(id, index, cell, raw) => {
                let Some(activity) = find(id) else {
                    return none();
                };
                let value = Typed::from_raw(&raw).value;
                self.typed.insert((id, index, cell), value.clone());
                match with_result(&activity, index, cell, &value) {
                    Ok(changed) => {
                        self.errors.remove(&id);
                        if self.last_cell != Some((id, index, cell)) {
                            self.undo.push(Undo::Changed(activity));
                            self.last_cell = Some((id, index, cell));
                        }
                        (Task::none(), Some(Event::Save(changed)))
                    }
                    Err(message) => {
                        self.errors.insert(id, message);
                        none()
                    }
                }
            }
            Message::RankByScores(id) => {
                let Some(mut activity) = find(id) else {
                    return none();
                };
                self.undo.push(Undo::Changed(activity.clone()));
                self.forget_typing(id);
                activity.rank_by_scores();
                (Task::none(), Some(Event::Save(activity)))
            }
            Message::Undo => {
                self.notice = None;
                self.last_cell = None;
                let event = match self.undo.pop() {
                    Some(Undo::Removed(activity)) => Event::Add(activity),
                    Some(Undo::Changed(activity)) => {
                        self.forget_typing(activity.id);
                        Event::Save(activity)
                    }
                    Some(Undo::Added(id)) => Event::Remove(id),
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
        }
    }

    /// The app reports the id of an activity it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, name: &str) {
        self.undo.push(Undo::Added(id));
        self.notice = Some(format!("Đã thêm “{name}”."));
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn forget_typing(&mut self, id: i64) {
        self.typed.retain(|(activity, _, _), _| *activity != id);
        self.errors.remove(&id);
    }

    fn save_form(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let Some(form) = self.form.as_mut() else {
            return none();
        };
        let before = form
            .id
            .and_then(|id| data.activities.iter().find(|a| a.id == id));
        let activity = match form.activity(before) {
            Ok(activity) => activity,
            Err(message) => {
                form.error = Some(message);
                return none();
            }
        };
        let event = match before {
            Some(before) => {
                self.undo.push(Undo::Changed(before.clone()));
                self.forget_typing(before.id);
                Event::Save(activity)
            }
            None => Event::Add(activity),
        };
        self.form = None;
        (Task::none(), Some(event))
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let (awarded, planned) = prize_totals(&data.activities);
        let teams: usize = data.activities.iter().map(|a| a.teams.len()).sum();
        let header = row![
            page_title(
                format!("Phần hội · Ngày hội năm {}", data.event.year),
                "Hoạt động, đội tham gia, kết quả và giải thưởng. Nhập hạng hoặc điểm, bấm Tab để sang ô tiếp.",
            ),
            Space::new().width(Length::Fill),
            button(text("+ Thêm hoạt động").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::New),
        ]
        .align_y(Alignment::Center);
        let figures = row![
            stat(data.activities.len().to_string(), "hoạt động", plain),
            stat(thousands(teams as i64), "lượt đội tham gia", plain),
            stat(money(awarded), "tiền thưởng đã trao", theme::success_text),
            stat(money(planned), "tổng giải thưởng dự kiến", plain),
        ]
        .spacing(12);
        let notice = self
            .notice
            .as_deref()
            .map(|m| undo_notice(m, Message::Undo));
        let mut content = column![header, figures]
            .push(notice)
            .push(self.form.as_ref().filter(|f| f.id.is_none()).map(form_view))
            .spacing(16)
            .padding(24);
        for activity in &data.activities {
            content = match self.form.as_ref().filter(|f| f.id == Some(activity.id)) {
                Some(form) => content.push(form_view(form)),
                None => content.push(self.activity_card(activity)),
            };
        }
        if data.activities.is_empty() && self.form.is_none() {
            content = content.push(
                container(
                    text("Chưa có hoạt động nào. Bấm “+ Thêm hoạt động” để thêm.")
                        .style(theme::muted),
                )
                .padding(16)
                .style(theme::card),
            );
        }
        scrollable(content).height(Length::Fill).into()
    }

    fn activity_card<'a>(&'a self, activity: &'a Activity) -> Element<'a, Message> {
        let id = activity.id;
        let when = activity
            .start
            .map(time_short)
            .unwrap_or_else(|| "--:--".into());
        let title = row![
            column![
                text(&activity.name)
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
                text(format!(
                    "{} · {} · {when}",
                    activity.kind.label(),
                    activity.venue
                ))
                .size(theme::SMALL)
                .style(theme::muted),
            ]
            .spacing(2)
            .width(Length::Fill),
            button(text("Sửa").size(theme::SMALL))
                .style(theme::link)
                .on_press(Message::Edit(id)),
            button(text("Xóa").size(theme::SMALL))
                .style(theme::link_danger)
                .on_press(Message::Remove(id)),
        ]
        .align_y(Alignment::Center);
        let columns = [
            ("Đội", Length::FillPortion(3)),
            ("Điểm", Length::Fixed(90.0)),
            ("Hạng", Length::Fixed(90.0)),
            ("Giải", Length::FillPortion(2)),
        ];
        let mut rows = column![table_header(&columns)];
        for (index, team) in activity.teams.iter().enumerate() {
            let shown = |cell: Cell, saved: Option<String>| {
                self.typed
                    .get(&(id, index, cell))
                    .cloned()
                    .or(saved)
                    .unwrap_or_default()
            };
            let score = shown(Cell::Score, team.score.map(score_text));
            let rank = shown(Cell::Rank, team.rank.map(|r| r.to_string()));
            let prize = activity
                .prize_of(team)
                .map(|p| format!("{} · {}", p.label, money(p.amount)))
                .unwrap_or_default();
            rows = rows.push(
                container(
                    row![
                        text(&team.name).width(Length::FillPortion(3)),
                        text_input("", &score)
                            .id(format!("score-{id}-{index}"))
                            .on_input(move |v| Message::Result(id, index, Cell::Score, v))
                            .padding(6)
                            .width(Length::Fixed(90.0)),
                        text_input("", &rank)
                            .id(format!("rank-{id}-{index}"))
                            .on_input(move |v| Message::Result(id, index, Cell::Rank, v))
                            .padding(6)
                            .width(Length::Fixed(90.0)),
                        text(prize)
                            .style(theme::success_text)
                            .width(Length::FillPortion(2)),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                )
                .padding(Padding::from([4, 12]))
                .style(theme::row_plain),
            );
        }
        let scored_unranked = activity.teams.iter().any(|t| t.score.is_some())
            && activity
                .teams
                .iter()
                .any(|t| t.score.is_some() && t.rank.is_none());
        let footer = row![
            text(format!(
                "Tiền thưởng đã trao: {} / {}",
                money(activity.prize_money_awarded()),
                money(activity.prize_money_planned())
            ))
            .size(theme::SMALL)
            .width(Length::Fill),
        ]
        .push(scored_unranked.then(|| {
            button(text("Xếp hạng theo điểm").size(theme::SMALL))
                .style(theme::secondary)
                .padding([4, 10])
                .on_press(Message::RankByScores(id))
        }))
        .align_y(Alignment::Center);
        let error = self
            .errors
            .get(&id)
            .map(|e| text(e).size(theme::SMALL).style(theme::danger_text));
        container(column![title, rows].push(error).push(footer).spacing(10))
            .padding(16)
            .width(Length::Fill)
            .style(theme::card)
            .into()
    }
}

/// The activity with one result changed, or why the typed value is not a result.
fn with_result(
    activity: &Activity,
    index: usize,
    cell: Cell,
    value: &str,
) -> Result<Activity, String> {
    let mut changed = activity.clone();
    let Some(team) = changed.teams.get_mut(index) else {
        return Err("Không tìm thấy đội này.".into());
    };
    let value = value.trim();
    match cell {
        Cell::Rank => {
            team.rank = match value {
                "" => None,
                _ => match value.parse::<u32>() {
                    Ok(rank) if rank >= 1 => Some(rank),
                    _ => return Err(format!("Hạng “{value}” phải là số từ 1 trở lên.")),
                },
            }
        }
        Cell::Score => {
            team.score = match value {
                "" => None,
                _ => Some(
                    parse_score(value).ok_or_else(|| format!("Điểm “{value}” không hợp lệ."))?,
                ),
            }
        }
    }
    Ok(changed)
}

fn form_view(form: &Form) -> Element<'_, Message> {
    let edit = |which| move |value| Message::FormEdited(which, value);
    let save = Message::SaveForm;
    let prize_labels = ["Giải Nhất (đồng)", "Giải Nhì (đồng)", "Giải Ba (đồng)"];
    let prize_ids = ["prize-1", "prize-2", "prize-3"];
    let prizes = row((0..3).map(|i| {
        submit_field(
            prize_labels[i],
            "để trống nếu không có",
            &form.prizes[i],
            prize_ids[i],
            edit(FormField::Prize(i)),
            save.clone(),
        )
    }))
    .spacing(10);
    let heading = if form.id.is_some() {
        "Sửa hoạt động"
    } else {
        "Thêm hoạt động"
    };
    container(
        column![
            text(heading).size(theme::HEADING).font(font::SEMIBOLD),
            row![
                labelled(
                    "Loại",
                    pick_list(ActivityKind::ALL, Some(form.kind), Message::KindPicked)
                        .padding(8)
                        .width(Length::Fill)
                ),
                submit_field(
                    "Tên hoạt động",
                    "Ví dụ: Kéo co",
                    &form.name,
                    NAME_INPUT,
                    edit(FormField::Name),
                    save.clone()
                ),
                submit_field(
                    "Địa điểm",
                    "",
                    &form.venue,
                    "activity-venue",
                    edit(FormField::Venue),
                    save.clone()
                ),
                submit_field(
                    "Giờ bắt đầu",
                    "09:00",
                    &form.start,
                    "activity-start",
                    edit(FormField::Start),
                    save.clone()
                ),
            ]
            .spacing(10),
            submit_field(
                "Các đội (cách nhau bằng dấu ;)",
                "Khu phố 1; Khu phố 2",
                &form.teams,
                "activity-teams",
                edit(FormField::Teams),
                save.clone()
            ),
            prizes,
        ]
        .push(
            form.error
                .as_deref()
                .map(|e| text(e).style(theme::danger_text)),
        )
        .push(
            row![
                button(text("Lưu").font(font::SEMIBOLD))
                    .style(theme::primary)
                    .padding([6, 16])
                    .on_press(save),
                button(text("Hủy"))
                    .style(theme::secondary)
                    .padding([6, 16])
                    .on_press(Message::Cancel),
            ]
            .spacing(10),
        )
        .spacing(10),
    )
    .padding(16)
    .style(theme::notice)
    .into()
}

impl Form {
    /// A new activity: one team per residential area, the usual prizes.
    fn new(areas: &[String]) -> Form {
        Form {
            id: None,
            kind: ActivityKind::Sport,
            name: String::new(),
            venue: String::new(),
            start: String::new(),
            teams: areas.join("; "),
            prizes: prize_amounts(&standard_prizes()),
            error: None,
        }
    }

    fn of(activity: &Activity) -> Form {
        Form {
            id: Some(activity.id),
            kind: activity.kind,
            name: activity.name.clone(),
            venue: activity.venue.clone(),
            start: activity.start.map(time_short).unwrap_or_default(),
            teams: activity
                .teams
                .iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            prizes: prize_amounts(&activity.prizes),
            error: None,
        }
    }

    fn text_mut(&mut self, which: FormField) -> &mut String {
        match which {
            FormField::Name => &mut self.name,
            FormField::Venue => &mut self.venue,
            FormField::Start => &mut self.start,
            FormField::Teams => &mut self.teams,
            FormField::Prize(i) => &mut self.prizes[i.min(2)],
        }
    }

    /// The activity the form describes; teams whose names did not change keep their results.
    fn activity(&self, before: Option<&Activity>) -> Result<Activity, String> {
        let start = match self.start.trim() {
            "" => None,
            typed => Some(
                parse_time(typed)
                    .ok_or_else(|| format!("Giờ bắt đầu “{typed}” phải có dạng 09:00."))?,
            ),
        };
        let teams = self
            .teams
            .split(';')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| {
                before
                    .and_then(|b| b.teams.iter().find(|t| t.name == name))
                    .cloned()
                    .unwrap_or(Team {
                        id: 0,
                        name: name.to_string(),
                        score: None,
                        rank: None,
                    })
            })
            .collect();
        let labels = ["Giải Nhất", "Giải Nhì", "Giải Ba"];
        let mut prizes = Vec::new();
        for (i, typed) in self.prizes.iter().enumerate() {
            let typed = typed.trim();
            if typed.is_empty() {
                continue;
            }
            let amount = parse_money(typed).ok_or_else(|| {
                format!(
                    "Giá trị {} “{typed}” không hợp lệ.",
                    labels[i].to_lowercase()
                )
            })?;
            prizes.push(Prize {
                rank: i as u32 + 1,
                label: labels[i].to_string(),
                amount,
            });
        }
        let activity = Activity {
            id: self.id.unwrap_or(0),
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

fn none() -> (Task<Message>, Option<Event>) {
    (Task::none(), None)
}
