//! Printing: printer profiles (each printer feeds paper a few millimetres off), the batch PDF
//! of certificates and the calibration page to measure a printer's offsets. Offsets and scale
//! are applied here, when painting, never to the template.

use std::sync::Arc;

use crate::document::{Document, Face, Item, Page, parallel, to_pdf};

use super::layout::{CertificateData, Laid, Overflow, centred, fixed_parts, layout_over};
use super::template::{Paper, Template};

/// How a printer misplaces the page: measured on the calibration page.
#[derive(Debug, Clone, PartialEq)]
pub struct PrinterProfile {
    pub id: i64,
    pub name: String,
    /// Added to every x: positive moves the print right.
    pub offset_x_mm: f32,
    /// Added to every y: positive moves the print down.
    pub offset_y_mm: f32,
    /// 1.0 prints at actual size; a printer that shrinks by 1% needs 1.01.
    pub scale: f32,
}

impl Default for PrinterProfile {
    fn default() -> Self {
        PrinterProfile {
            id: 0,
            name: "Không hiệu chỉnh".into(),
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
            scale: 1.0,
        }
    }
}

impl PrinterProfile {
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Hãy đặt tên cho máy in.".into());
        }
        if self.offset_x_mm.abs() > 30.0 || self.offset_y_mm.abs() > 30.0 {
            return Err("Độ lệch mỗi chiều chỉ từ -30 đến 30 mm.".into());
        }
        if !(0.8..=1.2).contains(&self.scale) {
            return Err("Tỉ lệ phải từ 0,80 đến 1,20 (1,00 là đúng cỡ).".into());
        }
        Ok(())
    }

    /// The page as this printer must receive it: every item scaled about the top-left
    /// corner, then moved by the offsets.
    pub fn apply(&self, page: &Page) -> Page {
        self.applied(page.clone())
    }

    /// [`apply`](Self::apply) on a page of one's own: a printer without offsets or scale
    /// gets it as it is, without a copy.
    pub fn applied(&self, page: Page) -> Page {
        self.applied_all(std::iter::once(page))
            .pop()
            .expect("one page in, one out")
    }

    /// [`applied`](Self::applied) to every page of a batch: the items the pages share are
    /// moved once and stay shared.
    pub fn applied_all(&self, pages: impl IntoIterator<Item = Page>) -> Vec<Page> {
        let pages = pages.into_iter();
        if self.is_exact() {
            return pages.collect();
        }
        // The shared items last met, and the same moved: pages of a batch share one frame.
        let mut last: Option<Arc<[Item]>> = None;
        let mut moved: Arc<[Item]> = Arc::from([]);
        let move_item =
            |item: &mut Item| item.transform(self.scale, self.offset_x_mm, self.offset_y_mm);
        pages
            .map(|mut page| {
                page.items.iter_mut().for_each(move_item);
                if !last.as_ref().is_some_and(|l| Arc::ptr_eq(l, &page.shared)) {
                    let mut items = page.shared.to_vec();
                    items.iter_mut().for_each(move_item);
                    moved = items.into();
                    last = Some(Arc::clone(&page.shared));
                }
                page.shared = Arc::clone(&moved);
                page
            })
            .collect()
    }

    fn is_exact(&self) -> bool {
        (self.scale, self.offset_x_mm, self.offset_y_mm) == (1.0, 0.0, 0.0)
    }
}

/// Each certificate laid out, in the order given, with what does not fit. Long lists are laid
/// out on two threads.
pub fn lay_out_all(template: &Template, list: &[CertificateData]) -> Vec<Laid> {
    let fixed = fixed_parts(template);
    parallel(list, |data| layout_over(template, &fixed, data))
}

/// Every text that does not fit, with the certificate's recipient: the warning to show (and
/// the reason the command line refuses without `--force`).
pub fn overflows(template: &Template, list: &[CertificateData]) -> Vec<(String, Overflow)> {
    overflows_of(&lay_out_all(template, list), list)
}

/// [`overflows`] of certificates already laid out (`laid[i]` is `list[i]`'s).
pub fn overflows_of(laid: &[Laid], list: &[CertificateData]) -> Vec<(String, Overflow)> {
    laid.iter()
        .zip(list)
        .flat_map(|(laid, data)| {
            laid.overflows
                .iter()
                .map(|o| (data.recipient.clone(), o.clone()))
        })
        .collect()
}

