//! The figures a report package carries, each under a stable key: the figures the app
//! computes ("diem_to_chuc", "gia_tri_qua"...) and the figures the secretary enters (their
//! storage codes, "tin_bai", "khu_dan_cu_dat"...). Keys never change meaning once shipped: a
//! new figure gets a new key, and readers ignore keys they do not know.

use std::collections::BTreeMap;

use crate::domain::report::{Entered, Figure, Figures};

/// Where a key's value comes from in a unit's report.
#[derive(Debug, Clone, Copy)]
enum Source {
    Computed(fn(&Figures) -> i64),
    Entered(Figure),
}

/// One figure of the package.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: &'static str,
    /// As the report's summary table writes it.
    pub label: &'static str,
    /// Đơn vị tính.
    pub unit: &'static str,
    /// Whole đồng (formatted as money).
    pub money: bool,
    source: Source,
}

const fn computed(
    code: &'static str,
    label: &'static str,
    unit: &'static str,
    money: bool,
    read: fn(&Figures) -> i64,
) -> Key {
    Key {
        code,
        label,
        unit,
        money,
        source: Source::Computed(read),
    }
}

const COMPUTED: [Key; 13] = [
    computed(
        "diem_to_chuc",
        "Điểm tổ chức Ngày hội",
        "điểm",
        false,
        |f| f.points.points as i64,
    ),
    computed(
        "nguoi_tham_gia",
        "Lượt người tham gia",
        "lượt",
        false,
        |f| f.points.participants.into(),
    ),
    computed(
        "hoat_dong",
        "Hoạt động phần hội",
        "hoạt động",
        false,
        |f| f.activities.activities as i64,
    ),
    computed(
        "doi_tham_gia",
        "Lượt đội tham gia phần hội",
        "đội",
        false,
        |f| f.activities.teams as i64,
    ),
    computed(
        "tien_thuong",
        "Tiền thưởng phần hội",
        "đồng",
        true,
        |f| f.activities.prizes,
    ),
    computed(
        "ho_duoc_tham",
        "Hộ gia đình được thăm, tặng quà",
        "hộ",
        false,
        |f| f.gifts.households as i64,
    ),
    computed("suat_qua", "Suất quà đã trao", "suất", false, |f| {
        f.gifts.overall.gifts as i64
    }),
    computed(
        "gia_tri_qua",
        "Giá trị quà tặng",
        "đồng",
        true,
        |f| f.gifts.overall.value,
    ),
    computed(
        "khen_tap_the",
        "Tập thể được khen thưởng, biểu dương",
        "tập thể",
        false,
        |f| f.commended_total.collectives as i64,
    ),
    computed(
        "khen_ca_nhan",
        "Cá nhân được khen thưởng, biểu dương",
        "cá nhân",
        false,
        |f| f.commended_total.individuals as i64,
    ),
    computed(
        "khen_ho_gia_dinh",
        "Hộ gia đình được khen thưởng, biểu dương",
        "hộ",
        false,
        |f| f.commended_total.households as i64,
    ),
    computed(
        "cong_viec_ke_hoach",
        "Công việc chuẩn bị theo kế hoạch",
        "việc",
        false,
        |f| f.checklist_total as i64,
    ),
    computed(
        "cong_viec_hoan_thanh",
        "Công việc chuẩn bị đã hoàn thành",
        "việc",
        false,
        |f| f.checklist_done as i64,
    ),
];

/// Every key, in the order the summary prints them: computed figures, then entered ones.
pub fn keys() -> Vec<Key> {
    let entered = Figure::ALL.into_iter().map(|figure| Key {
        code: figure.code(),
        label: figure.label(),
        unit: figure.unit(),
        money: false,
        source: Source::Entered(figure),
    });
    COMPUTED.into_iter().chain(entered).collect()
}

/// The key with this code, if this version knows it.
pub fn key(code: &str) -> Option<Key> {
    keys().into_iter().find(|k| k.code == code)
}

/// The annex's columns: the figures a province compares unit by unit, with short headings.
pub const ANNEX: [(&str, &str); 10] = [
    ("diem_to_chuc", "Số điểm"),
    ("nguoi_tham_gia", "Lượt người tham gia"),
    ("ho_duoc_tham", "Hộ được thăm"),
    ("suat_qua", "Suất quà"),
    ("gia_tri_qua", "Giá trị quà (đồng)"),
    ("khen_tap_the", "Tập thể được khen"),
    ("khen_ca_nhan", "Cá nhân được khen"),
    ("khu_dan_cu_dat", "Khu dân cư đạt chuẩn"),
    ("tin_bao", "Tin báo tiếp nhận"),
    ("giao_uoc", "Giao ước thi đua"),
];

/// A unit's figures by key; an entered figure the unit did not enter is absent, never 0.
pub fn figures_of(figures: &Figures, entered: &Entered) -> BTreeMap<String, i64> {
    keys()
        .into_iter()
        .filter_map(|key| {
            let value = match key.source {
                Source::Computed(read) => Some(read(figures)),
                Source::Entered(figure) => entered.get(figure).map(i64::from),
            };
            value.map(|v| (key.code.to_string(), v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_annex_keys_exist() {
        let all = keys();
        let mut codes: Vec<&str> = all.iter().map(|k| k.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for (code, _) in ANNEX {
            assert!(key(code).is_some(), "{code}");
        }
    }

    #[test]
    fn an_entered_figure_not_entered_is_absent() {
        let mut entered = Entered::default();
        entered.set(Figure::NewsItems, Some(12));
        let figures = figures_of(&Figures::default(), &entered);
        assert_eq!(figures.get("tin_bai"), Some(&12));
        assert_eq!(figures.get("bang_ron"), None);
        assert_eq!(figures.get("diem_to_chuc"), Some(&0));
    }
}
