//! A complete, realistic example: Phường Chợ Quán (Ho Chi Minh City) with its 2025 and 2026
//! events. It grows with every feature so that a newcomer sees all the app can do at once.

use chrono::{NaiveDate, NaiveTime};

use crate::domain::commendation::default_achievement;
use crate::domain::report::{Figure, Standard};
use crate::domain::{
    Activity, ActivityKind, Category, Decision, Delegate, EventPoint, Form, Household, Level,
    PointKind, Recipient, RecipientKind, Sex, Unit, Visit, VisitStatus, YearEvent, YearPlan,
};
use crate::storage::{Result, Store, StoreError};

mod people;

use people::{commendations, households, visits};

pub const DEMO_YEAR: i32 = 2026;

/// Everything the demo writes, built without touching storage.
#[derive(Debug, Clone)]
pub struct Demo {
    pub unit: Unit,
    pub areas: Vec<String>,
    pub years: Vec<YearPlan>,
    /// The policy families and families in hardship of the ward.
    pub households: Vec<Household>,
    /// Gift visits by year, naming their household by name and address.
    pub visits: Vec<(i32, Vec<(Household, Visit)>)>,
    /// Commendations by year: each recipient with its decision.
    pub commendations: Vec<(i32, Vec<(Decision, Recipient)>)>,
    /// The report's figures the committee entered, by year.
    pub figures: Vec<(i32, Vec<(Figure, u32)>)>,
}

pub fn unit() -> Unit {
    Unit {
        head_name: "Nguyễn Văn Thành".into(),
        secretary_name: "Trần Thị Thu Hà".into(),
        ..Unit::new(
            "Phường Chợ Quán",
            Level::Ward,
            "Thành phố Hồ Chí Minh",
            "Chợ Quán",
        )
    }
}

pub fn areas() -> Vec<String> {
    (1..=5).map(|n| format!("Khu phố {n}")).collect()
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid demo date")
}

fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("valid demo time")
}

/// One year of the demo: the standard plan, ticked up to `done_until` days after the day.
fn year(year: i32, day: u32, theme: &str, done_until: i32, notes: &[(i32, &str)]) -> YearPlan {
    let mut event = YearEvent::defaults(year);
    event.date = date(year, 8, day);
    event.theme = theme.into();
    let mut plan = YearPlan::standard(event);
    for step in &mut plan.checklist {
        step.done = step.offset_days <= done_until;
        if let Some((_, note)) = notes.iter().find(|(offset, _)| *offset == step.offset_days) {
            step.note = note.to_string();
        }
    }
    plan.program[0].presenter = "Đội văn nghệ Khu phố 2 và Khu phố 4".into();
    plan.program[3].presenter =
        "Đồng chí Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân phường, Trưởng Ban Chỉ đạo".into();
    plan.program[6].presenter = "Đồng chí Lê Minh Quang, Phó Giám đốc Công an Thành phố".into();
    plan.program[9].fixed_time = Some(time(9, 30));
    plan.delegates = delegates();
    plan.points = points(year, day);
    plan.activities = activities(year);
    plan
}

fn delegates() -> Vec<Delegate> {
    let delegate = |name: &str, title: &str, organisation: &str, rank, attending| Delegate {
        id: 0,
        name: name.into(),
        title: title.into(),
        organisation: organisation.into(),
        rank,
        attending,
    };
    vec![
        delegate(
            "Lê Minh Quang",
            "Phó Giám đốc",
            "Công an Thành phố Hồ Chí Minh",
            1,
            true,
        ),
        delegate(
            "Võ Thị Ngọc Ánh",
            "Phó Chủ tịch",
            "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố",
            2,
            true,
        ),
        delegate(
            "Phạm Quốc Dũng",
            "Bí thư Đảng ủy",
            "phường Chợ Quán",
            3,
            true,
        ),
        delegate(
            "Nguyễn Văn Thành",
            "Chủ tịch",
            "Ủy ban nhân dân phường Chợ Quán",
            4,
            true,
        ),
        delegate(
            "Đặng Thị Lan",
            "Chủ tịch",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
            5,
            false,
        ),
        delegate(
            "Trương Công Đức",
            "Trưởng Công an",
            "phường Chợ Quán",
            6,
            true,
        ),
    ]
}

