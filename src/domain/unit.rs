//! The organising unit: who holds the day. It is data, not a constant: since 1 July 2025
//! districts no longer exist, but earlier years were run by them.

use super::report::EmptyRows;
use super::{Invalid, required, tidy, tidy_line};
use crate::text::fold;

/// Administrative level of the organising unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Province,
    District,
    Commune,
    Ward,
    Township,
    SpecialZone,
}

impl Level {
    pub const ALL: [Level; 6] = [
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Ward,
        Level::Township,
        Level::SpecialZone,
    ];

    /// The level a unit's name starts with ("Xã Đông Hưng" → commune) and how many words
    /// that takes; accents and case do not matter. "Thành phố" is a province since 1 July 2025
    /// (cities below a province are gone), "Quận", "Huyện" and "Thị xã" the old district level.
    pub fn in_name(name: &str) -> Option<(Level, usize)> {
        const PREFIXES: [(&str, Level); 9] = [
            ("thanh pho ", Level::Province),
            ("thi tran ", Level::Township),
            ("dac khu ", Level::SpecialZone),
            ("thi xa ", Level::District),
            ("phuong ", Level::Ward),
            ("huyen ", Level::District),
            ("quan ", Level::District),
            ("tinh ", Level::Province),
            ("xa ", Level::Commune),
        ];
        let folded = fold(name.trim_start());
        PREFIXES
            .iter()
            .find(|(prefix, _)| folded.starts_with(prefix))
            .map(|(prefix, level)| (*level, prefix.split_whitespace().count()))
    }

    /// Stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Level::Province => "tinh",
            Level::District => "huyen",
            Level::Commune => "xa",
            Level::Ward => "phuong",
            Level::Township => "thi_tran",
            Level::SpecialZone => "dac_khu",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.code() == code)
    }

    /// What the secretary reads in lists.
    pub fn label(self) -> &'static str {
        match self {
            Level::Province => "Tỉnh/thành phố",
            Level::District => "Huyện/quận/thị xã (trước năm 2025)",
            Level::Commune => "Xã",
            Level::Ward => "Phường",
            Level::Township => "Thị trấn",
            Level::SpecialZone => "Đặc khu",
        }
    }

    /// Accepts the Vietnamese word with or without diacritics, in any case:
    /// "phường", "Phuong", "thi tran", "thành phố", "quận", "dac_khu".
    pub fn parse(input: &str) -> Option<Level> {
        let word = fold(&input.replace(['_', '-'], " "));
        let level = match word.as_str() {
            "tinh" | "thanh pho" | "tinh/thanh pho" | "tinh thanh pho" => Level::Province,
            "huyen" | "quan" | "thi xa" | "huyen/quan/thi xa" => Level::District,
            "xa" => Level::Commune,
            "phuong" => Level::Ward,
            "thi tran" => Level::Township,
            "dac khu" => Level::SpecialZone,
            _ => return None,
        };
        Some(level)
    }

    /// Districts were abolished on 1 July 2025, so their last yearly event was in 2024.
    pub fn allowed_in(self, year: i32) -> bool {
        self != Level::District || year <= 2024
    }

    /// Where the level sits in the hierarchy: 0 the province, 1 the old district, 2 the
    /// communes, wards, townships and special zones that organise the day.
    fn rank(self) -> u8 {
        match self {
            Level::Province => 0,
            Level::District => 1,
            _ => 2,
        }
    }

    /// Whether a unit of this level takes in and consolidates the reports of `year`: a
    /// province or city always, a district for the years it existed (before 2025).
    pub fn consolidates(self, year: i32) -> bool {
        self.rank() < 2 && self.allowed_in(year)
    }

    /// Whether a unit of this level may send its report of `year` to a unit of `above`: any
    /// level above it that consolidates (a province may take a commune's report directly,
    /// even before 2025).
    pub fn reports_to(self, above: Level, year: i32) -> bool {
        self.rank() > above.rank() && above.consolidates(year)
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The organising unit. One per data file; issuers and signers of single documents are
/// set per document, with these values as defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Full name as written in documents, e.g. "Phường Chợ Quán".
    pub name: String,
    pub level: Level,
    /// Parent province or city, e.g. "Thành phố Hồ Chí Minh".
    pub province: String,
    /// Place name of date lines: "Chợ Quán, ngày 15 tháng 8 năm 2026".
    pub place: String,
    /// The steering committee's full name.
    pub committee: String,
    /// Symbol of the committee's documents, as in "Số: 05/BC-BCĐ".
    pub symbol: String,
    pub head_name: String,
    pub secretary_name: String,
    /// How the unit's register writes its numbers ("Số vào sổ: 007").
    pub register_digits: RegisterDigits,
    /// Whether the report's PDF keeps the rows never entered: the secretary's last choice.
    pub empty_rows: EmptyRows,
}

