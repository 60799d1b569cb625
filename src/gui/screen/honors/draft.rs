//! The forms of the commendations screen as typed text, and how each becomes a decision or a
//! recipient (or the sentence that says why it cannot).

use chrono::NaiveDate;

use crate::domain::commendation::default_achievement;
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex, Unit};
use crate::text::{date_short, parse_date};

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionDraft {
    pub id: Option<i64>,
    pub number: String,
    pub date: String,
    pub issuer: String,
    pub issuer_head: String,
    /// The signing title, one field per printed line ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
    pub title_first: String,
    pub title_second: String,
    pub signer_name: String,
    /// Sent to be written; the form waits for the answer.
    pub saving: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionField {
    Number,
    Date,
    Issuer,
    IssuerHead,
    TitleFirst,
    TitleSecond,
    SignerName,
}

impl DecisionDraft {
    /// A new decision of the unit's committee, with the number after the year's latest.
    pub fn new(unit: &Unit, existing: &[Decision], today: NaiveDate) -> DecisionDraft {
        let mut draft = DecisionDraft::of(&Decision::defaults(unit, &next_number(existing), today));
        draft.id = None;
        draft
    }

    pub fn of(d: &Decision) -> DecisionDraft {
        let mut lines = d.signer_title.lines().map(str::trim);
        DecisionDraft {
            id: Some(d.id),
            number: d.number.clone(),
            date: date_short(d.date),
            issuer: d.issuer.clone(),
            issuer_head: d.issuer_head.clone(),
            title_first: lines.next().unwrap_or_default().to_string(),
            title_second: lines.collect::<Vec<_>>().join(" "),
            signer_name: d.signer_name.clone(),
            saving: false,
            error: None,
        }
    }

    pub fn field(&mut self, which: DecisionField) -> &mut String {
        match which {
            DecisionField::Number => &mut self.number,
            DecisionField::Date => &mut self.date,
            DecisionField::Issuer => &mut self.issuer,
            DecisionField::IssuerHead => &mut self.issuer_head,
            DecisionField::TitleFirst => &mut self.title_first,
            DecisionField::TitleSecond => &mut self.title_second,
            DecisionField::SignerName => &mut self.signer_name,
        }
    }

    /// The two lines of the signing title as stored.
    pub fn signer_title(&self) -> String {
        [self.title_first.trim(), self.title_second.trim()]
            .into_iter()
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn decision(&self) -> Result<Decision, String> {
        let typed = self.date.trim();
        let date = parse_date(typed).ok_or_else(|| {
            if typed.is_empty() {
                "Hãy ghi ngày quyết định (dd/mm/yyyy).".to_string()
            } else {
                format!("Ngày “{typed}” không hợp lệ (dd/mm/yyyy).")
            }
        })?;
        let decision = Decision {
            id: self.id.unwrap_or(0),
            number: self.number.clone(),
            date,
            issuer: self.issuer.clone(),
            issuer_head: self.issuer_head.clone(),
            signer_title: self.signer_title(),
            signer_name: self.signer_name.clone(),
        }
        .cleaned();
        decision.validate().map_err(|e| e.0)?;
        Ok(decision)
    }
}

/// The usual signing titles for a head ("Chủ tịch"): signing as the head, or on the head's
/// behalf as a deputy. Each is (first line, second line).
pub fn usual_titles(head: &str) -> Vec<(String, String)> {
    let mut heads: Vec<String> = Vec::new();
    for h in [head.trim(), "Chủ tịch", "Giám đốc", "Trưởng ban"] {
        let upper = h.to_uppercase();
        if !upper.is_empty() && !heads.contains(&upper) {
            heads.push(upper);
        }
    }
    heads
        .iter()
        .flat_map(|h| {
            [
                (h.clone(), String::new()),
                (format!("KT. {h}"), format!("PHÓ {h}")),
            ]
        })
        .collect()
}

/// The year's next decision number after the highest one: "126/QĐ-UBND" after "125/QĐ-UBND".
/// Empty when there is nothing to go by.
pub fn next_number(existing: &[Decision]) -> String {
    existing
        .iter()
        .filter_map(|d| {
            let number = d.number.trim();
            let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
            let n: u32 = digits.parse().ok()?;
            Some((n, number[digits.len()..].to_string()))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(n, rest)| format!("{}{rest}", n + 1))
        .unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecipientDraft {
    pub id: Option<i64>,
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
    pub saving: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientField {
    Name,
    BirthYear,
    Position,
    Achievement,
    RegisterNo,
}

impl RecipientDraft {
    pub fn new(decision_id: i64, year: i32) -> RecipientDraft {
        RecipientDraft {
            id: None,
            decision_id,
            kind: RecipientKind::Individual,
            form: Form::Certificate,
            name: String::new(),
            sex: None,
            birth_year: String::new(),
            position: String::new(),
            achievement: default_achievement(year),
            register_no: String::new(),
            saving: false,
            error: None,
        }
    }

    /// The blank form for the next recipient of a list, keeping what lists share.
    pub fn next(&self) -> RecipientDraft {
        RecipientDraft {
            kind: self.kind,
            form: self.form,
            achievement: self.achievement.clone(),
            ..RecipientDraft::new(self.decision_id, 0)
        }
    }

    pub fn of(r: &Recipient) -> RecipientDraft {
        RecipientDraft {
            id: Some(r.id),
            decision_id: r.decision_id,
            kind: r.kind,
            form: r.form,
            name: r.name.clone(),
            sex: r.sex,
            birth_year: r.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            position: r.position.clone(),
            achievement: r.achievement.clone(),
            register_no: r.register_no.map(|n| n.to_string()).unwrap_or_default(),
            saving: false,
            error: None,
        }
    }

    pub fn field(&mut self, which: RecipientField) -> &mut String {
        match which {
            RecipientField::Name => &mut self.name,
            RecipientField::BirthYear => &mut self.birth_year,
            RecipientField::Position => &mut self.position,
            RecipientField::Achievement => &mut self.achievement,
            RecipientField::RegisterNo => &mut self.register_no,
        }
    }

    /// `year`: the year of the default achievement text, used when the field is left empty.
    pub fn recipient(&self, year: i32) -> Result<Recipient, String> {
        let individual = self.kind == RecipientKind::Individual;
        let birth_year = match self.birth_year.trim() {
            "" => None,
            _ if !individual => None,
            typed => Some(
                typed
                    .parse::<i32>()
                    .map_err(|_| format!("Năm sinh “{typed}” phải là một năm, ví dụ 1975."))?,
            ),
        };
        let register_no = match self.register_no.trim() {
            "" => None,
            _ if !self.form.has_certificate() => None,
            typed => Some(typed.parse::<u32>().map_err(|_| {
                format!("Số vào sổ “{typed}” phải là một số, ví dụ 12; để trống để tự cấp số.")
            })?),
        };
        let achievement = if self.achievement.trim().is_empty() {
            default_achievement(year)
        } else {
            self.achievement.clone()
        };
        let recipient = Recipient {
            id: self.id.unwrap_or(0),
            decision_id: self.decision_id,
            kind: self.kind,
            form: self.form,
            name: self.name.clone(),
            sex: if individual { self.sex } else { None },
            birth_year,
            position: self.position.clone(),
            achievement,
            register_no,
        }
        .cleaned();
        recipient.validate().map_err(|e| e.0)?;
        Ok(recipient)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(number: &str) -> Decision {
        Decision {
            id: 1,
            number: number.into(),
            date: NaiveDate::from_ymd_opt(2026, 8, 18).unwrap(),
            issuer: "Ủy ban nhân dân phường Chợ Quán".into(),
            issuer_head: "Chủ tịch".into(),
            signer_title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".into(),
            signer_name: "Lê Văn Bình".into(),
        }
    }

    #[test]
    fn the_next_number_follows_the_highest_and_keeps_its_suffix() {
        let list = [decision("98/QĐ-UBND"), decision("125/QĐ-UBND")];
        assert_eq!(next_number(&list), "126/QĐ-UBND");
        assert_eq!(next_number(&[decision("QĐ khen")]), "");
        assert_eq!(next_number(&[]), "");
    }

    #[test]
    fn a_two_line_title_round_trips_and_a_bad_date_is_named() {
        let mut draft = DecisionDraft::of(&decision("125/QĐ-UBND"));
        assert_eq!(
            (draft.title_first.as_str(), draft.title_second.as_str()),
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
        );
        assert_eq!(draft.decision().unwrap(), decision("125/QĐ-UBND"));
        draft.date = "31/02/2026".into();
        assert!(draft.decision().unwrap_err().contains("31/02/2026"));
    }

    #[test]
    fn usual_titles_start_with_the_head_typed() {
        let titles = usual_titles("Giám đốc");
        assert_eq!(titles[0], ("GIÁM ĐỐC".into(), String::new()));
        assert_eq!(titles[1], ("KT. GIÁM ĐỐC".into(), "PHÓ GIÁM ĐỐC".into()));
        assert_eq!(titles.len(), 6, "no head twice");
    }

    #[test]
    fn a_recipient_form_reads_numbers_and_fills_the_achievement() {
        let mut draft = RecipientDraft::new(3, 2026);
        draft.name = "Nguyễn Văn An".into();
        draft.sex = Some(Sex::Male);
        draft.birth_year = "1968".into();
        draft.achievement.clear();
        let r = draft.recipient(2026).unwrap();
        assert_eq!(r.register_no, None);
        assert_eq!(r.achievement, default_achievement(2026));
        assert_eq!(r.display_name(), "Ông Nguyễn Văn An");
        draft.register_no = "số 7".into();
        assert!(draft.recipient(2026).unwrap_err().contains("số 7"));
        draft.register_no = "7".into();
        assert_eq!(draft.recipient(2026).unwrap().register_no, Some(7));
        draft.form = Form::Praise;
        assert_eq!(draft.recipient(2026).unwrap().register_no, None);
        draft.kind = RecipientKind::Collective;
        let collective = draft.recipient(2026).unwrap();
        assert_eq!((collective.sex, collective.birth_year), (None, None));
    }
}
