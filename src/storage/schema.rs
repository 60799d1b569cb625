//! Numbered schema migrations. `PRAGMA user_version` holds the number of migrations applied;
//! `PRAGMA application_id` marks the file as ours so that we never migrate a stranger's file.
//! Never edit a migration that has shipped: add a new one.

use rusqlite::Connection;

/// "NgHi" in ASCII.
pub const APPLICATION_ID: i64 = 0x4E67_4869;

const MIGRATIONS: &[&str] = &[
    // 1: the organising unit and its yearly events.
    "CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        province TEXT NOT NULL,
        place TEXT NOT NULL,
        committee TEXT NOT NULL,
        symbol TEXT NOT NULL DEFAULT 'BCĐ',
        head_name TEXT NOT NULL DEFAULT '',
        secretary_name TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        date TEXT NOT NULL,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        theme TEXT NOT NULL DEFAULT ''
    );",
    // 2: the planning checklist of each event.
    "CREATE TABLE checklist_item (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        offset_days INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX checklist_item_event ON checklist_item(event_id);",
    // 3: the ceremony (program, delegates, event points), the festival and residential areas.
    "ALTER TABLE event ADD COLUMN program_start TEXT NOT NULL DEFAULT '07:30';
    CREATE TABLE area (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL
    );
    CREATE TABLE program_item (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        presenter TEXT NOT NULL DEFAULT '',
        duration_min INTEGER NOT NULL,
        fixed_time TEXT,
        notes TEXT NOT NULL DEFAULT '',
        script TEXT NOT NULL DEFAULT '',
        introduces_delegates INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX program_item_event ON program_item(event_id, position);
    CREATE TABLE delegate (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        rank INTEGER NOT NULL,
        attending INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX delegate_event ON delegate(event_id);
    CREATE TABLE event_point (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        host TEXT NOT NULL DEFAULT '',
        expected INTEGER NOT NULL DEFAULT 0,
        actual INTEGER
    );
    CREATE INDEX event_point_event ON event_point(event_id);
    CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        venue TEXT NOT NULL DEFAULT '',
        start TEXT
    );
    CREATE INDEX activity_event ON activity(event_id, position);
    CREATE TABLE team (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        score REAL,
        rank INTEGER
    );
    CREATE INDEX team_activity ON team(activity_id, position);
    CREATE TABLE prize (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        label TEXT NOT NULL,
        amount INTEGER NOT NULL,
        UNIQUE (activity_id, rank)
    );",
    // 4: households and the gift visits of each year.
    "CREATE TABLE household (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        birth_year INTEGER,
        sex TEXT,
        address TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE visit (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        date TEXT,
        delegation TEXT NOT NULL DEFAULT '',
        gift TEXT NOT NULL DEFAULT '',
        value INTEGER NOT NULL DEFAULT 0,
        quantity INTEGER NOT NULL DEFAULT 1,
        source TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned'
    );
    CREATE INDEX visit_event ON visit(event_id);
    CREATE INDEX visit_household ON visit(household_id);",
    // 5: commendation decisions, their recipients and the certificate registers. A register
    // (one per issuer and year) remembers its last number so that a removed recipient's
    // number is never handed out again.
    "CREATE TABLE decision (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        date TEXT NOT NULL,
        issuer TEXT NOT NULL,
        issuer_head TEXT NOT NULL DEFAULT '',
        signer_title TEXT NOT NULL DEFAULT '',
        signer_name TEXT NOT NULL DEFAULT '',
        UNIQUE (event_id, number)
    );
    CREATE TABLE recipient (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        form TEXT NOT NULL,
        name TEXT NOT NULL,
        sex TEXT,
        birth_year INTEGER,
        position_unit TEXT NOT NULL DEFAULT '',
        achievement TEXT NOT NULL DEFAULT '',
        register_issuer TEXT,
        register_year INTEGER,
        register_no INTEGER,
        UNIQUE (register_issuer, register_year, register_no)
    );
    CREATE INDEX recipient_decision ON recipient(decision_id, position);
    CREATE TABLE register (
        issuer TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_no INTEGER NOT NULL,
        PRIMARY KEY (issuer, year)
    );",
    // 6: certificate templates (their field boxes as text, see storage::certificate) and
    // printer profiles.
    "CREATE TABLE certificate_template (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        form TEXT NOT NULL,
        paper_width_mm REAL NOT NULL,
        paper_height_mm REAL NOT NULL,
        mode TEXT NOT NULL,
        background TEXT,
        fields TEXT NOT NULL
    );
    CREATE TABLE printer_profile (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        offset_x_mm REAL NOT NULL DEFAULT 0,
        offset_y_mm REAL NOT NULL DEFAULT 0,
        scale REAL NOT NULL DEFAULT 1
    );",
    // 7: report figures: what the secretary enters for the report to the province (a figure not
    // entered has no row) and the narrative sections edited (a section without a row prints
    // its default text, built from the figures).
    "CREATE TABLE report_figure (
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value >= 0),
        PRIMARY KEY (event_id, code)
    );
    CREATE TABLE report_section (
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (event_id, code)
    );",
    // 8: consolidation at the level above (a province): the units expected to report in a
    // year and the packages taken in (their data rows whole, as `consolidation::package`
    // writes them; a replaced package is kept with current = 0 so that it can be restored).
    // The consolidated report's edited sections are the province's own report_section rows.
    "CREATE TABLE expected_unit (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        unit_key TEXT NOT NULL,
        UNIQUE (event_id, unit_key)
    );
    CREATE TABLE received_package (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        unit_key TEXT NOT NULL,
        unit_name TEXT NOT NULL,
        made_at TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        checksum TEXT NOT NULL,
        intact INTEGER NOT NULL,
        content TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX received_package_current ON received_package(year, unit_key)
        WHERE current = 1;",
    // 9: the unit's settings for papers: the digits its register numbers print with ("007"
    // is 3, as every earlier version printed them) and whether the report's PDF keeps the
    // rows never entered (0: left out, as before; 1: kept, the secretary's last choice).
    "ALTER TABLE unit ADD COLUMN register_digits INTEGER NOT NULL DEFAULT 3
        CHECK (register_digits BETWEEN 1 AND 6);
    ALTER TABLE unit ADD COLUMN report_keep_empty_rows INTEGER NOT NULL DEFAULT 0
        CHECK (report_keep_empty_rows IN (0, 1));",
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "application_id", |row| row.get(0))
}

/// Applies the migrations after the file's version up to `target`, all in one transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    let current = version(conn)?;
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in &MIGRATIONS[current as usize..target as usize] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()
}
