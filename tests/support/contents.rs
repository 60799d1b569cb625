//! What a data file holds, compared by content: every row of every table, value by value.

use std::path::Path;

use rusqlite::Connection;
use rusqlite::types::Value;

/// Each table's name with its rows, tables by name and rows by rowid.
pub type Contents = Vec<(String, Vec<Vec<Value>>)>;

pub fn contents(db: &Path) -> Contents {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
                .unwrap();
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |row| (0..width).map(|i| row.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (table, rows)
        })
        .collect()
}
