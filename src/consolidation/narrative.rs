//! The consolidated report's narrative sections, pre-filled from the totals: who reported,
//! the main results beside last year, who has not reported and which packages were edited.

use super::table::Consolidation;
use crate::domain::report::Section;
use crate::text::{money, thousands};

fn total(c: &Consolidation, key: &str) -> i64 {
    c.totals.figures.get(key).copied().unwrap_or(0)
}

/// "(tăng 120 so với năm 2025)", or nothing when last year has no figure.
fn compared(c: &Consolidation, key: &str, as_money: bool) -> String {
    let Some(last) = c.last.as_ref() else {
        return String::new();
    };
    let Some(before) = last.figures.get(key) else {
        return String::new();
    };
    let delta = total(c, key) - before;
    let amount = |n: i64| if as_money { money(n) } else { thousands(n) };
    match delta {
        0 => format!(" (bằng năm {})", last.year),
        d if d > 0 => format!(" (tăng {} so với năm {})", amount(d), last.year),
        d => format!(" (giảm {} so với năm {})", amount(-d), last.year),
    }
}

/// The default text of a section of the consolidated report.
pub fn default_text(c: &Consolidation, section: Section) -> String {
    let year = c.year;
    let reported = c.reported().count();
    let expected = c.expected_count();
    match section {
        Section::Purpose => format!(
            "Tổng hợp, đánh giá kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {year} tại các xã, phường, đặc khu trên địa bàn; rút kinh nghiệm và đề ra phương hướng xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trong thời gian tới."
        ),
        Section::Organisation => {
            let listed = c.reported().filter(|r| r.expected).count();
            let others = reported - listed;
            format!(
                "Ban Chỉ đạo đã hướng dẫn các đơn vị tổ chức Ngày hội và gửi báo cáo kết quả. Đến nay đã nhận báo cáo của {listed}/{expected} đơn vị{}.",
                if others > 0 {
                    format!(" và {others} đơn vị ngoài danh sách")
                } else {
                    String::new()
                }
            )
        }
        Section::Results => format!(
            "Các đơn vị đã tổ chức Ngày hội tại {} điểm{}, với {} lượt người tham gia{}; thăm hỏi, tặng quà {} hộ gia đình với {} suất quà, tổng giá trị {}{}; khen thưởng, biểu dương {} tập thể, {} cá nhân và {} hộ gia đình.",
            thousands(total(c, "diem_to_chuc")),
            compared(c, "diem_to_chuc", false),
            thousands(total(c, "nguoi_tham_gia")),
            compared(c, "nguoi_tham_gia", false),
            thousands(total(c, "ho_duoc_tham")),
            thousands(total(c, "suat_qua")),
            money(total(c, "gia_tri_qua")),
            compared(c, "gia_tri_qua", true),
            thousands(total(c, "khen_tap_the")),
            thousands(total(c, "khen_ca_nhan")),
            thousands(total(c, "khen_ho_gia_dinh")),
        ),
        Section::Limitations => {
            let missing: Vec<&str> = c.missing().map(|r| r.name.as_str()).collect();
            let edited: Vec<&str> = c.edited().map(|r| r.name.as_str()).collect();
            let mut parts = Vec::new();
            if !missing.is_empty() {
                parts.push(format!(
                    "Còn {} đơn vị chưa gửi báo cáo: {}.",
                    missing.len(),
                    missing.join(", ")
                ));
            }
            if !edited.is_empty() {
                parts.push(format!(
                    "Số liệu của {} đơn vị đã bị sửa tay sau khi lập tệp, cần đối chiếu lại: {}.",
                    edited.len(),
                    edited.join(", ")
                ));
            }
            if parts.is_empty() {
                parts.push("Các đơn vị đã gửi báo cáo đầy đủ, đúng hạn.".into());
            }
            parts.join("\n")
        }
        Section::Lessons => "Nơi nào cấp ủy, chính quyền quan tâm lãnh đạo, chỉ đạo, phát huy vai trò của Mặt trận và các đoàn thể, huy động được đông đảo Nhân dân tham gia thì Ngày hội đạt kết quả cao.".into(),
        Section::Proposals => "Đề nghị các đơn vị tiếp tục duy trì, nhân rộng các mô hình tự quản về an ninh, trật tự; gửi báo cáo đúng hạn, đúng mẫu để thuận lợi cho việc tổng hợp.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidation::package::commune;
    use crate::consolidation::{ExpectedUnit, Received};
    use crate::domain::{Level, Unit};

    fn received(unit: &str, participants: i64) -> Received {
        let made = chrono::NaiveDate::from_ymd_opt(2026, 8, 20)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        Received {
            id: 0,
            package: commune(unit, 2026, made, &[("nguoi_tham_gia", participants)]),
            intact: true,
            arrived_at: made,
            file_name: String::new(),
            current: true,
        }
    }

    #[test]
    fn units_outside_the_list_are_counted_apart() {
        let province = Unit::new(
            "Tỉnh Đồng Nai",
            Level::Province,
            "Tỉnh Đồng Nai",
            "Biên Hòa",
        );
        let expected = [
            ExpectedUnit::new("Xã A Lưới"),
            ExpectedUnit::new("Xã Bình Sơn"),
        ];
        let received = [received("xa a luoi", 100), received("Xã Lạ", 50)];
        let c = Consolidation::new(province, 2026, &expected, &received, &[]);
        assert_eq!(c.totals.figures["nguoi_tham_gia"], 150);
        let text = default_text(&c, Section::Organisation);
        assert!(
            text.ends_with("đã nhận báo cáo của 1/2 đơn vị và 1 đơn vị ngoài danh sách."),
            "{text}"
        );
        assert_eq!(
            default_text(&c, Section::Limitations),
            "Còn 1 đơn vị chưa gửi báo cáo: Xã Bình Sơn."
        );
    }
}
