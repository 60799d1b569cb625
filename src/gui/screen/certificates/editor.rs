//! The template being edited: the numbers as typed (a Vietnamese decimal comma is fine) and
//! the last valid template. What the preview shows and what prints is always the last valid
//! template; a number that cannot be read, or a box off the paper, only shows its sentence.

use std::path::PathBuf;

use crate::certificate::{FieldBox, FieldKey, Paper, Template};
use crate::document::Align;

/// The numeric columns of the field table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    X,
    Y,
    Width,
    Height,
    Size,
    MinSize,
    Lines,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::X,
        Column::Y,
        Column::Width,
        Column::Height,
        Column::Size,
        Column::MinSize,
        Column::Lines,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Column::X => "x",
            Column::Y => "y",
            Column::Width => "width",
            Column::Height => "height",
            Column::Size => "size",
            Column::MinSize => "min-size",
            Column::Lines => "lines",
        }
    }

    fn get(self, f: &FieldBox) -> f32 {
        match self {
            Column::X => f.x_mm,
            Column::Y => f.y_mm,
            Column::Width => f.width_mm,
            Column::Height => f.height_mm,
            Column::Size => f.size_pt,
            Column::MinSize => f.min_size_pt,
            Column::Lines => f.max_lines as f32,
        }
    }

    fn set(self, f: &mut FieldBox, value: f32) {
        match self {
            Column::X => f.x_mm = value,
            Column::Y => f.y_mm = value,
            Column::Width => f.width_mm = value,
            Column::Height => f.height_mm = value,
            Column::Size => f.size_pt = value,
            Column::MinSize => f.min_size_pt = value,
            Column::Lines => f.max_lines = value as u32,
        }
    }
}

/// The id of a cell's text field, for focus and tests: "cert-recipient-x".
pub fn cell_id(key: FieldKey, column: Column) -> String {
    format!("cert-{}-{}", key.code(), column.code())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Print,
    Bold,
    Italic,
}

/// The paper choices of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperKind {
    A4,
    A3,
    Custom,
}

impl PaperKind {
    pub const ALL: [PaperKind; 3] = [PaperKind::A4, PaperKind::A3, PaperKind::Custom];

    pub fn label(self) -> &'static str {
        match self {
            PaperKind::A4 => "A4 ngang",
            PaperKind::A3 => "A3 ngang",
            PaperKind::Custom => "Khổ khác",
        }
    }

    fn of(paper: Paper) -> PaperKind {
        match paper {
            Paper::A4Landscape => PaperKind::A4,
            Paper::A3Landscape => PaperKind::A3,
            Paper::Custom { .. } => PaperKind::Custom,
        }
    }
}

/// An alignment as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignChoice(pub Align);

impl AlignChoice {
    /// Justified text is set flush left on a certificate, so it is not offered.
    pub const ALL: [AlignChoice; 3] = [
        AlignChoice(Align::Left),
        AlignChoice(Align::Center),
        AlignChoice(Align::Right),
    ];
}

impl std::fmt::Display for AlignChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Align::Left | Align::Justify => "Trái",
            Align::Center => "Giữa",
            Align::Right => "Phải",
        })
    }
}

/// One change typed or clicked in the editor.
#[derive(Debug, Clone)]
pub enum Edit {
    Number(FieldKey, Column, String),
    Flag(FieldKey, Flag, bool),
    Align(FieldKey, AlignChoice),
    Paper(PaperKind),
    PaperWidth(String),
    PaperHeight(String),
    Background(Option<PathBuf>),
    /// A box dragged on the preview: its new top-left corner, in mm.
    Move(FieldKey, f32, f32),
    /// Back to the app's standard boxes for this paper (after confirmation).
    Reset,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The last valid template: what the preview shows and what prints.
    pub template: Template,
    /// The template as typed; may be invalid.
    draft: Template,
    /// The text of each numeric cell, in the order of `draft.fields` and `Column::ALL`.
    cells: Vec<[String; 7]>,
    /// Custom paper width and height as typed.
    pub paper_width: String,
    pub paper_height: String,
    /// Why the typed template cannot be used, in Vietnamese.
    pub error: Option<String>,
    /// Changed since it was loaded or saved.
    pub dirty: bool,
}

impl Editor {
    pub fn new(template: Template) -> Editor {
        let (w, h) = template.paper.size_mm();
        let mut editor = Editor {
            draft: template.clone(),
            template,
            cells: Vec::new(),
            paper_width: number(w),
            paper_height: number(h),
            error: None,
            dirty: false,
        };
        editor.fill_cells();
        editor
    }

    fn fill_cells(&mut self) {
        self.cells = self
            .draft
            .fields
            .iter()
            .map(|f| Column::ALL.map(|c| number(c.get(f))))
            .collect();
    }

    /// The fields as typed, with their cells.
    pub fn rows(&self) -> impl Iterator<Item = (&FieldBox, &[String; 7])> {
        self.draft.fields.iter().zip(&self.cells)
    }

    pub fn paper_kind(&self) -> PaperKind {
        PaperKind::of(self.draft.paper)
    }

