//! The figures the app cannot know and the secretary enters on the report screen: propaganda
//! output, security models, units meeting the "An toàn về an ninh, trật tự" standard, tips and
//! cases, pacts. A figure not entered is `None` (and printed as "-"), never 0.

use std::collections::BTreeMap;

use crate::domain::Invalid;

/// One entered figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    NewsItems,
    Banners,
    LoudspeakerRuns,
    Leaflets,
    ModelsMaintained,
    ModelsReplicated,
    ModelsNew,
    AreasMeeting,
    AreasTotal,
    AgenciesMeeting,
    AgenciesTotal,
    SchoolsMeeting,
    SchoolsTotal,
    TipsReceived,
    CasesSolved,
    PactsSigned,
}

/// The groups the report screen and the paper show entered figures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Propaganda,
    Models,
    Standard,
    Security,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Propaganda,
        Group::Models,
        Group::Standard,
        Group::Security,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Group::Propaganda => "Công tác tuyên truyền",
            Group::Models => "Mô hình, tổ nhóm tự quản về an ninh, trật tự",
            Group::Standard => "Đạt chuẩn “An toàn về an ninh, trật tự”",
            Group::Security => "Tin báo, vụ việc và giao ước thi đua",
        }
    }

    /// The plain figures of the group (the standard's pairs are in `Standard`).
    pub fn figures(self) -> &'static [Figure] {
        match self {
            Group::Propaganda => &[
                Figure::NewsItems,
                Figure::Banners,
                Figure::LoudspeakerRuns,
                Figure::Leaflets,
            ],
            Group::Models => &[
                Figure::ModelsMaintained,
                Figure::ModelsReplicated,
                Figure::ModelsNew,
            ],
            Group::Standard => &[],
            Group::Security => &[
                Figure::TipsReceived,
                Figure::CasesSolved,
                Figure::PactsSigned,
            ],
        }
    }
}

impl Figure {
    pub const ALL: [Figure; 16] = [
        Figure::NewsItems,
        Figure::Banners,
        Figure::LoudspeakerRuns,
        Figure::Leaflets,
        Figure::ModelsMaintained,
        Figure::ModelsReplicated,
        Figure::ModelsNew,
        Figure::AreasMeeting,
        Figure::AreasTotal,
        Figure::AgenciesMeeting,
        Figure::AgenciesTotal,
        Figure::SchoolsMeeting,
        Figure::SchoolsTotal,
        Figure::TipsReceived,
        Figure::CasesSolved,
        Figure::PactsSigned,
    ];

    /// Stable text stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Figure::NewsItems => "tin_bai",
            Figure::Banners => "bang_ron",
            Figure::LoudspeakerRuns => "phat_thanh",
            Figure::Leaflets => "to_roi",
            Figure::ModelsMaintained => "mo_hinh_duy_tri",
            Figure::ModelsReplicated => "mo_hinh_nhan_rong",
            Figure::ModelsNew => "mo_hinh_moi",
            Figure::AreasMeeting => "khu_dan_cu_dat",
            Figure::AreasTotal => "khu_dan_cu_tong",
            Figure::AgenciesMeeting => "co_quan_dat",
            Figure::AgenciesTotal => "co_quan_tong",
            Figure::SchoolsMeeting => "truong_hoc_dat",
            Figure::SchoolsTotal => "truong_hoc_tong",
            Figure::TipsReceived => "tin_bao",
            Figure::CasesSolved => "vu_viec",
            Figure::PactsSigned => "giao_uoc",
        }
    }

    pub fn from_code(code: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.code() == code)
    }

    /// What the figure counts, as the report's table writes it.
    pub fn label(self) -> &'static str {
        match self {
            Figure::NewsItems => "Tin, bài tuyên truyền",
            Figure::Banners => "Băng rôn, khẩu hiệu",
            Figure::LoudspeakerRuns => "Lượt phát thanh trên hệ thống loa",
            Figure::Leaflets => "Tờ rơi, tài liệu phát hành",
            Figure::ModelsMaintained => "Mô hình duy trì",
            Figure::ModelsReplicated => "Mô hình nhân rộng",
            Figure::ModelsNew => "Mô hình xây dựng mới",
            Figure::AreasMeeting => "Khu dân cư đạt chuẩn",
            Figure::AreasTotal => "Tổng số khu dân cư",
            Figure::AgenciesMeeting => "Cơ quan, doanh nghiệp đạt chuẩn",
            Figure::AgenciesTotal => "Tổng số cơ quan, doanh nghiệp",
            Figure::SchoolsMeeting => "Nhà trường đạt chuẩn",
            Figure::SchoolsTotal => "Tổng số nhà trường",
            Figure::TipsReceived => "Tin báo, tố giác tội phạm tiếp nhận",
            Figure::CasesSolved => "Vụ việc được giải quyết",
            Figure::PactsSigned => "Giao ước thi đua được ký kết",
        }
    }

    /// Đơn vị tính.
    pub fn unit(self) -> &'static str {
        match self {
            Figure::NewsItems => "tin, bài",
            Figure::Banners => "băng rôn",
            Figure::LoudspeakerRuns => "lượt",
            Figure::Leaflets => "tờ",
            Figure::ModelsMaintained | Figure::ModelsReplicated | Figure::ModelsNew => "mô hình",
            Figure::AreasMeeting | Figure::AreasTotal => "khu dân cư",
            Figure::AgenciesMeeting | Figure::AgenciesTotal => "cơ quan",
            Figure::SchoolsMeeting | Figure::SchoolsTotal => "trường",
            Figure::TipsReceived => "tin",
            Figure::CasesSolved => "vụ việc",
            Figure::PactsSigned => "bản",
        }
    }
}

