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
        Section::Organisation => format!(
            "Ban Chỉ đạo đã hướng dẫn các đơn vị tổ chức Ngày hội và gửi báo cáo kết quả. Đến nay đã nhận báo cáo của {reported}/{expected} đơn vị{}.",
            if reported > expected {
                format!(" (và {} đơn vị ngoài danh sách)", reported - c.rows.iter().filter(|r| r.expected && r.received.is_some()).count())
            } else {
                String::new()
            }
        ),
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
