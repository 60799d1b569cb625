//! The forms of the commendations screen as typed text, and how each becomes a decision or a
//! recipient (or the sentence that says why it cannot).

use crate::domain::commendation::default_achievement;
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex};
use crate::gui::widget::typed_birth_year;
use crate::text::{date_short, parse_date};

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionDraft {
    pub id: Option<i64>,
    pub number: String,
    pub date: String,
    pub issuer: String,
    pub issuer_head: String,
    pub signer_title: String,
    pub signer_name: String,
    pub error: Option<String>,
}

/// Usual signing titles: the chairman, or a deputy signing for him ("KT." = ký thay).
pub const SIGNER_TITLES: [&str; 4] = [
    "CHỦ TỊCH",
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    "GIÁM ĐỐC",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
];

impl DecisionDraft {
    pub fn of(d: &Decision) -> DecisionDraft {
        DecisionDraft {
            id: (d.id != 0).then_some(d.id),
            number: d.number.clone(),
            date: date_short(d.date),
            issuer: d.issuer.clone(),
            issuer_head: d.issuer_head.clone(),
            // One line in the form; " / " separates the rows.
            signer_title: d.signer_title.replace('\n', " / "),
            signer_name: d.signer_name.clone(),
            error: None,
        }
    }

    pub fn decision(&self) -> Result<Decision, String> {
        let date = parse_date(&self.date).ok_or_else(|| {
            format!(
                "Ngày quyết định “{}” không hợp lệ (dd/mm/yyyy).",
                self.date.trim()
            )
        })?;
        let title: Vec<&str> = self
            .signer_title
            .split('/')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let decision = Decision {
            id: self.id.unwrap_or(0),
            number: self.number.clone(),
            date,
            issuer: self.issuer.clone(),
            issuer_head: self.issuer_head.clone(),
            signer_title: title.join("\n"),
            signer_name: self.signer_name.clone(),
        }
        .cleaned();
        decision.validate().map_err(|e| e.0)?;
        Ok(decision)
    }
}

/// A recipient's form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct RecipientDraft {
    /// The decision a new recipient goes into, for the form's heading (empty when editing).
    pub heading: String,
    pub decision_id: i64,
    pub kind: RecipientKind,
    pub form: Form,
    pub name: String,
    pub sex: Option<Sex>,
    pub birth_year: String,
    pub position: String,
    pub achievement: String,
    /// Empty: the next number of the register.
    pub register_no: String,
}

/// What the recipient form picks from lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientChoice {
    Kind(RecipientKind),
    Form(Form),
    Sex(Option<Sex>),
}

impl RecipientDraft {
    /// A new recipient of `decision`, with the year's usual achievement.
    pub fn new(decision: &Decision, year: i32) -> RecipientDraft {
        RecipientDraft {
            heading: format!(
                "Thêm người được khen theo Quyết định số {}",
                decision.number
            ),
            decision_id: decision.id,
            kind: RecipientKind::Individual,
            form: Form::Certificate,
            name: String::new(),
            sex: None,
            birth_year: String::new(),
            position: String::new(),
            achievement: default_achievement(year),
            register_no: String::new(),
        }
    }

    pub fn of(r: &Recipient) -> RecipientDraft {
        RecipientDraft {
            heading: String::new(),
            decision_id: r.decision_id,
            kind: r.kind,
            form: r.form,
            name: r.name.clone(),
            sex: r.sex,
            birth_year: r.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            position: r.position.clone(),
            achievement: r.achievement.clone(),
            register_no: r.register_no.map(|n| n.to_string()).unwrap_or_default(),
        }
    }

    /// The recipient the form describes (with this id, 0 for a new one).
    pub fn recipient(&self, id: i64) -> Result<Recipient, String> {
        let birth_year = typed_birth_year(&self.birth_year, 1975)?;
        let register_no = match self.register_no.trim() {
            "" => None,
            typed => Some(
                typed
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        format!(
                            "Số vào sổ “{typed}” phải là số nguyên từ 1 trở lên (để trống: tự cấp)."
                        )
                    })?,
            ),
        };
        let individual = self.kind == RecipientKind::Individual;
        let recipient = Recipient {
            id,
            decision_id: self.decision_id,
            kind: self.kind,
            form: self.form,
            name: self.name.clone(),
            sex: if individual { self.sex } else { None },
            birth_year: if individual { birth_year } else { None },
            position: self.position.clone(),
            achievement: self.achievement.clone(),
            register_no: if self.form.has_certificate() {
                register_no
            } else {
                None
            },
        }
        .cleaned();
        recipient.validate().map_err(|e| e.0)?;
        Ok(recipient)
    }
}

/// The number of a new decision: one more than the year's highest "123/..." with the same
/// suffix, else empty.
pub fn next_number(decisions: &[Decision]) -> String {
    decisions
        .iter()
        .filter_map(|d| {
            let (n, rest) = d.number.split_once('/')?;
            Some((n.trim().parse::<u32>().ok()?, rest.to_string()))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(n, rest)| format!("{}/{rest}", n + 1))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn a_two_line_signing_title_is_typed_on_one_line() {
        let mut d = DecisionDraft::of(&Decision {
            signer_title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".into(),
            ..Decision::defaults(
                &crate::demo::unit(),
                "12/QĐ-UBND",
                NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
            )
        });
        assert_eq!(d.signer_title, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
        assert_eq!(
            d.decision().unwrap().signer_title,
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
        );
        d.date = "31/02/2026".into();
        assert!(d.decision().unwrap_err().contains("31/02/2026"));
    }

    #[test]
    fn register_numbers_typed_are_checked() {
        let decision = Decision::defaults(
            &crate::demo::unit(),
            "12/QĐ-UBND",
            NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        );
        let mut r = RecipientDraft::new(&decision, 2026);
        r.name = "Nguyễn Văn An".into();
        r.register_no = "0".into();
        assert!(r.recipient(0).unwrap_err().contains("Số vào sổ “0”"));
        r.register_no = "12".into();
        assert_eq!(r.recipient(0).unwrap().register_no, Some(12));
        r.form = Form::Praise;
        assert_eq!(r.recipient(0).unwrap().register_no, None);
    }

    #[test]
    fn the_next_decision_number_follows_the_highest() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
        let unit = crate::demo::unit();
        let list = vec![
            Decision::defaults(&unit, "125/QĐ-UBND", day),
            Decision::defaults(&unit, "98/QĐ-UBND", day),
        ];
        assert_eq!(next_number(&list), "126/QĐ-UBND");
        assert_eq!(next_number(&[]), "");
    }
}
