//! Hộ gia đình: the policy families and families in hardship the committee visits with gifts.
//! Households outlive a year: the same list is visited again next year.

use super::{Invalid, required, tidy};
use crate::text::fold;

/// Diện: why the household is on the list. The order is the order of lists and totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Martyr,
    WarInvalid,
    SickSoldier,
    MeritoriousPerson,
    HeroicMother,
    Poor,
    NearPoor,
    Hardship,
    Student,
    Other,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Martyr,
        Category::WarInvalid,
        Category::SickSoldier,
        Category::MeritoriousPerson,
        Category::HeroicMother,
        Category::Poor,
        Category::NearPoor,
        Category::Hardship,
        Category::Student,
        Category::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Martyr => "Gia đình liệt sĩ",
            Category::WarInvalid => "Thương binh",
            Category::SickSoldier => "Bệnh binh",
            Category::MeritoriousPerson => "Người có công",
            Category::HeroicMother => "Mẹ Việt Nam anh hùng",
            Category::Poor => "Hộ nghèo",
            Category::NearPoor => "Hộ cận nghèo",
            Category::Hardship => "Hoàn cảnh khó khăn",
            Category::Student => "Học sinh vượt khó",
            Category::Other => "Khác",
        }
    }

    /// Stable text stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Category::Martyr => "liet_si",
            Category::WarInvalid => "thuong_binh",
            Category::SickSoldier => "benh_binh",
            Category::MeritoriousPerson => "nguoi_co_cong",
            Category::HeroicMother => "me_vnah",
            Category::Poor => "ho_ngheo",
            Category::NearPoor => "ho_can_ngheo",
            Category::Hardship => "kho_khan",
            Category::Student => "hoc_sinh",
            Category::Other => "khac",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    /// What secretaries write in a "Diện" column: the label with or without accents, in any
    /// case, and the usual short forms ("GĐLS", "TB", "Mẹ VNAH", "Nghèo").
    pub fn parse(text: &str) -> Option<Category> {
        let key: String = fold(text).chars().filter(|c| c.is_alphanumeric()).collect();
        if key.is_empty() {
            return None;
        }
        if let Some(found) = Category::ALL.into_iter().find(|c| {
            let label: String = fold(c.label())
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            label == key || c.code().replace('_', "") == key
        }) {
            return Some(found);
        }
        let alias = match key.as_str() {
            "gdls" | "lietsi" | "thannhanlietsi" | "giadinhlietsy" | "lietsy" => Category::Martyr,
            "tb" | "thuongbinhnang" | "giadinhthuongbinh" | "nguoihuongchinhsachnhuthuongbinh" => {
                Category::WarInvalid
            }
            "bb" | "giadinhbenhbinh" => Category::SickSoldier,
            "ncc" | "nguoicocongvoicachmang" | "giadinhcocong" | "giadinhcocongvoicachmang" => {
                Category::MeritoriousPerson
            }
            "mevnah" | "mevietnamanhhung" | "meanhhung" | "bamevietnamanhhung" => {
                Category::HeroicMother
            }
            "ngheo" | "hn" => Category::Poor,
            "canngheo" | "hcn" => Category::NearPoor,
            "khokhan" | "hckk" | "hoankhokhan" | "giadinhkhokhan" | "hokhokhan" => {
                Category::Hardship
            }
            "hocsinh" | "hocsinhngheovuotkho" | "hsvk" | "hocsinhngheo" => Category::Student,
            "khac" | "other" => Category::Other,
            _ => return None,
        };
        Some(alias)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "Nam",
            Sex::Female => "Nữ",
        }
    }

    /// "Ông" / "Bà" before a person's name in documents.
    pub fn honorific(self) -> &'static str {
        match self {
            Sex::Male => "Ông",
            Sex::Female => "Bà",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "nam",
            Sex::Female => "nu",
        }
    }

    pub fn from_code(code: &str) -> Option<Sex> {
        match code {
            "nam" => Some(Sex::Male),
            "nu" => Some(Sex::Female),
            _ => None,
        }
    }

    /// "Nam", "Nữ", "nu", "Ông", "Bà", "M", "F", "x" is not a sex.
    pub fn parse(text: &str) -> Option<Sex> {
        match fold(text.trim()).as_str() {
            "nam" | "ong" | "m" | "male" => Some(Sex::Male),
            "nu" | "ba" | "f" | "female" => Some(Sex::Female),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Household {
    pub id: i64,
    /// The head of the household (or the person visited), full name.
    pub name: String,
    pub birth_year: Option<i32>,
    pub sex: Option<Sex>,
    /// Thôn/tổ/khu phố, as the committee writes it ("Khu phố 3", "Tổ 5, Khu phố 2").
    pub address: String,
    pub category: Category,
    pub phone: String,
    pub notes: String,
}

impl Household {
    pub fn new(name: &str, address: &str, category: Category) -> Household {
        Household {
            id: 0,
            name: name.to_string(),
            birth_year: None,
            sex: None,
            address: address.to_string(),
            category,
            phone: String::new(),
            notes: String::new(),
        }
    }

    pub fn cleaned(&self) -> Household {
        let mut h = self.clone();
        tidy([&mut h.name, &mut h.address, &mut h.phone, &mut h.notes]);
        h
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(&self.name, "Họ và tên không được để trống.")?;
        if let Some(year) = self.birth_year
            && !(1880..=2100).contains(&year)
        {
            return Err(Invalid(format!(
                "Năm sinh {year} không hợp lệ (từ 1880 đến 2100)."
            )));
        }
        Ok(())
    }

    /// Name and address with accents, case and spacing folded as in search ([`fold`]): with
    /// the year of birth, the rule by which an import recognises a stored household (see
    /// [`super::KnownHouseholds`]) and rejects a second row for the same household.
    pub fn identity(name: &str, address: &str) -> (String, String) {
        (fold(name), fold(address))
    }

    pub fn identity_key(&self) -> (String, String) {
        Household::identity(&self.name, &self.address)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_parse_from_what_secretaries_write() {
        assert_eq!(Category::parse("Gia đình liệt sĩ"), Some(Category::Martyr));
        assert_eq!(Category::parse("GIA DINH LIET SI"), Some(Category::Martyr));
        assert_eq!(Category::parse("GĐLS"), Some(Category::Martyr));
        assert_eq!(Category::parse("Mẹ VNAH"), Some(Category::HeroicMother));
        assert_eq!(Category::parse("hộ cận nghèo"), Some(Category::NearPoor));
        assert_eq!(Category::parse("Hộ nghèo"), Some(Category::Poor));
        assert_eq!(Category::parse("Khó khăn"), Some(Category::Hardship));
        assert_eq!(Category::parse("Cựu chiến binh"), None);
        assert_eq!(Category::parse(""), None);
        for c in Category::ALL {
            assert_eq!(Category::parse(c.label()), Some(c));
            assert_eq!(Category::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn sex_and_honorific() {
        assert_eq!(Sex::parse("Nữ"), Some(Sex::Female));
        assert_eq!(Sex::parse(" nam "), Some(Sex::Male));
        assert_eq!(Sex::parse("x"), None);
        assert_eq!(Sex::Female.honorific(), "Bà");
    }

    #[test]
    fn identity_folds_accents_case_spacing_and_decomposed_marks() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ha\u{306}\u{300}ng";
        assert_eq!(
            Household::identity(nfd, "khu phố  3"),
            Household::identity("NGUYỄN THỊ HẰNG", "Khu phố 3")
        );
        assert_eq!(
            Household::identity("Nguyen Thi Hang", "KHU PHO 3"),
            Household::identity("Nguyễn Thị Hằng", "Khu phố 3")
        );
        assert_ne!(
            Household::identity("Nguyễn Thị Hằng", "Khu phố 3"),
            Household::identity("Nguyễn Thị Hằng", "Khu phố 4")
        );
    }

    #[test]
    fn validation_names_the_problem() {
        let mut h = Household::new(" ", "Khu phố 1", Category::Poor);
        assert!(h.validate().unwrap_err().0.contains("Họ và tên"));
        h.name = "Lê Văn Tám".into();
        h.birth_year = Some(3000);
        assert!(h.validate().unwrap_err().0.contains("3000"));
    }
}
