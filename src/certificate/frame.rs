//! The fixed parts of a full-page certificate: a double frame with simple corner ornaments
//! (lines only; never the national emblem), the national title and motto, "TẶNG" and the
//! title. Positions are those of A4 landscape, scaled to the paper.

use crate::document::{Face, Page};
use crate::domain::Form;

use super::layout::centred;
use super::template::Template;

pub fn draw(page: &mut Page, template: &Template) {
    let (w, h) = (page.width_mm, page.height_mm);
    let sy = h / 210.0;
    let s = (w / 297.0).min(sy);
    // Two frames and a square ornament in each corner, between them.
    let (outer, inner) = (8.0 * s, 12.0 * s);
    page.rect(outer, outer, w - 2.0 * outer, h - 2.0 * outer, 2.2 * s);
    page.rect(inner, inner, w - 2.0 * inner, h - 2.0 * inner, 0.8 * s);
    let orn = 9.0 * s;
    for (cx, cy) in [
        (inner, inner),
        (w - inner, inner),
        (inner, h - inner),
        (w - inner, h - inner),
    ] {
        let (x, y) = (cx - orn / 2.0, cy - orn / 2.0);
        page.rect(x, y, orn, orn, 0.8 * s);
        page.items.push(crate::document::Item::Line {
            x1_mm: x,
            y1_mm: y,
            x2_mm: x + orn,
            y2_mm: y + orn,
            width_pt: 0.5 * s,
        });
        page.items.push(crate::document::Item::Line {
            x1_mm: x + orn,
            y1_mm: y,
            x2_mm: x,
            y2_mm: y + orn,
            width_pt: 0.5 * s,
        });
    }

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
