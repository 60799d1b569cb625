//! The papers read as a careful clerk reads them (issue 18): every paper of the demo and of a
//! large event is written to PDF, read back with lopdf as text with its positions, and checked
//! for what makes a paper unfit to hand out as it is:
//! - a line that ends inside a known name, place or date (the next line of the same column
//!   carries the rest), or between a number and its "đ";
//! - a page that starts with a lone table row (or one row and its total) or with the
//!   signature block alone;
//! - a justified paragraph whose last line is one word.
//!
//! "Known" is what the data holds: the people (households, delegates, recipients, signers),
//! the places (areas, points, venues, the unit) and the dates printed in words.

#[path = "support/pdf.rs"]
mod pdf;

use chrono::NaiveDate;
use ngayhoi::certificate::{CertificateData, Mode, PrinterProfile, render_certificates};
use ngayhoi::demo::{self, Demo};
use ngayhoi::document::{layout, to_pdf};
use ngayhoi::domain::{Category, Form, Household, Recipient, RecipientKind, Sex, Visit};
use ngayhoi::papers::{Paper, Sources};
use ngayhoi::storage::Store;
use ngayhoi::text::date_long;
use pdf::{Cell, Line, MM_PER_PT, Pdf};

/// A page as the checks read it: its lines and its table cells.
struct PageText {
    lines: Vec<Line>,
    cells: Vec<Cell>,
}

/// Every page's lines and table cells.
fn read(pdf: &[u8]) -> Vec<PageText> {
    Pdf::from_bytes(pdf)
        .pages
        .iter()
        .map(|page| PageText {
            lines: page.lines(),
            cells: page.cells.clone(),
        })
        .collect()
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| ",.;:()“”\"!?".contains(c))
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The line under `line` in the same column (overlapping it), on its page or at the top of
/// the next one.
fn next_line<'a>(pages: &'a [PageText], page: usize, line: &Line) -> Option<&'a Line> {
    let overlaps = |l: &Line| l.x.max(line.x) < l.end.min(line.end);
    let below = pages[page]
        .lines
        .iter()
        .filter(|l| l.y > line.y + 0.5 && l.y < line.y + 2.5 * line.size && overlaps(l))
        .min_by(|a, b| a.y.total_cmp(&b.y));
    below.or_else(|| {
        let last = pages[page].lines.iter().all(|l| l.y <= line.y + 0.5);
        let next = pages.get(page + 1)?;
        next.lines
            .iter()
            .filter(|l| last && l.y > 25.0 && overlaps(l))
            .min_by(|a, b| a.y.total_cmp(&b.y))
    })
}

/// What the data names: people, places, dates.
#[derive(Default)]
struct Known {
    phrases: Vec<Vec<String>>,
    /// The first line of each signing authority ("TM. BAN CHỈ ĐẠO").
    authorities: Vec<String>,
}

impl Known {
    fn add(&mut self, phrase: &str) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_owned).collect();
        if words.len() > 1 && !self.phrases.contains(&words) {
            self.phrases.push(words);
        }
    }

    fn person(&mut self, name: &str) {
        // A "name" of twenty words (the test of stacked marks) may break where it must.
        if name.split_whitespace().count() > 6 {
            return;
        }
        self.add(name);
        for title in ["Đồng chí", "Ông", "Bà", "Đ/c"] {
            self.add(&format!("{title} {name}"));
        }
    }

    fn date(&mut self, date: NaiveDate) {
        self.add(date_long(date).trim_start_matches("ngày "));
    }

    fn of(demo: &Demo) -> Known {
        let mut k = Known::default();
        let unit = &demo.unit;
        k.person(&unit.head_name);
        k.person(&unit.secretary_name);
        for place in [&unit.place, &unit.name, &unit.province] {
            k.add(place);
        }
        demo.areas.iter().for_each(|a| k.add(a));
        for plan in &demo.years {
            k.date(plan.event.date);
            for d in &plan.delegates {
                k.person(&d.name);
            }
            for p in &plan.points {
                k.add(&p.name);
                k.date(p.date);
            }
        }
        demo.households.iter().for_each(|h| k.person(&h.name));
        for (_, list) in &demo.commendations {
            for (decision, r) in list {
                k.date(decision.date);
                k.person(&decision.signer_name);
                if r.kind != RecipientKind::Collective {
                    k.person(&r.name);
                }
            }
        }
        k.authorities = vec![
            "TM. BAN CHỈ ĐẠO".into(),
            "NGƯỜI LẬP DANH SÁCH".into(),
            "CHỦ TỊCH".into(),
            "KT. CHỦ TỊCH".into(),
        ];
        k
    }
}

