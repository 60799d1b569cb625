//! The undo history every editing screen keeps: its steps, newest last, and the notice that
//! names the newest one. Keeping both in one place means a notice's "Hoàn tác" can never undo
//! something other than what it says.
//!
//! A screen may hold several histories (each list of records keeps its own, and the screen
//! one for its special changes). Every step and every undo is stamped from one clock, so
//! that the screen undoes the newest step of all ([`newest`]) and shows the notice of the
//! history changed last ([`notice`]), exactly as if there were one history.

use std::sync::atomic::{AtomicU64, Ordering};

static CLOCK: AtomicU64 = AtomicU64::new(1);

fn tick() -> u64 {
    CLOCK.fetch_add(1, Ordering::Relaxed)
}

#[derive(Debug, Clone)]
pub struct History<T> {
    /// Each step with the tick it was made at.
    steps: Vec<(u64, T)>,
    notice: Option<String>,
    /// The tick of the last step remembered or undone.
    touched: u64,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            steps: Vec::new(),
            notice: None,
            touched: 0,
        }
    }
}

impl<T> History<T> {
    /// Records how to undo the change just made; `notice` says what it was (or nothing).
    pub fn remember(&mut self, step: T, notice: Option<String>) {
        self.touched = tick();
        self.steps.push((self.touched, step));
        self.notice = notice;
    }

    /// The newest step, taken off to be undone; the notice goes with it.
    pub fn pop(&mut self) -> Option<T> {
        self.notice = None;
        self.touched = tick();
        self.steps.pop().map(|(_, step)| step)
    }

    pub fn last(&self) -> Option<&T> {
        self.steps.last().map(|(_, step)| step)
    }

    /// The newest step, to add to what it undoes.
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.steps.last_mut().map(|(_, step)| step)
    }

    pub fn can_undo(&self) -> bool {
        !self.steps.is_empty()
    }

    /// What the newest change was, for the undo notice.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
}

/// One history among the several of a screen, whatever its steps.
pub trait Timeline {
    /// When its newest step was made (`None`: nothing to undo).
    fn newest(&self) -> Option<u64>;
    /// When a step was last remembered or undone.
    fn touched(&self) -> u64;
    fn notice(&self) -> Option<&str>;
}

impl<T> Timeline for History<T> {
    fn newest(&self) -> Option<u64> {
        self.steps.last().map(|(tick, _)| *tick)
    }

    fn touched(&self) -> u64 {
        self.touched
    }

    fn notice(&self) -> Option<&str> {
        History::notice(self)
    }
}

/// Which of a screen's histories holds the newest step (the one Ctrl+Z undoes).
pub fn newest(histories: &[&dyn Timeline]) -> Option<usize> {
    (0..histories.len())
        .filter(|&i| histories[i].newest().is_some())
        .max_by_key(|&i| histories[i].newest())
}

/// The notice of the history changed last: a silent change or an undo anywhere hides an
/// older notice.
pub fn notice<'a>(histories: &[&'a dyn Timeline]) -> Option<&'a str> {
    histories
        .iter()
        .max_by_key(|h| h.touched())
        .and_then(|h| h.notice())
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

    #[test]
    fn several_histories_undo_and_tell_as_one() {
        let mut a = History::default();
        let mut b = History::default();
        a.remember("a1", Some("A1".to_string()));
        b.remember("b1", Some("B1".to_string()));
        assert_eq!(newest(&[&a, &b]), Some(1));
        assert_eq!(notice(&[&a, &b]), Some("B1"));
        assert_eq!(b.pop(), Some("b1"));
        assert_eq!(notice(&[&a, &b]), None, "an undo hides the older notice");
        assert_eq!(newest(&[&a, &b]), Some(0));
        assert_eq!(a.pop(), Some("a1"));
        assert_eq!(newest(&[&a, &b]), None);
    }
}
