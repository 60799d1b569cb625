//! The keyboard shortcuts, and what one may mean on a screen. The window turns keys into a
//! [`Shortcut`]; the workspace hands it to the screen shown, whose `shortcut` function says
//! what it means there ([`Action`]). What no screen claims has one meaning everywhere (Ctrl+N
//! adds a preparation step, Ctrl+P shows the last paper on "In ấn").

use iced::keyboard;

use crate::papers::Paper;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    New,
    Undo,
    /// Escape: close what is open (a step being edited, the new-year panel).
    Close,
    /// Tab and Shift+Tab move between fields.
    NextField,
    PreviousField,
    /// Alt+↑ / Alt+↓ move the selected row.
    MoveUp,
    MoveDown,
    /// Ctrl+P: show the paper of the current section; on the papers screen, save it.
    Print,
    /// Ctrl+F: the search field of the current section.
    Find,
    /// Ctrl+= (or Ctrl++), Ctrl+- and Ctrl+0: the certificate preview larger, smaller, fitted.
    ZoomIn,
    ZoomOut,
    ZoomFit,
}

/// What a shortcut means on a screen.
#[derive(Debug, Clone)]
pub enum Action<M> {
    /// One of the screen's own messages.
    Update(M),
    /// Show this paper on "In ấn" (Ctrl+P on a screen whose list is printed).
    ShowPaper(Paper),
}

impl<M> Action<M> {
    pub fn map<N>(self, f: impl FnOnce(M) -> N) -> Action<N> {
        match self {
            Action::Update(message) => Action::Update(f(message)),
            Action::ShowPaper(paper) => Action::ShowPaper(paper),
        }
    }
}

/// Ctrl+N and Ctrl+Z on a screen that adds rows and undoes its changes: its `new` and `undo`
/// messages. A screen that claims more keys matches those first.
pub fn new_and_undo<M>(shortcut: Shortcut, new: M, undo: M) -> Option<Action<M>> {
    match shortcut {
        Shortcut::New => Some(Action::Update(new)),
        Shortcut::Undo => Some(Action::Update(undo)),
        _ => None,
    }
}

/// The app's keyboard shortcuts: Ctrl+N adds a row, Ctrl+Z undoes the last change (Cmd on
/// macOS), Ctrl+P prints, Ctrl+F searches, Tab moves between fields, Escape closes, Alt+↑/↓
/// move the selected row. Keys a focused text field used never reach here.
pub fn from_key(event: keyboard::Event) -> Option<Shortcut> {
    use keyboard::key::Named;
    match event {
        keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(named),
            modifiers,
            ..
        } => match named {
            Named::ArrowUp if modifiers.alt() => Some(Shortcut::MoveUp),
            Named::ArrowDown if modifiers.alt() => Some(Shortcut::MoveDown),
            Named::Tab if modifiers.shift() => Some(Shortcut::PreviousField),
            Named::Tab => Some(Shortcut::NextField),
            Named::Escape => Some(Shortcut::Close),
            _ => None,
        },
        keyboard::Event::KeyPressed {
            key: keyboard::Key::Character(c),
            modifiers,
            ..
        } if modifiers.command() => match c.as_str() {
            "n" | "N" => Some(Shortcut::New),
            "z" | "Z" => Some(Shortcut::Undo),
            "p" | "P" => Some(Shortcut::Print),
            "f" | "F" => Some(Shortcut::Find),
            "=" | "+" => Some(Shortcut::ZoomIn),
            "-" => Some(Shortcut::ZoomOut),
            "0" => Some(Shortcut::ZoomFit),
            _ => None,
        },
        _ => None,
    }
}