/// The digits of a register number: registers differ from unit to unit ("01", "001",
/// "0001", or no leading zeros), so the unit says how many, from 1 to 6; a larger number
/// prints whole. Three by default, as most registers are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RegisterDigits(u8);

impl RegisterDigits {
    pub const ALL: [RegisterDigits; 6] = [
        RegisterDigits(1),
        RegisterDigits(2),
        RegisterDigits(3),
        RegisterDigits(4),
        RegisterDigits(5),
        RegisterDigits(6),
    ];

    /// `None` outside 1 to 6.
    pub fn new(digits: u8) -> Option<RegisterDigits> {
        (1..=6).contains(&digits).then_some(RegisterDigits(digits))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// "007": a register number as every paper and screen prints it.
    pub fn number(self, n: u32) -> String {
        format!("{n:0width$}", width = usize::from(self.0))
    }
}

impl Default for RegisterDigits {
    fn default() -> RegisterDigits {
        RegisterDigits(3)
    }
}

/// The choice as the settings list shows it: "3 chữ số (007)".
impl std::fmt::Display for RegisterDigits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} chữ số ({})", self.0, self.number(7))
    }
}

impl Unit {
    /// A unit with the given name and level and sensible defaults for the rest.
    pub fn new(name: &str, level: Level, province: &str, place: &str) -> Unit {
        let name = tidy_line(name);
        Unit {
            committee: default_committee(&name),
            name,
            level,
            province: tidy_line(province),
            place: tidy_line(place),
            symbol: "BCĐ".to_string(),
            head_name: String::new(),
            secretary_name: String::new(),
            register_digits: RegisterDigits::default(),
            empty_rows: EmptyRows::default(),
        }
    }

    /// Every text normalised the way it is stored: NFC, no control characters, trimmed.
    pub fn cleaned(&self) -> Unit {
        let mut unit = self.clone();
        tidy([
            &mut unit.name,
            &mut unit.province,
            &mut unit.place,
            &mut unit.committee,
            &mut unit.symbol,
            &mut unit.head_name,
            &mut unit.secretary_name,
        ]);
        unit
    }

    /// The people's committee of the unit: "Ủy ban nhân dân phường Chợ Quán".
    pub fn people_committee(&self) -> String {
        format!("Ủy ban nhân dân {}", lowercase_level_word(&self.name))
    }

    /// Checks what documents cannot do without.
    pub fn validate(&self) -> Result<(), Invalid> {
        let needed = [
            (&self.name, "Tên đơn vị"),
            (&self.province, "Tỉnh/thành phố"),
            (&self.place, "Địa danh ghi ngày tháng"),
            (&self.committee, "Tên Ban Chỉ đạo"),
        ];
        for (value, label) in needed {
            required(value, &format!("{label} không được để trống."))?;
        }
        Ok(())
    }
}

/// The usual full name of the committee for a unit.
pub fn default_committee(unit_name: &str) -> String {
    let place = lowercase_level_word(unit_name);
    let base = "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc";
    if place.is_empty() {
        base.to_string()
    } else {
        format!("{base} {place}")
    }
}

