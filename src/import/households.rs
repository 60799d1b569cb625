//! Households ("Danh sách hộ gia đình chính sách"): Họ và tên, Năm sinh, Giới tính, Địa chỉ,
//! Diện, Số điện thoại, Ghi chú. Name and category are required.

use std::collections::HashSet;
use std::path::Path;

use super::field::Field;
use super::mapping::Mapping;
use super::preview::{Cells, Kind, Preview, run};
use super::sheet::{Sheet, read};
use super::{ImportError, values};
use crate::domain::Household;

/// `Household::identity` of the households already stored.
pub type Identities = HashSet<(String, String)>;

pub struct Households;

pub(crate) fn identity_key((name, address): &(String, String)) -> String {
    format!("{name}\u{1F}{address}")
}

impl Kind for Households {
    type Row = Household;
    type Existing = Identities;
    const FIELDS: &'static [Field] = &[
        Field::Name,
        Field::BirthYear,
        Field::Sex,
        Field::Address,
        Field::Category,
        Field::Phone,
        Field::Notes,
    ];

    fn missing(mapping: &Mapping) -> Vec<Field> {
        [Field::Name, Field::Category]
            .into_iter()
            .filter(|&f| mapping.column(f).is_none())
            .collect()
    }

    fn parse(cells: &Cells<'_>) -> Result<Household, Vec<String>> {
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
        Some(identity_key(&row.identity_key()))
    }

    fn duplicate_reason(first: usize) -> String {
        format!("Trùng với dòng {first} (cùng họ tên và địa chỉ).")
    }

    fn against_existing(row: &mut Household, existing: &Identities) -> Option<String> {
        existing
            .contains(&row.identity_key())
            .then(|| "Có thể trùng: danh sách đã có hộ cùng họ tên và địa chỉ.".to_string())
    }
}

/// Reads `path` and previews its households, the columns detected from the header.
pub fn preview(path: &Path, existing: &Identities) -> Result<Preview<Household>, ImportError> {
    Ok(preview_sheet(&read(path)?, None, existing))
}

/// The same with the columns the user chose.
pub fn preview_with(
    path: &Path,
    mapping: &Mapping,
    existing: &Identities,
) -> Result<Preview<Household>, ImportError> {
    Ok(preview_sheet(&read(path)?, Some(mapping), existing))
}

/// Parses a sheet already read (to re-parse after a mapping change without reading again).
pub fn preview_sheet(
    sheet: &Sheet,
    mapping: Option<&Mapping>,
    existing: &Identities,
) -> Preview<Household> {
    run::<Households>(sheet, mapping, existing)
}
