//! Recipients of commendations ("Danh sách khen thưởng"): Hình thức, Đối tượng, Họ và tên
//! (or Tên tập thể), Giới tính, Năm sinh, Chức vụ đơn vị, Thành tích, Số và Ngày quyết định;
//! and the commendation software's templates ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG": Phân loại
//! khen thưởng as a code, Tên gọi, Chức vụ and Đơn vị công tác apart, the form as a code
//! explained on the "DANHMUC" sheet).

use std::path::Path;

use chrono::NaiveDate;

use super::field::Field;
use super::mapping::Mapping;
use super::merge::{Merge, optional};
use super::preview::{Cells, Kind, Preview, Stored, run};
use super::recipient_values as cell;
use super::sheet::read;
use super::{ImportError, values};
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex};
use crate::text::fold;

/// What a recipients list is compared with: the year's decisions and their recipients, and
/// what the secretary chose for rows that leave the decision or the form empty.
#[derive(Debug, Clone, Default)]
pub struct KnownRecipients {
    pub decisions: Vec<Decision>,
    pub recipients: Vec<Recipient>,
    /// The decision a row without a decision number goes to (the one selected on screen,
    /// or `--decision`): the row takes its number and date.
    pub without_number: Option<i64>,
    /// The form of a row without one (`--form`); with it the list needs no form column.
    pub without_form: Option<Form>,
}

impl KnownRecipients {
    /// The decision rows without a number go to.
    pub fn default_decision(&self) -> Option<&Decision> {
        let id = self.without_number?;
        self.decisions.iter().find(|d| d.id == id)
    }

