//! The two ways out of a screen shown while no data file is open (a file that cannot be
//! opened, a file with a password): open another data file, or quit.

use std::path::PathBuf;

use iced::widget::{Button, row};
use iced::{Element, Task};

use crate::gui::widget::secondary_button;
use crate::gui::{system, theme};

#[derive(Debug, Clone)]
pub enum Message {
    /// "Mở tệp khác…": the system's dialog to pick a data file.
    ChooseOther,
    /// The dialog closed; `None` if the secretary cancelled it.
    Chosen(Option<PathBuf>),
    /// "Thoát".
    Quit,
}

/// What the secretary chose: `Some(path)` to open that file instead.
pub fn update(message: Message) -> (Task<Message>, Option<PathBuf>) {
    match message {
        Message::ChooseOther => (
            Task::perform(system::pick_data_file(), Message::Chosen),
            None,
        ),
        Message::Chosen(path) => (Task::none(), path),
        Message::Quit => (iced::exit(), None),
    }
}

/// The screen's own main button, then "Mở tệp khác…" and "Thoát".
pub fn buttons<'a, M: Clone + 'a>(
    main: Button<'a, M>,
    wrap: impl Fn(Message) -> M,
) -> Element<'a, M> {
    let way_out = |label: &'a str, message: Message| {
        secondary_button(label, [10, 20]).on_press(wrap(message))
    };
    row![
        main.padding([10, 20]).style(theme::primary),
        way_out("Mở tệp khác…", Message::ChooseOther),
        way_out("Thoát", Message::Quit),
    ]
    .spacing(12)
    .into()
}
