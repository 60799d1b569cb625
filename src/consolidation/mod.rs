//! Beyond one unit: the report package a ward or commune sends to the level above, and the
//! province's consolidation of the packages it takes in. See docs/consolidation.md.
//!
//! - `key`: the figures a package carries, under stable keys;
//! - `package`: the machine-readable rows, their checksum and their parsing;
//! - `expected`: the expected units' names from a spreadsheet the province already has;
//! - `intake`: what became of each file of a batch, and the checks that need no storage;
//! - `read`: a package file's rows through calamine;
//! - `table`: expected units × packages, totals, units missing, last year;
//! - `narrative`: the consolidated report's default sections.
//!
//! Who may consolidate is a rule of the unit's level: `domain::Level::consolidates`.

pub mod expected;
pub mod intake;
pub mod key;
pub mod narrative;
pub mod package;
pub mod read;
pub mod table;

pub use intake::{Accepted, Incoming, Intake, Outcome};
pub use key::{Key, figures_of, keys};
pub use package::{Package, PackageError, Parsed};
pub use read::read;
pub use table::{Consolidation, ExpectedUnit, Received, Totals, UnitRow, unit_key};
