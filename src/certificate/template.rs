//! A certificate template: the paper, whether the app draws the whole page or only fills a
//! pre-printed blank (phôi), and one box per field in millimetres from the paper's top-left
//! corner, with its type and its overflow rule.

use crate::document::{Align, Face};
use crate::domain::Form;

/// Paper sizes, landscape, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paper {
    A4Landscape,
    A3Landscape,
    Custom { width_mm: f32, height_mm: f32 },
}

impl Paper {
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4Landscape => (297.0, 210.0),
            Paper::A3Landscape => (420.0, 297.0),
            Paper::Custom {
                width_mm,
                height_mm,
            } => (width_mm, height_mm),
        }
    }

    pub fn label(self) -> String {
        match self {
            Paper::A4Landscape => "A4 ngang".into(),
            Paper::A3Landscape => "A3 ngang".into(),
            Paper::Custom {
                width_mm,
                height_mm,
            } => format!("{width_mm:.0} × {height_mm:.0} mm"),
        }
    }
}

/// Who draws the fixed parts of the certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The app draws the frame, the national title and motto, "TẶNG" and the title.
    FullPage,
    /// The paper is a pre-printed blank: only the variable fields are printed.
    Blank,
}

/// The variable fields of a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKey {
    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN"
    Authority,
    /// "Ông Nguyễn Văn An", or the collective's name.
    Recipient,
    /// Position and unit of a person.
    Position,
    Achievement,
    /// "Quyết định số 125/QĐ-UBND ngày 18/8/2026"
    Decision,
    /// "Chợ Quán, ngày 18 tháng 8 năm 2026"
    PlaceDate,
    /// "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH".
    SignerTitle,
    SignerName,
    /// "Số vào sổ: 015", with the unit's digits.
    Register,
}

impl FieldKey {
    pub const ALL: [FieldKey; 9] = [
        FieldKey::Authority,
        FieldKey::Recipient,
        FieldKey::Position,
        FieldKey::Achievement,
        FieldKey::Decision,
        FieldKey::PlaceDate,
        FieldKey::SignerTitle,
        FieldKey::SignerName,
        FieldKey::Register,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FieldKey::Authority => "Cấp khen (người đứng đầu cơ quan)",
            FieldKey::Recipient => "Người, tập thể được khen",
            FieldKey::Position => "Chức vụ, đơn vị",
            FieldKey::Achievement => "Thành tích",
            FieldKey::Decision => "Số, ngày quyết định",
            FieldKey::PlaceDate => "Địa danh, ngày tháng",
            FieldKey::SignerTitle => "Chức danh người ký",
            FieldKey::SignerName => "Họ tên người ký",
            FieldKey::Register => "Số vào sổ",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            FieldKey::Authority => "authority",
            FieldKey::Recipient => "recipient",
            FieldKey::Position => "position",
            FieldKey::Achievement => "achievement",
            FieldKey::Decision => "decision",
            FieldKey::PlaceDate => "place_date",
            FieldKey::SignerTitle => "signer_title",
            FieldKey::SignerName => "signer_name",
            FieldKey::Register => "register",
        }
    }

    pub fn from_code(code: &str) -> Option<FieldKey> {
        FieldKey::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where and how one field is printed. Text that does not fit is wrapped to at most
/// `max_lines`, then shrunk in half points down to `min_size_pt`; what still does not fit is
/// reported before printing and printed whole at the floor size, never cut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldBox {
    pub key: FieldKey,
    pub x_mm: f32,
    pub y_mm: f32,
    pub width_mm: f32,
    pub height_mm: f32,
    pub size_pt: f32,
    pub bold: bool,
    pub italic: bool,
    pub align: Align,
    pub max_lines: u32,
    pub min_size_pt: f32,
    /// Off for a field the blank already carries.
    pub print: bool,
}

