//! The work behind the "Sao lưu và khôi phục" card: backing up, reading a copy and restoring
//! it, each off the UI thread. A restore waits for nothing: it is refused while changes are
//! still on their way to the file, so that no edit made before it lands on the restored data.

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;

use super::data::{Db, Snapshot};
use super::screen::backups::{Event, Message as Card};
use super::screen::settings;
use super::workspace::{Message, Workspace};
use crate::storage;

fn card(message: Card) -> Message {
    Message::Settings(settings::Message::Backup(message))
}

impl Workspace {
    /// `busy`: changes are still on their way to the file.
    pub(super) fn backups_event(&mut self, event: Event, busy: bool) -> Task<Message> {
        match event {
            Event::BackUpNow => {
                let db = Arc::clone(&self.db);
                Task::perform(async move { back_up(&db) }, |r| card(Card::BackedUp(r)))
            }
            Event::Inspect(path) => {
                let db = Arc::clone(&self.db);
                Task::perform(
                    async move {
                        let password = db
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .password()
                            .cloned();
                        let result =
                            storage::inspect(&path, password.as_ref()).map_err(|e| e.to_string());
                        (path, result)
                    },
                    |(path, result)| card(Card::Inspected(path, result)),
                )
            }
            Event::Restore(path) => {
                if busy {
                    self.settings.backups.work.refuse_while_saving("khôi phục");
                    return Task::none();
                }
                let db = Arc::clone(&self.db);
                let year = self.data.plan.event.year;
                Task::perform(async move { restore(&db, path, year) }, |r| {
                    card(Card::Restored(Box::new(r)))
                })
            }
            Event::Reload { data, notice } => {
                self.reload(*data);
                self.settings.backups.work.tell(notice);
                Task::none()
            }
            Event::Reveal(dir) => {
                if let Err(message) = super::system::open_folder(&dir) {
                    self.error = Some(message);
                }
                Task::none()
            }
        }
    }
}

fn back_up(db: &Db) -> Result<PathBuf, String> {
    let store = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    store
        .backup_by_hand(chrono::Local::now().naive_local())
        .map_err(|e| e.to_string())
}

type RestoreOutcome = Result<(storage::Restored, Option<Snapshot>), String>;

fn restore(db: &Db, path: PathBuf, year: i32) -> RestoreOutcome {
    let mut store = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let restored = store.restore_from(&path).map_err(|e| e.to_string())?;
    let data = Snapshot::load(&store, Some(year)).map_err(|e| e.to_string())?;
    Ok((restored, data))
}
