//! The planning checklist: the steps of a real campaign, each due a number of days before or
//! after the event date, so moving the date moves the whole plan.

use chrono::{Days, NaiveDate};

use super::{Invalid, required, tidy};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    pub id: i64,
    pub title: String,
    /// Days from the event date (negative: before the day).
    pub offset_days: i32,
    pub done: bool,
    pub note: String,
}

/// Where a step stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    Done,
    Overdue,
    /// Due within the next week.
    Soon,
    Later,
}

impl ChecklistItem {
    pub fn due(&self, event_date: NaiveDate) -> NaiveDate {
        shift(event_date, self.offset_days)
    }

    pub fn state(&self, event_date: NaiveDate, today: NaiveDate) -> DueState {
        let due = self.due(event_date);
        if self.done {
            DueState::Done
        } else if due < today {
            DueState::Overdue
        } else if due <= shift(today, 7) {
            DueState::Soon
        } else {
            DueState::Later
        }
    }

    pub fn cleaned(&self) -> ChecklistItem {
        let mut item = self.clone();
        tidy([&mut item.title, &mut item.note]);
        item
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(&self.title, "Tên công việc không được để trống.")?;
        if self.offset_days.abs() > 366 {
            return Err(Invalid(
                "Hạn hoàn thành phải trong vòng một năm quanh ngày tổ chức.".into(),
            ));
        }
        Ok(())
    }
}

/// Adds (or subtracts) whole days.
pub fn shift(date: NaiveDate, days: i32) -> NaiveDate {
    let magnitude = Days::new(u64::from(days.unsigned_abs()));
    if days >= 0 {
        date.checked_add_days(magnitude).unwrap_or(date)
    } else {
        date.checked_sub_days(magnitude).unwrap_or(date)
    }
}

/// Days between the event date and a chosen due date, as stored.
pub fn offset_between(event_date: NaiveDate, due: NaiveDate) -> i32 {
    (due - event_date).num_days() as i32
}

/// The steps of a campaign, in order, with their usual distance from the day.
pub fn default_steps() -> Vec<(&'static str, i32)> {
    vec![
        ("Ban hành kế hoạch tổ chức Ngày hội", -60),
        ("Thành lập Ban Tổ chức Ngày hội, phân công nhiệm vụ", -50),
        ("Đăng ký điểm tổ chức Ngày hội với cấp trên", -40),
        ("Duyệt chương trình phần lễ và phần hội", -21),
        ("Chốt danh sách khen thưởng tập thể, cá nhân", -14),
        ("In giấy khen, bằng khen", -7),
        ("Thăm hỏi, tặng quà gia đình chính sách, hộ khó khăn", -3),
        ("Tổ chức Ngày hội", 0),
        ("Gửi báo cáo kết quả về Ban Chỉ đạo cấp trên", 10),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn item(offset_days: i32, done: bool) -> ChecklistItem {
        ChecklistItem {
            id: 1,
            title: "Bước".into(),
            offset_days,
            done,
            note: String::new(),
        }
    }

    #[test]
    fn due_dates_follow_the_event_date() {
        assert_eq!(item(-60, false).due(d(8, 19)), d(6, 20));
        assert_eq!(item(10, false).due(d(8, 19)), d(8, 29));
        assert_eq!(item(10, false).due(d(8, 10)), d(8, 20));
        assert_eq!(offset_between(d(8, 19), d(6, 20)), -60);
    }

    #[test]
    fn states_on_a_given_day() {
        let event = d(8, 19);
        assert_eq!(item(-60, false).state(event, d(7, 1)), DueState::Overdue);
        assert_eq!(item(-60, true).state(event, d(7, 1)), DueState::Done);
        assert_eq!(item(-3, false).state(event, d(8, 10)), DueState::Soon);
        assert_eq!(item(0, false).state(event, d(7, 1)), DueState::Later);
        // Due today is not yet overdue.
        assert_eq!(item(0, false).state(event, event), DueState::Soon);
    }

    #[test]
    fn the_default_plan_runs_from_plan_to_report() {
        let steps = default_steps();
        assert!(steps.first().unwrap().0.contains("kế hoạch"));
        assert!(steps.last().unwrap().0.contains("báo cáo"));
        assert!(steps.windows(2).all(|w| w[0].1 <= w[1].1));
        assert!(steps.iter().any(|s| s.1 == 0));
    }

    #[test]
    fn an_empty_title_is_refused() {
        let mut step = item(0, false);
        step.title = "  ".into();
        assert_eq!(
            step.validate().unwrap_err().0,
            "Tên công việc không được để trống."
        );
    }
}
