//! Phần lễ: the ceremony as an ordered list of items. Start times follow from the program's
//! start and the durations, unless an item is pinned to a fixed time; gaps and overlaps that a
//! pinned time creates are shown, not hidden.

use chrono::{Duration, NaiveTime};

use super::{Invalid, required, tidy, tidy_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramItem {
    pub id: i64,
    pub title: String,
    /// Who does it: "Người dẫn chương trình", "Đồng chí Chủ tịch UBND phường"...
    pub presenter: String,
    pub duration_min: u32,
    /// Pinned start time; `None` follows the previous item.
    pub fixed_time: Option<NaiveTime>,
    pub notes: String,
    /// The MC's words for this item.
    pub script: String,
    /// The MC introduces the delegates here, in protocol order.
    pub introduces_delegates: bool,
}

/// Where an item sits on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Minutes between the previous item's end and this start: positive a break, negative an
    /// overlap, zero back to back.
    pub gap_min: i64,
}

impl ProgramItem {
    pub fn new(title: &str, presenter: &str, duration_min: u32) -> ProgramItem {
        ProgramItem {
            id: 0,
            title: title.into(),
            presenter: presenter.into(),
            duration_min,
            fixed_time: None,
            notes: String::new(),
            script: String::new(),
            introduces_delegates: false,
        }
    }

    pub fn cleaned(&self) -> ProgramItem {
        let mut item = self.clone();
        tidy([&mut item.title, &mut item.presenter, &mut item.notes]);
        item.script = tidy_text(&self.script);
        item
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(
            &self.title,
            "Tên mục trong chương trình không được để trống.",
        )?;
        if self.duration_min == 0 || self.duration_min > 600 {
            return Err(Invalid(format!(
                "Thời lượng của mục “{}” phải từ 1 đến 600 phút.",
                self.title.trim()
            )));
        }
        Ok(())
    }
}

/// The clock times of every item, starting at `start`.
pub fn schedule(start: NaiveTime, items: &[ProgramItem]) -> Vec<Slot> {
    let mut previous_end = start;
    items
        .iter()
        .map(|item| {
            let begin = item.fixed_time.unwrap_or(previous_end);
            let gap_min = (begin - previous_end).num_minutes();
            let end = begin + Duration::minutes(i64::from(item.duration_min));
            previous_end = end;
            Slot {
                start: begin,
                end,
                gap_min,
            }
        })
        .collect()
}

/// The standard order of a ceremony (brief, section 3), with usual durations and the MC's words.
pub fn standard_program() -> Vec<ProgramItem> {
    let item = |title: &str, presenter: &str, minutes: u32, script: &str| ProgramItem {
        script: script.into(),
        ..ProgramItem::new(title, presenter, minutes)
    };
    let mut items = vec![
        item(
            "Văn nghệ chào mừng",
            "Đội văn nghệ các khu dân cư",
            15,
            "Mở đầu chương trình, xin mời quý vị đại biểu và bà con nhân dân cùng thưởng thức các tiết mục văn nghệ chào mừng Ngày hội.",
        ),
        item(
            "Chào cờ",
            "Người dẫn chương trình",
            5,
            "Kính mời quý vị đại biểu và toàn thể bà con nhân dân đứng nghiêm làm lễ chào cờ. Nghiêm! Chào cờ, chào! Quốc ca. Xin mời quý vị ngồi.",
        ),
        item(
            "Tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình",
            "Người dẫn chương trình",
            10,
            "Thực hiện kế hoạch của Ban Chỉ đạo, hôm nay chúng ta long trọng tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc. Đến dự Ngày hội hôm nay, chúng tôi trân trọng giới thiệu:",
        ),
        item(
            "Diễn văn khai mạc, báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "Đại diện Ban Chỉ đạo",
            20,
            "Xin trân trọng kính mời đại diện Ban Chỉ đạo đọc diễn văn khai mạc và báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc.",
        ),
        item(
            "Tham luận, trao đổi kinh nghiệm",
            "Đại diện các khu dân cư",
            15,
            "Tiếp theo chương trình, xin mời đại diện các khu dân cư trình bày tham luận, trao đổi kinh nghiệm trong phong trào.",
        ),
        item(
            "Công bố quyết định và trao khen thưởng cho tập thể, cá nhân",
            "Người dẫn chương trình",
            15,
            "Ghi nhận những thành tích trong phong trào, xin công bố quyết định khen thưởng. Kính mời quý vị đại biểu lên trao thưởng cho các tập thể, cá nhân.",
        ),
        item(
            "Phát biểu và tặng quà của đại biểu cấp trên",
            "Đại biểu cấp trên",
            10,
            "Xin trân trọng kính mời đồng chí đại biểu cấp trên phát biểu và tặng quà Ngày hội.",
        ),
        item(
            "Phát biểu tiếp thu của lãnh đạo đơn vị tổ chức",
            "Lãnh đạo đơn vị tổ chức",
            5,
            "Xin kính mời lãnh đạo đơn vị phát biểu tiếp thu ý kiến chỉ đạo.",
        ),
        item(
            "Ký kết giao ước thi đua",
            "Đại diện các khu dân cư",
            10,
            "Xin mời đại diện các khu dân cư lên ký kết giao ước thi đua thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc.",
        ),
        item(
            "Bế mạc phần lễ",
            "Người dẫn chương trình",
            5,
            "Phần lễ của Ngày hội đến đây xin được khép lại. Kính mời quý vị đại biểu và bà con nhân dân tham gia các hoạt động của phần hội. Xin chân thành cảm ơn!",
        ),
    ];
    items[2].introduces_delegates = true;
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn times_follow_the_durations() {
        let items = standard_program();
        let slots = schedule(t(7, 30), &items);
        assert_eq!(slots[0].start, t(7, 30));
        assert_eq!(slots[1].start, t(7, 45));
        assert_eq!(slots[2].start, t(7, 50));
        assert!(slots.iter().all(|s| s.gap_min == 0));
        assert_eq!(slots.last().unwrap().end, t(9, 20));
    }

    #[test]
    fn a_pinned_time_shows_a_break_or_an_overlap() {
        let mut items = vec![
            ProgramItem::new("A", "", 30),
            ProgramItem::new("B", "", 10),
            ProgramItem::new("C", "", 10),
        ];
        items[1].fixed_time = Some(t(8, 15));
        items[2].fixed_time = Some(t(8, 20));
        let slots = schedule(t(7, 30), &items);
        assert_eq!(slots[1].start, t(8, 15));
        assert_eq!(slots[1].gap_min, 15, "a break of 15 minutes");
        assert_eq!(slots[2].gap_min, -5, "C starts 5 minutes before B ends");
    }

    #[test]
    fn the_standard_order_opens_with_the_flag_and_introduces_delegates() {
        let items = standard_program();
        assert_eq!(items.len(), 10);
        assert_eq!(items[1].title, "Chào cờ");
        assert!(items[2].introduces_delegates);
        assert!(
            items
                .iter()
                .all(|i| i.validate().is_ok() && !i.script.is_empty())
        );
    }

    #[test]
    fn an_item_needs_a_title_and_a_duration() {
        let mut item = ProgramItem::new(" ", "", 5);
        assert_eq!(
            item.validate().unwrap_err().0,
            "Tên mục trong chương trình không được để trống."
        );
        item.title = "Chào cờ".into();
        item.duration_min = 0;
        assert_eq!(
            item.validate().unwrap_err().0,
            "Thời lượng của mục “Chào cờ” phải từ 1 đến 600 phút."
        );
    }
}
