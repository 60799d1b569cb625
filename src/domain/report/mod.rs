//! The report to the province ("Báo cáo kết quả tổ chức Ngày hội..."): what the app computes
//! from a year's data (`figures`), what the secretary enters (`entered`), the narrative
//! sections with default text built from both (`narrative`), and this year beside the
//! previous one. Plain data: storage loads it, `papers::report` prints it.

pub mod entered;
pub mod figures;
pub mod narrative;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use entered::{Entered, Figure, Group, Standard, parse_figure, percent_text};
pub use figures::{ActivityTally, Commended, Figures, PointTally, Sources, compute};
pub use narrative::Section;

use super::{Unit, YearEvent};

/// Whether the PDF prints the rows of figures never entered (all "-") or leaves them out.
/// The spreadsheet and the package always have every row. The unit remembers the
/// secretary's last choice (`Unit::empty_rows`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmptyRows {
    /// A paper that does not list what was never counted (the default).
    #[default]
    Omit,
    /// Every row, as "-" where nothing was entered: the secretary chose to keep them.
    Keep,
}

/// One year's side of the report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearReport {
    pub figures: Figures,
    pub entered: Entered,
    /// The sections the secretary edited; the others use their default text.
    pub edited: BTreeMap<Section, String>,
}

/// Everything the report of one year prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub unit: Unit,
    pub event: YearEvent,
    pub this: YearReport,
    /// The latest earlier year with an event, if any.
    pub last: Option<YearReport>,
}

impl Report {
    /// The section as it prints: the edited text, or the default built from the figures.
    pub fn text(&self, section: Section) -> String {
        match self.this.edited.get(&section) {
            Some(text) => text.clone(),
            None => self.default_text(section),
        }
    }

    pub fn default_text(&self, section: Section) -> String {
        narrative::default_text(self, section)
    }

    pub fn is_edited(&self, section: Section) -> bool {
        self.this.edited.contains_key(&section)
    }

    pub fn year(&self) -> i32 {
        self.event.year
    }

    pub fn last_year(&self) -> Option<i32> {
        self.last.as_ref().map(|l| l.figures.year)
    }
}
