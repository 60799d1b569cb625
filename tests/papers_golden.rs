//! The papers do not change when the PDF writer does (issue 16): every paper of the demo,
//! written by `ngayhoi export`, is read back with lopdf and described as text: each page's box
//! and its content operators (text, glyph codes, positions, rules, frames), each font's name,
//! type, widths, Unicode map and program, the catalog's viewer preferences and the document
//! title. The description must equal `tests/golden/papers.txt`, which was written by the
//! printpdf painter before it was replaced.
//!
//! Numbers are compared to 1/100 pt (the precision the painter writes) and the font program
//! and Unicode maps by a hash of their decoded bytes. Dates are left out.
//!
//! After an intended change of a paper, write the file again and review the diff:
//! `NGAYHOI_BLESS=1 cargo test --test papers_golden`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::{Dictionary, Document, Object, ObjectId};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/papers.txt");

/// Every paper the command line writes, with the arguments that select it.
const PAPERS: &[(&str, &[&str])] = &[
    ("program", &["export", "program"]),
    ("script", &["export", "script"]),
    ("festival", &["export", "festival"]),
    ("visit-plan", &["export", "visit-plan"]),
    ("receipts", &["export", "receipts"]),
    ("report", &["export", "report"]),
    ("certificates", &["export", "certificates", "--force"]),
    (
        "certificates-blank",
        &["export", "certificates", "--blank-form", "--force"],
    ),
    ("decision-list", &["export", "decision-list"]),
    ("calibration", &["export", "calibration"]),
    ("calibration-a3", &["export", "calibration", "--a3"]),
];

