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
//! card, where the secretary clicked "Sửa", so the page does not jump. The form is in `form`.

use std::collections::{HashMap, HashSet};

use iced::widget::{button, column, container, operation, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Padding, Task};

use crate::domain::festival::{parse_score, prize_totals, score_text};
use crate::domain::{Activity, Team};
use crate::gui::data::Snapshot;
use crate::gui::history::{self, History, Timeline};
use crate::gui::records::{self, Records};
use crate::gui::shortcut::{Action, Shortcut, new_and_undo};
use crate::gui::widget::{
    Typed, page_header, plain, primary_button, stat, table_header, undo_notice,
};
use crate::gui::{font, theme};
use crate::papers::Paper;
use crate::text::{money, time_short};

mod form;

pub use form::ActivityDraft;

#[derive(Debug, Default)]
pub struct Festival {
    /// The activities: added, edited in their form, removed, by the records part.
    activities: Records<Activity>,
    /// What is being typed in result cells, laid over the snapshot.
    typed: HashMap<CellKey, String>,
    /// Keystrokes in one cell make one undo step.
    last_cell: Option<CellKey>,
    /// Results typed and activities ranked by scores (each step: the activity as it was),
    /// beside the records' own undo steps.
    history: History<Activity>,
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

#[derive(Debug, Clone)]
pub enum Message {
    Activities(records::Message<Activity>),
    /// Escape: close the form.
    Cancel,
    /// A result typed in a cell: activity id, team index, which cell, the text.
    Result(i64, usize, Cell, String),
    /// Enter in a result cell: on to the same cell of the next team.
    Down(i64, usize, Cell),
    RankByScores(i64),
    Undo,
}

/// Changes the festival screen asks the app to write. An activity is always saved whole; an
/// `Add` with an id other than 0 puts a removed one back with its old id.
pub type Event = records::Event<Activity>;

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Print => Some(Action::ShowPaper(Paper::Festival)),
        _ => new_and_undo(
            shortcut,
            Message::Activities(records::Message::New),
            Message::Undo,
        ),
    }
}

impl Festival {
    /// Escape: close the form.
    pub fn close(&mut self) {
        self.activities.close();
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        self.forget_what_is_gone(data);
        if !matches!(message, Message::Result(..) | Message::Down(..)) {
            self.last_cell = None;
        }
        let find = |id: i64| data.plan.activities.iter().find(|a| a.id == id);
        match message {
            Message::Activities(message) => {
                let current = self.all_current(data);
                let (task, event) = self.activities.update_with(message, &current, data);
                self.forget_typing_of(event.as_ref());
                (task.map(Message::Activities), event)
            }
            Message::Cancel => {
                self.close();
                none()
            }
            Message::Result(id, index, cell, raw) => {
                let Some(saved) = find(id).filter(|a| index < a.teams.len()) else {
                    return none();
                };
                let before = self.current(saved);
                let key = (id, index, cell);
                self.typed.insert(key, Typed::from_raw(&raw).value);
                let after = self.current(saved);
                if after == before {
                    // Not a result yet (the error is shown under the table), or the same one.
                    return none();
                }
                if self.last_cell != Some(key) {
                    self.history.remember(before, None);
                    self.last_cell = Some(key);
                }
                (Task::none(), Some(Event::Save(after)))
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
                self.history.remember(before, None);
                (Task::none(), Some(Event::Save(ranked)))
            }
            Message::Undo => {
                let event = match history::newest(&self.timelines()) {
                    Some(0) => self.activities.undo(),
                    Some(_) => self.history.pop().map(Event::Save),
                    None => None,
                };
                self.forget_typing_of(event.as_ref());
                (Task::none(), event)
            }
        }
    }

    fn timelines(&self) -> [&dyn Timeline; 2] {
        [self.activities.timeline(), &self.history]
    }

