//! A year's whole plan, and what carries over to the next year: the plan does (checklist,
//! program, delegates, event points, festival activities and prizes), what happened does not
//! (done marks, notes, actual participants, results).

use chrono::Datelike;

use super::checklist::default_steps;
use super::{Activity, ChecklistItem, Delegate, EventPoint, Invalid, ProgramItem, YearEvent};

#[derive(Debug, Clone, PartialEq)]
pub struct YearPlan {
    pub event: YearEvent,
    pub checklist: Vec<ChecklistItem>,
    pub program: Vec<ProgramItem>,
    pub delegates: Vec<Delegate>,
    pub points: Vec<EventPoint>,
    pub activities: Vec<Activity>,
}

impl YearPlan {
    /// A new year from the standard campaign steps and ceremony order.
    pub fn standard(event: YearEvent) -> YearPlan {
        YearPlan {
            event,
            checklist: default_steps()
                .into_iter()
                .map(|(title, offset_days)| ChecklistItem {
                    id: 0,
                    title: title.into(),
                    offset_days,
                    done: false,
                    note: String::new(),
                })
                .collect(),
            program: super::program::standard_program(),
            delegates: Vec::new(),
            points: Vec::new(),
            activities: Vec::new(),
        }
    }

    /// This plan for another year: dates moved, everything open again, no results.
    pub fn carried_to(&self, year: i32) -> YearPlan {
        let event = self.event.carried_to(year);
        let day_shift = event.date - self.event.date;
        YearPlan {
            checklist: self
                .checklist
                .iter()
                .map(|step| ChecklistItem {
                    id: 0,
                    done: false,
                    note: String::new(),
                    ..step.clone()
                })
                .collect(),
            program: self
                .program
                .iter()
                .map(|item| ProgramItem {
                    id: 0,
                    ..item.clone()
                })
                .collect(),
            delegates: self
                .delegates
                .iter()
                .map(|d| Delegate {
                    id: 0,
                    attending: true,
                    ..d.clone()
                })
                .collect(),
            points: self
                .points
                .iter()
                .map(|p| EventPoint {
                    id: 0,
                    // Points keep their distance from the day itself.
                    date: (p.date + day_shift).with_year(year).unwrap_or(event.date),
                    actual: None,
                    ..p.clone()
                })
                .collect(),
            activities: self
                .activities
                .iter()
                .map(|a| Activity {
                    id: 0,
                    teams: a
                        .teams
                        .iter()
                        .map(|t| super::Team {
                            id: 0,
                            score: None,
                            rank: None,
                            ..t.clone()
                        })
                        .collect(),
                    ..a.clone()
                })
                .collect(),
            event,
        }
    }

    /// Every text NFC and trimmed, every rule checked.
    pub fn cleaned(&self) -> Result<YearPlan, Invalid> {
        let event = self.event.cleaned();
        event.validate()?;
        Ok(YearPlan {
            event,
            checklist: checked(
                &self.checklist,
                ChecklistItem::cleaned,
                ChecklistItem::validate,
            )?,
            program: checked(&self.program, ProgramItem::cleaned, ProgramItem::validate)?,
            delegates: checked(&self.delegates, Delegate::cleaned, Delegate::validate)?,
            points: checked(&self.points, EventPoint::cleaned, EventPoint::validate)?,
            activities: checked(&self.activities, Activity::cleaned, Activity::validate)?,
        })
    }
}

/// Every row cleaned, or the first rule one breaks.
fn checked<T>(
    rows: &[T],
    cleaned: fn(&T) -> T,
    validate: fn(&T) -> Result<(), Invalid>,
) -> Result<Vec<T>, Invalid> {
    rows.iter()
        .map(|row| {
            let row = cleaned(row);
            validate(&row).map(|()| row)
        })
        .collect()
}

/// The year whose plan a new year copies: the latest earlier year, else the earliest year
/// there is (`None`: no year yet, the new year starts from the standard plan).
pub fn copy_source(years: &[i32], year: i32) -> Option<i32> {
    years
        .iter()
        .copied()
        .filter(|y| *y < year)
        .max()
        .or_else(|| years.iter().copied().min())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{ActivityKind, PointKind};

    #[test]
    fn a_new_year_keeps_the_plan_and_drops_what_happened() {
        let mut plan = YearPlan::standard(YearEvent::defaults(2026));
        plan.event.date = NaiveDate::from_ymd_opt(2026, 8, 14).unwrap();
        plan.checklist[0].done = true;
        plan.checklist[0].note = "Đã xong".into();
        plan.delegates.push(Delegate {
            id: 7,
            name: "Lê Thị Hoa".into(),
            title: "Phó Chủ tịch".into(),
            organisation: "UBND phường".into(),
            rank: 1,
            attending: false,
        });
        plan.points.push(EventPoint {
            id: 3,
            name: "Sân khu phố 3".into(),
            kind: PointKind::Residential,
            date: NaiveDate::from_ymd_opt(2026, 8, 10).unwrap(),
            host: "Ban điều hành khu phố 3".into(),
            expected: 150,
            actual: Some(170),
        });
        let mut tug = Activity::new(
            ActivityKind::Sport,
            "Kéo co",
            "Sân",
            &["Khu phố 1".to_string()],
        );
        tug.teams[0].rank = Some(1);
        tug.teams[0].score = Some(3.0);
        plan.activities.push(tug);

        let next = plan.carried_to(2027);
        assert_eq!(
            next.event.date,
            NaiveDate::from_ymd_opt(2027, 8, 14).unwrap()
        );
        assert!(next.checklist.iter().all(|s| !s.done && s.note.is_empty()));
        assert_eq!(
            next.program,
            plan.program
                .iter()
                .map(|p| ProgramItem { id: 0, ..p.clone() })
                .collect::<Vec<_>>()
        );
        assert!(next.delegates[0].attending && next.delegates[0].id == 0);
        assert_eq!(
            next.points[0].date,
            NaiveDate::from_ymd_opt(2027, 8, 10).unwrap(),
            "four days before the day, as last year"
        );
        assert_eq!(next.points[0].actual, None);
        assert_eq!(next.points[0].expected, 150);
        assert_eq!(next.activities[0].teams[0].rank, None);
        assert_eq!(next.activities[0].teams[0].score, None);
        assert_eq!(next.activities[0].prizes, plan.activities[0].prizes);
    }

    #[test]
    fn cleaning_refuses_a_broken_part_and_names_it() {
        let mut plan = YearPlan::standard(YearEvent::defaults(2026));
        plan.program[3].title = "  ".into();
        assert_eq!(
            plan.cleaned().unwrap_err().0,
            "Tên mục trong chương trình không được để trống."
        );
    }

    #[test]
    fn a_new_year_copies_the_latest_earlier_plan_else_the_earliest() {
        assert_eq!(copy_source(&[2024, 2025, 2027], 2026), Some(2025));
        assert_eq!(copy_source(&[2025, 2026], 2024), Some(2025));
        assert_eq!(copy_source(&[], 2026), None);
    }
}