    pub fn background(&self) -> Option<&PathBuf> {
        self.draft.background.as_ref()
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Number(key, column, text) => {
                if let Some(i) = self.draft.fields.iter().position(|f| f.key == key) {
                    if let Some(value) = parse(&text, column) {
                        column.set(&mut self.draft.fields[i], value);
                    }
                    self.cells[i][column as usize] = text;
                }
            }
            Edit::Flag(key, flag, on) => {
                if let Some(f) = self.draft.fields.iter_mut().find(|f| f.key == key) {
                    match flag {
                        Flag::Print => f.print = on,
                        Flag::Bold => f.bold = on,
                        Flag::Italic => f.italic = on,
                    }
                }
            }
            Edit::Align(key, AlignChoice(align)) => {
                if let Some(f) = self.draft.fields.iter_mut().find(|f| f.key == key) {
                    f.align = align;
                }
            }
            Edit::Paper(kind) => {
                let paper = match kind {
                    PaperKind::A4 => Paper::A4Landscape,
                    PaperKind::A3 => Paper::A3Landscape,
                    PaperKind::Custom => {
                        let (width_mm, height_mm) = self.draft.paper.size_mm();
                        custom_paper(width_mm, height_mm)
                    }
                };
                self.change_paper(paper);
            }
            Edit::PaperWidth(text) => {
                if let (Some(width), Paper::Custom { height_mm, .. }) =
                    (parse(&text, Column::X), self.draft.paper)
                {
                    self.draft.paper = custom_paper(width, height_mm);
                }
                self.paper_width = text;
            }
            Edit::PaperHeight(text) => {
                if let (Some(height), Paper::Custom { width_mm, .. }) =
                    (parse(&text, Column::X), self.draft.paper)
                {
                    self.draft.paper = custom_paper(width_mm, height);
                }
                self.paper_height = text;
            }
            Edit::Background(path) => self.draft.background = path,
            Edit::Move(key, x, y) => {
                let (w, h) = self.draft.paper.size_mm();
                if let Some(i) = self.draft.fields.iter().position(|f| f.key == key) {
                    // Kept on the paper: a drag never makes the template invalid.
                    let f = &mut self.draft.fields[i];
                    f.x_mm = x.clamp(0.0, (w - f.width_mm).max(0.0));
                    f.y_mm = y.clamp(0.0, (h - f.height_mm).max(0.0));
                    self.cells[i][Column::X as usize] = number(f.x_mm);
                    self.cells[i][Column::Y as usize] = number(f.y_mm);
                }
            }
            Edit::Reset => {
                let standard =
                    Template::standard(self.draft.form, self.draft.paper, self.draft.mode);
                self.draft.fields = standard.fields;
                self.fill_cells();
            }
        }
        self.dirty = true;
        self.check();
    }

    /// A preset paper scales the boxes with it; a custom size typed digit by digit does not
    /// (the boxes would jump at every keystroke).
    fn change_paper(&mut self, paper: Paper) {
        let (ow, oh) = self.draft.paper.size_mm();
        let (w, h) = paper.size_mm();
        if !matches!(paper, Paper::Custom { .. }) && (ow, oh) != (w, h) {
            let (sx, sy) = (w / ow, h / oh);
            let s = sx.min(sy);
            let half = |v: f32| (v * s * 2.0).round() / 2.0;
            let tenth = |v: f32| (v * 10.0).round() / 10.0;
            for f in &mut self.draft.fields {
                f.x_mm = tenth(f.x_mm * sx);
                f.y_mm = tenth(f.y_mm * sy);
                f.width_mm = tenth(f.width_mm * sx);
                f.height_mm = tenth(f.height_mm * sy);
                f.size_pt = half(f.size_pt);
                f.min_size_pt = half(f.min_size_pt).min(f.size_pt);
            }
        }
        self.draft.paper = paper;
        self.paper_width = number(w);
        self.paper_height = number(h);
        self.fill_cells();
    }

    /// Reads every cell, then validates; a valid draft becomes the template.
    fn check(&mut self) {
        self.error = self.unreadable().or_else(|| self.draft.validate().err());
        if self.error.is_none() {
            self.template = self.draft.clone();
        }
    }

    fn unreadable(&self) -> Option<String> {
        if matches!(self.draft.paper, Paper::Custom { .. }) {
            for text in [&self.paper_width, &self.paper_height] {
                if parse(text, Column::X).is_none() {
                    return Some(format!(
                        "Khổ giấy: “{}” không phải là số milimét (ví dụ 297 hoặc 210,5).",
                        text.trim()
                    ));
                }
            }
        }
        for (f, cells) in self.rows() {
            for (column, text) in Column::ALL.iter().zip(cells) {
                if parse(text, *column).is_none() {
                    let what = if *column == Column::Lines {
                        "số nguyên"
                    } else {
                        "số (ví dụ 12,5)"
                    };
                    return Some(format!(
                        "Ô “{}”: “{}” không phải là {what}.",
                        f.key.label(),
                        text.trim()
                    ));
                }
            }
        }
        None
    }

    /// The template to save: a new one is named after the standard template of its form,
    /// paper and mode. `None` while what is typed cannot be used.
    pub fn to_save(&self) -> Option<Template> {
        if self.error.is_some() {
            return None;
        }
        let mut t = self.template.clone();
        if t.id == 0 {
            t.name = Template::standard(t.form, t.paper, t.mode).name;
        }
        Some(t)
    }

    /// The stored template came back from the file: take it unless there are unsaved edits
    /// other than the ones just saved.
    pub fn stored(&mut self, stored: &Template) {
        let same = |a: &Template, b: &Template| {
            a.form == b.form
                && a.paper == b.paper
                && a.mode == b.mode
                && a.fields == b.fields
                && a.background == b.background
        };
        if !self.dirty {
            if self.template != *stored {
                *self = Editor::new(stored.clone());
            }
        } else if stored.id != 0 && same(stored, &self.template) && self.error.is_none() {
            // The save landed: keep the cells as typed, take the id and name.
            self.template = stored.clone();
            self.draft.id = stored.id;
            self.draft.name = stored.name.clone();
            self.dirty = false;
        }
    }
}