/// "Phường Chợ Quán" → "phường Chợ Quán": inside a sentence the level word is lower case.
fn lowercase_level_word(name: &str) -> String {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    let first_lower = first.to_lowercase();
    let is_level_word = matches!(
        fold(first).as_str(),
        "phuong" | "xa" | "huyen" | "quan" | "tinh" | "thi" | "dac" | "thanh"
    );
    let rest: Vec<&str> = words.collect();
    let head = if is_level_word {
        first_lower
    } else {
        first.to_string()
    };
    std::iter::once(head.as_str())
        .chain(rest)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_parses_with_or_without_diacritics() {
        assert_eq!(Level::parse("phường"), Some(Level::Ward));
        assert_eq!(Level::parse("phuong"), Some(Level::Ward));
        assert_eq!(Level::parse("PHƯỜNG"), Some(Level::Ward));
        assert_eq!(Level::parse("Thị trấn"), Some(Level::Township));
        assert_eq!(Level::parse("thi_tran"), Some(Level::Township));
        assert_eq!(Level::parse("đặc khu"), Some(Level::SpecialZone));
        assert_eq!(Level::parse("thành phố"), Some(Level::Province));
        assert_eq!(Level::parse("quận"), Some(Level::District));
        assert_eq!(Level::parse("xã"), Some(Level::Commune));
        assert_eq!(Level::parse("thôn"), None);
    }

    #[test]
    fn level_codes_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Some(level));
        }
    }

    #[test]
    fn districts_end_with_2024() {
        assert!(Level::District.allowed_in(2024));
        assert!(!Level::District.allowed_in(2025));
        assert!(Level::Ward.allowed_in(2026));
    }

    #[test]
    fn provinces_and_old_districts_consolidate() {
        assert!(Level::Province.consolidates(2026));
        assert!(Level::District.consolidates(2024));
        assert!(!Level::District.consolidates(2025));
        assert!(!Level::Ward.consolidates(2026));
        assert!(Level::Ward.reports_to(Level::Province, 2026));
        assert!(Level::Commune.reports_to(Level::District, 2024));
        assert!(!Level::Commune.reports_to(Level::District, 2025));
        assert!(Level::District.reports_to(Level::Province, 2024));
        assert!(!Level::Province.reports_to(Level::Province, 2026));
        assert!(!Level::Ward.reports_to(Level::Commune, 2026));
    }

    #[test]
    fn register_numbers_print_with_the_units_digits() {
        let digits = |d| RegisterDigits::new(d).unwrap();
        assert_eq!(RegisterDigits::default().number(7), "007");
        assert_eq!(digits(1).number(7), "7");
        assert_eq!(digits(2).number(7), "07");
        assert_eq!(digits(4).number(7), "0007");
        assert_eq!(digits(6).number(7), "000007");
        // A number longer than the digits prints whole, never cut.
        assert_eq!(digits(2).number(1234), "1234");
        assert_eq!(RegisterDigits::new(0), None);
        assert_eq!(RegisterDigits::new(7), None);
        assert_eq!(digits(4).to_string(), "4 chữ số (0007)");
    }

    #[test]
    fn committee_name_lowercases_the_level_word() {
        assert_eq!(
            default_committee("Phường Chợ Quán"),
            "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc phường Chợ Quán"
        );
    }

    #[test]
    fn new_unit_is_cleaned_and_validated() {
        let unit = Unit::new(
            "  Phu\u{031B}o\u{031B}\u{0300}ng Chợ Quán\r",
            Level::Ward,
            "TP. Hồ Chí Minh",
            "Chợ Quán",
        );
        assert_eq!(unit.name, "Phường Chợ Quán");
        assert!(unit.validate().is_ok());
        let empty = Unit::new("", Level::Ward, "x", "y");
        assert_eq!(
            empty.validate().unwrap_err().0,
            "Tên đơn vị không được để trống."
        );
    }
}
