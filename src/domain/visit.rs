//! Thăm hỏi, tặng quà: one gift visit to one household in one year's campaign.

use chrono::NaiveDate;

use super::{Invalid, tidy};
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VisitStatus {
    Planned,
    Done,
    Cancelled,
}

impl VisitStatus {
    pub const ALL: [VisitStatus; 3] = [
        VisitStatus::Planned,
        VisitStatus::Done,
        VisitStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VisitStatus::Planned => "Dự kiến",
            VisitStatus::Done => "Đã thăm",
            VisitStatus::Cancelled => "Đã hủy",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            VisitStatus::Planned => "planned",
            VisitStatus::Done => "done",
            VisitStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<VisitStatus> {
        VisitStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// An empty cell means planned; "Đã thăm", "đã tặng", "xong", "Hủy", "Dự kiến"...
    pub fn parse(text: &str) -> Option<VisitStatus> {
        let key = fold(text.trim());
        match key.as_str() {
            "" | "du kien" | "ke hoach" | "chua tham" | "se tham" | "planned" => {
                Some(VisitStatus::Planned)
            }
            "da tham" | "da tang" | "xong" | "hoan thanh" | "da trao" | "done" | "x" => {
                Some(VisitStatus::Done)
            }
            "da huy" | "huy" | "khong tham" | "cancelled" => Some(VisitStatus::Cancelled),
            _ => None,
        }
    }
}

/// Nguồn kinh phí most often written; the field stays free text.
pub const USUAL_SOURCES: [&str; 4] = ["Ngân sách", "Xã hội hóa", "Mặt trận", "Công an"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub id: i64,
    pub household_id: i64,
    pub date: Option<NaiveDate>,
    /// Người thăm: who goes ("Đ/c Bí thư Đảng ủy, Trưởng Công an phường").
    pub delegation: String,
    /// Quà tặng, e.g. "Tiền mặt và quà".
    pub gift: String,
    /// Value of one gift, whole đồng.
    pub value: i64,
    pub quantity: u32,
    /// Nguồn kinh phí.
    pub source: String,
    pub status: VisitStatus,
}

impl Visit {
    pub fn new(household_id: i64, gift: &str, value: i64) -> Visit {
        Visit {
            id: 0,
            household_id,
            date: None,
            delegation: String::new(),
            gift: gift.to_string(),
            value,
            quantity: 1,
            source: String::new(),
            status: VisitStatus::Planned,
        }
    }

    /// Value of the whole visit (value × quantity).
    pub fn total(&self) -> i64 {
        self.value.saturating_mul(i64::from(self.quantity))
    }

    /// A cancelled visit gives nothing.
    pub fn counts(&self) -> bool {
        self.status != VisitStatus::Cancelled
    }

    pub fn cleaned(&self) -> Visit {
        let mut v = self.clone();
        tidy([&mut v.delegation, &mut v.gift, &mut v.source]);
        v
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        if self.value < 0 {
            return Err(Invalid("Giá trị quà không được âm.".into()));
        }
        if self.quantity == 0 {
            return Err(Invalid("Số lượng phải từ 1 trở lên.".into()));
        }
        if self.gift.trim().is_empty() && self.value == 0 {
            return Err(Invalid("Hãy ghi quà tặng hoặc giá trị.".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_parses_what_lists_say() {
        assert_eq!(VisitStatus::parse(""), Some(VisitStatus::Planned));
        assert_eq!(VisitStatus::parse("Đã thăm"), Some(VisitStatus::Done));
        assert_eq!(VisitStatus::parse("ĐÃ HỦY"), Some(VisitStatus::Cancelled));
        assert_eq!(VisitStatus::parse("không rõ"), None);
    }

    #[test]
    fn total_and_validation() {
        let mut v = Visit::new(1, "Tiền mặt", 500_000);
        v.quantity = 2;
        assert_eq!(v.total(), 1_000_000);
        v.quantity = 0;
        assert!(v.validate().unwrap_err().0.contains("Số lượng"));
        let empty = Visit::new(1, " ", 0);
        assert_eq!(
            empty.validate().unwrap_err().0,
            "Hãy ghi quà tặng hoặc giá trị."
        );
    }
}
