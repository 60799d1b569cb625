//! Điểm tổ chức: where the day is held. The main venue and the points in residential areas,
//! agencies, enterprises and schools; their participants feed the report.

use chrono::NaiveDate;

use super::{Invalid, required, tidy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointKind {
    Main,
    Residential,
    Agency,
    Enterprise,
    School,
}

impl PointKind {
    pub const ALL: [PointKind; 5] = [
        PointKind::Main,
        PointKind::Residential,
        PointKind::Agency,
        PointKind::Enterprise,
        PointKind::School,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PointKind::Main => "chinh",
            PointKind::Residential => "khu_dan_cu",
            PointKind::Agency => "co_quan",
            PointKind::Enterprise => "doanh_nghiep",
            PointKind::School => "truong_hoc",
        }
    }

    pub fn from_code(code: &str) -> Option<PointKind> {
        PointKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            PointKind::Main => "Điểm chính",
            PointKind::Residential => "Khu dân cư",
            PointKind::Agency => "Cơ quan",
            PointKind::Enterprise => "Doanh nghiệp",
            PointKind::School => "Trường học",
        }
    }
}

impl std::fmt::Display for PointKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPoint {
    pub id: i64,
    /// Where, e.g. "Sân UBND phường Chợ Quán".
    pub name: String,
    pub kind: PointKind,
    pub date: NaiveDate,
    /// Who hosts it, e.g. "Ban điều hành Khu phố 3".
    pub host: String,
    pub expected: u32,
    /// Known after the day.
    pub actual: Option<u32>,
}

impl EventPoint {
    pub fn cleaned(&self) -> EventPoint {
        let mut point = self.clone();
        tidy([&mut point.name, &mut point.host]);
        point
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(&self.name, "Tên điểm tổ chức không được để trống.")
    }
}

/// Participants over all points: (expected, actual), where a point without an actual count yet
/// adds nothing to the actual total.
pub fn participants(points: &[EventPoint]) -> (u32, u32) {
    let expected = points.iter().map(|p| p.expected).sum();
    let actual = points.iter().map(|p| p.actual.unwrap_or(0)).sum();
    (expected, actual)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_read_in_vietnamese() {
        for kind in PointKind::ALL {
            assert_eq!(PointKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(PointKind::School.to_string(), "Trường học");
    }

    #[test]
    fn participants_add_up() {
        let point = |expected, actual| EventPoint {
            id: 0,
            name: "Sân".into(),
            kind: PointKind::Main,
            date: NaiveDate::from_ymd_opt(2026, 8, 14).unwrap(),
            host: String::new(),
            expected,
            actual,
        };
        assert_eq!(
            participants(&[point(300, Some(350)), point(100, None)]),
            (400, 350)
        );
    }
}
