//! The committee's world as plain data: the organising unit, its yearly event, the planning
//! checklist, the ceremony (program, delegates, event points), the festival, gift visits and
//! commendations.
//! Nothing here knows about SQLite or iced.

pub mod checklist;
pub mod commendation;
pub mod delegate;
pub mod event;
pub mod festival;
pub mod gifts;
pub mod household;
pub mod plan;
pub mod point;
pub mod program;
pub mod report;
pub mod roster;
pub mod sameness;
pub mod unit;
pub mod visit;

pub use checklist::{ChecklistItem, DueState};
pub use commendation::{Decision, Form, Recipient, RecipientKind};
pub use delegate::Delegate;
pub use event::YearEvent;
pub use festival::{Activity, ActivityKind, Prize, Team};
pub use gifts::{GiftSummary, Tally, YearGifts};
pub use household::{Category, Household, Sex};
pub use plan::YearPlan;
pub use point::{EventPoint, PointKind};
pub use program::ProgramItem;
pub use roster::{Filter, Roster, VisitMark};
pub use sameness::KnownHouseholds;
pub use unit::{Level, RegisterDigits, Unit};
pub use visit::{Visit, VisitStatus};

/// A rule a value broke, worded for the secretary (Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

/// One line of text as it is stored: NFC, without control characters, trimmed.
pub(crate) fn tidy_line(text: &str) -> String {
    crate::text::clean_line(text).trim().to_string()
}

/// Several text fields of a row made as they are stored, in place ([`tidy_line`]).
pub(crate) fn tidy<const N: usize>(fields: [&mut String; N]) {
    for field in fields {
        *field = tidy_line(field);
    }
}

/// Text of several lines as it is stored: NFC, line breaks kept, trimmed.
pub(crate) fn tidy_text(text: &str) -> String {
    crate::text::clean_multiline(text).trim().to_string()
}

/// `reason` when a text that must be filled in is empty.
pub(crate) fn required(text: &str, reason: &str) -> Result<(), Invalid> {
    if text.trim().is_empty() {
        return Err(Invalid(reason.into()));
    }
    Ok(())
}
