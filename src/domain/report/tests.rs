use chrono::NaiveDate;

use super::*;
use crate::domain::{
    Activity, ActivityKind, Category, Decision, EventPoint, Form, Household, Level, PointKind,
    Recipient, RecipientKind, Roster, Visit, VisitStatus, YearPlan,
};

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn point(kind: PointKind, expected: u32, actual: Option<u32>) -> EventPoint {
    EventPoint {
        id: 0,
        name: "Sân".into(),
        kind,
        date: day(2026, 8, 14),
        host: String::new(),
        expected,
        actual,
    }
}

fn plan(year: i32) -> YearPlan {
    let mut plan = YearPlan::standard(YearEvent::defaults(year));
    for step in plan.checklist.iter_mut().take(3) {
        step.done = true;
    }
    plan.points = vec![
        point(PointKind::Main, 500, Some(600)),
        point(PointKind::Residential, 300, Some(350)),
        point(PointKind::Residential, 200, None),
        point(PointKind::School, 400, Some(400)),
    ];
    let teams: Vec<String> = (1..=4).map(|i| format!("Khu phố {i}")).collect();
    let mut tug = Activity::new(ActivityKind::Sport, "Kéo co", "Sân", &teams);
    tug.teams[0].rank = Some(1);
    tug.teams[1].rank = Some(2);
    let mut sack = Activity::new(ActivityKind::FolkGame, "Nhảy bao bố", "Sân", &teams[..3]);
    sack.teams[2].rank = Some(3);
    let arts = Activity::new(ActivityKind::Arts, "Văn nghệ", "Hội trường", &teams[..2]);
    plan.activities = vec![tug, sack, arts];
    plan
}

struct Data {
    plan: YearPlan,
    roster: Roster,
    areas: Vec<String>,
    visits: Vec<Visit>,
    decisions: Vec<Decision>,
    recipients: Vec<Recipient>,
}

fn data(year: i32) -> Data {
    let areas = vec!["Khu phố 1".to_string(), "Khu phố 2".to_string()];
    let mut households = vec![
        Household::new("Nguyễn Văn A", "Khu phố 1", Category::Martyr),
        Household::new("Lê Thị B", "Khu phố 2", Category::Poor),
        Household::new("Trần Văn C", "Khu phố 2", Category::Poor),
    ];
    for (i, h) in households.iter_mut().enumerate() {
        h.id = i as i64 + 1;
    }
    let roster = Roster::new(households, &areas);
    let visit = |household, value, source: &str, status| Visit {
        source: source.into(),
        status,
        ..Visit::new(household, "Quà", value)
    };
    let mut two = visit(1, 500_000, "Ngân sách", VisitStatus::Done);
    two.quantity = 2;
    let visits = vec![
        two,
        visit(2, 400_000, "Xã hội hóa", VisitStatus::Done),
        visit(3, 400_000, "xã hội hóa", VisitStatus::Done),
        visit(3, 300_000, "Ngân sách", VisitStatus::Planned),
        visit(2, 900_000, "Ngân sách", VisitStatus::Cancelled),
    ];
    let decision = |id, number: &str, issuer: &str, head: &str| Decision {
        id,
        number: number.into(),
        date: day(year, 8, 10 + id as u32),
        issuer: issuer.into(),
        issuer_head: head.into(),
        signer_title: "CHỦ TỊCH".into(),
        signer_name: "X".into(),
    };
    let decisions = vec![
        decision(
            1,
            "12/QĐ-UBND",
            "Ủy ban nhân dân phường Chợ Quán",
            "Chủ tịch",
        ),
        decision(2, "7/QĐ-CAT", "Công an Thành phố", "Giám đốc"),
        decision(
            3,
            "13/QĐ-UBND",
            "ủy ban nhân dân phường chợ quán",
            "chủ tịch",
        ),
    ];
    let r = |decision_id, kind, form| Recipient::new(decision_id, kind, form, "Tên");
    let recipients = vec![
        r(1, RecipientKind::Collective, Form::Certificate),
        r(1, RecipientKind::Individual, Form::Certificate),
        r(1, RecipientKind::Individual, Form::Praise),
        r(2, RecipientKind::Individual, Form::Merit),
        r(3, RecipientKind::Household, Form::Certificate),
        // A recipient of another year's decision is not counted.
        r(99, RecipientKind::Individual, Form::Certificate),
    ];
    Data {
        plan: plan(year),
        roster,
        areas,
        visits,
        decisions,
        recipients,
    }
}

