//! One certificate laid out on its page: the frame and fixed headings (full-page mode) and
//! every field fitted into its box. The preview and the PDF both draw this page.

use crate::document::fonts::{self, MM_PER_PT};
use crate::document::glue::unbreakable;
use crate::document::wrap::{Line, Measured};
use std::sync::Arc;

use crate::document::{Align, Face, Item, Page};
use crate::domain::{Decision, Form, Recipient, RecipientKind, Unit};
use crate::text::{clean_multiline, date_long, place_date};

use super::template::{FieldBox, FieldKey, Mode, Template};

/// Line pitch as a multiple of the type size.
const LEADING: f32 = 1.2;

/// The texts of one certificate, NFC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateData {
    pub form: Form,
    pub authority: String,
    pub recipient: String,
    pub position: String,
    pub achievement: String,
    pub decision: String,
    pub place_date: String,
    pub signer_title: String,
    pub signer_name: String,
    pub register: String,
}

impl CertificateData {
    pub fn new(unit: &Unit, decision: &Decision, r: &Recipient) -> CertificateData {
        let clean = |s: &str| clean_multiline(s).trim().to_string();
        let position = match r.kind {
            RecipientKind::Individual => r.position.clone(),
            _ => String::new(),
        };
        CertificateData {
            form: r.form,
            authority: clean(&decision.authority()).to_uppercase(),
            recipient: clean(&r.display_name()),
            position: clean(&position),
            // An achievement left empty reads as the usual sentence of the decision's year.
            achievement: match clean(&r.achievement) {
                empty if empty.is_empty() => {
                    crate::domain::commendation::default_achievement(decision.year())
                }
                text => text,
            },
            decision: citation(decision),
            place_date: place_date(&unit.place, decision.date),
            signer_title: clean(&decision.signer_title).to_uppercase(),
            signer_name: clean(&decision.signer_name),
            register: r
                .register_no
                .map(|n| format!("Số vào sổ: {}", unit.register_digits.number(n)))
                .unwrap_or_default(),
        }
    }

    pub fn text(&self, key: FieldKey) -> &str {
        match key {
            FieldKey::Authority => &self.authority,
            FieldKey::Recipient => &self.recipient,
            FieldKey::Position => &self.position,
            FieldKey::Achievement => &self.achievement,
            FieldKey::Decision => &self.decision,
            FieldKey::PlaceDate => &self.place_date,
            FieldKey::SignerTitle => &self.signer_title,
            FieldKey::SignerName => &self.signer_name,
            FieldKey::Register => &self.register,
        }
    }
}

/// "Quyết định số 125/QĐ-UBND, ngày 18 tháng 8 năm 2026": the one way a decision is cited,
/// on the certificate and on the list attached to the decision.
pub fn citation(decision: &Decision) -> String {
    format!(
        "Quyết định số {}, {}",
        clean_multiline(&decision.number).trim(),
        date_long(decision.date)
    )
}

/// A field whose text does not fit its box even at the floor size.
#[derive(Debug, Clone, PartialEq)]
pub struct Overflow {
    pub field: FieldKey,
    pub text: String,
    /// The lines it needs at the floor size, against the box's limit.
    pub lines: usize,
    pub max_lines: u32,
}

impl Overflow {
    /// The warning shown before printing.
    pub fn message(&self, who: &str) -> String {
        format!(
            "{who}: “{}” không vừa ô “{}” dù đã thu nhỏ chữ. Hãy rút gọn, hoặc nới rộng ô trong mẫu.",
            self.text,
            self.field.label()
        )
    }
}

/// A laid-out certificate.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub page: Page,
    pub overflows: Vec<Overflow>,
}

/// How a text fits a box: its size and lines, and whether it really fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub size_pt: f32,
    pub lines: Vec<Line>,
    pub fits: bool,
}

/// Wraps to at most `max_lines` lines inside the box; shrinks in half points down to the
/// floor; at the floor, keeps every word (never cuts) and says it does not fit.
pub fn fit(text: &str, field: &FieldBox) -> Fit {
    let face = field.face();
    let mut size = field.size_pt;
    loop {
        let lines = balanced(text, face, size, field.width_mm);
        let height = lines.len() as f32 * size * MM_PER_PT * LEADING;
        // A word wider than the box is split by `wrap`: that is a cut name, not a fit.
        let whole_words = lines
            .iter()
            .all(|l| l.words.len() > 1 || l.width_mm <= field.width_mm + 1e-3)
            && !splits_a_word(text, &lines);
        let fits = lines.len() <= field.max_lines as usize
            && height <= field.height_mm + 0.01
            && whole_words;
        if fits || size - 0.5 < field.min_size_pt {
            return Fit {
                size_pt: size,
                lines,
                fits,
            };
        }
        size -= 0.5;
    }
}

