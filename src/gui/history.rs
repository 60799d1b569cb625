//! The undo history every editing screen keeps: its steps, newest last, and the notice that
//! names the newest one. Keeping both in one place means a notice's "Hoàn tác" can never undo
//! something other than what it says.

#[derive(Debug, Clone)]
pub struct History<T> {
    steps: Vec<T>,
    notice: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            steps: Vec::new(),
            notice: None,
        }
    }
}

impl<T> History<T> {
    /// Records how to undo the change just made; `notice` says what it was (or nothing).
    pub fn remember(&mut self, step: T, notice: Option<String>) {
        self.steps.push(step);
        self.notice = notice;
    }

    /// The newest step, taken off to be undone; the notice goes with it.
    pub fn pop(&mut self) -> Option<T> {
        self.notice = None;
        self.steps.pop()
    }

    pub fn last(&self) -> Option<&T> {
        self.steps.last()
    }

    /// The newest step, to add to what it undoes.
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.steps.last_mut()
    }

    pub fn can_undo(&self) -> bool {
        !self.steps.is_empty()
    }

    /// What the newest change was, for the undo notice.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_always_names_the_newest_step() {
        let mut history = History::default();
        history.remember(1, Some("Đã xóa “A”.".into()));
        history.remember(2, None);
        assert_eq!(
            history.notice(),
            None,
            "a silent change hides the older notice"
        );
        assert_eq!(history.pop(), Some(2));
        assert_eq!(history.pop(), Some(1));
        assert!(!history.can_undo());
        assert_eq!(history.pop(), None);
    }
}
