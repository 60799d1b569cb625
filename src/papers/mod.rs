//! The papers of the day, built from the data as administrative documents (see `document`):
//! the program, the MC's script, the festival schedule with results, the gift visit plan and
//! the receipt list. Each builder refuses,
//! in Vietnamese, a paper with nothing to print.

pub mod consolidated;
mod festival;
mod gifts;
pub mod output;
mod program;
pub mod report;
mod script;
mod sources;

use chrono::{Datelike, NaiveDate};

pub use festival::festival;
pub use gifts::{receipts, visit_plan};
pub use program::program;
pub use script::script;
pub use sources::Sources;

use crate::document::{AdminDocument, Signature};
use crate::domain::{Unit, YearPlan};

/// Which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paper {
    Program,
    Script,
    Festival,
    VisitPlan,
    Receipts,
}

impl Paper {
    pub const ALL: [Paper; 5] = [
        Paper::Program,
        Paper::Script,
        Paper::Festival,
        Paper::VisitPlan,
        Paper::Receipts,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Paper::Program => "Chương trình Ngày hội",
            Paper::Script => "Kịch bản dẫn chương trình",
            Paper::Festival => "Lịch thi đấu và kết quả phần hội",
            Paper::VisitPlan => "Kế hoạch thăm hỏi, tặng quà",
            Paper::Receipts => "Danh sách ký nhận quà",
        }
    }

    /// A file name a secretary recognises: "chuong-trinh-2026.pdf".
    pub fn file_name(self, year: i32) -> String {
        let stem = match self {
            Paper::Program => "chuong-trinh",
            Paper::Script => "kich-ban-dan-chuong-trinh",
            Paper::Festival => "phan-hoi-lich-va-ket-qua",
            Paper::VisitPlan => "ke-hoach-tham-hoi",
            Paper::Receipts => "danh-sach-ky-nhan-qua",
        };
        format!("{stem}-{year}.pdf")
    }

    pub fn build(self, s: &Sources) -> Result<AdminDocument, NothingToPrint> {
        let mut doc = match self {
            Paper::Program => program(&s.unit, &s.plan),
            Paper::Script => script(&s.unit, &s.plan),
            Paper::Festival => festival(&s.unit, &s.plan),
            Paper::VisitPlan => visit_plan(s),
            Paper::Receipts => receipts(s),
        }?;
        doc.keep.extend(s.areas.iter().cloned());
        Ok(doc)
    }
}

/// The names and places of the unit and its year that no line of a paper breaks inside (see
/// `AdminDocument::keep`): the head and the secretary, the delegates, the unit, its province
/// (also without the level word: "Hồ Chí Minh"), the points and the venues.
fn known_names(unit: &Unit, plan: Option<&YearPlan>) -> Vec<String> {
    let mut names = vec![unit.head_name.clone(), unit.secretary_name.clone()];
    for place in [&unit.name, &unit.province, &unit.place] {
        names.push(place.clone());
        names.push(without_level_word(place).to_string());
    }
    if let Some(plan) = plan {
        names.extend(plan.delegates.iter().map(|d| d.name.clone()));
        names.extend(plan.points.iter().map(|p| p.name.clone()));
        names.extend(plan.activities.iter().map(|a| a.venue.clone()));
    }
    names.retain(|n| n.trim().contains(' '));
    names.iter_mut().for_each(|n| *n = n.trim().to_string());
    names.sort();
    names.dedup();
    names
}

/// "Thành phố Hồ Chí Minh" → "Hồ Chí Minh", "Phường Chợ Quán" → "Chợ Quán".
fn without_level_word(name: &str) -> &str {
    const LEVELS: [&str; 9] = [
        "Thành phố ",
        "Thị trấn ",
        "Thị xã ",
        "Đặc khu ",
        "Phường ",
        "Xã ",
        "Tỉnh ",
        "Quận ",
        "Huyện ",
    ];
    let name = name.trim();
    LEVELS
        .iter()
        .find_map(|level| {
            name.get(..level.len())
                .filter(|head| head.to_lowercase() == level.to_lowercase())
                .map(|_| &name[level.len()..])
        })
        .unwrap_or(name)
}

/// The paper would be empty: the sentence says what to fill in first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NothingToPrint(pub String);

impl std::fmt::Display for NothingToPrint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NothingToPrint {}

/// The header every paper of the committee shares: the unit above, the committee as issuer.
fn header(unit: &Unit, plan: &YearPlan, kind: &str, summary: String) -> AdminDocument {
    AdminDocument {
        keep: known_names(unit, Some(plan)),
        ..header_on(unit, plan.event.date, kind, summary)
    }
}

/// The header of a paper for the year's Ngày hội itself (its program, script, festival sheet).
fn day_header(unit: &Unit, plan: &YearPlan, kind: &str) -> AdminDocument {
    let summary = format!(
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {}",
        plan.event.year
    );
    header(unit, plan, kind, summary)
}

/// The shared header, dated in the month and year of `date`.
fn header_on(unit: &Unit, date: NaiveDate, kind: &str, summary: String) -> AdminDocument {
    AdminDocument {
        keep: known_names(unit, None),
        parent_body: unit.people_committee(),
        issuer: "Ban Chỉ đạo".into(),
        number: None,
        place_date: undated_line(&unit.place, date),
        kind: kind.into(),
        summary,
        ..AdminDocument::default()
    }
}

/// "Chợ Quán, ngày ..... tháng 8 năm 2026": the day is written by hand when the paper is signed.
fn undated_line(place: &str, date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!(
        "{}, ngày ..... tháng {month} năm {}",
        place.trim(),
        date.year()
    )
}

/// The document type codes a symbol series may start with ("KH-BCĐ" is the plan's series).
const KIND_CODES: [&str; 6] = ["KH-", "BC-", "CT-", "TB-", "QĐ-", "CV-"];

/// "Số: .../BC-BCĐ" for a report (`kind` "BC"), "Số: .../KH-BCĐ" for a plan: the number is
/// written by hand when the paper is signed; the series is the unit's symbol.
pub fn number_line(kind: &str, symbol: &str) -> String {
    let symbol = symbol.trim();
    let series = KIND_CODES
        .iter()
        .find_map(|code| symbol.strip_prefix(code))
        .unwrap_or(symbol);
    let series = if series.is_empty() { "BCĐ" } else { series };
    format!("Số: .../{kind}-{series}")
}

fn head_signature(unit: &Unit) -> Signature {
    Signature {
        authority: vec!["TM. BAN CHỈ ĐẠO".into(), "TRƯỞNG BAN".into()],
        signer: unit.head_name.clone(),
    }
}

#[cfg(test)]
mod tests;
