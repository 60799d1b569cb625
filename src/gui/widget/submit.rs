//! Enter in a single-line field, for every form that saves on Enter.
//!
//! IBus, through XIM (the usual Vietnamese setup on Ubuntu), sends the Return key, or commits
//! it as "\r", *before* it commits the word still being composed. Saving at once saved
//! "Tiếng Việt có được" for "…dduwowjc khoong": the last word arrived after the form had
//! closed. So Enter here does not save at once: the submit waits [`SETTLE`] for the input
//! method's last commit (and, where the window reports the composition, for it to end), then
//! saves what the field shows. A commit's line break counts as Enter and never reaches the
//! text. Plain keys, pastes and precomposed letters from Windows tools go through the same
//! path, so they are saved the same way. Tab, which IBus commits as "\t" the same way, moves
//! to the next field the same moment later (`app::committed_tab`) and adds nothing to the text.

use std::sync::atomic::{AtomicBool, Ordering};

use iced::advanced::input_method;
use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, renderer};
use iced::keyboard::{self, key::Named};
use iced::time::{Duration, Instant};
use iced::widget::text_input::{self, TextInput};
use iced::{Element, Event, Length, Rectangle, Size, Vector, window};

use crate::text::{clean_line, ends_line};

/// How long a submit waits for the input method's last commit. IBus's commit follows its
/// Return within milliseconds; a person does not notice the form closing this much later.
pub const SETTLE: Duration = Duration::from_millis(150);

/// The longest a submit waits for a composition the window reports to end.
const LONGEST: Duration = Duration::from_secs(1);

type Renderer = iced::Renderer;
type Theme = iced::Theme;
type Paragraph = <Renderer as iced::advanced::text::Renderer>::Paragraph;

/// `input` (without its own `on_submit`) where Enter, or a line break an input method commits,
/// publishes `submit` once the input method has settled.
pub fn on_enter<'a, M: Clone + 'a>(input: TextInput<'a, M>, submit: M) -> Element<'a, M> {
    Element::new(Settled {
        input: input.into(),
        submit,
    })
}

struct Settled<'a, M> {
    input: Element<'a, M, Theme, Renderer>,
    submit: M,
}

#[derive(Debug, Default)]
struct State {
    /// When Enter was pressed, while its submit waits.
    pending: Option<Instant>,
    /// The window reports a word being composed in this field.
    composing: bool,
    /// The word being composed, as the window shows it.
    preedit: String,
}

/// A field kept the word being composed when another was clicked: the input method must
/// forget it. Set by the field left, taken by the field focused when the window is next drawn
/// (one window per process).
static FORGET_COMPOSITION: AtomicBool = AtomicBool::new(false);

impl State {
    fn is_due(&self, now: Instant) -> bool {
        self.pending.is_some_and(|at| {
            let waited = now.saturating_duration_since(at);
            waited >= SETTLE && (!self.composing || waited >= LONGEST)
        })
    }
}

fn is_focused(input: &Tree) -> bool {
    match &input.state {
        tree::State::Some(state) => state
            .downcast_ref::<text_input::State<Paragraph>>()
            .is_some_and(text_input::State::is_focused),
        tree::State::None => false,
    }
}

fn is_enter(event: &Event) -> bool {
    matches!(
        event,
        Event::Keyboard(keyboard::Event::KeyPressed {
            modified_key: keyboard::Key::Named(Named::Enter),
            ..
        })
    )
}

