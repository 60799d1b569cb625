//! Prints what a data file holds for the IME test (tests/ime/run.sh): one line per checklist
//! step, household (its name, then its address and phone on lines of their own) and recipient
//! of the newest year, as `kind<TAB>"text"`. The text is written
//! as Rust writes a string's Debug form, so a control character shows as `\r`, `\u{7}`...
//! and can never pass for the sentence typed; the script compares bytes, so a decomposed
//! letter fails as well.

use std::path::PathBuf;
use std::process::ExitCode;

use ngayhoi::storage::Store;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: ime_saved DATA-FILE");
        return ExitCode::from(2);
    };
    match print(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn print(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(path)?;
    let year = *store.years()?.iter().max().ok_or("no year in the file")?;
    let event = store.event(year)?.ok_or("no event")?;
    for step in store.checklist(event.id)? {
        println!("checklist\t{:?}", step.title);
    }
    for household in store.households()? {
        println!("household\t{:?}", household.name);
        println!("address\t{:?}", household.address);
        println!("phone\t{:?}", household.phone);
    }
    for recipient in store.recipients(event.id)? {
        println!("recipient\t{:?}", recipient.name);
    }
    Ok(())
}
