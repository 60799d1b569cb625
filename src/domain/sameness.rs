//! What counts as the same record when a list is imported again: a household by name,
//! address and year of birth, a visit by household, date and gift, a recipient by decision,
//! kind, name and unit. Texts are compared with accents, case and spacing folded as in
//! search ([`fold`]), so "Nguyen Van An" typed without accents is the stored "Nguyễn Văn An".

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Household, Recipient, RecipientKind, Visit};
use crate::text::fold;

/// The stored households, found by name, address and year of birth.
#[derive(Debug, Clone, Default)]
pub struct KnownHouseholds {
    by_identity: HashMap<(String, String), Vec<Household>>,
}

impl KnownHouseholds {
    pub fn new<'a>(households: impl IntoIterator<Item = &'a Household>) -> KnownHouseholds {
        let mut known = KnownHouseholds::default();
        for h in households {
            known.add(h.clone());
        }
        known
    }

    pub fn add(&mut self, household: Household) {
        self.by_identity
            .entry(household.identity_key())
            .or_default()
            .push(household);
    }

    pub fn is_empty(&self) -> bool {
        self.by_identity.is_empty()
    }

    /// The stored household with the same folded name and address and the same year of
    /// birth. A year missing on either side does not tell two people apart (the first list
    /// had no year, the second has one), but two different years do (a father and a son of
    /// the same name at the same address). With a year given, a stored household of exactly
    /// that year wins over one without a year.
    pub fn find(&self, name: &str, address: &str, birth_year: Option<i32>) -> Option<&Household> {
        let candidates = self.by_identity.get(&Household::identity(name, address))?;
        candidates
            .iter()
            .find(|h| birth_year.is_some() && h.birth_year == birth_year)
            .or_else(|| {
                candidates
                    .iter()
                    .find(|h| birth_year.is_none() || h.birth_year.is_none())
            })
    }
}

impl Visit {
    /// Household, date and gift (folded): two visits with the same identity are the same.
    pub fn identity(&self) -> (i64, Option<NaiveDate>, String) {
        (self.household_id, self.date, fold(&self.gift))
    }
}

impl Recipient {
    /// Kind, name and unit (chức vụ, đơn vị), folded: within one decision, the same
    /// recipient. The decision holds at most one recipient of each identity, so a register
    /// number is never issued twice to the same recipient of the same decision.
    pub fn identity(&self) -> (RecipientKind, String, String) {
        (self.kind, fold(&self.name), fold(&self.position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Category, Form};

    fn household(id: i64, name: &str, birth_year: Option<i32>) -> Household {
        let mut h = Household::new(name, "Khu phố 3", Category::Poor);
        h.id = id;
        h.birth_year = birth_year;
        h
    }

    #[test]
    fn a_household_is_found_by_folded_name_address_and_year() {
        let known = KnownHouseholds::new(&[
            household(1, "Nguyễn Văn An", Some(1950)),
            household(2, "Nguyễn Văn An", Some(1978)),
            household(3, "Lê Thị Bình", None),
        ]);
        let id = |name, year| known.find(name, "KHU PHO 3", year).map(|h| h.id);
        assert_eq!(id("nguyen van an", Some(1978)), Some(2));
        assert_eq!(id("Nguyễn Văn An", Some(1950)), Some(1));
        assert_eq!(id("Nguyễn Văn An", None), Some(1));
        assert_eq!(id("Nguyễn Văn An", Some(2001)), None, "another person");
        assert_eq!(id("Le Thi Binh", Some(1960)), Some(3));
        assert_eq!(known.find("Lê Thị Bình", "Khu phố 4", None), None);
    }

    #[test]
    fn visits_and_recipients_compare_folded() {
        let mut a = Visit::new(7, "Tiền mặt và quà", 500_000);
        let mut b = Visit::new(7, "tien mat va qua", 1_000_000);
        assert_eq!(
            a.identity(),
            b.identity(),
            "the value is not part of what a visit is"
        );
        b.date = NaiveDate::from_ymd_opt(2026, 8, 1);
        assert_ne!(a.identity(), b.identity());
        a.date = b.date;
        a.household_id = 8;
        assert_ne!(a.identity(), b.identity());

        let mut r = Recipient::new(
            1,
            RecipientKind::Individual,
            Form::Certificate,
            "Lê Văn Tám",
        );
        r.position = "Tổ trưởng tổ 5".into();
        let mut s = Recipient::new(1, RecipientKind::Individual, Form::Merit, "LE VAN TAM");
        s.position = "to truong to 5".into();
        assert_eq!(r.identity(), s.identity());
        s.position = "Tổ phó tổ 5".into();
        assert_ne!(r.identity(), s.identity());
    }
}