impl FieldBox {
    pub fn face(&self) -> Face {
        match (self.bold, self.italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub id: i64,
    pub name: String,
    pub form: Form,
    pub paper: Paper,
    pub mode: Mode,
    pub fields: Vec<FieldBox>,
    /// A scan of the blank, shown behind the preview and never printed.
    pub background: Option<std::path::PathBuf>,
}

/// Boxes of the A4 landscape Giấy khen; other papers scale them.
fn a4_fields() -> Vec<FieldBox> {
    use FieldKey::*;
    let b = |key, x, y, w, h, size, bold, italic, align, lines, min| FieldBox {
        key,
        x_mm: x,
        y_mm: y,
        width_mm: w,
        height_mm: h,
        size_pt: size,
        bold,
        italic,
        align,
        max_lines: lines,
        min_size_pt: min,
        print: true,
    };
    vec![
        b(
            Authority,
            40.0,
            45.0,
            217.0,
            14.0,
            15.0,
            true,
            false,
            Align::Center,
            2,
            11.0,
        ),
        b(
            Recipient,
            30.0,
            93.0,
            237.0,
            20.0,
            24.0,
            true,
            true,
            Align::Center,
            2,
            14.0,
        ),
        b(
            Position,
            35.0,
            113.5,
            227.0,
            8.0,
            14.0,
            false,
            true,
            Align::Center,
            1,
            10.0,
        ),
        b(
            Achievement,
            35.0,
            122.0,
            227.0,
            21.0,
            15.0,
            false,
            false,
            Align::Center,
            3,
            11.0,
        ),
        b(
            Decision,
            22.0,
            147.0,
            105.0,
            12.0,
            12.0,
            false,
            true,
            Align::Center,
            2,
            9.0,
        ),
        b(
            Register,
            22.0,
            160.0,
            105.0,
            7.0,
            12.0,
            false,
            false,
            Align::Center,
            1,
            9.0,
        ),
        b(
            PlaceDate,
            150.0,
            142.0,
            125.0,
            7.0,
            14.0,
            false,
            true,
            Align::Center,
            1,
            10.0,
        ),
        b(
            SignerTitle,
            150.0,
            150.0,
            125.0,
            13.0,
            14.0,
            true,
            false,
            Align::Center,
            2,
            11.0,
        ),
        b(
            SignerName,
            150.0,
            180.0,
            125.0,
            8.0,
            15.0,
            true,
            false,
            Align::Center,
            1,
            11.0,
        ),
    ]
}

impl Template {
    /// The template to print a form with: a saved one of that form and mode, else the app's
    /// standard one (a Bằng khen on A3, the others on A4, landscape).
    pub fn chosen(saved: &[Template], form: Form, mode: Mode) -> Template {
        saved
            .iter()
            .find(|t| t.form == form && t.mode == mode)
            .cloned()
            .unwrap_or_else(|| {
                let paper = match form {
                    Form::Merit => Paper::A3Landscape,
                    _ => Paper::A4Landscape,
                };
                Template::standard(form, paper, mode)
            })
    }

    /// The app's template for a form on a paper, scaled from the A4 landscape layout.
    pub fn standard(form: Form, paper: Paper, mode: Mode) -> Template {
        let (w, h) = paper.size_mm();
        let (sx, sy) = (w / 297.0, h / 210.0);
        // Type grows with the smaller of the two factors, so text keeps inside its box.
        let s = sx.min(sy);
        let fields = a4_fields()
            .into_iter()
            .map(|f| FieldBox {
                x_mm: f.x_mm * sx,
                y_mm: f.y_mm * sy,
                width_mm: f.width_mm * sx,
                height_mm: f.height_mm * sy,
                size_pt: (f.size_pt * s * 2.0).round() / 2.0,
                min_size_pt: (f.min_size_pt * s * 2.0).round() / 2.0,
                ..f
            })
            .collect();
        let kind = match mode {
            Mode::FullPage => "in cả trang",
            Mode::Blank => "in trên phôi",
        };
        Template {
            id: 0,
            name: format!("{} {}, {kind}", form.label(), paper.label()),
            form,
            paper,
            mode,
            fields,
            background: None,
        }
    }

    /// The templates offered before the secretary saves one: Giấy khen on A4, Bằng khen on
    /// A3, each full page and on a blank.
    pub fn defaults() -> Vec<Template> {
        let mut list = Vec::new();
        for (form, paper) in [
            (Form::Certificate, Paper::A4Landscape),
            (Form::Merit, Paper::A3Landscape),
        ] {
            for mode in [Mode::FullPage, Mode::Blank] {
                list.push(Template::standard(form, paper, mode));
            }
        }
        list
    }

    pub fn field(&self, key: FieldKey) -> Option<&FieldBox> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// What makes a template unusable, in Vietnamese.
    pub fn validate(&self) -> Result<(), String> {
        let (w, h) = self.paper.size_mm();
        if !(50.0..=1200.0).contains(&w) || !(50.0..=1200.0).contains(&h) {
            return Err(format!(
                "Khổ giấy {w:.0} × {h:.0} mm không hợp lệ (mỗi cạnh từ 50 đến 1200 mm)."
            ));
        }
        if self.name.trim().is_empty() {
            return Err("Hãy đặt tên cho mẫu.".into());
        }
        for (i, f) in self.fields.iter().enumerate() {
            let label = f.key.label();
            if self.fields[..i].iter().any(|g| g.key == f.key) {
                return Err(format!("Mẫu có hai ô “{label}”; hãy xóa bớt một ô."));
            }
            if f.width_mm <= 0.0 || f.height_mm <= 0.0 {
                return Err(format!(
                    "Ô “{label}” phải có chiều rộng và chiều cao lớn hơn 0."
                ));
            }
            if f.x_mm < 0.0
                || f.y_mm < 0.0
                || f.x_mm + f.width_mm > w + 0.01
                || f.y_mm + f.height_mm > h + 0.01
            {
                return Err(format!(
                    "Ô “{label}” nằm ra ngoài khổ giấy {w:.0} × {h:.0} mm."
                ));
            }
            if !(4.0..=120.0).contains(&f.size_pt) {
                return Err(format!("Cỡ chữ của ô “{label}” phải từ 4 đến 120 pt."));
            }
            if f.min_size_pt > f.size_pt || f.min_size_pt < 4.0 {
                return Err(format!(
                    "Cỡ chữ nhỏ nhất của ô “{label}” phải từ 4 pt đến cỡ chữ của ô ({} pt).",
                    f.size_pt
                ));
            }
            if f.max_lines == 0 {
                return Err(format!("Ô “{label}” phải cho ít nhất 1 dòng."));
            }
        }
        Ok(())
    }
}
