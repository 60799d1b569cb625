//! Compresses the four bundled Liberation Serif faces once, when the program is built: every
//! PDF embeds them whole, and compressing 1.5 MB of fonts on every export would cost more than
//! writing 1,000 certificates (issue 16). `document::fonts::Face::deflated` includes the
//! result; a test checks that it inflates back to the very bytes layout measures with.

use std::path::PathBuf;

const FACES: [&str; 4] = [
    "LiberationSerif-Regular",
    "LiberationSerif-Bold",
    "LiberationSerif-Italic",
    "LiberationSerif-BoldItalic",
];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=build.rs");
    for face in FACES {
        let path = format!("fonts/{face}.ttf");
        println!("cargo::rerun-if-changed={path}");
        let ttf = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // The best level: done once per build, read on every export.
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&ttf, 10);
        std::fs::write(out.join(format!("{face}.ttf.zlib")), deflated)
            .unwrap_or_else(|e| panic!("{face}.ttf.zlib: {e}"));
    }
}
