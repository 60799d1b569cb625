//! The fixed parts of a full-page certificate: a double frame with a meander band between its
//! lines and a rosette in each corner, drawn as vectors from assets/certificate-frame.svg
//! (lines only; never the national emblem), the national title and motto, "TẶNG" and the
//! title. Positions are those of A4 landscape, scaled to the paper.

use crate::document::{Face, Page};
use crate::domain::Form;

use super::layout::centred;
use super::template::Template;

/// The border's drawing (see assets/certificate-frame.md): a meander band and a corner
/// rosette, each a path of straight segments in a 10 × 10 cell.
const ARTWORK: &str = include_str!("../../assets/certificate-frame.svg");

/// Where the frame lines are, from the paper's edge, on A4 landscape (scaled to the paper).
const OUTER_MM: f32 = 6.0;
const INNER_MM: f32 = 13.0;
/// The band's motif is this deep, centred between the two lines.
const MOTIF_MM: f32 = 5.0;

/// The segments of the path `id` of the artwork, in its cell's units.
fn segments(id: &str) -> Vec<((f32, f32), (f32, f32))> {
    let name = format!("id=\"{id}\"");
    let start = ARTWORK
        .find(&name)
        .expect("the frame artwork has its paths");
    let d = &ARTWORK[start + name.len()..];
    let d = &d[d.find("d=\"").expect("a path has its data") + 3..];
    let d = &d[..d.find('"').expect("the path data ends")];
    let mut out = Vec::new();
    let mut at = None;
    let spaced = d.replace('M', " M ").replace('L', " L ").replace(',', " ");
    let mut tokens = spaced.split_whitespace();
    while let Some(command) = tokens.next() {
        let mut number = || -> f32 {
            tokens
                .next()
                .and_then(|t| t.parse().ok())
                .expect("the path holds numbers after M and L")
        };
        let point = (number(), number());
        if command == "L"
            && let Some(from) = at
        {
            out.push((from, point));
        }
        at = Some(point);
    }
    out
}

/// The double frame with the meander band between its lines and a rosette in each corner.
/// The Bằng khen has a second inner line.
fn border(page: &mut Page, form: Form, s: f32) {
    let (w, h) = (page.width_mm, page.height_mm);
    let (outer, inner) = (OUTER_MM * s, INNER_MM * s);
    page.rect(outer, outer, w - 2.0 * outer, h - 2.0 * outer, 2.2 * s);
    page.rect(inner, inner, w - 2.0 * inner, h - 2.0 * inner, 0.8 * s);
    if form == Form::Merit {
        let third = inner + 1.2 * s;
        page.rect(third, third, w - 2.0 * third, h - 2.0 * third, 0.5 * s);
    }
    let pen = 0.5 * s;
    let pad = (inner - outer - MOTIF_MM * s) / 2.0;
    let unit = MOTIF_MM * s / 10.0;
    let band = segments("band");
    // Along each side between the corners: `depth` maps the cell's v (0 outside, 10 against
    // the inner line) to the page, `along` its u over one repeat.
    let sides: [(f32, f32, bool); 4] = [
        (outer + pad, w - 2.0 * inner, true),
        (h - outer - pad, w - 2.0 * inner, true),
        (outer + pad, h - 2.0 * inner, false),
        (w - outer - pad, h - 2.0 * inner, false),
    ];
    for (k, (edge, length, horizontal)) in sides.into_iter().enumerate() {
        let inward = if k % 2 == 0 { 1.0 } else { -1.0 };
        let repeats = (length / (2.0 * MOTIF_MM * s)).round().max(1.0);
        let period = length / repeats;
        let place = |(u, v): (f32, f32), i: f32| {
            let along = inner + (i + u / 10.0) * period;
            let across = edge + inward * v * unit;
            if horizontal {
                (along, across)
            } else {
                (across, along)
            }
        };
        for i in 0..repeats as usize {
            for &(a, b) in &band {
                page.line(place(a, i as f32), place(b, i as f32), pen);
            }
        }
        // The rail the keys stand on.
        page.line(
            place((0.0, 10.0), 0.0),
            place((10.0, 10.0), repeats - 1.0),
            pen,
        );
    }
    let corner = segments("corner");
    for (x, y) in [
        (outer, outer),
        (w - inner, outer),
        (outer, h - inner),
        (w - inner, h - inner),
    ] {
        let place = |(u, v): (f32, f32)| (x + pad + u * unit, y + pad + v * unit);
        for &(a, b) in &corner {
            page.line(place(a), place(b), pen);
        }
    }
}

pub fn draw(page: &mut Page, template: &Template) {
    let (w, h) = (page.width_mm, page.height_mm);
    let sy = h / 210.0;
    let s = (w / 297.0).min(sy);
    border(page, template.form, s);

    centred(
        page,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        Face::Bold,
        14.0 * s,
        27.0 * sy,
    );
    let motto = centred(
        page,
        "Độc lập - Tự do - Hạnh phúc",
        Face::Bold,
        14.0 * s,
        34.0 * sy,
    );
    let x = (w - motto) / 2.0;
    page.rule(x, x + motto, 36.0 * sy, 0.6 * s);

    let title_template = template.field(super::FieldKey::Authority);
    // "TẶNG" sits between the authority's box and the title.
    let after_authority = title_template.map_or(59.0 * sy, |f| f.y_mm + f.height_mm);
    centred(
        page,
        "TẶNG",
        Face::Bold,
        16.0 * s,
        after_authority + 8.0 * sy,
    );
    let title = match template.form {
        Form::Merit => "BẰNG KHEN",
        _ => "GIẤY KHEN",
    };
    centred(
        page,
        title,
        Face::Bold,
        40.0 * s,
        after_authority + 25.0 * sy,
    );
}
