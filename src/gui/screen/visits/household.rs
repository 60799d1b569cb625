//! A household's form: what is typed, and the household it describes. Households are a
//! records list; removing one is the screen's own (it takes the household's visits of every
//! year with it, and undo puts them all back).

use iced::widget::{Column, column, row};

use super::HOUSEHOLD_NAME;
use super::view::picks;
use crate::domain::{Category, Household, Sex};
use crate::gui::data::{Kind, Snapshot};
use crate::gui::records::{self, Record};
use crate::gui::widget::{Pick, Slot, labelled_pick, submit_field, typed_birth_year};

/// A household's form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdDraft {
    pub name: String,
    pub birth_year: String,
    pub sex: Option<Sex>,
    pub address: String,
    pub category: Category,
    pub phone: String,
    pub notes: String,
}

/// What the form picks from a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HouseholdChoice {
    Sex(Option<Sex>),
    Category(Category),
}

impl HouseholdDraft {
    /// A new household of this category at this address (the filter's, when one is set).
    pub fn new(category: Category, address: &str) -> HouseholdDraft {
        HouseholdDraft {
            name: String::new(),
            birth_year: String::new(),
            sex: None,
            address: address.to_string(),
            category,
            phone: String::new(),
            notes: String::new(),
        }
    }

    /// The household the form describes (`id` 0 for a new one), or the reason it cannot be.
    pub fn household(&self, id: i64) -> Result<Household, String> {
        let birth_year = typed_birth_year(&self.birth_year, 1948)?;
        let household = Household {
            id,
            name: self.name.clone(),
            birth_year,
            sex: self.sex,
            address: self.address.clone(),
            category: self.category,
            phone: self.phone.clone(),
            notes: self.notes.clone(),
        }
        .cleaned();
        household.validate().map_err(|e| e.0)?;
        Ok(household)
    }
}

impl Record for Household {
    type Draft = HouseholdDraft;
    type Choice = HouseholdChoice;
    const KIND: Kind = Kind::Household;
    const FOCUS: &'static str = HOUSEHOLD_NAME;

    fn list(data: &Snapshot) -> &[Self] {
        data.households.roster.all()
    }

    fn blank(_: &Snapshot) -> HouseholdDraft {
        HouseholdDraft::new(Category::Martyr, "")
    }

    fn draft(&self, _: &Snapshot) -> HouseholdDraft {
        HouseholdDraft {
            name: self.name.clone(),
            birth_year: self.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            sex: self.sex,
            address: self.address.clone(),
            category: self.category,
            phone: self.phone.clone(),
            notes: self.notes.clone(),
        }
    }

    fn choose(draft: &mut HouseholdDraft, choice: HouseholdChoice) {
        match choice {
            HouseholdChoice::Sex(sex) => draft.sex = sex,
            HouseholdChoice::Category(category) => draft.category = category,
        }
    }

    fn build(draft: &HouseholdDraft, before: Option<&Self>, _: &Snapshot) -> Result<Self, String> {
        draft.household(before.map_or(0, |b| b.id))
    }

    fn fields(draft: &HouseholdDraft) -> Column<'_, records::Message<Self>> {
        let edit = |slot: Slot<HouseholdDraft>| move |value| records::Message::Edited(slot, value);
        let save = records::Message::Save;
        let chosen = records::Message::Chosen;
        let sexes = picks(
            "Không ghi",
            [Sex::Male, Sex::Female].map(|s| (s, s.label().to_string())),
        );
        let categories = Pick::each(Category::ALL, Category::label);
        column![
            row![
                submit_field(
                    "Họ và tên",
                    "Nguyễn Thị Hằng",
                    &draft.name,
                    HOUSEHOLD_NAME,
                    edit(|d| &mut d.name),
                    save.clone()
                ),
                submit_field(
                    "Năm sinh",
                    "1948",
                    &draft.birth_year,
                    "household-birth-year",
                    edit(|d| &mut d.birth_year),
                    save.clone()
                ),
                labelled_pick("Giới tính", sexes, &draft.sex, move |sex| {
                    chosen(HouseholdChoice::Sex(sex))
                }),
                labelled_pick("Diện", categories, &draft.category, move |category| {
                    chosen(HouseholdChoice::Category(category))
                }),
            ]
            .spacing(10),
            row![
                submit_field(
                    "Địa chỉ",
                    "Tổ 3, Khu phố 1",
                    &draft.address,
                    "household-address",
                    edit(|d| &mut d.address),
                    save.clone()
                ),
                submit_field(
                    "Số điện thoại",
                    "",
                    &draft.phone,
                    "household-phone",
                    edit(|d| &mut d.phone),
                    save.clone()
                ),
                submit_field(
                    "Ghi chú",
                    "",
                    &draft.notes,
                    "household-notes",
                    edit(|d| &mut d.notes),
                    save
                ),
            ]
            .spacing(10),
        ]
    }

    fn label(&self) -> String {
        format!("hộ {}", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_household_form_names_a_bad_year() {
        let mut draft = HouseholdDraft::new(Category::Martyr, "Khu phố 1");
        draft.name = "Nguyễn Văn An".into();
        draft.birth_year = "năm 48".into();
        assert!(draft.household(0).unwrap_err().contains("năm 48"));
        draft.birth_year = "1948".into();
        assert_eq!(draft.household(0).unwrap().birth_year, Some(1948));
    }
}