fn figures_of(d: &Data) -> Figures {
    compute(&Sources {
        plan: &d.plan,
        roster: &d.roster,
        areas: &d.areas,
        visits: &d.visits,
        decisions: &d.decisions,
        recipients: &d.recipients,
    })
}

#[test]
fn points_and_participants_by_kind() {
    let f = figures_of(&data(2026));
    assert_eq!(f.points.points, 4);
    assert_eq!(f.points.expected, 1_400);
    assert_eq!(f.points.participants, 1_350);
    assert_eq!(f.points_uncounted, 1);
    let kinds: Vec<(PointKind, usize, u32)> = f
        .points_by_kind
        .iter()
        .map(|(k, t)| (*k, t.points, t.participants))
        .collect();
    assert_eq!(
        kinds,
        [
            (PointKind::Main, 1, 600),
            (PointKind::Residential, 2, 350),
            (PointKind::School, 1, 400)
        ]
    );
}

#[test]
fn festival_activities_teams_and_prize_money() {
    let f = figures_of(&data(2026));
    assert_eq!(f.activities.activities, 3);
    assert_eq!(f.activities.teams, 9);
    assert_eq!(f.activities.prizes, 1_000_000 + 700_000 + 500_000);
    assert_eq!(f.activities_by_kind[0].0, ActivityKind::Sport);
    assert_eq!(f.activities_by_kind[0].1.prizes, 1_700_000);
    assert_eq!(f.activities_by_kind[2].1.prizes, 0);
}

#[test]
fn gifts_count_visits_done_by_category_and_source() {
    let f = figures_of(&data(2026));
    assert_eq!(f.gifts.households, 3);
    assert_eq!(f.gifts.overall.visits, 3);
    assert_eq!(f.gifts.overall.gifts, 4);
    assert_eq!(f.gifts.overall.value, 1_800_000);
    assert_eq!(f.visits_planned, 1);
    assert_eq!(f.gifts.by_category.len(), 2);
    assert_eq!(f.gifts.by_category[0].0, Category::Martyr);
    assert_eq!(f.gifts.by_category[0].1.value, 1_000_000);
    assert_eq!(f.gifts.by_category[1].1.value, 800_000);
    let sources: Vec<(&str, i64)> = f
        .gifts
        .by_source
        .iter()
        .map(|(s, t)| (s.as_str(), t.value))
        .collect();
    assert_eq!(sources, [("Ngân sách", 1_000_000), ("Xã hội hóa", 800_000)]);
}

#[test]
fn commendations_by_issuer_and_form() {
    let f = figures_of(&data(2026));
    let rows: Vec<(&str, Form, usize, usize, usize)> = f
        .commended
        .iter()
        .map(|c| {
            (
                c.issuer.as_str(),
                c.form,
                c.collectives,
                c.individuals,
                c.households,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Chủ tịch Ủy ban nhân dân phường Chợ Quán",
                Form::Certificate,
                1,
                1,
                1
            ),
            (
                "Chủ tịch Ủy ban nhân dân phường Chợ Quán",
                Form::Praise,
                0,
                1,
                0
            ),
            ("Giám đốc Công an Thành phố", Form::Merit, 0, 1, 0),
        ]
    );
    assert_eq!(f.commended_total.total(), 5);
    assert_eq!(f.commended_total.individuals, 3);
    assert_eq!(f.commended_with(Form::Certificate), 3);
}

#[test]
fn checklist_progress() {
    let f = figures_of(&data(2026));
    assert_eq!(f.checklist_done, 3);
    assert_eq!(f.checklist_total, data(2026).plan.checklist.len());
}

#[test]
fn entered_figures_ratio_validation_and_parsing() {
    let mut e = Entered::default();
    assert!(e.is_empty());
    e.set(Figure::AreasMeeting, Some(4));
    assert_eq!(e.ratio(Standard::Areas), None, "the total is not entered");
    e.set(Figure::AreasTotal, Some(5));
    let (x, y, p) = e.ratio(Standard::Areas).unwrap();
    assert_eq!((x, y), (4, 5));
    assert_eq!(percent_text(p), "80,0%");
    assert_eq!(percent_text(200.0 / 3.0), "66,7%");
    e.set(Figure::AreasMeeting, Some(6));
    assert!(e.validate().unwrap_err().0.contains("không được lớn hơn"));
    e.set(Figure::AreasMeeting, None);
    assert_eq!(e.get(Figure::AreasMeeting), None);
    assert!(e.validate().is_ok());
    assert_eq!(parse_figure(" 1.250 "), Ok(Some(1250)));
    assert_eq!(parse_figure(""), Ok(None));
    assert_eq!(
        parse_figure("mười").unwrap_err().0,
        "“mười” không phải là một số nguyên."
    );
    assert_eq!(
        parse_figure("-3").unwrap_err().0,
        "“-3” không phải là một số nguyên."
    );
    for f in Figure::ALL {
        assert_eq!(Figure::from_code(f.code()), Some(f));
    }
}

