//! "Phần hội": the festival's activities (sports, folk games, arts), their teams, and the
//! results typed in fast on the day: one row per team, Tab from field to field, Enter down to
//! the next team, each valid value saved at once with its prize shown beside it.
//!
//! What is typed in a result cell is kept here, keyed by (activity, team, cell), and laid over
//! the snapshot both when showing and when saving. So a reload that arrives between two
//! keystrokes never overwrites half a value, and a value typed before the previous save has
//! come back is never lost from the next save (an activity is always saved whole). The typing
//! is forgotten when the activity is saved another way (undo, the form, ranking by scores) or
//! disappears from the snapshot.
//!
//! A new activity is edited in a form at the top; an existing one is edited in place of its
//! card, where the secretary clicked "Sửa", so the page does not jump.

use std::collections::{HashMap, HashSet};

use iced::widget::{
    Space, button, column, container, operation, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::festival::{parse_score, prize_totals, score_text, standard_prizes};
use crate::domain::{Activity, ActivityKind, Prize, Team};
use crate::gui::data::Snapshot;
use crate::gui::history::History;
use crate::gui::widget::{
    Typed, labelled, page_title, plain, stat, submit_field, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::text::{money, parse_money, parse_time, thousands, time_short};

const NAME_INPUT: &str = "activity-name";
const PRIZE_LABELS: [&str; 3] = ["Giải Nhất", "Giải Nhì", "Giải Ba"];

#[derive(Debug, Clone, Default)]
pub struct Festival {
    /// The activity being added or edited, if any.
    form: Option<Form>,
    /// What is being typed in result cells, laid over the snapshot.
    typed: HashMap<CellKey, String>,
    /// Keystrokes in one cell make one undo step.
    last_cell: Option<CellKey>,
    /// Undo steps and the notice naming the newest.
    history: History<Undo>,
}

/// (activity id, team index, which result).
type CellKey = (i64, usize, Cell);

/// The two results a team has in an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cell {
    Score,
    Rank,
}

impl Cell {
    /// The id of the cell's text input: "score-12-0", "rank-12-0".
    pub fn input_id(self, activity: i64, team: usize) -> String {
        match self {
            Cell::Score => format!("score-{activity}-{team}"),
            Cell::Rank => format!("rank-{activity}-{team}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Form {
    /// `None` for a new activity.
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
    /// Put back a removed activity (same id), with its results.
    Removed(Activity),
    /// Return an activity to how it was.
    Changed(Activity),
    /// Take away an activity that was added.
    Added(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Name,
    Venue,
    Start,
    Teams,
    /// 0 for Giải Nhất, 1 for Giải Nhì, 2 for Giải Ba.
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
    /// A result typed in a cell: activity id, team index, which cell, the text.
    Result(i64, usize, Cell, String),
    /// Enter in a result cell: on to the same cell of the next team.
    Down(i64, usize, Cell),
    RankByScores(i64),
    Undo,
}

/// Changes the festival screen asks the app to write. An activity is always saved whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A new activity (id 0), or a removed one put back with its old id.
    Add(Activity),
    Save(Activity),
    Remove(i64),
}

impl Festival {
    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        self.forget_what_is_gone(data);
        if !matches!(message, Message::Result(..) | Message::Down(..)) {
            self.last_cell = None;
        }
        let find = |id: i64| data.activities.iter().find(|a| a.id == id);
        match message {
            Message::New => {
                self.form = Some(Form::new(&data.areas));
                (operation::focus(NAME_INPUT), None)
            }
            Message::Edit(id) => {
                let Some(activity) = find(id) else {
                    return none();
                };
                self.form = Some(Form::of(&self.current(activity)));
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
                let activity = self.current(activity);
                let notice = format!("Đã xóa “{}”.", activity.name);
                self.history.remember(Undo::Removed(activity), Some(notice));
                self.forget_typing(id);
                if self.form.as_ref().is_some_and(|f| f.id == Some(id)) {
                    self.form = None;
                }
                (Task::none(), Some(Event::Remove(id)))
            }
            Message::Result(id, index, cell, raw) => {
                let Some(saved) = find(id).filter(|a| index < a.teams.len()) else {
                    return none();
                };
                let typed = Typed::from_raw(&raw);
                let before = self.current(saved);
                let key = (id, index, cell);
                self.typed.insert(key, typed.value.clone());
                let task = if typed.submit {
                    focus_below(saved, index, cell)
                } else {
                    Task::none()
                };
                let after = self.current(saved);
                if after == before {
                    // Not a result yet (the error is shown under the table), or the same one.
                    return (task, None);
                }
                if self.last_cell != Some(key) {
                    self.history.remember(Undo::Changed(before), None);
                    self.last_cell = Some(key);
                }
                (task, Some(Event::Save(after)))
            }
            Message::Down(id, index, cell) => match find(id) {
                Some(activity) => (focus_below(activity, index, cell), None),
                None => none(),
            },
            Message::RankByScores(id) => {
                let Some(saved) = find(id) else {
                    return none();
                };
                let before = self.current(saved);
                let mut ranked = before.clone();
                ranked.rank_by_scores();
                self.forget_typing(id);
                if ranked == before {
                    return none();
                }
                self.history.remember(Undo::Changed(before), None);
                (Task::none(), Some(Event::Save(ranked)))
            }
            Message::Undo => {
                let event = match self.history.pop() {
                    Some(Undo::Removed(activity)) => Event::Add(activity),
                    Some(Undo::Changed(activity)) => {
                        self.forget_typing(activity.id);
                        Event::Save(activity)
                    }
                    Some(Undo::Added(id)) => {
                        self.forget_typing(id);
                        Event::Remove(id)
                    }
                    None => return none(),
                };
                (Task::none(), Some(event))
            }
        }
    }

    /// The app reports the id of an activity it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, name: &str) {
        self.history
            .remember(Undo::Added(id), Some(format!("Đã thêm “{name}”.")));
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// The activity as the secretary sees it: the snapshot with every valid typed result.
    fn current(&self, saved: &Activity) -> Activity {
        let mut activity = saved.clone();
        let teams = activity.teams.len();
        for (&(id, index, cell), value) in &self.typed {
            if id != saved.id {
                continue;
            }
            if let (Some(team), Ok(entry)) =
                (activity.teams.get_mut(index), read(cell, value, teams))
            {
                entry.apply(team);
            }
        }
        activity
    }

    /// Typed values that are not results, in table order: (team index, why).
    fn errors(&self, activity: &Activity) -> Vec<(usize, String)> {
        let mut errors: Vec<(usize, Cell, String)> = self
            .typed
            .iter()
            .filter(|((id, index, _), _)| *id == activity.id && *index < activity.teams.len())
            .filter_map(|(&(_, index, cell), value)| {
                read(cell, value, activity.teams.len())
                    .err()
                    .map(|why| (index, cell, why))
            })
            .collect();
        errors.sort_by_key(|(index, cell, _)| (*index, *cell));
        errors
            .into_iter()
            .map(|(index, _, why)| (index, why))
            .collect()
    }

    fn forget_typing(&mut self, id: i64) {
        self.typed.retain(|(activity, _, _), _| *activity != id);
        if self
            .last_cell
            .is_some_and(|(activity, _, _)| activity == id)
        {
            self.last_cell = None;
        }
    }

    /// Drops the typing of activities (and teams) the snapshot no longer has, and the form of
    /// an activity that is gone.
    fn forget_what_is_gone(&mut self, data: &Snapshot) {
        let exists = |id: i64, index: usize| {
            data.activities
                .iter()
                .any(|a| a.id == id && index < a.teams.len())
        };
        self.typed.retain(|&(id, index, _), _| exists(id, index));
        if let Some(id) = self.form.as_ref().and_then(|f| f.id)
            && !data.activities.iter().any(|a| a.id == id)
        {
            self.form = None;
        }
    }

    fn save_form(&mut self, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        let Some(form) = self.form.as_ref() else {
            return none();
        };
        let before = form
            .id
            .and_then(|id| data.activities.iter().find(|a| a.id == id))
            .map(|a| self.current(a));
        let activity = match form.activity(before.as_ref()) {
            Ok(activity) => activity,
            Err(message) => {
                if let Some(form) = self.form.as_mut() {
                    form.error = Some(message);
                }
                return none();
            }
        };
        self.form = None;
        let event = match before {
            Some(before) if before == activity => return none(),
            Some(before) => {
                self.forget_typing(before.id);
                self.history.remember(Undo::Changed(before), None);
                Event::Save(activity)
            }
            None => Event::Add(activity),
        };
        (Task::none(), Some(event))
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let current: Vec<Activity> = data.activities.iter().map(|a| self.current(a)).collect();
        let (awarded, planned) = prize_totals(&current);
        let teams: HashSet<&str> = data
            .activities
            .iter()
            .flat_map(|a| a.teams.iter().map(|t| t.name.as_str()))
            .collect();
        let header = row![
            page_title(
                format!("Phần hội · Ngày hội năm {}", data.event.year),
                "Hoạt động, đội tham gia, kết quả và giải thưởng. Tab sang ô bên cạnh, Enter xuống đội dưới.",
            ),
            Space::new().width(Length::Fill),
            button(text("+ Thêm hoạt động").font(font::SEMIBOLD))
                .padding([10, 18])
                .style(theme::primary)
                .on_press(Message::New),
        ]
        .align_y(Alignment::Center)
        .spacing(12);
        let figures = row![
            stat(data.activities.len().to_string(), "hoạt động", plain),
            stat(teams.len().to_string(), "đội tham gia", plain),
            stat(money(awarded), "tiền thưởng đã trao", theme::success_text),
            stat(money(planned), "tổng giải thưởng dự kiến", plain),
        ]
        .spacing(12);
        let notice = self.history.notice().map(|m| undo_notice(m, Message::Undo));
        let mut content = column![header, figures]
            .push(notice)
            .push(self.form.as_ref().filter(|f| f.id.is_none()).map(form_view))
            .spacing(16)
            .padding(24);
        for (activity, shown) in data.activities.iter().zip(current) {
            content = match self.form.as_ref().filter(|f| f.id == Some(activity.id)) {
                Some(form) => content.push(form_view(form)),
                None => content.push(self.activity_card(activity, shown)),
            };
        }
        if data.activities.is_empty() && self.form.is_none() {
            content = content.push(
                container(
                    text("Chưa có hoạt động nào. Bấm “+ Thêm hoạt động” để thêm.")
                        .style(theme::muted),
                )
                .padding(16)
                .width(Length::Fill)
                .style(theme::card),
            );
        }
        scrollable(content).height(Length::Fill).into()
    }

    /// One activity: what and where, then its results table. `shown` is the activity with
    /// what is being typed.
    fn activity_card<'a>(
        &'a self,
        activity: &'a Activity,
        shown: Activity,
    ) -> Element<'a, Message> {
        let id = activity.id;
        let when = activity
            .start
            .map(time_short)
            .unwrap_or_else(|| "--:--".into());
        let mut facts = vec![activity.kind.label().to_string()];
        if !activity.venue.is_empty() {
            facts.push(activity.venue.clone());
        }
        facts.push(when);
        let title = row![
            column![
                text(&activity.name)
                    .size(theme::HEADING)
                    .font(font::SEMIBOLD),
                text(facts.join(" · "))
                    .size(theme::SMALL)
                    .style(theme::muted),
            ]
            .spacing(2)
            .width(Length::Fill),
            button(text("Sửa").size(theme::SMALL))
                .style(theme::link)
                .padding([2, 6])
                .on_press(Message::Edit(id)),
            button(text("Xóa").size(theme::SMALL))
                .style(theme::link_danger)
                .padding([2, 6])
                .on_press(Message::Remove(id)),
        ]
        .spacing(4)
        .align_y(Alignment::Center);

        let columns = [
            ("Đội", Length::FillPortion(3)),
            ("Điểm", Length::Fixed(90.0)),
            ("Hạng", Length::Fixed(90.0)),
            ("Giải", Length::FillPortion(2)),
        ];
        let mut rows = column![table_header(&columns)];
        for (index, (team, result)) in activity.teams.iter().zip(&shown.teams).enumerate() {
            let value = |cell: Cell, saved: Option<String>| {
                self.typed
                    .get(&(id, index, cell))
                    .cloned()
                    .or(saved)
                    .unwrap_or_default()
            };
            let score = value(Cell::Score, team.score.map(score_text));
            let rank = value(Cell::Rank, team.rank.map(|r| r.to_string()));
            let prize = shown
                .prize_of(result)
                .map(|p| format!("{} · {}", p.label, money(p.amount)))
                .unwrap_or_default();
            let cell = |cell: Cell, value: String, placeholder: &'a str| {
                text_input(placeholder, &value)
                    .id(cell.input_id(id, index))
                    .on_input(move |v| Message::Result(id, index, cell, v))
                    .on_submit(Message::Down(id, index, cell))
                    .padding(6)
                    .width(Length::Fixed(90.0))
            };
            rows = rows.push(
                container(
                    row![
                        text(&team.name).width(Length::FillPortion(3)),
                        cell(Cell::Score, score, ""),
                        cell(Cell::Rank, rank, ""),
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
        if activity.teams.is_empty() {
            rows = rows.push(
                container(text("Chưa có đội nào. Bấm “Sửa” để thêm đội.").style(theme::muted))
                    .padding(Padding::from([8, 12])),
            );
        }

        let errors = self.errors(&shown);
        let errors = (!errors.is_empty()).then(|| {
            column(errors.into_iter().map(|(index, why)| {
                row![
                    text(format!("{}:", activity.teams[index].name))
                        .size(theme::SMALL)
                        .style(theme::danger_text),
                    text(why).size(theme::SMALL).style(theme::danger_text),
                ]
                .spacing(6)
                .into()
            }))
            .spacing(2)
        });

        let scored_unranked = shown.teams.iter().any(|t| t.score.is_some())
            && shown
                .teams
                .iter()
                .any(|t| t.score.is_some() && t.rank.is_none());
        let footer = row![
            text(format!(
                "Tiền thưởng đã trao: {} / {}",
                money(shown.prize_money_awarded()),
                money(shown.prize_money_planned())
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

        container(column![title, rows].push(errors).push(footer).spacing(10))
            .padding(16)
            .width(Length::Fill)
            .style(theme::card)
            .into()
    }
}

/// A valid result typed in a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    Score(Option<f64>),
    Rank(Option<u32>),
}

impl Entry {
    fn apply(self, team: &mut Team) {
        match self {
            Entry::Score(score) => team.score = score,
            Entry::Rank(rank) => team.rank = rank,
        }
    }
}

/// Reads what was typed in a cell; empty clears the result. `teams` bounds the rank.
fn read(cell: Cell, value: &str, teams: usize) -> Result<Entry, String> {
    let value = value.trim();
    match cell {
        Cell::Rank if value.is_empty() => Ok(Entry::Rank(None)),
        Cell::Rank => match value.parse::<u32>() {
            Ok(rank) if rank >= 1 && rank as usize <= teams => Ok(Entry::Rank(Some(rank))),
            Ok(rank) if rank >= 1 => Err(format!("Hạng “{rank}” lớn hơn số đội ({teams}).")),
            _ => Err("Hạng phải là số từ 1 trở lên.".into()),
        },
        Cell::Score if value.is_empty() => Ok(Entry::Score(None)),
        Cell::Score => parse_score(value)
            .map(|score| Entry::Score(Some(score)))
            .ok_or_else(|| format!("Điểm “{value}” không hợp lệ.")),
    }
}

/// Focuses the same cell of the next team, with its value selected so typing replaces it.
fn focus_below(activity: &Activity, index: usize, cell: Cell) -> Task<Message> {
    if index + 1 >= activity.teams.len() {
        return Task::none();
    }
    let below = cell.input_id(activity.id, index + 1);
    operation::focus(below.clone()).chain(operation::select_all(below))
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
                    "Ví dụ: Sân Ủy ban nhân dân phường",
                    &form.venue,
                    "activity-venue",
                    edit(FormField::Venue),
                    save.clone()
                ),
                submit_field(
                    "Giờ bắt đầu",
                    "09:00 hoặc 7h30",
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
    .width(Length::Fill)
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
