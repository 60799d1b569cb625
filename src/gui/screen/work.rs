//! The one piece of work a card of "Cài đặt" runs at a time (a backup, a restore, a password
//! change, each off the window's thread), and what came of the last one.

use iced::widget::Text;

use crate::gui::widget::outcome_text;

#[derive(Debug, Clone, Default)]
pub struct Work {
    busy: bool,
    /// What was done last ("Đã sao lưu vào …"), or why it could not be.
    outcome: Option<Result<String, String>>,
}

impl Work {
    /// Work is under way: the card's buttons wait.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// Starts work unless some is under way (then false, and nothing changes).
    pub fn start(&mut self) -> bool {
        if self.busy {
            return false;
        }
        self.busy = true;
        self.outcome = None;
        true
    }

    /// The work ended so.
    pub fn done(&mut self, outcome: Result<String, String>) {
        self.busy = false;
        self.outcome = Some(outcome);
    }

    /// Shown after the settings were rebuilt around new data (a restore, a new password).
    pub fn tell(&mut self, notice: String) {
        self.outcome = Some(Ok(notice));
    }

    /// The app could not start the work it was asked for.
    pub fn refuse(&mut self, why: String) {
        self.done(Err(why));
    }

    /// Refuses work that replaces the data file while changes are still being saved: they
    /// would be lost with the file they were meant for. `then` says what to do after
    /// ("khôi phục", "làm lại").
    pub fn refuse_while_saving(&mut self, then: &str) {
        self.refuse(format!(
            "Còn thay đổi chưa lưu xong. Hãy đợi dòng “✓ Đã lưu” (hoặc bấm “Thử lưu lại”) rồi {then}."
        ));
    }

    /// Forgets the last outcome (the secretary has moved on).
    pub fn clear(&mut self) {
        self.outcome = None;
    }

    /// The last outcome, green or red.
    pub fn outcome(&self) -> Option<Text<'_>> {
        self.outcome.as_ref().map(outcome_text)
    }
}
