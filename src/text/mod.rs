//! Vietnamese text rules shared by every layer: what enters the app is cleaned (NFC, no control
//! characters), names sort the Vietnamese way, searches ignore accents, and dates, money and
//! amounts in words read as in official papers. Pure functions, no UI.

pub mod clean;
pub mod collate;
pub mod fold;
pub mod format;
pub mod legacy;
pub mod syllable;
pub mod time;
pub mod words;

pub use clean::{clean_line, clean_multiline, ends_line, is_nfc};
pub use collate::{compare, compare_names, name_sort_words};
pub use fold::{contains_folded, fold};
pub use format::{
    date_long, date_short, day_month, money, parse_date, parse_money, place_date, thousands,
};
pub use legacy::Legacy;
pub use time::{parse_time, time_short};
pub use words::{money_in_words, number_in_words};