/// Units meeting the "An toàn về an ninh, trật tự" standard: x of y.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standard {
    Areas,
    Agencies,
    Schools,
}

impl Standard {
    pub const ALL: [Standard; 3] = [Standard::Areas, Standard::Agencies, Standard::Schools];

    pub fn label(self) -> &'static str {
        match self {
            Standard::Areas => "Khu dân cư",
            Standard::Agencies => "Cơ quan, doanh nghiệp",
            Standard::Schools => "Nhà trường",
        }
    }

    /// (meeting the standard, all of them).
    pub fn figures(self) -> (Figure, Figure) {
        match self {
            Standard::Areas => (Figure::AreasMeeting, Figure::AreasTotal),
            Standard::Agencies => (Figure::AgenciesMeeting, Figure::AgenciesTotal),
            Standard::Schools => (Figure::SchoolsMeeting, Figure::SchoolsTotal),
        }
    }
}

/// The entered figures of one year; a figure not in the map was not entered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entered {
    values: BTreeMap<Figure, u32>,
}

impl Entered {
    pub fn get(&self, figure: Figure) -> Option<u32> {
        self.values.get(&figure).copied()
    }

    pub fn set(&mut self, figure: Figure, value: Option<u32>) {
        match value {
            Some(v) => self.values.insert(figure, v),
            None => self.values.remove(&figure),
        };
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Every figure entered, in `Figure::ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = (Figure, u32)> + '_ {
        self.values.iter().map(|(f, v)| (*f, *v))
    }

    /// x, y and x/y in percent, when both are entered and y is not 0.
    pub fn ratio(&self, standard: Standard) -> Option<(u32, u32, f64)> {
        let (meeting, total) = standard.figures();
        let (x, y) = (self.get(meeting)?, self.get(total)?);
        (y > 0).then(|| (x, y, f64::from(x) * 100.0 / f64::from(y)))
    }

    /// More units meeting the standard than there are is a typing mistake. (Cases solved
    /// may exceed tips received: cases come from earlier years' tips too.)
    pub fn validate(&self) -> Result<(), Invalid> {
        for standard in Standard::ALL {
            let (meeting, total) = standard.figures();
            if let (Some(x), Some(y)) = (self.get(meeting), self.get(total))
                && x > y
            {
                return Err(Invalid(format!(
                    "{}: số đạt chuẩn ({x}) không được lớn hơn tổng số ({y}).",
                    standard.label()
                )));
            }
        }
        Ok(())
    }
}

/// What a secretary types into a figure's field: digits with or without thousands dots;
/// an empty field clears the figure. `Err` with the sentence to show.
pub fn parse_figure(text: &str) -> Result<Option<u32>, Invalid> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{00A0}'))
        .collect();
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = digits.parse::<u32>()
    {
        return Ok(Some(n));
    }
    Err(Invalid(format!("“{trimmed}” không phải là một số nguyên.")))
}

/// "80,0%": one decimal, with a comma.
pub fn percent_text(percent: f64) -> String {
    format!("{percent:.1}%").replace('.', ",")
}
