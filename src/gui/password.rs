//! The work behind the "Mật khẩu tệp dữ liệu" card, off the UI thread: a copy without a
//! password, and setting, changing or removing the password. Like a restore, a change waits
//! for nothing: it is refused while edits are still on their way to the file, since the file
//! is replaced whole.

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;

use super::data::{Db, Snapshot};
use super::screen::password::{Changed, Event, Message as Card};
use super::screen::settings;
use super::workspace::{Message, Workspace};
use crate::storage::backup::Replacing;
use crate::storage::{Password, StoreError};

fn card(message: Card) -> Message {
    Message::Settings(settings::Message::Password(message))
}

impl Workspace {
    /// `busy`: changes are still on their way to the file.
    pub(super) fn password_event(&mut self, event: Event, busy: bool) -> Task<Message> {
        let db = Arc::clone(&self.db);
        match event {
            Event::SavePlainCopy(path) => {
                Task::perform(async move { plain_copy(&db, path) }, |r| {
                    card(Card::PlainCopySaved(r))
                })
            }
            Event::Change { current, new } => {
                if busy {
                    self.settings.password.work.refuse_while_saving("làm lại");
                    return Task::none();
                }
                let year = self.data.plan.event.year;
                Task::perform(async move { change(&db, current, new, year) }, |r| {
                    card(Card::Changed(Box::new(r)))
                })
            }
            Event::Reload { data, notice } => {
                self.reload(*data);
                self.settings.password.work.tell(notice);
                Task::none()
            }
        }
    }
}

/// A copy of the file without a password. Offered before a password is set, so the file has
/// none yet and an ordinary backup is what is wanted; refused otherwise.
fn plain_copy(db: &Db, path: PathBuf) -> Result<PathBuf, String> {
    let store = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if store.has_password() {
        return Err("Tệp dữ liệu đã có mật khẩu nên bản sao lưu cũng có mật khẩu.".into());
    }
    // The dialog asked before replacing a file there.
    store.backup_replacing(&path).map_err(|e| match e {
        Replacing::Copy(e) => e.to_string(),
        Replacing::Rename(e) => crate::papers::output::write_error(&path, &e, cfg!(windows)),
    })?;
    Ok(path)
}

fn change(db: &Db, current: Option<Password>, new: Option<Password>, year: i32) -> Changed {
    let mut store = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if store.password() != current.as_ref() {
        return Err(StoreError::WrongPassword(store.path().to_path_buf()).to_string());
    }
    let rekeyed = store
        .set_password(new.as_ref())
        .map_err(|e| e.to_string())?;
    let data = Snapshot::load(&store, Some(year)).map_err(|e| e.to_string())?;
    Ok((rekeyed.summary(new.is_some()), data))
}
