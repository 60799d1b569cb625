//! A complete, realistic example: a ward of Ho Chi Minh City with its 2025 and 2026 events.
//! It grows with every feature so that a newcomer sees all the app can do at once.

use chrono::NaiveDate;

use crate::domain::checklist::default_steps;
use crate::domain::{ChecklistItem, Event, Level, Unit};
use crate::storage::{Result, Store, StoreError};

pub const DEMO_YEAR: i32 = 2026;

/// Everything the demo writes, built without touching storage.
#[derive(Debug, Clone)]
pub struct Demo {
    pub unit: Unit,
    pub years: Vec<DemoYear>,
}

#[derive(Debug, Clone)]
pub struct DemoYear {
    pub event: Event,
    pub checklist: Vec<ChecklistItem>,
}

pub fn unit() -> Unit {
    let mut unit = Unit::new(
        "Phường Chợ Quán",
        Level::Ward,
        "Thành phố Hồ Chí Minh",
        "Chợ Quán",
    );
    unit.head_name = "Nguyễn Văn Thành".into();
    unit.secretary_name = "Trần Thị Thu Hà".into();
    unit
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid demo date")
}

fn year(year: i32, day: u32, theme: &str, done_until: i32, notes: &[(i32, &str)]) -> DemoYear {
    let mut event = Event::defaults(year);
    event.date = date(year, 8, day);
    event.theme = theme.into();
    let checklist = default_steps()
        .into_iter()
        .map(|(title, offset_days)| ChecklistItem {
            id: 0,
            title: title.into(),
            offset_days,
            done: offset_days <= done_until,
            note: notes
                .iter()
                .find(|(offset, _)| *offset == offset_days)
                .map(|(_, note)| note.to_string())
                .unwrap_or_default(),
        })
        .collect();
    DemoYear { event, checklist }
}

/// The demo as data: 2025 completed, 2026 held on 14/8 with the report still to send.
pub fn build() -> Demo {
    Demo {
        unit: unit(),
        years: vec![
            year(
                2025,
                15,
                "Chung tay xây dựng phường Chợ Quán an toàn về an ninh, trật tự",
                10,
                &[(-60, "Kế hoạch số 12/KH-BCĐ ngày 16/6/2025")],
            ),
            year(
                DEMO_YEAR,
                14,
                "Toàn dân tham gia bảo vệ an ninh Tổ quốc, xây dựng phường Chợ Quán văn minh, an toàn",
                0,
                &[
                    (-60, "Kế hoạch số 15/KH-BCĐ ngày 12/6/2026"),
                    (
                        -40,
                        "Đăng ký 1 điểm chính tại sân UBND phường và 4 điểm ở khu phố",
                    ),
                    (0, "Khoảng 600 đại biểu và nhân dân tham dự"),
                ],
            ),
        ],
    }
}

impl Store {
    /// Writes the demo in one transaction; keeps an existing unit, refuses an existing year.
    pub fn fill_demo(&mut self, demo: &Demo) -> Result<()> {
        let existing_unit = self.unit()?;
        for year in &demo.years {
            if self.event(year.event.year)?.is_some() {
                return Err(StoreError::Invalid(format!(
                    "Năm {} đã có dữ liệu nên không thể điền dữ liệu mẫu. Hãy mở một tệp dữ liệu mới (--db) để xem dữ liệu mẫu.",
                    year.event.year
                )));
            }
        }
        let unit = existing_unit.unwrap_or_else(|| demo.unit.clone());
        self.import_plan(
            &unit,
            demo.years
                .iter()
                .map(|y| (&y.event, y.checklist.as_slice())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_valid_and_shows_a_finished_and_a_current_year() {
        let demo = build();
        assert!(demo.unit.validate().is_ok());
        for year in &demo.years {
            assert!(year.event.validate().is_ok(), "{}", year.event.year);
            assert!(demo.unit.level.allowed_in(year.event.year));
        }
        let last = demo.years.last().unwrap();
        assert_eq!(last.event.year, DEMO_YEAR);
        assert!(last.checklist.iter().any(|s| s.done));
        assert!(last.checklist.iter().any(|s| !s.done));
        assert!(demo.years[0].checklist.iter().all(|s| s.done));
    }
}