/// Everything wrong with one paper, one sentence each.
fn faults(name: &str, pdf: &[u8], known: &Known) -> Vec<String> {
    let pages = read(pdf);
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for line in &page.lines {
            let Some(next) = next_line(&pages, p, line) else {
                continue;
            };
            let (these, those) = (words(&line.text), words(&next.text));
            for phrase in &known.phrases {
                for cut in 1..phrase.len() {
                    let (head, tail) = phrase.split_at(cut);
                    if these.ends_with(&head.iter().map(String::as_str).collect::<Vec<_>>())
                        && those.starts_with(&tail.iter().map(String::as_str).collect::<Vec<_>>())
                    {
                        out.push(format!(
                            "{name} p{}: “{}” broken: “{}” / “{}”",
                            p + 1,
                            phrase.join(" "),
                            line.text,
                            next.text
                        ));
                    }
                }
            }
            let ends_in_number = these
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
            if ends_in_number && matches!(those.first(), Some(&"đ") | Some(&"đồng")) {
                out.push(format!(
                    "{name} p{}: a sum parted from its unit: “{}” / “{}”",
                    p + 1,
                    line.text,
                    next.text
                ));
            }
        }
        if p > 0 {
            out.extend(page_start(name, p, page, known));
        }
        out.extend(lone_last_words(name, p, page));
    }
    out
}

/// A continued page must not start with one table row (and its total) or the signature alone.
fn page_start(name: &str, p: usize, page: &PageText, known: &Known) -> Option<String> {
    // The page number sits in the top margin.
    let first = page
        .lines
        .iter()
        .filter(|l| l.y > 20.0)
        .min_by(|a, b| a.y.total_cmp(&b.y))?;
    let first_text = first.text.trim();
    if first_text.starts_with("Nơi nhận") || known.authorities.iter().any(|a| a == first_text) {
        return Some(format!(
            "{name} p{}: the page starts with the signature block alone",
            p + 1
        ));
    }
    let in_cell = |c: &Cell| c.top - 0.1 <= first.y && first.y <= c.bottom + 0.1;
    let top_cell = page.cells.iter().find(|c| in_cell(c))?;
    // The rows of the table the page starts with: cells stacked without a gap.
    let mut tops: Vec<f32> = Vec::new();
    let mut bottom = top_cell.top;
    loop {
        let row: Vec<&Cell> = page
            .cells
            .iter()
            .filter(|c| (c.top - bottom).abs() < 0.05)
            .collect();
        if row.is_empty() {
            break;
        }
        tops.push(bottom);
        bottom = row.iter().map(|c| c.bottom).fold(0.0, f32::max);
    }
    let rows_text: Vec<String> = tops
        .iter()
        .map(|&top| {
            page.lines
                .iter()
                .filter(|l| l.y > top && l.y < top + 3.0 + l.size)
                .map(|l| l.text.clone())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    let total = rows_text
        .last()
        .is_some_and(|t| t.starts_with("Cộng") || t.starts_with("Tổng cộng"));
    // The first row is the repeated header.
    let data_rows = tops.len().saturating_sub(1 + usize::from(total));
    (data_rows == 1).then(|| {
        format!(
            "{name} p{}: the page starts with a lone table row: {}",
            p + 1,
            rows_text[1..].join(" // ")
        )
    })
}

/// Body text (regular 14 pt, at the left margin, outside tables): a line that follows a
/// stretched line of the same paragraph and is not stretched itself is a paragraph's last
/// line; one word there is a fault.
fn lone_last_words(name: &str, p: usize, page: &PageText) -> Vec<String> {
    let body = |l: &Line| {
        (l.size - 14.0 * MM_PER_PT).abs() < 0.01
            && l.x < 75.0
            && !page
                .cells
                .iter()
                .any(|c| c.top <= l.y && l.y <= c.bottom && c.left <= l.x && l.x <= c.right)
    };
    let body_lines: Vec<&Line> = page.lines.iter().filter(|l| body(l)).collect();
    let mut out = Vec::new();
    for pair in body_lines.windows(2) {
        let (above, line) = (pair[0], pair[1]);
        let stretched = above.end > 194.0;
        let same_paragraph =
            (line.y - above.y - 1.2 * 14.0 * MM_PER_PT).abs() < 0.2 && (line.x - 30.0).abs() < 0.5;
        if stretched && same_paragraph && line.end < 194.0 && words(&line.text).len() == 1 {
            out.push(format!(
                "{name} p{}: one word on the last line of a paragraph: “{}” / “{}”",
                p + 1,
                above.text,
                line.text
            ));
        }
    }
    out
}

/// Every paper of `year` in `store`: the five papers, the report, the certificates of each
/// form and the decision lists.
fn papers(store: &Store, year: i32) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let sources = Sources::load(store, year).unwrap().unwrap();
    for paper in Paper::ALL {
        let doc = paper.build(&sources).unwrap();
        out.push((
            format!("{paper:?}"),
            to_pdf(&layout(&doc)).expect("the paper prints"),
        ));
    }
    let report = store.report(year).unwrap().unwrap();
    out.push((
        "report".into(),
        ngayhoi::papers::report::render(&report, ngayhoi::papers::report::EmptyRows::Omit).unwrap(),
    ));
    for decision in &sources.decisions {
        let doc = ngayhoi::certificate::decision_list(&sources.unit, decision, &sources.recipients)
            .expect("the decision commends someone");
        out.push((
            format!("decision list {}", decision.number),
            to_pdf(&layout(&doc)).unwrap(),
        ));
    }
    for form in [Form::Certificate, Form::Merit] {
        let list: Vec<CertificateData> = sources
            .decisions
            .iter()
            .flat_map(|d| {
                sources
                    .recipients
                    .iter()
                    .filter(move |r| r.decision_id == d.id && r.form == form)
                    .map(|r| CertificateData::new(&sources.unit, d, r))
            })
            .collect();
        if list.is_empty() {
            continue;
        }
        let template = store.template_for(form, Mode::FullPage).unwrap();
        let bytes = render_certificates(&template, &list, &PrinterProfile::default()).unwrap();
        out.push((format!("{form:?} certificates"), bytes));
    }
    out
}

fn check(demo: &Demo) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
    store.fill_demo(demo).unwrap();
    let known = Known::of(demo);
    let mut all = Vec::new();
    // To look at the papers: NGAYHOI_PAPERS_DIR=/tmp/papers cargo test --test papers_typesetting
    let keep = std::env::var_os("NGAYHOI_PAPERS_DIR").map(std::path::PathBuf::from);
    for (name, pdf) in papers(&store, demo::DEMO_YEAR) {
        if let Some(dir) = &keep {
            let size = if demo.households.len() > 100 {
                "large"
            } else {
                "demo"
            };
            std::fs::create_dir_all(dir).unwrap();
            let file = format!("{size}-{name}.pdf").replace(['/', ' '], "-");
            std::fs::write(dir.join(file), &pdf).unwrap();
        }
        all.extend(faults(&name, &pdf, &known));
    }
    assert!(all.is_empty(), "{} faults:\n{}", all.len(), all.join("\n"));
}

