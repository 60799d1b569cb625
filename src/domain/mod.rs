//! The committee's world as plain data: the organising unit, its yearly event and the
//! planning checklist. Nothing here knows about SQLite or iced.

pub mod checklist;
pub mod event;
pub mod unit;

pub use checklist::{ChecklistItem, DueState};
pub use event::Event;
pub use unit::{Level, Unit};

/// A rule a value broke, worded for the secretary (Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}