    /// An activity saved whole another way than typing its results (the form, undo), or
    /// removed: what was typed in its cells is forgotten.
    fn forget_typing_of(&mut self, event: Option<&Event>) {
        match event {
            Some(Event::Save(activity)) => self.forget_typing(activity.id),
            Some(Event::Remove(id)) => self.forget_typing(*id),
            Some(Event::Add(_)) | None => {}
        }
    }

    /// The app reports the id of an activity it has just added, so that adding can be undone.
    pub fn added(&mut self, id: i64, label: &str) {
        self.activities.added(id, label);
    }

    pub fn can_undo(&self) -> bool {
        self.activities.can_undo() || self.history.can_undo()
    }

    /// Every activity as the secretary sees it.
    fn all_current(&self, data: &Snapshot) -> Vec<Activity> {
        data.plan
            .activities
            .iter()
            .map(|a| self.current(a))
            .collect()
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

    /// New data (after any job, or a change made by another process): the typing of activities
    /// that are gone is dropped at once, so that one that comes back under the same id (put
    /// back from the command line) shows what the file holds, not what was typed before.
    pub fn refresh(&mut self, data: &Snapshot) {
        self.forget_what_is_gone(data);
    }

    /// Drops the typing of activities (and teams) the snapshot no longer has (the records part
    /// closes the form of an activity that is gone).
    fn forget_what_is_gone(&mut self, data: &Snapshot) {
        let exists = |id: i64, index: usize| {
            data.plan
                .activities
                .iter()
                .any(|a| a.id == id && index < a.teams.len())
        };
        self.typed.retain(|&(id, index, _), _| exists(id, index));
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let current = self.all_current(data);
        let (awarded, planned) = prize_totals(&current);
        let teams: HashSet<&str> = data
            .plan
            .activities
            .iter()
            .flat_map(|a| a.teams.iter().map(|t| t.name.as_str()))
            .collect();
        let header = page_header(
            format!("Phần hội · Ngày hội năm {}", data.plan.event.year),
            "Hoạt động, đội tham gia, kết quả và giải thưởng. Tab sang ô bên cạnh, Enter xuống đội dưới.",
            [primary_button("+ Thêm hoạt động", [10, 18])
                .on_press(Message::Activities(records::Message::New))
                .into()],
        );
        // The sums get the wider cards: "11.600.000 đ" put "đ" on a line of its own at 1024.
        let (count, sum) = (Length::FillPortion(2), Length::FillPortion(3));
        let figures = row![
            stat(data.plan.activities.len().to_string(), "hoạt động", plain).width(count),
            stat(teams.len().to_string(), "đội tham gia", plain).width(count),
            stat(money(awarded), "tiền thưởng đã trao", theme::success_text).width(sum),
            stat(money(planned), "tổng giải thưởng dự kiến", plain).width(sum),
        ]
        .spacing(12);
        let notice = history::notice(&self.timelines()).map(|m| undo_notice(m, Message::Undo));
        let form = |id| self.activities.form(id).map(|f| f.map(Message::Activities));
        let mut content = column![header, figures]
            .push(notice)
            .push(form(None))
            .spacing(16)
            .padding(24);
        for (activity, shown) in data.plan.activities.iter().zip(current) {
            content = match form(Some(activity.id)) {
                Some(form) => content.push(form),
                None => content.push(self.activity_card(activity, shown)),
            };
        }
        if data.plan.activities.is_empty() && !self.activities.is_open() {
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
                .on_press(Message::Activities(records::Message::Edit(id))),
            button(text("Xóa").size(theme::SMALL))
                .style(theme::link_danger)
                .padding([2, 6])
                .on_press(Message::Activities(records::Message::Remove(id))),
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
            // Enter moves down at once: a cell holds a number, which no input method composes,
            // and it is saved as typed, so there is no last word to wait for (widget::on_enter).
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

fn none() -> (Task<Message>, Option<Event>) {
    (Task::none(), None)
}
