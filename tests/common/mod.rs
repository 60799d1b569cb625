//! The harness the UI tests share: the whole app driven headless (iced_test, tiny-skia), its
//! storage tasks run to the end after every interaction, as in the real window.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use iced::futures::StreamExt;
use iced::{Task, keyboard};
use iced_test::runtime::{Action, task};
use iced_test::{Error, Simulator};
use ngayhoi::gui::{self, App, Message};
use ngayhoi::storage::Store;

/// A fixed "today": after the 2026 demo event, before its report was sent.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).unwrap()
}

/// Runs the tasks an update returned, feeding their messages back, until nothing is left.
pub fn settle(app: &mut App, first: Task<Message>) {
    let mut pending = vec![first];
    while let Some(next) = pending.pop() {
        let Some(stream) = task::into_stream(next) else {
            continue;
        };
        let actions: Vec<Action<Message>> = iced::futures::executor::block_on(stream.collect());
        for action in actions {
            if let Action::Output(message) = action {
                pending.push(app.update(message));
            }
        }
    }
    assert!(!app.is_saving(), "every change has reached the file");
}

pub fn send(app: &mut App, message: impl Into<Message>) {
    let task = app.update(message.into());
    settle(app, task);
}

/// Lets `act` use the window as a person would, then applies what it produced.
pub fn interact(app: &mut App, act: impl FnOnce(&mut Simulator<'_, Message>) -> Result<(), Error>) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        act(&mut ui).expect("the interaction succeeds");
        produced(ui)
    };
    for message in messages {
        send(app, message);
    }
}

/// What an interaction produced, a moment later: Enter's submit waits for the input method's
/// last commit (`widget::SETTLE`) and goes when the window is next drawn.
pub fn produced<M>(mut ui: Simulator<'_, M>) -> Vec<M> {
    let _ = ui.simulate([redraw_after(ngayhoi::gui::widget::SETTLE * 2)]);
    ui.into_messages().collect()
}

/// The window drawn `wait` from now.
pub fn redraw_after(wait: std::time::Duration) -> iced::Event {
    iced::Event::Window(iced::window::Event::RedrawRequested(
        iced::time::Instant::now() + wait,
    ))
}

/// The window at its default size, as on a 1366×768 laptop.
pub fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(gui::settings(), gui::WINDOW_SIZE, app.view())
}

pub fn shows(app: &App, text: &str) -> bool {
    let mut ui = simulator(app);
    ui.find(text).is_ok()
}

pub fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("ngayhoi.sqlite3")
}

pub fn reopen(path: &Path) -> Store {
    Store::open(path).unwrap()
}

pub fn demo_app(dir: &tempfile::TempDir) -> App {
    let mut app = App::boot(db(dir), today());
    interact(&mut app, |ui| ui.click("Dùng dữ liệu mẫu").map(drop));
    app
}

/// A new unit's first year (no year before it), set up on the welcome screen: its report has
/// rows with no figure at all.
pub fn first_year_app(dir: &tempfile::TempDir) -> App {
    let mut app = App::boot(db(dir), today());
    interact(&mut app, |ui| {
        ui.click(iced_test::selector::id("welcome-name"))?;
        let _ = ui.typewrite("Phường Hòa Hưng");
        ui.click(iced_test::selector::id("welcome-province"))?;
        let _ = ui.typewrite("Thành phố Hồ Chí Minh");
        ui.click("Bắt đầu lập kế hoạch").map(drop)
    });
    app
}

/// How many pages the paper shown has ("Trang 1 / n" under the preview; 0 if none).
pub fn preview_pages(app: &App) -> usize {
    let mut ui = simulator(app);
    (1..=9)
        .rev()
        .find(|n| ui.find(format!("Trang 1 / {n}")).is_ok())
        .unwrap_or(0)
}

/// Turns the mouse wheel over the content, as one does to reach the end of the list.
pub fn scroll_down(ui: &mut Simulator<'_, Message>) {
    ui.point_at(iced::Point::new(700.0, 400.0));
    let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
        delta: iced::mouse::ScrollDelta::Lines { x: 0.0, y: -20.0 },
    })]);
}

/// A key press with its modifiers, as the window reports it.
pub fn press(key: keyboard::Key, modifiers: keyboard::Modifiers) -> keyboard::Event {
    keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    }
}

/// Ctrl and a letter ("z" for Ctrl+Z).
pub fn ctrl(key: &str) -> keyboard::Event {
    press(
        keyboard::Key::Character(key.into()),
        keyboard::Modifiers::CTRL,
    )
}

/// A named key (Escape, Tab, an arrow...) with its modifiers.
pub fn key(named: keyboard::key::Named, modifiers: keyboard::Modifiers) -> keyboard::Event {
    press(keyboard::Key::Named(named), modifiers)
}

/// Ctrl+A in the focused field, as a person types it (Ctrl held, A, Ctrl let go): selects
/// what the field holds, so that typing replaces it.
pub fn select_all<M>(ui: &mut Simulator<'_, M>) {
    let ctrl = keyboard::Modifiers::CTRL;
    let _ = ui.simulate([
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(ctrl)),
        iced::Event::Keyboard(press(keyboard::Key::Character("a".into()), ctrl)),
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(
            keyboard::Modifiers::empty(),
        )),
    ]);
}

/// True if some text on screen contains `part` (long sentences hold paths, dates, names).
pub fn shows_part(app: &App, part: &str) -> bool {
    let mut ui = simulator(app);
    ui.find(
        |candidate: iced_test::selector::Candidate<'_>| match candidate {
            iced_test::selector::Candidate::Text { content, .. } if content.contains(part) => {
                Some(())
            }
            _ => None,
        },
    )
    .is_ok()
}
