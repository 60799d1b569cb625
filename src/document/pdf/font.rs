//! The fonts of a PDF: each face a Type0 font over its whole TrueType program, with the
//! widths of the glyphs used and the map from glyphs back to characters.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::writer::Writer;
use super::{DocumentError, Embedded, Stream, stream_of};
use crate::document::fonts::Face;

fn postscript_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "LiberationSerif",
        Face::Bold => "LiberationSerif-Bold",
        Face::Italic => "LiberationSerif-Italic",
        Face::BoldItalic => "LiberationSerif-BoldItalic",
    }
}

/// A face as a Type0 font with Identity-H encoding over the whole TrueType program: the font
/// (`id`), its Unicode map (`id + 1`), descriptor (`id + 2`) and program (`id + 3`).
pub(super) fn write_font(w: &mut Writer, font: &Embedded, id: usize) -> Result<(), DocumentError> {
    let face = font.face;
    let ttf = face.ttf();
    let name = postscript_name(face);
    let upm = ttf.units_per_em();
    let scale = 1000.0 / f32::from(upm);
    let scaled = |v: i16| (f32::from(v) * scale).round() as i64;
    let hhea = ttf
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"hhea"))
        .ok_or(DocumentError::Font(face))?;
    let at = |offset: usize| -> Result<i16, DocumentError> {
        let bytes = hhea
            .get(offset..offset + 2)
            .ok_or(DocumentError::Font(face))?;
        Ok(i16::from_be_bytes([bytes[0], bytes[1]]))
    };
    let (ascender, descender) = (at(4)?, at(6)?);
    let (rise, run) = (at(18)?, at(20)?);
    let italic_angle = if rise == 0 {
        0
    } else {
        (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64
    };
    let flags = 32 | if italic_angle != 0 { 64 } else { 0 };
    let weight = ttf.weight().to_number();
    let stem_v = if weight == 0 {
        80
    } else {
        50 + ((f32::from(weight) / 65.0).powi(2)).round() as i64
    };
    let bbox = ttf.global_bounding_box();

    // Widths in 1/1000 em of the glyphs used, in runs of consecutive glyph ids.
    let mut widths = String::new();
    let mut run_end: Option<usize> = None;
    for (gid, c) in font.used.iter().enumerate() {
        if *c == 0 {
            continue;
        }
        let advance = ttf
            .glyph_hor_advance(ttf_parser::GlyphId(gid as u16))
            .unwrap_or(0);
        let width = (f32::from(advance) * 1000.0 / f32::from(upm)) as i64;
        match run_end {
            Some(end) if end + 1 == gid => write!(widths, " {width}").unwrap(),
            Some(_) => write!(widths, "] {gid}[{width}").unwrap(),
            None => write!(widths, "{gid}[{width}").unwrap(),
        }
        run_end = Some(gid);
    }
    if run_end.is_some() {
        widths.push(']');
    }

    w.object(id);
    w.raw(
        format!(
            "<</Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H/ToUnicode {} 0 R/DescendantFonts[<</Type/Font/BaseFont/{name}/Subtype/CIDFontType2/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/W[{widths}]/DW 1000/FontDescriptor {} 0 R/CIDToGIDMap/Identity>>]>>",
            id + 1,
            id + 2
        )
        .as_bytes(),
    );
    w.end_object();

    w.stream(
        id + 1,
        "",
        &stream_of(to_unicode(&font.name, &font.used).as_bytes()),
    );

    w.object(id + 2);
    w.raw(
        format!(
            "<</Type/FontDescriptor/FontName/{name}/Ascent {}/Descent {}/CapHeight {}/ItalicAngle {italic_angle}/Flags {flags}/StemV {stem_v}/FontBBox[{} {} {} {}]/FontFile2 {} 0 R>>",
            scaled(ascender),
            scaled(descender),
            scaled(ascender),
            scaled(bbox.x_min),
            scaled(bbox.y_min),
            scaled(bbox.x_max),
            scaled(bbox.y_max),
            id + 3
        )
        .as_bytes(),
    );
    w.end_object();

    let program = Stream {
        bytes: face.deflated().to_vec(),
        deflated: true,
    };
    w.stream(
        id + 3,
        &format!("/Length1 {}", face.bytes().len()),
        &program,
    );
    Ok(())
}

/// The `/ToUnicode` CMap: each glyph used to the character it was drawn for, in blocks of
/// up to 100 per high byte of the glyph id (the layout printpdf wrote).
pub(super) fn to_unicode(name: &str, used: &[u32]) -> String {
    let mut out = format!(
        "/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n%!PS-Adobe-3.0 \
         Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n%%IncludeResource: \
         procset CIDInit\n\n/CIDSystemInfo 3 dict dup begin\n/Registry (FontSpecific) \
         def\n/Ordering ({name}) def\n/Supplement 0 def\nend def\n\n/CMapName /FontSpecific-{name} \
         def\n/CMapVersion 1 def\n/CMapType 2 def\n/WMode 0 def\n\n1 \
         begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    let mut by_high: BTreeMap<usize, Vec<(usize, u32)>> = BTreeMap::new();
    for (gid, c) in used.iter().enumerate() {
        if *c != 0 {
            by_high.entry(gid >> 8).or_default().push((gid, *c));
        }
    }
    for entries in by_high.values() {
        for chunk in entries.chunks(100) {
            writeln!(out, "{} beginbfchar", chunk.len()).unwrap();
            for (gid, c) in chunk {
                write!(out, "<{gid:04X}> <").unwrap();
                let c = char::from_u32(*c).unwrap_or('\u{FFFD}');
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "{unit:04X}").unwrap();
                }
                out.push_str(">\n");
            }
            out.push_str("endbfchar\n");
        }
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}