fn points(year: i32, day: u32) -> Vec<EventPoint> {
    let point = |name: &str, kind, on: u32, host: &str, expected, actual| EventPoint {
        id: 0,
        name: name.into(),
        kind,
        date: date(year, 8, on),
        host: host.into(),
        expected,
        actual,
    };
    let happened = year < DEMO_YEAR || day <= 14;
    // The year before drew fewer people: the report compares the two.
    let share = if year < DEMO_YEAR { 85 } else { 100 };
    let actual = |n: u32| happened.then_some(n * share / 100);
    vec![
        point(
            "Sân Ủy ban nhân dân phường Chợ Quán",
            PointKind::Main,
            day,
            "Ban Chỉ đạo phường",
            500,
            actual(600),
        ),
        point(
            "Nhà văn hóa Khu phố 3",
            PointKind::Residential,
            day - 4,
            "Ban điều hành Khu phố 3",
            150,
            actual(172),
        ),
        point(
            "Sân bóng Khu phố 5",
            PointKind::Residential,
            day - 3,
            "Ban điều hành Khu phố 5",
            120,
            actual(118),
        ),
        point(
            "Trường THCS Chợ Quán",
            PointKind::School,
            day - 6,
            "Ban Giám hiệu",
            200,
            actual(230),
        ),
        point(
            "Chợ Quán - Ban quản lý chợ",
            PointKind::Enterprise,
            day - 2,
            "Ban quản lý chợ",
            80,
            actual(75),
        ),
    ]
}

fn activities(year: i32) -> Vec<Activity> {
    use ActivityKind::{Arts, FolkGame, Sport};
    let teams = areas();
    let with_ranks = |mut activity: Activity, ranks: [u32; 5]| {
        for (team, rank) in activity.teams.iter_mut().zip(ranks) {
            team.rank = Some(rank);
        }
        activity
    };
    let yard = "Sân Ủy ban nhân dân phường";
    let activity = |kind, name: &str, venue: &str, start| Activity {
        start: Some(start),
        ..Activity::new(kind, name, venue, &teams)
    };
    let tug = activity(Sport, "Kéo co", yard, time(9, 45));
    let volleyball = activity(Sport, "Bóng chuyền hơi", "Sân bóng Khu phố 5", time(14, 0));
    let mut ducks = activity(FolkGame, "Bịt mắt bắt vịt", yard, time(10, 30));
    ducks.prizes.truncate(1);
    ducks.prizes[0].amount = 500_000;
    let sack = activity(FolkGame, "Nhảy bao bố", yard, time(10, 45));
    let mut arts = activity(
        Arts,
        "Hội diễn văn nghệ “Tiếng hát bình yên”",
        "Nhà văn hóa Khu phố 3",
        time(19, 0),
    );
    arts.prizes[0].amount = 2_000_000;
    arts.prizes[1].amount = 1_500_000;
    arts.prizes[2].amount = 1_000_000;
    for (team, score) in arts.teams.iter_mut().zip([9.2, 8.8, 9.5, 8.5, 9.0]) {
        team.score = Some(score);
    }
    arts.rank_by_scores();
    if year < DEMO_YEAR {
        return vec![
            with_ranks(tug, [2, 1, 3, 5, 4]),
            with_ranks(sack, [1, 4, 2, 3, 5]),
            arts,
        ];
    }
    vec![
        with_ranks(tug, [3, 1, 2, 4, 5]),
        with_ranks(volleyball, [2, 3, 1, 5, 4]),
        with_ranks(ducks, [1, 2, 3, 4, 5]),
        with_ranks(sack, [4, 2, 1, 3, 5]),
        arts,
    ]
}

/// The figures the committee entered for the report: 2025's lower than 2026's, as a
/// movement that grows; five pacts in 2026, one per area, as the program's signing has it.
/// 2026's report is still being written: the standards reached (areas, agencies, schools)
/// and the police's tips and cases are not in yet (the report screen lists them as empty).
fn figures(year: i32) -> Vec<(Figure, u32)> {
    let this = year == DEMO_YEAR;
    let pick = |then: u32, now: u32| if this { now } else { then };
    let mut pending = vec![Figure::TipsReceived, Figure::CasesSolved];
    for standard in Standard::ALL {
        let (meeting, total) = standard.figures();
        pending.extend([meeting, total]);
    }
    let all = vec![
        (Figure::NewsItems, pick(9, 14)),
        (Figure::Banners, pick(30, 42)),
        (Figure::LoudspeakerRuns, pick(24, 36)),
        (Figure::Leaflets, pick(800, 1_500)),
        (Figure::ModelsMaintained, pick(4, 5)),
        (Figure::ModelsReplicated, pick(1, 2)),
        (Figure::ModelsNew, pick(0, 1)),
        (Figure::AreasMeeting, pick(3, 4)),
        (Figure::AreasTotal, 5),
        (Figure::AgenciesMeeting, pick(10, 12)),
        (Figure::AgenciesTotal, pick(14, 15)),
        (Figure::SchoolsMeeting, pick(3, 4)),
        (Figure::SchoolsTotal, 4),
        (Figure::TipsReceived, pick(11, 15)),
        (Figure::CasesSolved, pick(8, 12)),
        (Figure::PactsSigned, pick(4, 5)),
    ];
    all.into_iter()
        .filter(|(figure, _)| !this || !pending.contains(figure))
        .collect()
}

