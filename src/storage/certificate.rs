//! Certificate templates and printer profiles. A template's field boxes are stored as text,
//! one line per field ("recipient;30;93;237;20;24;1;1;center;2;14;1"): they are only ever
//! read and written whole, with the template.

use std::path::PathBuf;

use rusqlite::{Row, params};

use super::{Result, Store, StoreError};
use crate::certificate::{FieldBox, FieldKey, Mode, Paper, PrinterProfile, Template};
use crate::document::Align;
use crate::domain::Form;

impl Store {
    /// The saved templates, by name.
    pub fn templates(&self) -> Result<Vec<Template>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, name, form, paper_width_mm, paper_height_mm, mode, background, fields
                 FROM certificate_template ORDER BY name",
            )
            .map_err(|e| self.fail(e))?;
        stmt.query_map([], template_from_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.fail(e))
    }

    /// The template to print a form with: a saved one of that form and mode, else the
    /// app's standard one.
    pub fn template_for(&self, form: Form, mode: Mode) -> Result<Template> {
        Ok(Template::chosen(&self.templates()?, form, mode))
    }

    /// Saves a template (id 0: a new one); names are unique.
    pub fn save_template(&mut self, template: &Template) -> Result<Template> {
        template.validate().map_err(StoreError::Invalid)?;
        let t = template.clone();
        let (w, h) = t.paper.size_mm();
        self.write(|tx| {
            let clash: Option<i64> = tx
                .query_row(
                    "SELECT id FROM certificate_template WHERE name = ?1 AND id != ?2",
                    params![t.name.trim(), t.id],
                    |r| r.get(0),
                )
                .ok();
            if clash.is_some() {
                return Err(super::error::rule(format!(
                    "Đã có mẫu tên “{}”; hãy đặt tên khác.",
                    t.name.trim()
                )));
            }
            tx.execute(
                "INSERT INTO certificate_template (id, name, form, paper_width_mm, paper_height_mm,
                 mode, background, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, form = excluded.form,
                 paper_width_mm = excluded.paper_width_mm, paper_height_mm = excluded.paper_height_mm,
                 mode = excluded.mode, background = excluded.background, fields = excluded.fields",
                params![
                    (t.id != 0).then_some(t.id),
                    t.name.trim(),
                    t.form.code(),
                    w,
                    h,
                    mode_code(t.mode),
                    t.background.as_ref().map(|p| p.to_string_lossy().to_string()),
                    fields_text(&t.fields)
                ],
            )?;
            let id = if t.id != 0 { t.id } else { tx.last_insert_rowid() };
            Ok(Template { id, ..t })
        })
    }

    pub fn delete_template(&mut self, id: i64) -> Result<()> {
        self.delete_row("certificate_template", id)
    }

    pub fn printers(&self) -> Result<Vec<PrinterProfile>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, name, offset_x_mm, offset_y_mm, scale FROM printer_profile ORDER BY name",
            )
            .map_err(|e| self.fail(e))?;
        stmt.query_map([], |row| {
            Ok(PrinterProfile {
                id: row.get(0)?,
                name: row.get(1)?,
                offset_x_mm: row.get::<_, f64>(2)? as f32,
                offset_y_mm: row.get::<_, f64>(3)? as f32,
                scale: row.get::<_, f64>(4)? as f32,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.fail(e))
    }

    /// Saves a profile by name: a new name adds one, a known name updates it.
    pub fn save_printer(&mut self, profile: &PrinterProfile) -> Result<PrinterProfile> {
        profile.validate().map_err(StoreError::Invalid)?;
        let p = PrinterProfile {
            name: crate::text::clean_line(&profile.name).trim().to_string(),
            ..profile.clone()
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO printer_profile (name, offset_x_mm, offset_y_mm, scale)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET
                 offset_x_mm = excluded.offset_x_mm, offset_y_mm = excluded.offset_y_mm,
                 scale = excluded.scale",
                params![p.name, p.offset_x_mm, p.offset_y_mm, p.scale],
            )?;
            let id = tx.query_row(
                "SELECT id FROM printer_profile WHERE name = ?1",
                [&p.name],
                |r| r.get(0),
            )?;
            Ok(PrinterProfile { id, ..p })
        })
    }

    pub fn delete_printer(&mut self, id: i64) -> Result<()> {
        self.delete_row("printer_profile", id)
    }
}

fn mode_code(mode: Mode) -> &'static str {
    match mode {
        Mode::FullPage => "full_page",
        Mode::Blank => "blank",
    }
}