#[test]
fn every_paper_of_the_demo_reads_as_a_clerk_would_hand_it_out() {
    check(&demo::build());
}

/// The demo with 240 more households visited (names of every length, in every area) and 40
/// more people and collectives commended, some with a Bằng khen.
fn large() -> Demo {
    let mut demo = demo::build();
    let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
    let middles = [
        "Văn",
        "Thị",
        "Thị Thu",
        "Quốc",
        "Ngọc",
        "Thị Bích",
        "Hữu Minh",
    ];
    let givens = [
        "An",
        "Hằng",
        "Cường",
        "Dũng",
        "Phượng",
        "Khánh",
        "Nghĩa",
        "Xuân",
    ];
    let categories = [
        Category::Poor,
        Category::NearPoor,
        Category::Martyr,
        Category::HeroicMother,
        Category::Student,
        Category::Hardship,
    ];
    let mut added = Vec::new();
    for i in 0..240 {
        let name = format!(
            "{} {} {}",
            families[i % families.len()],
            middles[(i / 8) % middles.len()],
            givens[(i / 56 + i) % givens.len()]
        );
        let address = format!("Tổ {}, Khu phố {}", i % 17 + 1, i % 5 + 1);
        let household = Household {
            sex: Some(if i % 2 == 0 { Sex::Male } else { Sex::Female }),
            birth_year: Some(1930 + (i % 60) as i32),
            ..Household::new(&name, &address, categories[i % categories.len()])
        };
        let visit = Visit {
            date: NaiveDate::from_ymd_opt(2026, 8, 10 + (i % 3) as u32),
            delegation: format!("Đoàn {}", i % 4 + 1),
            source: "Ngân sách".into(),
            ..Visit::new(0, "Quà và tiền mặt", 500_000 + (i % 4) as i64 * 100_000)
        };
        added.push((household, visit));
    }
    demo.households.extend(added.iter().map(|(h, _)| h.clone()));
    let (_, visits) = demo
        .visits
        .iter_mut()
        .find(|(y, _)| *y == demo::DEMO_YEAR)
        .unwrap();
    visits.extend(added.iter().cloned());
    let (_, honors) = demo
        .commendations
        .iter_mut()
        .find(|(y, _)| *y == demo::DEMO_YEAR)
        .unwrap();
    let (decision, template) = honors[2].clone();
    for i in 0..40 {
        let (household, _) = &added[i * 5];
        let mut r = template.clone();
        r.name = household.name.clone();
        r.sex = household.sex;
        r.position = format!(
            "Tổ viên Tổ bảo vệ an ninh, trật tự cơ sở Tổ {}, Khu phố {}",
            i % 17 + 1,
            i % 5 + 1
        );
        r.form = if i % 4 == 0 {
            Form::Merit
        } else {
            Form::Certificate
        };
        if i % 7 == 0 {
            r = Recipient {
                achievement: r.achievement.clone(),
                ..Recipient::new(
                    0,
                    RecipientKind::Collective,
                    r.form,
                    &format!("Tổ dân phố {}, Khu phố {}", i + 20, i % 5 + 1),
                )
            };
        }
        honors.push((decision.clone(), r));
    }
    // Every stacked mark Vietnamese has, in a name (docs/certificate-stacked-diacritics.png).
    let (_, mut r) = honors[3].clone();
    r.name = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ".into();
    r.sex = Some(Sex::Female);
    honors.push((decision.clone(), r));
    demo
}

#[test]
fn every_paper_of_a_large_event_reads_as_a_clerk_would_hand_it_out() {
    check(&large());
}