/// The demo as data: 2025 completed, 2026 held on 14/8 with the report still to send.
pub fn build() -> Demo {
    let households = households();
    Demo {
        figures: [2025, DEMO_YEAR].map(|y| (y, figures(y))).to_vec(),
        visits: [2025, DEMO_YEAR]
            .map(|y| (y, visits(y, &households)))
            .to_vec(),
        commendations: [2025, DEMO_YEAR].map(|y| (y, commendations(y))).to_vec(),
        households,
        unit: unit(),
        areas: areas(),
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
                        "Đăng ký 1 điểm chính tại sân UBND phường và 4 điểm ở khu phố, trường học, chợ",
                    ),
                    (0, "Khoảng 600 đại biểu và nhân dân tham dự"),
                ],
            ),
        ],
    }
}

impl Store {
    /// Writes the demo in one transaction; keeps an existing unit (and its areas, if it has
    /// any), refuses a year that already has a plan.
    pub fn fill_demo(&mut self, demo: &Demo) -> Result<()> {
        for plan in &demo.years {
            if self.event(plan.event.year)?.is_some() {
                return Err(StoreError::Invalid(format!(
                    "Năm {} đã có dữ liệu nên không thể điền dữ liệu mẫu. Hãy mở một tệp dữ liệu mới (--db) để xem dữ liệu mẫu.",
                    plan.event.year
                )));
            }
        }
        let unit = self.unit()?.unwrap_or_else(|| demo.unit.clone());
        let areas = if self.areas()?.is_empty() {
            Some(demo.areas.as_slice())
        } else {
            None
        };
        self.import_demo(&unit, areas, demo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_valid_and_shows_a_finished_and_a_current_year() {
        let demo = build();
        assert!(demo.unit.validate().is_ok());
        for plan in &demo.years {
            assert!(plan.cleaned().is_ok(), "{}", plan.event.year);
            assert!(demo.unit.level.allowed_in(plan.event.year));
        }
        let last = demo.years.last().unwrap();
        assert_eq!(last.event.year, DEMO_YEAR);
        assert!(last.checklist.iter().any(|s| s.done));
        assert!(last.checklist.iter().any(|s| !s.done));
        assert!(demo.years[0].checklist.iter().all(|s| s.done));
    }

    #[test]
    fn the_demo_figures_grow_and_agree_with_the_program() {
        let demo = build();
        let (last, this) = (figures(2025), figures(DEMO_YEAR));
        assert_eq!(last.len(), 16, "a finished year has every figure");
        for (figure, now) in &this {
            let (_, then) = last.iter().find(|(f, _)| f == figure).unwrap();
            assert!(now >= then, "{figure:?}");
        }
        // The program has a signing by the areas: one pact each.
        let plan = demo.years.last().unwrap();
        assert!(plan.program.iter().any(|i| i.title.contains("giao ước")));
        let pacts = this
            .iter()
            .find(|(f, _)| *f == Figure::PactsSigned)
            .unwrap()
            .1;
        assert_eq!(pacts as usize, demo.areas.len());
    }

    #[test]
    fn the_demo_shows_every_part_of_the_day() {
        let plan = build().years.pop().unwrap();
        assert_eq!(plan.program.len(), 10);
        assert!(
            plan.program.iter().any(|i| i.fixed_time.is_some()),
            "a pinned time shows a break"
        );
        assert!(plan.delegates.iter().any(|d| !d.attending));
        assert!(plan.points.iter().any(|p| p.kind == PointKind::Main));
        let kinds: Vec<ActivityKind> = plan.activities.iter().map(|a| a.kind).collect();
        for kind in [
            ActivityKind::Sport,
            ActivityKind::FolkGame,
            ActivityKind::Arts,
        ] {
            assert!(kinds.contains(&kind), "{kind}");
        }
        assert!(
            plan.activities
                .iter()
                .all(|a| a.teams.iter().all(|t| t.rank.is_some()))
        );
        assert_eq!(
            crate::domain::festival::prize_totals(&plan.activities).0,
            2_200_000 * 3 + 500_000 + 4_500_000
        );
    }
}
