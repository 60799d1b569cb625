use chrono::NaiveDate;

use super::layout::citation;
use super::*;
use crate::document::{Item, Page};
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex, Unit};

const LONGEST: &str = "Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc và Tổ tự quản an ninh, trật tự Khu phố 3 phối hợp cùng Chi hội Cựu chiến binh, Chi hội Phụ nữ và Chi đoàn Thanh niên Khu phố 3, phường Chợ Quán";
const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";

fn decision() -> Decision {
    Decision {
        id: 1,
        number: "125/QĐ-UBND".into(),
        date: NaiveDate::from_ymd_opt(2026, 8, 18).unwrap(),
        issuer: "Ủy ban nhân dân phường Chợ Quán".into(),
        issuer_head: "Chủ tịch".into(),
        signer_title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".into(),
        signer_name: "Lê Minh Tâm".into(),
    }
}

fn unit() -> Unit {
    Unit::new(
        "Phường Chợ Quán",
        crate::domain::Level::Ward,
        "Thành phố Hồ Chí Minh",
        "Chợ Quán",
    )
}

fn person(name: &str) -> CertificateData {
    let mut r = Recipient::new(1, RecipientKind::Individual, Form::Certificate, name);
    r.sex = Some(Sex::Male);
    r.position = "Tổ trưởng Tổ dân phố 5, Khu phố 1".into();
    r.achievement = crate::domain::commendation::default_achievement(2026);
    r.register_no = Some(15);
    CertificateData::new(&unit(), &decision(), &r)
}

fn collective(name: &str) -> CertificateData {
    let mut r = Recipient::new(1, RecipientKind::Collective, Form::Certificate, name);
    r.achievement = crate::domain::commendation::default_achievement(2026);
    r.register_no = Some(16);
    CertificateData::new(&unit(), &decision(), &r)
}

fn texts(page: &Page) -> Vec<&str> {
    page.texts().collect()
}

