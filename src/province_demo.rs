//! The province's example (`ngayhoi demo --province`): Tỉnh Đồng Nai expecting reports from 42
//! wards and communes, with their packages of 2025 taken in (so 2026 is compared with last
//! year) and those of 2026 arriving over ten days: six units have not reported, Phường Long
//! Bình sent a corrected package that replaced its first, and Xã Bàu Hàm's package had a
//! figure typed over by hand. Every package goes through the real reader and `take_in`.
//!
//! Figures are made up but plausible, from a fixed pseudo-random sequence, so the example is
//! the same every time.

use chrono::{NaiveDate, NaiveDateTime};

use crate::consolidation::{Incoming, Intake, Package};
use crate::domain::report::Section;
use crate::domain::{Form, Level, Unit, YearEvent};
use crate::export::Cell;
use crate::storage::{Store, StoreError};

/// The units the province expects a report from.
pub const UNITS: [&str; 42] = [
    "Phường Biên Hòa",
    "Phường Trấn Biên",
    "Phường Tam Hiệp",
    "Phường Long Bình",
    "Phường Trảng Dài",
    "Phường Hố Nai",
    "Phường Long Hưng",
    "Phường Bình Lộc",
    "Phường Bảo Vinh",
    "Phường Xuân Lập",
    "Phường Long Khánh",
    "Phường Hàng Gòn",
    "Phường Phước Tân",
    "Phường Tam Phước",
    "Xã Đại Phước",
    "Xã Nhơn Trạch",
    "Xã Phước An",
    "Xã Phước Thái",
    "Xã Long Phước",
    "Xã Bình An",
    "Xã Long Thành",
    "Xã An Phước",
    "Xã An Viễn",
    "Xã Bình Minh",
    "Xã Trảng Bom",
    "Xã Bàu Hàm",
    "Xã Hưng Thịnh",
    "Xã Dầu Giây",
    "Xã Gia Kiệm",
    "Xã Thống Nhất",
    "Xã Xuân Đường",
    "Xã Xuân Đông",
    "Xã Xuân Định",
    "Xã Xuân Phú",
    "Xã Xuân Lộc",
    "Xã Xuân Hòa",
    "Xã Sông Ray",
    "Xã Cẩm Mỹ",
    "Xã Định Quán",
    "Xã Tân Phú",
    "Xã Đak Lua",
    "Xã Nam Cát Tiên",
];

/// Units that have not sent their 2026 report.
pub const MISSING: [&str; 6] = [
    "Phường Hàng Gòn",
    "Xã An Viễn",
    "Xã Xuân Định",
    "Xã Sông Ray",
    "Xã Đak Lua",
    "Xã Nam Cát Tiên",
];
/// Sent a corrected package after its first.
pub const RESENT: &str = "Phường Long Bình";
/// Its package had a figure typed over after it was made.
pub const EDITED: &str = "Xã Bàu Hàm";

pub fn unit() -> Unit {
    Unit {
        head_name: "Nguyễn Văn Thành".into(),
        secretary_name: "Lê Thị Mai".into(),
        ..Unit::new(
            "Tỉnh Đồng Nai",
            Level::Province,
            "Tỉnh Đồng Nai",
            "Đồng Nai",
        )
    }
}

/// A fixed sequence of numbers in a range (a linear congruential generator).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, low: i64, high: i64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        low + ((self.0 >> 33) as i64) % (high - low + 1)
    }
}

fn at(year: i32, month: u32, day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|d| d.and_hms_opt(hour, 15, 0))
        .expect("a valid demo date")
}

