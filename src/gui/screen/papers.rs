//! "In ấn": each paper as it will print (the same layout the PDF is painted from), and saving it
//! as PDF with the system's dialog, then opening it for printing.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use crate::document::{Document, layout};
use crate::gui::data::Snapshot;
use crate::gui::shortcut::{Action, Shortcut};
use crate::gui::widget::{page_header, save_pdf, saved_file};
use crate::gui::{preview, system, theme};
use crate::papers::{Paper, output};

#[derive(Debug)]
pub struct Papers {
    paper: Paper,
    /// The laid-out paper, or why there is nothing to print.
    pages: Result<Document, String>,
    saving: bool,
    outcome: Option<Result<PathBuf, String>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Pick(Paper),
    Save,
    Chosen(Option<PathBuf>),
    Saved(Result<PathBuf, String>),
    /// Open the saved PDF (or its folder) with the system.
    Open(PathBuf),
}

/// What the papers screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Open(PathBuf),
}

/// What a keyboard shortcut means on this screen.
pub fn shortcut(shortcut: Shortcut) -> Option<Action<Message>> {
    match shortcut {
        Shortcut::Print => Some(Action::Update(Message::Save)),
        _ => None,
    }
}

impl Papers {
    pub fn new(paper: Paper, data: &Snapshot) -> Papers {
        Papers {
            paper,
            pages: lay_out(paper, data),
            saving: false,
            outcome: None,
        }
    }

    pub fn paper(&self) -> Paper {
        self.paper
    }

    /// The data changed: lay the paper out again.
    pub fn refresh(&mut self, data: &Snapshot) {
        self.pages = lay_out(self.paper, data);
    }

    pub fn update(&mut self, message: Message, data: &Snapshot) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Pick(paper) => {
                self.paper = paper;
                self.outcome = None;
                self.refresh(data);
                (Task::none(), None)
            }
            Message::Save => {
                if self.pages.is_err() || self.saving {
                    return (Task::none(), None);
                }
                let name = self.paper.file_name(data.plan.event.year);
                let choose = system::save_as("Lưu văn bản PDF", name, system::PDF);
                (Task::perform(choose, Message::Chosen), None)
            }
            Message::Chosen(None) => (Task::none(), None),
            Message::Chosen(Some(path)) => {
                self.saving = true;
                let (paper, sources) = (self.paper, data.sources());
                let render = move || output::render(paper, &sources);
                (system::write_chosen(path, render, Message::Saved), None)
            }
            Message::Saved(result) => {
                self.saving = false;
                self.outcome = Some(result);
                (Task::none(), None)
            }
            Message::Open(path) => (Task::none(), Some(Event::Open(path))),
        }
    }

    pub fn view<'a>(&'a self, data: &'a Snapshot) -> Element<'a, Message> {
        let choices = Paper::ALL.iter().map(|paper| {
            button(text(paper.title()))
                .style(theme::nav(*paper == self.paper))
                .padding([8, 12])
                .on_press(Message::Pick(*paper))
                .into()
        });
        let save = save_pdf(self.saving, self.pages.is_ok(), Message::Save);
        let header = page_header(
            format!("In ấn · Năm {}", data.plan.event.year),
            "Xem trước đúng như khi in (khổ A4, thể thức văn bản hành chính).",
            [save],
        );

        let outcome = self
            .outcome
            .as_ref()
            .map(|outcome| -> Element<'a, Message> {
                saved_file(outcome, "Mở để in", Message::Open)
            });

        let pages: Element<'a, Message> = match &self.pages {
            Ok(document) => preview::pages(document),
            Err(message) => container(text(message).style(theme::muted))
                .padding(24)
                .style(theme::card)
                .into(),
        };

        // The tabs go on a second line rather than squeezing the last ones out of the window.
        let content = column![header, row(choices).spacing(8).wrap().vertical_spacing(8)]
            .push(outcome)
            .push(container(pages).center_x(Length::Fill))
            .spacing(16)
            .padding(24);
        scrollable(content).height(Length::Fill).into()
    }
}

fn lay_out(paper: Paper, data: &Snapshot) -> Result<Document, String> {
    paper
        .build(&data.sources())
        .map(|doc| layout(&doc))
        .map_err(|e| e.0)
}