fn report() -> Report {
    let this = data(2026);
    let mut last = data(2025);
    last.plan.points[0].actual = Some(500);
    last.visits.truncate(1);
    let mut entered = Entered::default();
    entered.set(Figure::NewsItems, Some(12));
    entered.set(Figure::Banners, Some(30));
    entered.set(Figure::AreasMeeting, Some(4));
    entered.set(Figure::AreasTotal, Some(5));
    entered.set(Figure::ModelsNew, Some(2));
    entered.set(Figure::TipsReceived, Some(15));
    entered.set(Figure::PactsSigned, Some(8));
    let mut unit = Unit::new("Phường Chợ Quán", Level::Ward, "TP", "Chợ Quán");
    unit.head_name = "Nguyễn Văn Thành".into();
    Report {
        unit,
        event: this.plan.event.clone(),
        this: YearReport {
            figures: figures_of(&this),
            entered,
            edited: Default::default(),
        },
        last: Some(YearReport {
            figures: figures_of(&last),
            ..Default::default()
        }),
    }
}

#[test]
fn default_narrative_is_built_from_the_figures() {
    let r = report();
    let organisation = r.text(Section::Organisation);
    assert!(
        organisation.contains("tại 4 điểm (1 điểm chính, 2 điểm tại khu dân cư, 1 điểm tại trường học), với 1.350 lượt người tham gia (tăng 100 lượt so với năm 2025)"),
        "{organisation}"
    );
    assert!(organisation.contains("hoàn thành 3/"));
    let results = r.text(Section::Results);
    for expected in [
        "Phần hội tổ chức 3 hoạt động (1 thể thao, 1 trò chơi dân gian, 1 văn nghệ) với 9 lượt đội tham gia; tổng tiền thưởng đã trao 2.200.000 đ.",
        "tặng 4 suất quà cho 3 hộ gia đình",
        "tổng giá trị 1.800.000 đ (trong đó: Ngân sách 1.000.000 đ; Xã hội hóa 800.000 đ)",
        "Khen thưởng, biểu dương 1 tập thể, 3 cá nhân, 1 hộ gia đình (5)",
        "Bằng khen: 1; Giấy khen: 3; Biểu dương: 1",
        "Công tác tuyên truyền: 12 tin, bài tuyên truyền; 30 băng rôn, khẩu hiệu.",
        "Xây dựng mới 2 mô hình tự quản về an ninh, trật tự.",
        "Có 4/5 khu dân cư (80,0%) đạt chuẩn “An toàn về an ninh, trật tự”.",
        "Tiếp nhận 15 tin báo, tố giác tội phạm; ký kết 8 bản giao ước thi đua.",
        "So với năm 2025: số lượt người tham gia tăng 100 lượt; giá trị quà tặng tăng 800.000 đ; số tập thể, cá nhân được khen thưởng, biểu dương không thay đổi.",
    ] {
        assert!(results.contains(expected), "{expected:?} not in {results}");
    }
    let limitations = r.text(Section::Limitations);
    assert!(limitations.contains("Còn 1 điểm tổ chức chưa thống kê"));
    assert!(limitations.contains("Còn 1 lượt thăm hỏi"));
    for section in Section::ALL {
        assert!(!r.text(section).trim().is_empty(), "{section:?}");
        assert!(crate::text::is_nfc(&r.text(section)));
        assert_eq!(Section::from_code(section.code()), Some(section));
    }
}

#[test]
fn an_edited_section_wins_over_its_default() {
    let mut r = report();
    assert!(!r.is_edited(Section::Lessons));
    r.this
        .edited
        .insert(Section::Lessons, "Bài học riêng.".into());
    assert_eq!(r.text(Section::Lessons), "Bài học riêng.");
    assert!(r.default_text(Section::Lessons).starts_with("Một là"));
    assert_eq!(r.last_year(), Some(2025));
}
