//! Ngày hội: plans the yearly "Ngày hội toàn dân bảo vệ an ninh Tổ quốc" of a local steering
//! committee.
//!
//! Layers, from the bottom: `text` (Vietnamese text rules), `domain` (plain data and rules),
//! `import` (reading lists from spreadsheets), `export` (writing them), `consolidation` (the
//! report package a unit sends up and the province's consolidation), `storage` (SQLite),
//! `demo` and `province_demo` (complete examples), `document` (the layout of printed papers
//! and its PDF painter), `certificate` (certificate templates and printing), `papers` (the
//! concrete papers), `gui` (the iced window) and `cli` (the command line, which also starts
//! the window). Only `gui` depends on iced. See docs/architecture.md.

pub mod certificate;
pub mod cli;
pub mod consolidation;
pub mod demo;
pub mod document;
pub mod domain;
pub mod export;
pub mod gui;
pub mod import;
pub mod papers;
pub mod province_demo;
pub mod storage;
pub mod text;
