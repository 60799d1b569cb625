//! Ngày hội: plans the yearly "Ngày hội toàn dân bảo vệ an ninh Tổ quốc" of a local steering
//! committee.
//!
//! Layers, from the bottom: `text` (Vietnamese text rules), `domain` (plain data and rules),
//! `storage` (SQLite), `demo` (a complete example unit), `cli` (the command line) and `gui`
//! (the iced window). Only `gui` depends on iced.

pub mod certificate;
pub mod cli;
pub mod demo;
pub mod document;
pub mod domain;
pub mod export;
pub mod gui;
pub mod import;
pub mod papers;
pub mod storage;
pub mod text;
