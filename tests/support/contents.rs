//! What a data file holds, read table by table, every value as SQLite holds it: for comparing
//! a file before and after an upgrade (tests/migration.rs), and checking that what failed
//! (an import refused, a process killed) changed nothing.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;
use rusqlite::types::{FromSql, Value};

/// One table: its columns in order and its rows (by rowid), every value as SQLite holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// The value of `column` in each row.
    pub fn column(&self, column: &str) -> Vec<Value> {
        let i = self
            .columns
            .iter()
            .position(|c| c == column)
            .unwrap_or_else(|| panic!("no column {column} in {:?}", self.columns));
        self.rows.iter().map(|row| row[i].clone()).collect()
    }
}

/// Every table of the file (SQLite's own tables aside), by name.
pub type Dump = BTreeMap<String, Table>;

pub fn dump(conn: &Connection) -> Dump {
    let names: Vec<String> = column(
        conn,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    names
        .into_iter()
        .map(|name| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
                .unwrap();
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let n = columns.len();
            let rows = stmt
                .query_map([], |row| (0..n).map(|i| row.get::<_, Value>(i)).collect())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (name, Table { columns, rows })
        })
        .collect()
}

/// Each table's columns as SQLite declares them (name, type, not null, default, key), and the
/// file's indexes: what a file migrated from an old version must share with a new file.
pub fn shape(conn: &Connection) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for name in dump(conn).keys() {
        let columns = lines(conn, &format!("PRAGMA table_info(\"{name}\")"), |r| {
            Ok(format!(
                "{} {} notnull={} default={:?} pk={}",
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, i64>(5)?
            ))
        });
        out.insert(name.clone(), columns);
    }
    let indexes = lines(
        conn,
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY name",
        |r| {
            Ok(format!(
                "{} on {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?
            ))
        },
    );
    out.insert("(indexes)".into(), indexes);
    out
}

/// One line of text for each row `sql` returns, as `line` writes it.
fn lines(
    conn: &Connection,
    sql: &str,
    line: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<String>,
) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], line)
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

pub fn pragma_i64(conn: &Connection, name: &str) -> i64 {
    conn.pragma_query_value(None, name, |r| r.get(0)).unwrap()
}

pub fn text(s: &str) -> Value {
    Value::Text(s.into())
}

/// Each table's name with its rows, tables by name and rows by rowid.
pub type Contents = Vec<(String, Vec<Vec<Value>>)>;

/// Every row of every table of the file at `db`.
pub fn contents(db: &Path) -> Contents {
    dump(&Connection::open(db).unwrap())
        .into_iter()
        .map(|(name, table)| (name, table.rows))
        .collect()
}

/// The first value of each row `sql` returns (names, a pragma's lines).
pub fn column<T: FromSql>(conn: &Connection, sql: &str) -> Vec<T> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
