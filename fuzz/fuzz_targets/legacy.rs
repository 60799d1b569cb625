//! The TCVN3 and VNI converters and the detection on any text: no panic, and NFC out. (That
//! converting known legacy text gives the Unicode it stands for is checked by
//! tests/import_props.rs against the conversion tables.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use ngayhoi::text::Legacy;
use ngayhoi::text::legacy::{convert, detect};

fuzz_target!(|data: &[u8]| {
    // As the bytes arrive from an old CSV (one byte, one character, as Windows-1252 would
    // give for most of them), and as UTF-8 text.
    let latin: String = data.iter().map(|&b| char::from(b)).collect();
    let utf8 = String::from_utf8_lossy(data);
    for text in [latin.as_str(), &utf8] {
        for legacy in Legacy::ALL {
            let out = convert(legacy, text);
            assert!(
                ngayhoi::text::is_nfc(&out),
                "{legacy:?} {text:?} -> {out:?}"
            );
        }
        let cells: Vec<&str> = text.split([',', '\n']).collect();
        let _ = detect(cells.iter().copied());
    }
});
