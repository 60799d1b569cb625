//! The PDF file's objects, written in order, and its cross-reference table.

use std::fmt::Write as _;

use super::Stream;

/// A text string as UTF-16BE with a byte order mark, in hex: what viewers show for titles.
pub(super) fn utf16_string(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        write!(out, "{unit:04X}").unwrap();
    }
    out.push('>');
    out
}

/// Objects written in order of their numbers, with their offsets for the cross-reference
/// table.
pub(super) struct Writer {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    pub(super) fn new() -> Writer {
        let mut out = Vec::with_capacity(1 << 20);
        // The binary comment tells transfer programs the file is not text.
        out.extend_from_slice(b"%PDF-1.6\n%\xbb\xad\xc0\xde\n");
        Writer {
            out,
            offsets: vec![0],
        }
    }

    pub(super) fn object(&mut self, id: usize) {
        debug_assert_eq!(id, self.offsets.len(), "objects are written in order");
        self.offsets.push(self.out.len());
        self.out
            .extend_from_slice(format!("{id} 0 obj\n").as_bytes());
    }

    pub(super) fn end_object(&mut self) {
        self.out.extend_from_slice(b"\nendobj\n");
    }

    pub(super) fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    pub(super) fn stream(&mut self, id: usize, keys: &str, stream: &Stream) {
        self.object(id);
        let filter = if stream.deflated {
            "/Filter/FlateDecode"
        } else {
            ""
        };
        self.raw(format!("<<{keys}/Length {}{filter}>>\nstream\n", stream.bytes.len()).as_bytes());
        self.raw(&stream.bytes);
        self.raw(b"\nendstream");
        self.end_object();
    }

    /// The cross-reference table and trailer; `size` is one more than the last object.
    pub(super) fn finish(mut self, size: usize, root: usize, info: usize) -> Vec<u8> {
        debug_assert_eq!(size, self.offsets.len());
        let xref = self.out.len();
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for offset in &self.offsets[1..] {
            writeln!(table, "{offset:010} 00000 n ").unwrap();
        }
        write!(
            table,
            "trailer\n<</Size {size}/Root {root} 0 R/Info {info} 0 R>>\nstartxref\n{xref}\n%%EOF\n"
        )
        .unwrap();
        self.out.extend_from_slice(table.as_bytes());
        self.out
    }
}