#[test]
fn the_texts_read_as_on_a_real_certificate() {
    let data = person("Nguyễn Văn An");
    assert_eq!(data.authority, "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN");
    assert_eq!(data.recipient, "Ông Nguyễn Văn An");
    assert_eq!(
        data.decision,
        "Quyết định số 125/QĐ-UBND, ngày 18 tháng 8 năm 2026"
    );
    assert_eq!(data.place_date, "Chợ Quán, ngày 18 tháng 8 năm 2026");
    assert_eq!(data.signer_title, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
    assert_eq!(data.register, "Số vào sổ: 015");
}

#[test]
fn a_short_name_keeps_its_size_and_a_long_collective_wraps_and_shrinks() {
    let template = Template::standard(Form::Certificate, Paper::A4Landscape, Mode::FullPage);
    let field = template.field(FieldKey::Recipient).unwrap();
    let short = fit("Ông Nguyễn Văn An", field);
    assert!(short.fits);
    assert_eq!(short.size_pt, field.size_pt);
    assert_eq!(short.lines.len(), 1);

    let long = fit(LONGEST, field);
    assert!(long.lines.len() >= 2, "wrapped");
    assert!(long.size_pt < field.size_pt, "shrunk");
    assert!(long.size_pt >= field.min_size_pt);
    let words: Vec<String> = long
        .lines
        .iter()
        .flat_map(|l| l.text().split(' ').map(String::from).collect::<Vec<_>>())
        .collect();
    assert_eq!(words.join(" "), LONGEST, "nothing is cut");
}

#[test]
fn a_text_that_cannot_fit_is_reported_and_still_printed_whole() {
    let template = Template::standard(Form::Certificate, Paper::A4Landscape, Mode::FullPage);
    let impossible = format!("{LONGEST} {LONGEST} {LONGEST}");
    let laid = layout(&template, &collective(&impossible));
    assert_eq!(laid.overflows.len(), 1);
    assert_eq!(laid.overflows[0].field, FieldKey::Recipient);
    assert!(laid.overflows[0].message("Tập thể").contains("không vừa ô"));
    let printed = texts(&laid.page).join(" ");
    assert!(
        printed.contains("phường Chợ Quán Ban Chỉ đạo")
            || printed.matches("Ban Chỉ đạo").count() >= 3
    );
}

#[test]
fn every_text_stays_inside_its_box_and_the_page() {
    for template in Template::defaults() {
        for data in [
            person("Nguyễn Văn An"),
            collective(LONGEST),
            person(STACKED),
        ] {
            let laid = layout(&template, &data);
            assert!(
                laid.overflows.is_empty(),
                "{} {:?}",
                template.name,
                laid.overflows
            );
            for item in laid.page.all_items() {
                let b = item.bounds();
                assert!(
                    b.left >= 0.0
                        && b.top >= 0.0
                        && b.right <= laid.page.width_mm
                        && b.bottom <= laid.page.height_mm,
                    "{} {item:?}",
                    template.name
                );
            }
            // Each field's text lies within its box (horizontally exactly, vertically with
            // the ascent/descent of the type, which the box height accounts for).
            for field in &template.fields {
                let text = data.text(field.key);
                for item in laid.page.all_items() {
                    if let Item::Text(t) = item
                        && !t.text.is_empty()
                        && text.contains(t.text.as_str())
                        && field.key != FieldKey::Register
                        && text.len() > 20
                    {
                        let b = item.bounds();
                        if b.top >= field.y_mm - 1.0
                            && b.bottom <= field.y_mm + field.height_mm + 1.0
                        {
                            assert!(
                                b.left >= field.x_mm - 0.01
                                    && b.right <= field.x_mm + field.width_mm + 0.01,
                                "{:?} {}",
                                field.key,
                                t.text
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_blank_form_prints_no_fixed_heading_and_no_frame() {
    let full = layout(
        &Template::standard(Form::Certificate, Paper::A4Landscape, Mode::FullPage),
        &person("Nguyễn Văn An"),
    );
    let blank = layout(
        &Template::standard(Form::Certificate, Paper::A4Landscape, Mode::Blank),
        &person("Nguyễn Văn An"),
    );
    let full_texts = texts(&full.page);
    for heading in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TẶNG", "GIẤY KHEN"] {
        assert!(full_texts.contains(&heading), "{heading}");
        assert!(!texts(&blank.page).contains(&heading), "{heading}");
    }
    assert!(blank.page.all_items().all(|i| matches!(i, Item::Text(_))));
    assert!(texts(&blank.page).contains(&"Ông Nguyễn Văn An"));
    let merit = layout(
        &Template::standard(Form::Merit, Paper::A3Landscape, Mode::FullPage),
        &person("Nguyễn Văn An"),
    );
    assert!(texts(&merit.page).contains(&"BẰNG KHEN"));
    assert_eq!((merit.page.width_mm, merit.page.height_mm), (420.0, 297.0));
}

#[test]
fn a_printer_profile_moves_everything_by_exactly_its_offsets() {
    let laid = layout(
        &Template::standard(Form::Certificate, Paper::A4Landscape, Mode::Blank),
        &person("Nguyễn Văn An"),
    );
    let profile = PrinterProfile {
        offset_x_mm: 2.5,
        offset_y_mm: -1.5,
        ..PrinterProfile::default()
    };
    let moved = profile.apply(&laid.page);
    for (a, b) in laid.page.all_items().zip(moved.all_items()) {
        let (a, b) = (a.bounds(), b.bounds());
        assert!((b.left - a.left - 2.5).abs() < 1e-4);
        assert!((b.top - a.top + 1.5).abs() < 1e-4);
    }
    let scaled = PrinterProfile {
        scale: 1.02,
        ..PrinterProfile::default()
    }
    .apply(&laid.page);
    let first = scaled.items[0].bounds().left / laid.page.items[0].bounds().left;
    assert!((first - 1.02).abs() < 1e-3);
}

#[test]
fn templates_refuse_boxes_off_the_paper_in_vietnamese() {
    let mut t = Template::standard(Form::Certificate, Paper::A4Landscape, Mode::Blank);
    assert!(t.validate().is_ok());
    t.fields[1].x_mm = 280.0;
    assert_eq!(
        t.validate().unwrap_err(),
        "Ô “Người, tập thể được khen” nằm ra ngoài khổ giấy 297 × 210 mm."
    );
    t.fields[1].x_mm = 30.0;
    t.fields[1].min_size_pt = 30.0;
    assert!(t.validate().unwrap_err().contains("Cỡ chữ nhỏ nhất"));
    t.fields[1].min_size_pt = 14.0;
    let twice = t.fields[1];
    t.fields.push(twice);
    assert_eq!(
        t.validate().unwrap_err(),
        "Mẫu có hai ô “Người, tập thể được khen”; hãy xóa bớt một ô."
    );
}

#[test]
fn the_decision_list_groups_collectives_then_individuals_with_numbers() {
    let d = decision();
    let mut a = Recipient::new(
        1,
        RecipientKind::Individual,
        Form::Certificate,
        "Nguyễn Văn An",
    );
    a.sex = Some(Sex::Male);
    a.register_no = Some(3);
    let mut b = Recipient::new(
        1,
        RecipientKind::Collective,
        Form::Certificate,
        "Tổ dân phố 12",
    );
    b.register_no = Some(4);
    let praise = Recipient::new(1, RecipientKind::Individual, Form::Praise, "Trần Quốc Toản");
    let other = Recipient::new(
        2,
        RecipientKind::Individual,
        Form::Certificate,
        "Không thuộc",
    );
    let doc = decision_list(&unit(), &d, &[a, b, praise, other]).unwrap();
    let laid = crate::document::layout(&doc);
    let all: Vec<String> = laid
        .pages
        .iter()
        .flat_map(|p| p.texts().map(String::from).collect::<Vec<_>>())
        .collect();
    let joined = all.join(" ");
    // Cited as on the certificate, in italics under the bold title.
    assert!(
        joined.contains(&format!("(Kèm theo {}", citation(&d))),
        "{joined}"
    );
    let note = laid.pages[0].items.iter().find_map(|item| match item {
        Item::Text(t) if t.text.starts_with("(Kèm theo") => Some(t.face),
        _ => None,
    });
    assert_eq!(note, Some(crate::document::Face::Italic));
    // Register numbers with their leading zeros.
    assert!(all.iter().any(|t| t == "004"), "{joined}");
    assert!(joined.find("TẬP THỂ").unwrap() < joined.find("CÁ NHÂN").unwrap());
    assert!(joined.contains("Ông Nguyễn Văn An"));
    assert!(joined.contains("Biểu dương"));
    assert!(!joined.contains("Không thuộc"));
    assert!(joined.contains("PHÓ CHỦ TỊCH"));
    assert!(decision_list(&unit(), &d, &[]).is_none());
}

#[test]
fn an_empty_achievement_prints_the_usual_sentence_of_the_decision_year() {
    let r = Recipient::new(
        1,
        RecipientKind::Collective,
        Form::Certificate,
        "Tổ dân phố 7",
    );
    let data = CertificateData::new(&unit(), &decision(), &r);
    assert_eq!(
        data.achievement,
        "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026"
    );
}

#[test]
fn the_frame_is_a_band_of_vector_lines_and_every_field_stays_well_inside_it() {
    for (form, paper) in [
        (Form::Certificate, Paper::A4Landscape),
        (Form::Merit, Paper::A3Landscape),
    ] {
        let template = Template::standard(form, paper, Mode::FullPage);
        let laid = layout(&template, &person("Nguyễn Văn An"));
        let (w, h) = paper.size_mm();
        let s = (w / 297.0).min(h / 210.0);
        let (outer, inner) = (6.0 * s, 13.0 * s);
        let lines: Vec<&Item> = laid
            .page
            .all_items()
            .filter(|i| matches!(i, Item::Rule(_)))
            .collect();
        // The meander band: many strokes, all between the two frame lines (no corner squares
        // crossed by an X, which read as missing pictures).
        assert!(lines.len() > 200, "{}", lines.len());
        let in_band = |x: f32, y: f32| {
            let edge = x.min(y).min(w - x).min(h - y);
            edge >= outer - 0.01 && edge <= inner + 0.01
        };
        let strokes = lines.iter().filter(|l| match l {
            Item::Rule(l) => (l.width_pt - 0.5 * s).abs() < 1e-3,
            _ => false,
        });
        for line in strokes {
            let b = line.bounds();
            assert!(
                in_band(b.left, b.top) && in_band(b.right, b.bottom),
                "{b:?}"
            );
        }
        // Every field is at least 8 mm (scaled) inside the inner line.
        let margin = inner + 8.0 * s;
        for field in &template.fields {
            assert!(
                field.x_mm >= margin && field.y_mm >= margin,
                "{:?}",
                field.key
            );
            assert!(field.x_mm + field.width_mm <= w - margin, "{:?}", field.key);
            assert!(
                field.y_mm + field.height_mm <= h - margin,
                "{:?}",
                field.key
            );
        }
    }
}

#[test]
fn a_batch_lays_out_its_frame_once_and_a_printer_profile_keeps_it_shared() {
    let template = Template::standard(Form::Certificate, Paper::A4Landscape, Mode::FullPage);
    let list: Vec<_> = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
        .into_iter()
        .map(person)
        .collect();
    let laid = lay_out_all(&template, &list);
    let frame = &laid[0].page.shared;
    assert!(frame.len() > 200, "the frame's strokes: {}", frame.len());
    assert!(
        laid.iter()
            .all(|l| std::sync::Arc::ptr_eq(&l.page.shared, frame))
    );
    let profile = PrinterProfile {
        offset_x_mm: 1.0,
        ..PrinterProfile::default()
    };
    let moved = profile.applied_all(laid.iter().map(|l| l.page.clone()));
    assert!(!std::sync::Arc::ptr_eq(&moved[0].shared, frame));
    assert!(
        moved
            .iter()
            .all(|p| std::sync::Arc::ptr_eq(&p.shared, &moved[0].shared))
    );
    // Each page still reads whole: heading, then its own recipient.
    for (page, name) in moved.iter().zip(["An", "Bình", "Cường"]) {
        let texts = texts(page);
        assert_eq!(texts[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert!(texts.iter().any(|t| t.ends_with(name)), "{texts:?}");
    }
}