/// One PDF, one certificate per page in the order given; fonts embedded once.
pub fn render_certificates(
    template: &Template,
    list: &[CertificateData],
    profile: &PrinterProfile,
) -> Result<Vec<u8>, String> {
    render_laid(template, lay_out_all(template, list), profile)
}

/// [`render_certificates`] of certificates already laid out, in that order: the command line
/// lays out once to check what fits and prints the same pages.
pub fn render_laid(
    template: &Template,
    laid: Vec<Laid>,
    profile: &PrinterProfile,
) -> Result<Vec<u8>, String> {
    if laid.is_empty() {
        return Err("Không có giấy khen, bằng khen nào để in.".into());
    }
    let count = laid.len();
    let pages = profile.applied_all(laid.into_iter().map(|laid| laid.page));
    let doc = Document {
        title: format!("{} ({} trang)", template.form.label(), count),
        pages,
    };
    to_pdf(&doc).map_err(|e| e.to_string())
}

/// Rulers along the edges, crosshairs at known places and how to read them.
pub fn calibration_page(paper: Paper) -> Page {
    let (w, h) = paper.size_mm();
    let mut page = Page::new(w, h);
    // Rulers: a tick every 5 mm from the paper's edges, longer and numbered every 10 mm.
    let mut x = 0.0;
    while x <= w - 5.0 {
        let long = (x as i32) % 10 == 0;
        let tick = if long { 6.0 } else { 3.0 };
        page.line((x, 0.0), (x, tick), 0.4);
        if long && x > 0.0 {
            page.text(x + 0.6, 9.0, 7.0, Face::Regular, &format!("{x:.0}"));
        }
        x += 5.0;
    }
    let mut y = 0.0;
    while y <= h - 5.0 {
        let long = (y as i32) % 10 == 0;
        let tick = if long { 6.0 } else { 3.0 };
        page.line((0.0, y), (tick, y), 0.4);
        if long && y > 0.0 {
            page.text(7.5, y + 2.5, 7.0, Face::Regular, &format!("{y:.0}"));
        }
        y += 5.0;
    }
    // Crosshairs 30 mm in from each corner, and in the middle.
    for (cx, cy) in [
        (30.0, 30.0),
        (w - 30.0, 30.0),
        (30.0, h - 30.0),
        (w - 30.0, h - 30.0),
        (w / 2.0, h / 2.0),
    ] {
        page.line((cx - 8.0, cy), (cx + 8.0, cy), 0.4);
        page.line((cx, cy - 8.0), (cx, cy + 8.0), 0.4);
        page.rect(cx - 4.0, cy - 4.0, 8.0, 8.0, 0.3);
    }
    let lines = [
        (Face::Bold, 14.0, "TRANG HIỆU CHỈNH MÁY IN".to_string()),
        (
            Face::Regular,
            11.0,
            format!("Khổ giấy {} — in ở cỡ thật (100%), không chọn “vừa trang”.", paper.label()),
        ),
        (
            Face::Regular,
            11.0,
            "1. Đo từ mép trái tờ giấy đến tâm dấu chữ thập góc trên bên trái: đúng ra là 30 mm.".into(),
        ),
        (
            Face::Regular,
            11.0,
            "   Đo được 32 mm thì máy in lệch phải 2 mm: ghi độ lệch ngang −2. Đo được 28 mm: ghi +2.".into(),
        ),
        (
            Face::Regular,
            11.0,
            "2. Làm như vậy với mép trên để có độ lệch dọc.".into(),
        ),
        (
            Face::Regular,
            11.0,
            "Nếu trang này được in qua một hồ sơ máy in đã có độ lệch, cộng số vừa tính vào độ lệch đó.".into(),
        ),
        (
            Face::Regular,
            11.0,
            format!(
                "3. Đo khoảng cách giữa hai dấu chữ thập trên cùng: đúng ra là {:.0} mm; nếu khác, tỉ lệ = {:.0} ÷ số đo.",
                w - 60.0,
                w - 60.0
            ),
        ),
    ];
    // Below the middle crosshair, above the bottom ones.
    let mut y = h / 2.0 + 16.0;
    for (face, size, text) in lines {
        centred(&mut page, &text, face, size, y);
        y += size * 0.6;
    }
    page
}

/// The calibration page as a PDF, through the profile being checked.
pub fn render_calibration(paper: Paper, profile: &PrinterProfile) -> Result<Vec<u8>, String> {
    let doc = Document {
        title: "Trang hiệu chỉnh máy in".into(),
        pages: vec![profile.apply(&calibration_page(paper))],
    };
    to_pdf(&doc).map_err(|e| e.to_string())
}