fn ngayhoi(args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_ngayhoi"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "ngayhoi {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn number(value: f64) -> String {
    let s = format!("{value:.2}");
    if s == "-0.00" { "0.00".into() } else { s }
}

/// An object as text, references followed (except to pages and streams, which are described
/// elsewhere), numbers to 1/100.
fn show(doc: &Document, object: &Object, depth: usize) -> String {
    match object {
        Object::Null => "null".into(),
        Object::Boolean(b) => b.to_string(),
        Object::Integer(i) => number(*i as f64),
        Object::Real(r) => number(f64::from(*r)),
        Object::Name(n) => format!("/{}", String::from_utf8_lossy(n)),
        Object::String(s, _) => format!("<{}>", hex(s)),
        Object::Array(items) => {
            let items: Vec<String> = items.iter().map(|o| show(doc, o, depth)).collect();
            format!("[{}]", items.join(" "))
        }
        Object::Dictionary(dict) => {
            let mut keys: Vec<_> = dict.iter().collect();
            keys.sort_by(|a, b| a.0.cmp(b.0));
            let entries: Vec<String> = keys
                .into_iter()
                .filter(|(k, _)| !matches!(k.as_slice(), b"Parent" | b"Length"))
                .map(|(k, v)| format!("/{} {}", String::from_utf8_lossy(k), show(doc, v, depth)))
                .collect();
            format!("<<{}>>", entries.join(" "))
        }
        Object::Stream(stream) => {
            let data = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            let mut dict = stream.dict.clone();
            dict.remove(b"Filter");
            dict.remove(b"DecodeParms");
            format!(
                "stream{} {} bytes #{}",
                show(doc, &Object::Dictionary(dict), depth),
                data.len(),
                hash(&data)
            )
        }
        Object::Reference(id) => match doc.get_object(*id) {
            Ok(target) if depth < 8 => show(doc, target, depth + 1),
            _ => "missing".into(),
        },
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn describe_page(doc: &Document, page: ObjectId, out: &mut String) {
    let dict = doc.get_dictionary(page).unwrap();
    let keys = [&b"MediaBox"[..], b"CropBox", b"TrimBox", b"Rotate"];
    describe_keys(doc, " ", dict, &keys, out);
    let fonts = doc.get_page_fonts(page).unwrap();
    let names: Vec<String> = fonts
        .iter()
        .map(|(name, font)| {
            let base = font
                .get(b"BaseFont")
                .map(|b| show(doc, b, 0))
                .unwrap_or_default();
            format!("/{}={base}", String::from_utf8_lossy(name))
        })
        .collect();
    writeln!(out, "  fonts {}", names.join(" ")).unwrap();
    let content = doc.get_page_content(page);
    let content = lopdf::content::Content::decode(&content).unwrap();
    for op in content.operations {
        let operands: Vec<String> = op.operands.iter().map(|o| show(doc, o, 0)).collect();
        writeln!(out, "  {} {}", operands.join(" "), op.operator).unwrap();
    }
}

/// Fonts once per document (they are the same objects on every page).
fn describe_fonts(doc: &Document, pages: &[ObjectId], out: &mut String) {
    let mut seen = std::collections::BTreeMap::new();
    for page in pages {
        for (name, font) in doc.get_page_fonts(*page).unwrap() {
            seen.entry(name)
                .or_insert_with(|| show(doc, &Object::Dictionary(font.clone()), 0));
        }
    }
    for (name, font) in seen {
        writeln!(out, "font /{} {font}", String::from_utf8_lossy(&name)).unwrap();
    }
}

/// A line "`what` /Key value" for each of `keys` that `dict` holds.
fn describe_keys(doc: &Document, what: &str, dict: &Dictionary, keys: &[&[u8]], out: &mut String) {
    for key in keys {
        if let Ok(value) = dict.get(key) {
            writeln!(
                out,
                "{what} /{} {}",
                String::from_utf8_lossy(key),
                show(doc, value, 0)
            )
            .unwrap();
        }
    }
}

fn describe(pdf: &Path) -> String {
    let doc = Document::load(pdf).unwrap();
    let mut out = String::new();
    let catalog = doc.catalog().unwrap();
    let keys = [
        &b"Version"[..],
        b"ViewerPreferences",
        b"PageLayout",
        b"PageMode",
    ];
    describe_keys(&doc, "catalog", catalog, &keys, &mut out);
    if let Ok(info) = doc.trailer.get(b"Info") {
        let info = doc.dereference(info).unwrap().1.as_dict().unwrap();
        describe_keys(
            &doc,
            "info",
            info,
            &[&b"Title"[..], b"Creator", b"Producer"],
            &mut out,
        );
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    writeln!(out, "pages {}", pages.len()).unwrap();
    describe_fonts(&doc, &pages, &mut out);
    for (i, page) in pages.iter().enumerate() {
        writeln!(out, "page {}", i + 1).unwrap();
        describe_page(&doc, *page, &mut out);
    }
    out
}

fn every_paper() -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ngayhoi.sqlite3");
    let db_arg = db.to_str().unwrap();
    ngayhoi(&["--db", db_arg, "demo"]);
    let mut all = String::new();
    for (name, args) in PAPERS {
        let out: PathBuf = dir.path().join(format!("{name}.pdf"));
        let mut full = vec!["--db", db_arg];
        full.extend_from_slice(args);
        full.extend_from_slice(&["--out", out.to_str().unwrap()]);
        ngayhoi(&full);
        writeln!(all, "== {name}").unwrap();
        all.push_str(&describe(&out));
    }
    all
}

#[test]
fn every_paper_is_as_it_was() {
    let now = every_paper();
    if std::env::var_os("NGAYHOI_BLESS").is_some() {
        std::fs::create_dir_all(Path::new(GOLDEN).parent().unwrap()).unwrap();
        std::fs::write(GOLDEN, &now).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(GOLDEN).expect("tests/golden/papers.txt exists");
    if now != golden {
        let (line, (want, got)) = golden
            .lines()
            .zip(now.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, pair)| (i + 1, pair))
            .unwrap_or((
                golden.lines().count().min(now.lines().count()) + 1,
                ("(end)", "(end)"),
            ));
        let paper = now
            .lines()
            .take(line)
            .filter(|l| l.starts_with("== "))
            .last()
            .unwrap_or("");
        panic!(
            "the papers changed ({paper}), first at line {line} of tests/golden/papers.txt:\n  was: {want}\n  now: {got}\n({} lines were, {} lines now)",
            golden.lines().count(),
            now.lines().count()
        );
    }
}