impl<M: Clone> Widget<M, Theme, Renderer> for Settled<'_, M> {
    fn size(&self) -> Size<Length> {
        self.input.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.input.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.input
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.input.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.input)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.input));
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.input
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        let focused = is_focused(&tree.children[0]);
        let state = tree.state.downcast_mut::<State>();
        let mut event = std::borrow::Cow::Borrowed(event);
        match event.as_ref() {
            e if focused && is_enter(e) => {
                state.pending = Some(Instant::now());
                shell.request_redraw_at(Instant::now() + SETTLE);
                shell.capture_event();
                return;
            }
            Event::InputMethod(input_method::Event::Preedit(content, _)) if focused => {
                state.composing = !content.is_empty();
                state.preedit.clone_from(content);
            }
            Event::InputMethod(input_method::Event::Closed) => {
                state.composing = false;
                state.preedit.clear();
            }
            // A click elsewhere while a word is composed: the word is this field's, as the
            // window shows it. The input method would otherwise carry it on into the field
            // clicked ("HawngfToor 5…" with IBus Unikey); the field clicked makes it forget
            // the word (below). Fcitx5 draws its composition itself and tells the window
            // nothing, so there the word still goes to the field clicked, where it is seen.
            Event::Mouse(mouse::Event::ButtonPressed(_))
                if focused && !state.preedit.is_empty() && !cursor.is_over(layout.bounds()) =>
            {
                let word = Event::InputMethod(input_method::Event::Commit(std::mem::take(
                    &mut state.preedit,
                )));
                state.composing = false;
                FORGET_COMPOSITION.store(true, Ordering::Relaxed);
                // On a shell of its own: the field captures the commit, and the click must
                // still reach what it was aimed at ("Lưu" saves the word too).
                let mut typed = Vec::new();
                self.input.as_widget_mut().update(
                    &mut tree.children[0],
                    &word,
                    layout,
                    cursor,
                    renderer,
                    clipboard,
                    &mut Shell::new(&mut typed),
                    viewport,
                );
                for message in typed {
                    shell.publish(message);
                }
                shell.invalidate_layout();
                shell.request_redraw();
            }
            Event::InputMethod(input_method::Event::Commit(text)) if focused => {
                state.composing = false;
                state.preedit.clear();
                if ends_line(text) {
                    state.pending = Some(Instant::now());
                    shell.request_redraw_at(Instant::now() + SETTLE);
                }
                // A tab in a commit is the Tab key (IBus sends it before the word being
                // composed, as it sends Enter): the app moves to the next field once the word
                // is in (`app::committed_tab`); it never becomes a space here.
                let clean = clean_line(&text.replace('\t', ""));
                if clean.is_empty() {
                    shell.capture_event();
                    return;
                }
                event =
                    std::borrow::Cow::Owned(Event::InputMethod(input_method::Event::Commit(clean)));
            }
            Event::Window(window::Event::RedrawRequested(now)) => {
                if state.is_due(*now) {
                    state.pending = None;
                    shell.publish(self.submit.clone());
                } else if let Some(at) = state.pending {
                    // Not settled yet, or still composing: look again a little later.
                    let next = if *now < at + SETTLE {
                        at + SETTLE
                    } else {
                        (*now + SETTLE).min(at + LONGEST)
                    };
                    shell.request_redraw_at(next);
                }
                // The field clicked after a word was taken from the input method (above): for
                // one drawing it asks for no input method, so the window turns it off and on
                // again and the input method forgets that word instead of typing it here too.
                if focused && FORGET_COMPOSITION.swap(false, Ordering::Relaxed) {
                    shell.request_redraw();
                    return;
                }
            }
            _ => {}
        }
        self.input.as_widget_mut().update(
            &mut tree.children[0],
            &event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.input.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<iced::advanced::overlay::Element<'b, M, Theme, Renderer>> {
        self.input.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::widget::{column, text_input};
    use iced_test::{Simulator, selector::id};

    #[derive(Debug, Clone, PartialEq)]
    enum Msg {
        Input(String),
        Submit,
    }

    /// A form of two fields where Enter submits, as the screens have; `events` happen after
    /// the first field is clicked.
    fn form(value: &str, events: Vec<Event>) -> Vec<Msg> {
        let view: Element<'_, Msg> = column![
            on_enter(
                text_input("", value).id("a").on_input(Msg::Input),
                Msg::Submit
            ),
            on_enter(text_input("", "").id("b").on_input(Msg::Input), Msg::Submit),
        ]
        .into();
        let mut ui = Simulator::new(view);
        ui.click(id("a")).expect("the field is there");
        let _ = ui.simulate(events);
        ui.into_messages().collect()
    }

    fn enter() -> Vec<Event> {
        iced_test::simulator::tap_key(keyboard::Key::Named(Named::Enter), None).collect()
    }

    fn ime(event: input_method::Event) -> Event {
        Event::InputMethod(event)
    }

    fn commit(text: &str) -> Event {
        ime(input_method::Event::Commit(text.into()))
    }

    fn drawn_after(ms: u64) -> Event {
        Event::Window(window::Event::RedrawRequested(
            Instant::now() + Duration::from_millis(ms),
        ))
    }

    fn settled() -> Event {
        drawn_after(SETTLE.as_millis() as u64 * 2)
    }

    #[test]
    fn a_word_committed_after_enter_is_saved_with_the_rest() {
        // IBus through XIM: Return first, then the word that was being composed.
        let mut events = enter();
        events.push(drawn_after(10));
        events.push(commit("không"));
        events.push(settled());
        assert_eq!(
            form("Tiếng Việt có được ", events),
            [Msg::Input("Tiếng Việt có được không".into()), Msg::Submit]
        );
    }

    #[test]
    fn enter_committed_as_a_line_break_submits_without_reaching_the_text() {
        let events = vec![commit("\r"), commit("không"), settled()];
        assert_eq!(
            form("Tiếng Việt có được ", events),
            [Msg::Input("Tiếng Việt có được không".into()), Msg::Submit]
        );
        let events = vec![commit("Xã Tân Phú\r\n"), settled()];
        assert_eq!(
            form("", events),
            [Msg::Input("Xã Tân Phú".into()), Msg::Submit]
        );
    }

    #[test]
    fn nothing_is_submitted_before_the_wait_is_over() {
        let mut events = enter();
        events.push(drawn_after(10));
        assert_eq!(form("Tổ 1", events), []);
    }

    #[test]
    fn a_composition_the_window_shows_is_waited_for() {
        let mut events = vec![ime(input_method::Event::Preedit("khoong".into(), None))];
        events.extend(enter());
        events.push(settled());
        assert_eq!(form("có được ", events.clone()), [], "still composing");
        events.push(ime(input_method::Event::Preedit(String::new(), None)));
        events.push(commit("không"));
        events.push(drawn_after(SETTLE.as_millis() as u64 * 3));
        assert_eq!(
            form("có được ", events),
            [Msg::Input("có được không".into()), Msg::Submit]
        );
        // An input method that never ends its composition does not keep the form open.
        let mut events = vec![ime(input_method::Event::Preedit("khoong".into(), None))];
        events.extend(enter());
        events.push(drawn_after(LONGEST.as_millis() as u64 + 10));
        assert_eq!(form("có được ", events), [Msg::Submit]);
    }

    #[test]
    fn plain_keys_and_precomposed_letters_are_saved_the_same_way() {
        // Typed key by key, as UniKey and EVKey send precomposed letters on Windows.
        let mut events: Vec<Event> = iced_test::simulator::typewrite("Đặng Thị Ngọc").collect();
        events.extend(enter());
        events.push(settled());
        let messages = form("", events);
        assert_eq!(messages.last(), Some(&Msg::Submit));
        assert_eq!(
            messages[messages.len() - 2],
            Msg::Input("Đặng Thị Ngọc".into())
        );
        assert_eq!(messages.iter().filter(|m| **m == Msg::Submit).count(), 1);
        // A decomposed commit (a Mac, some keyboards) and controls inside one are cleaned.
        let events = vec![commit("Nguye\u{0302}\u{0303}n\u{7} "), settled()];
        assert_eq!(form("", events), [Msg::Input("Nguyễn ".into())]);
    }

    #[test]
    fn tab_committed_before_the_last_word_adds_nothing_and_the_word_stays() {
        // IBus: Tab pressed while "Hằng" is composed commits "\t", then the word.
        let events = vec![commit("\t"), commit("Hằng"), settled()];
        assert_eq!(form("Ngân ", events), [Msg::Input("Ngân Hằng".into())]);
    }

    #[test]
    fn a_click_elsewhere_keeps_the_word_being_composed_in_its_field() {
        let view: Element<'_, Msg> = column![
            on_enter(
                text_input("", "Ngân ").id("a").on_input(Msg::Input),
                Msg::Submit
            ),
            on_enter(text_input("", "").id("b").on_input(Msg::Input), Msg::Submit),
        ]
        .into();
        let mut ui = Simulator::new(view);
        ui.click(id("a")).expect("the field is there");
        let _ = ui.simulate([ime(input_method::Event::Preedit("Hằng".into(), None))]);
        ui.click(id("b")).expect("the other field is there");
        let messages: Vec<Msg> = ui.into_messages().collect();
        assert_eq!(messages, [Msg::Input("Ngân Hằng".into())]);
    }

    #[test]
    fn enter_in_an_unfocused_field_does_nothing() {
        let view: Element<'_, Msg> =
            on_enter(text_input("", "").id("a").on_input(Msg::Input), Msg::Submit);
        let mut ui = Simulator::new(view);
        let mut events = enter();
        events.push(settled());
        let _ = ui.simulate(events);
        assert_eq!(ui.into_messages().count(), 0);
    }
}
