//! Gift visits ("Danh sách thăm hỏi, tặng quà"): the household (Họ và tên, Địa chỉ, and when
//! the list has them Diện, Năm sinh, Giới tính, Số điện thoại) and the visit (Ngày thăm,
//! Người thăm, Quà tặng, Giá trị, Số lượng, Nguồn kinh phí, Trạng thái).

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::field::Field;
use super::households::identity_key;
use super::mapping::Mapping;
use super::merge::Merge;
use super::preview::{Cells, Kind, Preview, Stored, run};
use super::sheet::read;
use super::{ImportError, values};
use crate::domain::{Category, Household, KnownHouseholds, Sex, Visit, VisitStatus};
use crate::text::{clean_line, fold, money};

/// What a visit list is compared with: the stored households and the year's visits.
#[derive(Debug, Clone, Default)]
pub struct KnownVisits {
    pub households: KnownHouseholds,
    by_identity: HashMap<(i64, Option<NaiveDate>, String), Visit>,
}

impl KnownVisits {
    pub fn new(households: &[Household], visits: &[Visit]) -> KnownVisits {
        KnownVisits {
            households: KnownHouseholds::new(households),
            by_identity: visits.iter().map(|v| (v.identity(), v.clone())).collect(),
        }
    }
}

/// One row of a visit list: the household it names and the visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitRow {
    pub name: String,
    pub address: String,
    /// `None` when the list has no category: an existing household keeps its own.
    pub category: Option<Category>,
    pub birth_year: Option<i32>,
    pub sex: Option<Sex>,
    pub phone: String,
    /// `household_id` is 0: the caller finds or creates the household.
    pub visit: Visit,
    /// The household is among the stored ones (`KnownHouseholds::find`); then
    /// `visit.household_id` is its id.
    pub known: bool,
}

impl VisitRow {
    /// The household to create when it is not stored yet ("Khác" without a category).
    pub fn household(&self) -> Household {
        let mut h = Household::new(
            &self.name,
            &self.address,
            self.category.unwrap_or(Category::Other),
        );
        h.birth_year = self.birth_year;
        h.sex = self.sex;
        h.phone = self.phone.clone();
        h
    }
}

pub struct Visits;

fn status(text: &str) -> Result<VisitStatus, String> {
    VisitStatus::parse(text).ok_or_else(|| {
        let accepted: Vec<&str> = VisitStatus::ALL.iter().map(|s| s.label()).collect();
        format!(
            "Trạng thái “{text}” không rõ (nhận: {}).",
            accepted.join(", ")
        )
    })
}

impl Kind for Visits {
    type Row = VisitRow;
    type Existing = KnownVisits;
    const FIELDS: &'static [Field] = &[
        Field::Name,
        Field::Address,
        Field::Category,
        Field::BirthYear,
        Field::Sex,
        Field::Phone,
        Field::VisitDate,
        Field::Delegation,
        Field::Gift,
        Field::Value,
        Field::Quantity,
        Field::Source,
        Field::Status,
    ];
    const SAME: &'static str = "cùng hộ, ngày thăm và quà";

    fn missing(mapping: &Mapping, _: &Self::Existing) -> Vec<Field> {
        let mut out = Vec::new();
        if mapping.column(Field::Name).is_none() {
            out.push(Field::Name);
        }
        if mapping.column(Field::Gift).is_none() && mapping.column(Field::Value).is_none() {
            out.push(Field::Gift);
        }
        out
    }

    fn parse(cells: &Cells<'_>, _: &Self::Existing) -> Result<VisitRow, Vec<String>> {
        let mut errors = Vec::new();
        let c = |f| clean_line(cells.get(f)).trim().to_string();
        let name = values::required(&mut errors, &c(Field::Name), Field::Name);
        let category_text = cells.get(Field::Category);
        let category = if category_text.is_empty() {
            None
        } else {
            values::take(&mut errors, values::category(category_text).map(Some))
        };
        let birth_year = values::take(
            &mut errors,
            values::year(cells.get(Field::BirthYear), Field::BirthYear),
        );
        let sex = values::take(&mut errors, values::sex(cells.get(Field::Sex)));
        let date = values::take(
            &mut errors,
            values::date(cells.get(Field::VisitDate), Field::VisitDate),
        );
        let value = values::take(
            &mut errors,
            values::money(cells.get(Field::Value), Field::Value),
        );
        let quantity = values::take(&mut errors, values::quantity(cells.get(Field::Quantity)));
        let status = values::take(&mut errors, status(cells.get(Field::Status)).map(Some));
        let gift = c(Field::Gift);
        if errors.is_empty() && gift.is_empty() && value == 0 {
            errors.push("Thiếu quà tặng hoặc giá trị.".into());
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut visit = Visit::new(0, &gift, value);
        visit.date = date;
        visit.quantity = quantity;
        visit.delegation = c(Field::Delegation);
        visit.source = c(Field::Source);
        visit.status = status.unwrap_or(VisitStatus::Planned);
        visit.validate().map_err(|e| vec![e.0])?;
        Ok(VisitRow {
            name,
            address: c(Field::Address),
            category,
            birth_year,
            sex,
            phone: values::phone(cells.get(Field::Phone)),
            visit,
            known: false,
        })
    }

    fn duplicate_key(row: &VisitRow) -> Option<String> {
        let date = row.visit.date.map(|d| d.to_string()).unwrap_or_default();
        Some(format!(
            "{}\u{1F}{date}\u{1F}{}",
            identity_key(&row.name, &row.address, row.birth_year),
            fold(&row.visit.gift)
        ))
    }

    /// The household is found as a households import finds it; a stored visit of that
    /// household with the same date and gift is this one.
    fn against_existing(
        row: &mut VisitRow,
        cells: &Cells<'_>,
        existing: &KnownVisits,
    ) -> (Stored<VisitRow>, Option<String>) {
        let household = existing
            .households
            .find(&row.name, &row.address, row.birth_year);
        row.known = household.is_some();
        let Some(household) = household else {
            let warning = (!existing.households.is_empty()).then(|| {
                "Chưa có hộ này trong danh sách (họ tên, địa chỉ và năm sinh): sẽ thêm hộ mới."
                    .to_string()
            });
            return (Stored::New, warning);
        };
        row.visit.household_id = household.id;
        let Some(stored) = existing.by_identity.get(&row.visit.identity()) else {
            return (Stored::New, None);
        };
        let mut visit = stored.clone();
        let mut merge = Merge::default();
        let new = &row.visit;
        merge.text(Field::Delegation, &mut visit.delegation, &new.delegation);
        let given = |f| !cells.get(f).is_empty();
        merge.value(
            Field::Value,
            &mut visit.value,
            given(Field::Value).then_some(new.value),
            |v| money(*v),
        );
        merge.value(
            Field::Quantity,
            &mut visit.quantity,
            given(Field::Quantity).then_some(new.quantity),
            u32::to_string,
        );
        merge.text(Field::Source, &mut visit.source, &new.source);
        merge.value(
            Field::Status,
            &mut visit.status,
            given(Field::Status).then_some(new.status),
            |s| s.label().to_string(),
        );
        let update = VisitRow {
            visit,
            ..row.clone()
        };
        (merge.into_stored(update), None)
    }
}

/// Reads `path` and previews its visits against the stored households and visits.
pub fn preview(path: &Path, existing: &KnownVisits) -> Result<Preview<VisitRow>, ImportError> {
    Ok(run::<Visits>(&read(path)?, None, existing))
}
