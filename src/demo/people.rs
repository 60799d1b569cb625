//! The demo's people: the households visited, their gift visits, and the commendation
//! decisions with their recipients.

use super::*;

/// (name, birth year, sex, address, category)
const HOUSEHOLDS: [(&str, i32, Sex, &str, Category); 16] = [
    (
        "Nguyễn Thị Hằng",
        1938,
        Sex::Female,
        "Tổ 2, Khu phố 1",
        Category::HeroicMother,
    ),
    (
        "Trần Văn Đức",
        1950,
        Sex::Male,
        "Tổ 5, Khu phố 1",
        Category::WarInvalid,
    ),
    (
        "Lê Thị Ánh",
        1956,
        Sex::Female,
        "Tổ 1, Khu phố 2",
        Category::Martyr,
    ),
    (
        "Phạm Văn Dũng",
        1949,
        Sex::Male,
        "Tổ 3, Khu phố 2",
        Category::Martyr,
    ),
    (
        "Võ Thị Bình",
        1962,
        Sex::Female,
        "Tổ 4, Khu phố 2",
        Category::Poor,
    ),
    (
        "Hoàng Văn Cường",
        1958,
        Sex::Male,
        "Tổ 1, Khu phố 3",
        Category::SickSoldier,
    ),
    (
        "Đặng Thị Lan",
        1971,
        Sex::Female,
        "Tổ 2, Khu phố 3",
        Category::NearPoor,
    ),
    (
        "Bùi Văn Minh",
        1945,
        Sex::Male,
        "Tổ 6, Khu phố 3",
        Category::MeritoriousPerson,
    ),
    (
        "Ngô Thị Nga",
        1980,
        Sex::Female,
        "Tổ 2, Khu phố 4",
        Category::Hardship,
    ),
    (
        "Huỳnh Văn Phúc",
        1953,
        Sex::Male,
        "Tổ 3, Khu phố 4",
        Category::Martyr,
    ),
    (
        "Dương Thị Tâm",
        1966,
        Sex::Female,
        "Tổ 5, Khu phố 4",
        Category::Poor,
    ),
    (
        "Lý Văn Hùng",
        1947,
        Sex::Male,
        "Tổ 1, Khu phố 5",
        Category::WarInvalid,
    ),
    (
        "Trương Thị Mai",
        1975,
        Sex::Female,
        "Tổ 2, Khu phố 5",
        Category::Hardship,
    ),
    (
        "Phan Minh Khôi",
        2012,
        Sex::Male,
        "Tổ 4, Khu phố 5",
        Category::Student,
    ),
    (
        "Đỗ Thị Hương",
        1959,
        Sex::Female,
        "Tổ 3, Khu phố 1",
        Category::NearPoor,
    ),
    (
        "Mai Văn Sơn",
        1951,
        Sex::Male,
        "Tổ 6, Khu phố 2",
        Category::Martyr,
    ),
];

pub(super) fn households() -> Vec<Household> {
    HOUSEHOLDS
        .iter()
        .map(|&(name, year, sex, address, category)| Household {
            birth_year: Some(year),
            sex: Some(sex),
            ..Household::new(name, address, category)
        })
        .collect()
}

/// The gift each category receives: (gift, value, source).
fn gift_for(category: Category) -> (&'static str, i64, &'static str) {
    match category {
        Category::HeroicMother => ("Quà và tiền mặt", 1_000_000, "Ngân sách"),
        Category::Martyr | Category::WarInvalid | Category::SickSoldier => {
            ("Quà và tiền mặt", 500_000, "Ngân sách")
        }
        Category::MeritoriousPerson => ("Quà và tiền mặt", 500_000, "Mặt trận"),
        Category::Student => ("Học bổng và sách vở", 700_000, "Xã hội hóa"),
        _ => ("Gạo, dầu ăn và tiền mặt", 400_000, "Xã hội hóa"),
    }
}

/// Every household visited; in 2026 the visits after the day are still planned and one was
/// cancelled (the family had moved).
pub(super) fn visits(year: i32, list: &[Household]) -> Vec<(Household, Visit)> {
    list.iter()
        .enumerate()
        .map(|(i, h)| {
            let (gift, value, source) = gift_for(h.category);
            let status = match (year, i) {
                (DEMO_YEAR, 12) => VisitStatus::Cancelled,
                (DEMO_YEAR, i) if i >= 10 => VisitStatus::Planned,
                _ => VisitStatus::Done,
            };
            let visit = Visit {
                date: Some(date(year, 8, if i < 8 { 11 } else { 12 })),
                delegation: if i % 2 == 0 {
                    "Đồng chí Bí thư Đảng ủy, Trưởng Công an phường".into()
                } else {
                    "Đồng chí Chủ tịch Ủy ban nhân dân phường, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường".into()
                },
                source: source.into(),
                status,
                ..Visit::new(0, gift, value)
            };
            (h.clone(), visit)
        })
        .collect()
}

pub(super) fn commendations(year: i32) -> Vec<(Decision, Recipient)> {
    let decision = Decision {
        id: 0,
        number: format!("{}/QĐ-UBND", if year == DEMO_YEAR { 125 } else { 98 }),
        date: date(year, 8, 18),
        issuer: "Ủy ban nhân dân phường Chợ Quán".into(),
        issuer_head: "Chủ tịch".into(),
        signer_title: "CHỦ TỊCH".into(),
        signer_name: "Nguyễn Văn Thành".into(),
    };
    let person = |name: &str, sex, born, position: &str, form| Recipient {
        sex: Some(sex),
        birth_year: Some(born),
        position: position.into(),
        achievement: default_achievement(year),
        ..Recipient::new(0, RecipientKind::Individual, form, name)
    };
    let collective = |name: &str, form| Recipient {
        achievement: default_achievement(year),
        ..Recipient::new(0, RecipientKind::Collective, form, name)
    };
    [
        collective(
            "Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc Khu phố 3",
            Form::Certificate,
        ),
        collective("Tổ dân phố 12, Khu phố 2", Form::Certificate),
        person(
            "Nguyễn Văn An",
            Sex::Male,
            1968,
            "Tổ trưởng Tổ dân phố 5, Khu phố 1",
            Form::Certificate,
        ),
        person(
            "Lê Thị Bích Ngọc",
            Sex::Female,
            1985,
            "Tổ viên Tổ bảo vệ an ninh, trật tự cơ sở Khu phố 4",
            Form::Certificate,
        ),
        person(
            "Trần Quốc Toản",
            Sex::Male,
            1990,
            "Đoàn viên Chi đoàn Khu phố 5",
            Form::Praise,
        ),
        Recipient {
            achievement: default_achievement(year),
            ..Recipient::new(
                0,
                RecipientKind::Household,
                Form::Certificate,
                "Hộ ông Phạm Văn Dũng",
            )
        },
    ]
    .into_iter()
    // The collective of Tổ dân phố 12 was first commended in 2026.
    .filter(|r| year == DEMO_YEAR || !r.name.starts_with("Tổ dân phố 12"))
    .map(|r| (decision.clone(), r))
    .collect()
}
