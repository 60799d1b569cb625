//! Households ("Danh sách hộ gia đình chính sách"): Họ và tên, Năm sinh, Giới tính, Địa chỉ,
//! Diện, Số điện thoại, Ghi chú. Name and category are required.

use std::path::Path;

use super::field::Field;
use super::mapping::Mapping;
use super::merge::{Merge, optional};
use super::preview::{Cells, Kind, Preview, Stored, run};
use super::sheet::read;
use super::{ImportError, values};
use crate::domain::{Household, KnownHouseholds, Sex};

pub struct Households;

/// A household within one file: `Household::identity` and the year of birth.
pub(crate) fn identity_key(name: &str, address: &str, birth_year: Option<i32>) -> String {
    let (name, address) = Household::identity(name, address);
    let year = birth_year.map(|y| y.to_string()).unwrap_or_default();
    format!("{name}\u{1F}{address}\u{1F}{year}")
}

impl Kind for Households {
    type Row = Household;
    type Existing = KnownHouseholds;
    const FIELDS: &'static [Field] = &[
        Field::Name,
        Field::BirthYear,
        Field::Sex,
        Field::Address,
        Field::Category,
        Field::Phone,
        Field::Notes,
    ];
    const SAME: &'static str = "cùng họ tên, địa chỉ và năm sinh";

    fn missing(mapping: &Mapping, _: &Self::Existing) -> Vec<Field> {
        [Field::Name, Field::Category]
            .into_iter()
            .filter(|&f| mapping.column(f).is_none())
            .collect()
    }

    fn parse(cells: &Cells<'_>, _: &Self::Existing) -> Result<Household, Vec<String>> {
        let mut errors = Vec::new();
        let name = values::required(&mut errors, cells.get(Field::Name), Field::Name);
        let category = values::take(
            &mut errors,
            values::category(cells.get(Field::Category)).map(Some),
        );
        let birth_year = values::take(
            &mut errors,
            values::year(cells.get(Field::BirthYear), Field::BirthYear),
        );
        let sex = values::take(&mut errors, values::sex(cells.get(Field::Sex)));
        match category {
            Some(category) if errors.is_empty() => {
                let mut household = Household::new(&name, cells.get(Field::Address), category);
                household.birth_year = birth_year;
                household.sex = sex;
                household.phone = values::phone(cells.get(Field::Phone));
                household.notes = cells.get(Field::Notes).to_string();
                let household = household.cleaned();
                household.validate().map_err(|e| vec![e.0])?;
                Ok(household)
            }
            _ => Err(errors),
        }
    }

    fn duplicate_key(row: &Household) -> Option<String> {
        Some(identity_key(&row.name, &row.address, row.birth_year))
    }

    /// A stored household of the same name, address and year of birth is this one; the
    /// update keeps its id and takes every value the row gives.
    fn against_existing(
        row: &mut Household,
        cells: &Cells<'_>,
        existing: &KnownHouseholds,
    ) -> (Stored<Household>, Option<String>) {
        let Some(stored) = existing.find(&row.name, &row.address, row.birth_year) else {
            return (Stored::New, None);
        };
        let mut update = stored.clone();
        let mut merge = Merge::default();
        merge.value(
            Field::BirthYear,
            &mut update.birth_year,
            row.birth_year.map(Some),
            |y| optional(y, i32::to_string),
        );
        merge.value(Field::Sex, &mut update.sex, row.sex.map(Some), |s| {
            optional(s, |s| Sex::label(*s).to_string())
        });
        merge.value(
            Field::Category,
            &mut update.category,
            cells.has(Field::Category).then_some(row.category),
            |c| c.label().to_string(),
        );
        merge.text(Field::Phone, &mut update.phone, &row.phone);
        merge.text(Field::Notes, &mut update.notes, &row.notes);
        (merge.into_stored(update), None)
    }
}

/// Reads `path` and previews its households, the columns detected from the header.
pub fn preview(path: &Path, existing: &KnownHouseholds) -> Result<Preview<Household>, ImportError> {
    Ok(run::<Households>(&read(path)?, None, existing))
}

/// The same with the columns the user chose.
pub fn preview_with(
    path: &Path,
    mapping: &Mapping,
    existing: &KnownHouseholds,
) -> Result<Preview<Household>, ImportError> {
    Ok(run::<Households>(&read(path)?, Some(mapping), existing))
}
