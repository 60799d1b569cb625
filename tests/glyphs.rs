//! Every character the program can show is drawn from the bundled fonts, never from a system
//! fallback: Windows machines (and Wine) lack the Linux fallback fonts, and a missing "✓" in
//! "✓ Đã lưu" was how that showed. The window's text must be in Be Vietnam Pro or the bundled
//! symbols font; the documents' text (drawn only with Liberation Serif) in Liberation Serif.
//!
//! What is checked: every string and char literal in src/ outside tests, read with a small
//! lexer (comments and lifetimes skipped).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cmap(file: &str) -> BTreeSet<char> {
    let bytes = std::fs::read(root().join("fonts").join(file)).unwrap();
    let face = ttf_parser::Face::parse(&bytes, 0).unwrap();
    let mut chars = BTreeSet::new();
    for table in face.tables().cmap.unwrap().subtables {
        if table.is_unicode() {
            table.codepoints(|c| {
                if let Some(ch) = char::from_u32(c)
                    && table.glyph_index(c).is_some_and(|g| g.0 != 0)
                {
                    chars.insert(ch);
                }
            });
        }
    }
    chars
}

/// The string and char literals of Rust source, up to its `#[cfg(test)]` module.
fn literals(source: &str) -> Vec<String> {
    let source = source.split("#[cfg(test)]").next().unwrap();
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    let at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    let until = |from: usize, end: &str| {
        (from..chars.len())
            .find(|&j| at(j, end))
            .unwrap_or(chars.len())
    };
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if at(i, "//") {
            i = until(i, "\n");
        } else if at(i, "/*") {
            i = until(i, "*/") + 2;
        } else if c == 'r' && !after_word && matches!(chars.get(i + 1), Some('"' | '#')) {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                i += 1;
                continue;
            }
            let start = i + 2 + hashes;
            let end = until(start, &format!("\"{}", "#".repeat(hashes)));
            found.push(chars[start..end].iter().collect());
            i = end + 1 + hashes;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            found.push(chars[i + 1..j].iter().collect());
            i = j + 1;
        } else if c == '\'' && chars.get(i + 1) == Some(&'\\') {
            let end = until(i + 2, "'");
            found.push(chars[i + 1..end].iter().collect());
            i = end + 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            found.push(chars[i + 1].to_string());
            i += 3;
        } else {
            i += 1;
        }
    }
    found
}

fn sources(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Characters of `src/` literals that `covered` lacks, with the files that use them. Only
/// files whose path (below src/) starts with one of `under` are read.
fn missing(covered: &BTreeSet<char>, under: &[&str]) -> BTreeMap<char, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut missing = BTreeMap::<char, BTreeSet<String>>::new();
    for file in files {
        let name = file
            .strip_prefix(root().join("src"))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Test modules in their own files; and the folding table, whose look-alike letters are
        // matched in what the secretary types, never shown.
        if name.ends_with("tests.rs")
            || name == "text/fold.rs"
            || !under.iter().any(|u| name.starts_with(u))
        {
            continue;
        }
        for literal in literals(&std::fs::read_to_string(&file).unwrap()) {
            for ch in literal
                .chars()
                .filter(|c| !c.is_ascii() && !covered.contains(c))
            {
                missing.entry(ch).or_default().insert(name.clone());
            }
        }
    }
    missing
}

#[test]
fn the_lexer_finds_literals_and_skips_comments_and_lifetimes() {
    let found = literals(
        "// “comment” ✓\nfn f<'a>(x: &'a str) -> char { let _ = r#\"raw “x”\"#; g(\"Đã \\\"lưu\\\"\"); '✓' }\n#[cfg(test)]\nmod t { \"📌\" }",
    );
    assert_eq!(found, ["raw “x”", "Đã \\\"lưu\\\"", "✓"]);
}

#[test]
fn the_window_shows_every_character_from_its_bundled_fonts() {
    let mut covered = cmap("BeVietnamPro-Regular.ttf");
    for file in ["BeVietnamPro-SemiBold.ttf", "BeVietnamPro-Bold.ttf"] {
        assert_eq!(
            cmap(file),
            covered,
            "the three weights of Be Vietnam Pro cover the same characters"
        );
    }
    covered.extend(cmap("NgayhoiSymbols.ttf"));
    assert!(covered.contains(&'✓') && covered.contains(&'ệ'));
    let missing = missing(&covered, &[""]);
    assert!(
        missing.is_empty(),
        "characters no bundled UI font has (add them to fonts/NgayhoiSymbols.ttf, see fonts/README.md, or use another): {missing:?}"
    );
}

#[test]
fn the_documents_show_every_character_from_liberation_serif() {
    // The regular face is the narrowest in coverage of the four; every face is checked.
    let covered = ["Regular", "Bold", "Italic", "BoldItalic"]
        .map(|face| cmap(&format!("LiberationSerif-{face}.ttf")))
        .into_iter()
        .reduce(|a, b| a.intersection(&b).copied().collect())
        .unwrap();
    let missing = missing(
        &covered,
        &["document/", "papers/", "certificate/", "domain/"],
    );
    assert!(
        missing.is_empty(),
        "characters Liberation Serif lacks in the papers' text: {missing:?}"
    );
}
