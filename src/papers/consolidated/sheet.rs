//! The consolidated report's tables as an .xlsx workbook: the totals, the units that have not
//! reported and one row per unit, values as numbers (a figure a unit did not give is an empty
//! cell, not 0).

use super::{summary_line, tables};
use crate::consolidation::Consolidation;
use crate::export::{Table, to_xlsx};
use crate::papers::report::ReportTable;
use crate::papers::report::sheet::rows;

fn sheet(c: &Consolidation, table: &ReportTable) -> Table {
    Table {
        sheet_name: table.sheet.clone(),
        title_rows: vec![
            format!("BÁO CÁO {}", summary_line(c).to_uppercase()),
            table.title.clone(),
        ],
        headers: table.columns.iter().map(|col| col.title.clone()).collect(),
        rows: rows(table),
    }
}

pub fn sheets(c: &Consolidation) -> Vec<Table> {
    let mut out = vec![sheet(c, &tables::totals(c)), sheet(c, &tables::units(c))];
    out.extend(tables::missing(c).map(|t| sheet(c, &t)));
    out
}

pub fn render(c: &Consolidation) -> Result<Vec<u8>, String> {
    to_xlsx(&sheets(c))
}
