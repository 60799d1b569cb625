//! The printer profile form: a name, how far the printer shifts the page (mm) and its scale,
//! as measured on the calibration page.

use super::editor::{Column, number, parse};
use crate::certificate::PrinterProfile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrinterField {
    Name,
    OffsetX,
    OffsetY,
    Scale,
}

impl PrinterField {
    pub fn id(self) -> &'static str {
        match self {
            PrinterField::Name => "printer-name",
            PrinterField::OffsetX => "printer-offset-x",
            PrinterField::OffsetY => "printer-offset-y",
            PrinterField::Scale => "printer-scale",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrinterDraft {
    pub name: String,
    pub offset_x: String,
    pub offset_y: String,
    pub scale: String,
    pub error: Option<String>,
}

impl Default for PrinterDraft {
    fn default() -> Self {
        PrinterDraft {
            name: String::new(),
            offset_x: "0".into(),
            offset_y: "0".into(),
            scale: "1".into(),
            error: None,
        }
    }
}

impl PrinterDraft {
    pub fn of(p: &PrinterProfile) -> PrinterDraft {
        PrinterDraft {
            name: p.name.clone(),
            offset_x: number(p.offset_x_mm),
            offset_y: number(p.offset_y_mm),
            scale: number(p.scale),
            error: None,
        }
    }

    pub fn set(&mut self, field: PrinterField, value: String) {
        let slot = match field {
            PrinterField::Name => &mut self.name,
            PrinterField::OffsetX => &mut self.offset_x,
            PrinterField::OffsetY => &mut self.offset_y,
            PrinterField::Scale => &mut self.scale,
        };
        *slot = value;
        self.error = None;
    }

    /// The profile to save, or why it cannot be, in Vietnamese.
    pub fn profile(&self) -> Result<PrinterProfile, String> {
        let read = |text: &str, what: &str| {
            parse(text, Column::X)
                .ok_or_else(|| format!("{what}: “{}” không phải là số.", text.trim()))
        };
        let profile = PrinterProfile {
            id: 0,
            name: self.name.trim().to_string(),
            offset_x_mm: read(&self.offset_x, "Độ lệch ngang")?,
            offset_y_mm: read(&self.offset_y, "Độ lệch dọc")?,
            scale: read(&self.scale, "Tỉ lệ")?,
        };
        profile.validate()?;
        Ok(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_take_a_decimal_comma_and_are_validated() {
        let mut form = PrinterDraft::default();
        form.set(PrinterField::Name, "Canon LBP 2900".into());
        form.set(PrinterField::OffsetX, "\u{2212}1,5".into());
        form.set(PrinterField::Scale, "1,01".into());
        let p = form.profile().unwrap();
        assert_eq!((p.offset_x_mm, p.offset_y_mm, p.scale), (-1.5, 0.0, 1.01));
        form.set(PrinterField::Scale, "2".into());
        assert!(form.profile().unwrap_err().contains("Tỉ lệ"));
        form.set(PrinterField::OffsetY, "x".into());
        assert!(form.profile().unwrap_err().contains("Độ lệch dọc"));
    }
}