/// A number as the secretary writes it: "12,5", "12", "-2".
pub fn number(value: f32) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded}");
    text.replace('.', ",")
}

/// Reads "12,5", "12.5", "−2" (the minus sign the calibration page prints); lines must be a
/// whole number.
pub fn parse(text: &str, column: Column) -> Option<f32> {
    let cleaned: String = text
        .trim()
        .replace(',', ".")
        .replace('\u{2212}', "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if column == Column::Lines {
        return cleaned.parse::<u32>().ok().map(|n| n as f32);
    }
    cleaned.parse::<f32>().ok().filter(|v| v.is_finite())
}

/// A paper of the size typed, in millimetres.
fn custom_paper(width_mm: f32, height_mm: f32) -> Paper {
    Paper::Custom {
        width_mm,
        height_mm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificate::Mode;
    use crate::domain::Form;

    fn editor() -> Editor {
        Editor::new(Template::standard(
            Form::Certificate,
            Paper::A4Landscape,
            Mode::Blank,
        ))
    }

    #[test]
    fn a_decimal_comma_is_a_number() {
        assert_eq!(parse("12,5", Column::X), Some(12.5));
        assert_eq!(parse(" 12.5 ", Column::X), Some(12.5));
        assert_eq!(parse("\u{2212}2", Column::X), Some(-2.0));
        assert_eq!(parse("2,5", Column::Lines), None);
        assert_eq!(parse("abc", Column::X), None);
        assert_eq!(number(113.5), "113,5");
        assert_eq!(number(45.0), "45");
    }

    #[test]
    fn an_invalid_box_keeps_the_last_valid_template() {
        let mut e = editor();
        e.apply(Edit::Number(FieldKey::Recipient, Column::X, "45".into()));
        assert_eq!(e.template.field(FieldKey::Recipient).unwrap().x_mm, 45.0);
        assert!(e.error.is_none());
        e.apply(Edit::Number(FieldKey::Recipient, Column::X, "250".into()));
        assert!(e.error.as_deref().unwrap().contains("ra ngoài khổ giấy"));
        assert_eq!(e.template.field(FieldKey::Recipient).unwrap().x_mm, 45.0);
        assert!(e.to_save().is_none());
        e.apply(Edit::Number(FieldKey::Recipient, Column::X, "4a".into()));
        assert!(e.error.as_deref().unwrap().contains("không phải là số"));
    }

    #[test]
    fn a_dragged_box_stays_on_the_paper_and_its_cells_follow() {
        let mut e = editor();
        e.apply(Edit::Move(FieldKey::Recipient, 40.5, 90.0));
        let r = *e.template.field(FieldKey::Recipient).unwrap();
        assert_eq!((r.x_mm, r.y_mm), (40.5, 90.0));
        let cells = e
            .rows()
            .find(|(f, _)| f.key == FieldKey::Recipient)
            .unwrap()
            .1;
        assert_eq!((cells[0].as_str(), cells[1].as_str()), ("40,5", "90"));
        e.apply(Edit::Move(FieldKey::Recipient, 200.0, -5.0));
        let r = *e.template.field(FieldKey::Recipient).unwrap();
        assert_eq!((r.x_mm, r.y_mm), (297.0 - 237.0, 0.0));
        assert!(e.error.is_none());
    }

    #[test]
    fn a_preset_paper_scales_the_boxes() {
        let mut e = editor();
        e.apply(Edit::Paper(PaperKind::A3));
        assert!(e.error.is_none(), "{:?}", e.error);
        assert_eq!(e.template.paper, Paper::A3Landscape);
        let r = e.template.field(FieldKey::Recipient).unwrap();
        assert!((r.width_mm - 237.0 * 420.0 / 297.0).abs() < 0.1);
        assert_eq!(
            e.to_save().unwrap().name,
            "Giấy khen A3 ngang, in trên phôi"
        );
    }
}