/// The package of unit `index` for `year`, made at `made_at`; `seed` varies the figures.
pub fn package(index: usize, name: &str, year: i32, made_at: NaiveDateTime, seed: u64) -> Package {
    let mut dice = Dice(seed * 7919 + index as u64 * 104_729 + year as u64);
    let mut figures = Vec::new();
    let points = dice.roll(3, 12);
    let households = dice.roll(20, 120);
    let gifts = households + dice.roll(0, 30);
    let activities = dice.roll(3, 10);
    let areas = dice.roll(6, 25);
    let agencies = dice.roll(4, 20);
    let schools = dice.roll(3, 12);
    let steps = 14;
    for (key, value) in [
        ("diem_to_chuc", points),
        ("nguoi_tham_gia", points * dice.roll(150, 450)),
        ("hoat_dong", activities),
        ("doi_tham_gia", activities * dice.roll(3, 8)),
        ("tien_thuong", activities * dice.roll(2, 6) * 500_000),
        ("ho_duoc_tham", households),
        ("suat_qua", gifts),
        ("gia_tri_qua", gifts * dice.roll(4, 10) * 100_000),
        ("khen_tap_the", dice.roll(2, 8)),
        ("khen_ca_nhan", dice.roll(5, 25)),
        ("khen_ho_gia_dinh", dice.roll(0, 6)),
        ("cong_viec_ke_hoach", steps),
        ("cong_viec_hoan_thanh", steps - dice.roll(0, 3)),
        ("tin_bai", dice.roll(5, 40)),
        ("bang_ron", dice.roll(10, 60)),
        ("phat_thanh", dice.roll(10, 90)),
        ("mo_hinh_duy_tri", dice.roll(3, 15)),
        ("mo_hinh_moi", dice.roll(0, 3)),
        ("khu_dan_cu_dat", areas - dice.roll(0, 4)),
        ("khu_dan_cu_tong", areas),
        ("co_quan_dat", agencies - dice.roll(0, 3)),
        ("co_quan_tong", agencies),
        ("truong_hoc_dat", schools),
        ("truong_hoc_tong", schools),
        ("tin_bao", dice.roll(2, 30)),
        ("vu_viec", dice.roll(1, 20)),
        ("giao_uoc", dice.roll(3, 25)),
    ] {
        // One unit in five leaves some entered figures empty, as real reports do.
        if index % 5 == 4 && matches!(key, "phat_thanh" | "tin_bao" | "vu_viec") {
            continue;
        }
        figures.push((key.to_string(), value));
    }
    let praised = figures
        .iter()
        .filter(|(k, _)| k.starts_with("khen_"))
        .map(|(_, v)| v)
        .sum::<i64>();
    let merit = praised / 5;
    Package {
        unit: name.to_string(),
        level: if name.starts_with("Phường") {
            Level::Ward
        } else {
            Level::Commune
        },
        province: "Tỉnh Đồng Nai".into(),
        year,
        event_date: NaiveDate::from_ymd_opt(year, 8, 10 + (index % 9) as u32)
            .expect("a day in August"),
        figures: figures.into_iter().collect(),
        commended: [(Form::Merit, merit), (Form::Certificate, praised - merit)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect(),
        sections: [(
            Section::Organisation,
            format!(
                "Ban Chỉ đạo {} đã xây dựng kế hoạch, phân công thành viên phụ trách từng điểm tổ chức Ngày hội.",
                crate::papers::report::lower_level_word(name)
            ),
        )]
        .into(),
        made_at,
        made_by: "Thư ký Ban Chỉ đạo".into(),
    }
}

fn file(package: &Package) -> Result<Incoming, String> {
    Ok(Incoming {
        file_name: crate::export::package::file_name(package.year, &package.unit),
        bytes: crate::export::package::render_data(package)?,
    })
}

/// A package whose participants were typed over in Excel after it was made.
fn typed_over(package: &Package) -> Result<Incoming, String> {
    let mut sheet = crate::export::package::data_sheet(package);
    for row in &mut sheet.rows {
        if row.first() == Some(&Cell::text("so_lieu.nguoi_tham_gia"))
            && let Some(Cell::Integer(n)) = row.get(1).cloned()
        {
            row[1] = Cell::Integer(n + 1500);
        }
    }
    Ok(Incoming {
        file_name: format!("{} (đã sửa).xlsx", package.unit),
        bytes: crate::export::to_xlsx(&[sheet])?,
    })
}

/// The batches of package files in the order they arrive: when, which year, which files.
pub fn arrivals() -> Result<Vec<(NaiveDateTime, i32, Vec<Incoming>)>, String> {
    let mut batches = Vec::new();
    let last_year: Vec<Incoming> = UNITS
        .iter()
        .enumerate()
        .map(|(i, name)| file(&package(i, name, 2025, at(2025, 8, 22, 9), 1)))
        .collect::<Result<_, _>>()?;
    batches.push((at(2025, 8, 28, 16), 2025, last_year));
    // 2026: the units that reported, spread over ten days.
    let mut days: Vec<Vec<Incoming>> = vec![Vec::new(); 10];
    for (i, name) in UNITS.iter().enumerate() {
        if MISSING.contains(name) {
            continue;
        }
        let day = (i * 7) % 10;
        let made = at(2026, 8, 19 + day as u32, 8);
        let package = package(i, name, 2026, made, 2);
        days[day].push(if *name == EDITED {
            typed_over(&package)?
        } else {
            file(&package)?
        });
    }
    // The corrected package comes on the last day.
    let index = UNITS.iter().position(|n| *n == RESENT).unwrap_or(0);
    days[9].push(file(&package(index, RESENT, 2026, at(2026, 8, 28, 14), 3))?);
    for (day, files) in days.into_iter().enumerate() {
        if !files.is_empty() {
            batches.push((at(2026, 8, 19 + day as u32, 17), 2026, files));
        }
    }
    Ok(batches)
}

/// Fills an empty data file with the province's example; refuses a file that already has a
/// unit. Returns what became of each package.
pub fn fill(store: &mut Store) -> Result<Vec<Intake>, String> {
    if let Some(existing) = store.unit().map_err(|e| e.to_string())? {
        return Err(format!(
            "tệp dữ liệu đã được thiết lập cho {}; ví dụ của tỉnh cần một tệp mới (dùng --db).",
            existing.name
        ));
    }
    let fail = |e: StoreError| e.to_string();
    let province = unit();
    let y2025 = store
        .initialize(&province, &YearEvent::defaults(2025))
        .map_err(fail)?;
    let y2026 = store.start_year_fresh(2026).map_err(fail)?;
    let names: Vec<String> = UNITS.iter().map(|s| s.to_string()).collect();
    for event in [y2025.id, y2026.id] {
        store.add_expected_units(event, &names).map_err(fail)?;
    }
    let mut intakes = Vec::new();
    for (arrived, year, files) in arrivals()? {
        intakes.extend(store.take_in(year, &files, arrived, false).map_err(fail)?);
    }
    Ok(intakes)
}