/// Wrapped to the box, then re-wrapped as narrow as the same number of lines allows, so
/// that a name on two lines breaks near its middle instead of leaving one word alone.
fn balanced(text: &str, face: Face, size: f32, width_mm: f32) -> Vec<Line> {
    let measured = Measured::new(text, face, size);
    let lines = measured.wrap(width_mm, width_mm);
    if lines.len() < 2 {
        return lines;
    }
    let (mut lo, mut hi) = (width_mm / lines.len() as f32, width_mm);
    let mut best = lines;
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        let tried = measured.wrap(mid, mid);
        if tried.len() == best.len() && !splits_a_word(text, &tried) {
            best = tried;
            hi = mid;
        } else {
            lo = mid;
        }
    }
    best
}

/// True if the lines hold more words than the text (a long word was broken in pieces).
fn splits_a_word(text: &str, lines: &[Line]) -> bool {
    let words: usize = lines.iter().map(|l| l.words.len()).sum();
    words > text.split_whitespace().count()
}

/// The certificate's page: fixed parts in full-page mode, then each printed field.
pub fn layout(template: &Template, data: &CertificateData) -> Laid {
    layout_over(template, &fixed_parts(template), data)
}

/// What every certificate of `template` draws whatever its texts: the frame and fixed headings
/// in full-page mode, nothing on a pre-printed blank. Laid out once per batch and shared by
/// its pages.
pub fn fixed_parts(template: &Template) -> Arc<[Item]> {
    let (w, h) = template.paper.size_mm();
    let mut page = Page::new(w, h);
    if template.mode == Mode::FullPage {
        super::frame::draw(&mut page, template);
    }
    page.items.into()
}

/// [`layout`] over fixed parts already laid out by [`fixed_parts`] for this template.
pub fn layout_over(template: &Template, fixed: &Arc<[Item]>, data: &CertificateData) -> Laid {
    let (w, h) = template.paper.size_mm();
    let mut page = Page::new(w, h);
    page.shared = Arc::clone(fixed);
    let mut overflows = Vec::new();
    for field in template.fields.iter().filter(|f| f.print) {
        let text = data.text(field.key);
        if text.is_empty() {
            continue;
        }
        // A name stays on one line when the box allows (a collective's name too wide for
        // one line still breaks between its words).
        let joined;
        let text = match field.key {
            FieldKey::Recipient | FieldKey::SignerName => {
                joined = unbreakable(text);
                joined.as_str()
            }
            _ => text,
        };
        let fitted = fit(text, field);
        if !fitted.fits {
            overflows.push(Overflow {
                field: field.key,
                text: data.text(field.key).to_string(),
                lines: fitted.lines.len(),
                max_lines: field.max_lines,
            });
        }
        set_lines(&mut page, field, &fitted);
    }
    Laid { page, overflows }
}

/// Draws fitted lines centred vertically in the field's box.
fn set_lines(page: &mut Page, field: &FieldBox, fitted: &Fit) {
    let face = field.face();
    let pitch = fitted.size_pt * MM_PER_PT * LEADING;
    let block = fitted.lines.len() as f32 * pitch;
    let top = field.y_mm + (field.height_mm - block) / 2.0;
    // The baseline sits where the line's ascent and descent are centred in its pitch.
    let ascent = fonts::ascent_mm(face, fitted.size_pt);
    let descent = fonts::descent_mm(face, fitted.size_pt);
    let first = top + (pitch - ascent - descent) / 2.0 + ascent;
    for (i, line) in fitted.lines.iter().enumerate() {
        let y = first + i as f32 * pitch;
        let align = match field.align {
            Align::Justify => Align::Left,
            other => other,
        };
        for (dx, text) in line.place(align, field.width_mm) {
            page.text(field.x_mm + dx, y, fitted.size_pt, face, &text);
        }
    }
}

/// Sets one centred line of fixed text; returns nothing, the frame knows its positions.
pub(super) fn centred(page: &mut Page, text: &str, face: Face, size_pt: f32, y_mm: f32) -> f32 {
    let width = fonts::text_width_mm(face, size_pt, text);
    let x = (page.width_mm - width) / 2.0;
    page.text(x, y_mm, size_pt, face, text);
    width
}