fn align_code(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    }
}

fn fields_text(fields: &[FieldBox]) -> String {
    fields
        .iter()
        .map(|f| {
            format!(
                "{};{};{};{};{};{};{};{};{};{};{};{}",
                f.key.code(),
                f.x_mm,
                f.y_mm,
                f.width_mm,
                f.height_mm,
                f.size_pt,
                u8::from(f.bold),
                u8::from(f.italic),
                align_code(f.align),
                f.max_lines,
                f.min_size_pt,
                u8::from(f.print)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The boxes of a stored template; a line that cannot be read is left out (the standard box
/// for that field is used instead, see `template_from_row`).
fn parse_fields(text: &str) -> Vec<FieldBox> {
    text.lines()
        .filter_map(|line| {
            let p: Vec<&str> = line.split(';').collect();
            if p.len() != 12 {
                return None;
            }
            let num = |i: usize| p[i].parse::<f32>().ok();
            Some(FieldBox {
                key: FieldKey::from_code(p[0])?,
                x_mm: num(1)?,
                y_mm: num(2)?,
                width_mm: num(3)?,
                height_mm: num(4)?,
                size_pt: num(5)?,
                bold: p[6] == "1",
                italic: p[7] == "1",
                align: match p[8] {
                    "left" => Align::Left,
                    "right" => Align::Right,
                    "justify" => Align::Justify,
                    _ => Align::Center,
                },
                max_lines: p[9].parse().ok()?,
                min_size_pt: num(10)?,
                print: p[11] == "1",
            })
        })
        .collect()
}

fn template_from_row(row: &Row<'_>) -> rusqlite::Result<Template> {
    let form: String = row.get(2)?;
    let form = Form::from_code(&form).unwrap_or(Form::Certificate);
    let (w, h): (f64, f64) = (row.get(3)?, row.get(4)?);
    let paper = match (w as f32, h as f32) {
        (297.0, 210.0) => Paper::A4Landscape,
        (420.0, 297.0) => Paper::A3Landscape,
        (width_mm, height_mm) => Paper::Custom {
            width_mm,
            height_mm,
        },
    };
    let mode: String = row.get(5)?;
    let mode = if mode == "blank" {
        Mode::Blank
    } else {
        Mode::FullPage
    };
    let fields_text: String = row.get(7)?;
    let mut fields = parse_fields(&fields_text);
    for standard in Template::standard(form, paper, mode).fields {
        if !fields.iter().any(|f| f.key == standard.key) {
            fields.push(standard);
        }
    }
    let background: Option<String> = row.get(6)?;
    Ok(Template {
        id: row.get(0)?,
        name: row.get(1)?,
        form,
        paper,
        mode,
        fields,
        background: background.map(PathBuf::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_printers_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let mut t = Template::standard(Form::Certificate, Paper::A4Landscape, Mode::Blank);
        t.fields[1].x_mm = 41.5;
        t.fields[1].italic = false;
        t.background = Some(PathBuf::from("/tmp/phoi.png"));
        let saved = store.save_template(&t).unwrap();
        assert_ne!(saved.id, 0);
        assert_eq!(store.templates().unwrap(), vec![saved.clone()]);
        assert_eq!(
            store.template_for(Form::Certificate, Mode::Blank).unwrap(),
            saved
        );
        assert_eq!(
            store
                .template_for(Form::Merit, Mode::FullPage)
                .unwrap()
                .paper,
            Paper::A3Landscape
        );
        let clash = store.save_template(&Template { id: 0, ..t.clone() });
        assert!(clash.unwrap_err().to_string().contains("Đã có mẫu tên"));

        let p = PrinterProfile {
            name: "Canon LBP 2900".into(),
            offset_x_mm: 1.5,
            offset_y_mm: -2.0,
            scale: 1.01,
            ..PrinterProfile::default()
        };
        store.save_printer(&p).unwrap();
        store
            .save_printer(&PrinterProfile {
                offset_x_mm: 2.0,
                ..p.clone()
            })
            .unwrap();
        let printers = store.printers().unwrap();
        assert_eq!(printers.len(), 1, "same name: updated");
        assert_eq!(printers[0].offset_x_mm, 2.0);
        let bad = store.save_printer(&PrinterProfile { scale: 2.0, ..p });
        assert!(bad.unwrap_err().to_string().contains("Tỉ lệ"));
    }
}