    /// The stored decision a row goes to: the one of its number (folded), or
    /// `without_number` when the row has none.
    pub fn decision_of(&self, number: &str) -> Option<i64> {
        let number = fold(number);
        if number.is_empty() {
            return self.without_number;
        }
        self.decisions
            .iter()
            .find(|d| fold(&d.number) == number)
            .map(|d| d.id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientRow {
    /// "123/QĐ-UBND", empty when the list has none (the caller picks the decision).
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    /// `decision_id` is 0; an empty achievement means the default text of the year.
    pub recipient: Recipient,
}

pub struct Recipients;

impl Kind for Recipients {
    type Row = RecipientRow;
    type Existing = KnownRecipients;
    /// A recipient of a decision has one register number: never added twice.
    const MAY_DUPLICATE: bool = false;
    const FIELDS: &'static [Field] = &[
        Field::Form,
        Field::Kind,
        Field::Name,
        Field::CollectiveName,
        Field::Sex,
        Field::BirthYear,
        Field::Salutation,
        Field::Position,
        Field::Workplace,
        Field::Achievement,
        Field::DecisionNumber,
        Field::DecisionDate,
    ];
    const SAME: &'static str = "cùng quyết định, đối tượng, tên và chức vụ, đơn vị";

    fn missing(mapping: &Mapping, existing: &KnownRecipients) -> Vec<Field> {
        let mut out = Vec::new();
        if mapping.column(Field::Form).is_none() && existing.without_form.is_none() {
            out.push(Field::Form);
        }
        if mapping.column(Field::Name).is_none() && mapping.column(Field::CollectiveName).is_none()
        {
            out.push(Field::Name);
        }
        out
    }

    fn parse(cells: &Cells<'_>, existing: &KnownRecipients) -> Result<RecipientRow, Vec<String>> {
        let mut errors = Vec::new();
        let person = cells.get(Field::Name);
        let collective = cells.get(Field::CollectiveName);
        let name = if person.is_empty() {
            collective
        } else {
            person
        };
        let form = values::take(
            &mut errors,
            cell::form(cells, cells.get(Field::Form), existing.without_form).map(Some),
        );
        let given_kind = values::take(&mut errors, cell::kind(cells, cells.get(Field::Kind)));
        let kind = given_kind.unwrap_or(if person.is_empty() && !collective.is_empty() {
            RecipientKind::Collective
        } else if fold(name).starts_with("ho ") {
            RecipientKind::Household
        } else {
            RecipientKind::Individual
        });
        if name.is_empty() {
            errors.push(match kind {
                RecipientKind::Collective => "Thiếu tên tập thể.".into(),
                _ => "Thiếu họ và tên.".into(),
            });
        }
        let sex = values::take(&mut errors, values::sex(cells.get(Field::Sex)))
            .or_else(|| cell::salutation(cells.get(Field::Salutation)));
        let birth_year = values::take(
            &mut errors,
            values::year(cells.get(Field::BirthYear), Field::BirthYear),
        );
        let decision_date = values::take(
            &mut errors,
            values::date(cells.get(Field::DecisionDate), Field::DecisionDate),
        );
        let (Some(form), true) = (form, errors.is_empty()) else {
            return Err(errors);
        };
        let mut recipient = Recipient::new(0, kind, form, name);
        if kind == RecipientKind::Individual {
            recipient.sex = sex;
            recipient.birth_year = birth_year;
        }
        // "Chức vụ" and "Đơn vị công tác" apart are the one "Chức vụ, đơn vị" of the app.
        let position: Vec<&str> = [cells.get(Field::Position), cells.get(Field::Workplace)]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        recipient.position = position.join(", ");
        recipient.achievement = cells.get(Field::Achievement).to_string();
        let recipient = recipient.cleaned();
        recipient.validate().map_err(|e| vec![e.0])?;
        let mut row = RecipientRow {
            decision_number: cells.get(Field::DecisionNumber).to_string(),
            decision_date,
            recipient,
        };
        // A row without a decision goes to the one chosen for such rows, under its number.
        if row.decision_number.is_empty()
            && let Some(decision) = existing.default_decision()
        {
            row.decision_number = decision.number.clone();
            row.decision_date = Some(decision.date);
        }
        Ok(row)
    }

    fn duplicate_key(row: &RecipientRow) -> Option<String> {
        let (kind, name, position) = row.recipient.identity();
        Some(format!(
            "{}\u{1F}{}\u{1F}{name}\u{1F}{position}",
            fold(&row.decision_number),
            kind.code(),
        ))
    }

    /// A stored recipient of the row's decision with the same kind, name and unit is this
    /// one; the update keeps its id and register number.
    fn against_existing(
        row: &mut RecipientRow,
        _: &Cells<'_>,
        existing: &KnownRecipients,
    ) -> (Stored<RecipientRow>, Option<String>) {
        let Some(decision_id) = existing.decision_of(&row.decision_number) else {
            return (Stored::New, None);
        };
        let identity = row.recipient.identity();
        let Some(stored) = existing
            .recipients
            .iter()
            .find(|r| r.decision_id == decision_id && r.identity() == identity)
        else {
            return (Stored::New, None);
        };
        let mut recipient = stored.clone();
        let new = &row.recipient;
        let mut merge = Merge::default();
        merge.value(Field::Form, &mut recipient.form, Some(new.form), |f| {
            f.label().to_string()
        });
        merge.value(Field::Sex, &mut recipient.sex, new.sex.map(Some), |s| {
            optional(s, |s| Sex::label(*s).to_string())
        });
        merge.value(
            Field::BirthYear,
            &mut recipient.birth_year,
            new.birth_year.map(Some),
            |y| optional(y, i32::to_string),
        );
        merge.text(
            Field::Achievement,
            &mut recipient.achievement,
            &new.achievement,
        );
        let update = RecipientRow {
            recipient,
            ..row.clone()
        };
        (merge.into_stored(update), None)
    }
}

/// Reads `path` and previews its recipients against the year's decisions and recipients.
pub fn preview(
    path: &Path,
    existing: &KnownRecipients,
) -> Result<Preview<RecipientRow>, ImportError> {
    Ok(run::<Recipients>(&read(path)?, None, existing))
}
