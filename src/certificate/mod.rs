//! Certificates (Giấy khen, Bằng khen): templates with a box per field, the layout that fits
//! each text into its box (wrap, then shrink to a floor, then warn — never cut), printer
//! profiles and the calibration page. One layout, two painters: the page this module lays
//! out is what the PDF painter prints and what the on-screen preview draws. No iced.
//!
//! See docs/certificates.md.

mod frame;
pub mod layout;
pub mod list;
pub mod print;
pub mod template;

#[cfg(test)]
mod tests;

pub use layout::{CertificateData, Fit, Laid, Overflow, fit, layout};
pub use list::decision_list;
pub use print::{
    PrinterProfile, calibration_page, lay_out_all, overflows, overflows_of, render_calibration,
    render_certificates, render_laid,
};
pub use template::{FieldBox, FieldKey, Mode, Paper, Template};
