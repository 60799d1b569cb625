//! Line breaking: a paragraph becomes lines that fit a width, breaking between words; a word
//! longer than a whole line is split between characters. Runs of words that must stay
//! together (a name, a date, a sum and its unit) are never parted: see `glue`. Each line keeps its words and their
//! natural offsets, so a painter can set a justified line word by word. (Stretching with the
//! PDF word-spacing operator is no option: it only acts on single-byte space codes, and
//! embedded TrueType text is written as two-byte glyph ids.)

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;

use super::fonts::{self, Face};
use super::glue::runs;

/// Rounding slack, so that text measured to exactly the width still fits.
const EPSILON_MM: f32 = 1e-3;

/// How lines sit in the width they were wrapped to. A justified paragraph's last line (and a
/// line before a forced break) is set flush left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    /// From the start of the line, with one ordinary space between words.
    pub x_mm: f32,
    pub width_mm: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub words: Vec<Word>,
    /// From the start of the first word to the end of the last, at natural spacing.
    pub width_mm: f32,
    /// The line ends its paragraph or a forced line break: it is never stretched.
    pub last: bool,
}

impl Line {
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }

    /// What to add to each gap between words so that the line fills `width_mm`. Zero for a
    /// last line, a single word, or a line that already fills the width.
    pub fn extra_gap_mm(&self, width_mm: f32) -> f32 {
        let gaps = self.words.len().saturating_sub(1);
        if self.last || gaps == 0 {
            return 0.0;
        }
        ((width_mm - self.width_mm) / gaps as f32).max(0.0)
    }

    /// Each word with its offset from the line start once every gap is widened by `extra_mm`.
    pub fn spread(&self, extra_mm: f32) -> impl Iterator<Item = (f32, &str)> {
        self.words
            .iter()
            .enumerate()
            .map(move |(i, w)| (w.x_mm + i as f32 * extra_mm, w.text.as_str()))
    }

    /// The strings to draw for this line in a box `width_mm` wide, each with its offset from
    /// the left of the box: the whole line as one string, or word by word when it is stretched.
    pub fn place(&self, align: Align, width_mm: f32) -> Vec<(f32, String)> {
        let free_mm = width_mm - self.width_mm;
        let x_mm = match align {
            Align::Left | Align::Justify => 0.0,
            Align::Center => free_mm / 2.0,
            Align::Right => free_mm,
        };
        let extra_mm = self.extra_gap_mm(width_mm);
        if align == Align::Justify && extra_mm > 0.0 {
            self.spread(extra_mm)
                .map(|(x, text)| (x, text.to_owned()))
                .collect()
        } else {
            vec![(x_mm, self.text())]
        }
    }
}

/// Breaks `text` into lines of at most `first_width_mm` (the first line, which may be
/// indented) and `width_mm` (the others). Runs of spaces count as one; "\n" forces a break.
/// Empty text gives no lines.
pub fn wrap(text: &str, face: Face, size_pt: f32, first_width_mm: f32, width_mm: f32) -> Vec<Line> {
    wrap_lines(text, face, size_pt, (first_width_mm, width_mm), false)
}

/// How lines break besides fitting their width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaking {
    /// Each line as full as it goes.
    Fill,
    /// Ragged lines (table cells, lists): a line that would end a word or two after a comma
    /// or semicolon breaks after it instead, when it stays 60 % full, so that "Đồng chí
    /// Nguyễn Văn Thành, / Chủ tịch UBND phường" reads phrase by phrase.
    Phrases,
    /// A justified paragraph: a last line of one word takes the word before it along, when
    /// the line above keeps three words or more.
    Paragraph,
}

/// [`wrap`] with the given way of breaking; `widths` are the first line's and the others'.
pub fn wrap_as(
    breaking: Breaking,
    text: &str,
    face: Face,
    size_pt: f32,
    widths: (f32, f32),
) -> Vec<Line> {
    let mut lines = wrap_lines(text, face, size_pt, widths, breaking == Breaking::Phrases);
    if breaking == Breaking::Paragraph {
        no_lone_last_word(&mut lines, face, size_pt, widths.1);
    }
    lines
}

fn no_lone_last_word(lines: &mut [Line], face: Face, size_pt: f32, width_mm: f32) {
    let n = lines.len();
    if n < 2 || lines[n - 1].words.len() != 1 || lines[n - 2].words.len() < 4 {
        return;
    }
    let space_mm = fonts::text_width_mm(face, size_pt, " ");
    let lone = &lines[n - 1].words[0];
    let moved = lines[n - 2].words.last().expect("four words");
    if moved.width_mm + space_mm + lone.width_mm > width_mm + EPSILON_MM {
        return;
    }
    let mut moved = lines[n - 2].words.pop().expect("four words");
    let above = &mut lines[n - 2];
    above.width_mm = above.words.last().map_or(0.0, |w| w.x_mm + w.width_mm);
    moved.x_mm = 0.0;
    let last = &mut lines[n - 1];
    last.words[0].x_mm = moved.width_mm + space_mm;
    last.width_mm = last.words[0].x_mm + last.words[0].width_mm;
    last.words.insert(0, moved);
}

fn wrap_lines(
    text: &str,
    face: Face,
    size_pt: f32,
    widths: (f32, f32),
    phrases: bool,
) -> Vec<Line> {
    Measured::new(text, face, size_pt).lines(widths, phrases)
}

/// A text split into the unbreakable runs of each of its lines and measured, in one face and
/// size: wrapping the same text to several widths (a name balanced over its lines tries a
/// dozen) splits and measures it once.
pub struct Measured<'a> {
    face: Face,
    size_pt: f32,
    /// Per line of the text ("\n"), its runs with their widths.
    segments: Vec<Vec<(Cow<'a, str>, f32)>>,
}

impl<'a> Measured<'a> {
    pub fn new(text: &'a str, face: Face, size_pt: f32) -> Self {
        let text = text.trim_matches(super::glue::breaks);
        let segments = if text.is_empty() {
            Vec::new()
        } else {
            text.split('\n')
                .map(|segment| {
                    runs(segment)
                        .into_iter()
                        .map(|run| {
                            let width_mm = fonts::text_width_mm(face, size_pt, &run);
                            (run, width_mm)
                        })
                        .collect()
                })
                .collect()
        };
        Measured {
            face,
            size_pt,
            segments,
        }
    }

    /// [`wrap`]: each line as full as it goes.
    pub fn wrap(&self, first_width_mm: f32, width_mm: f32) -> Vec<Line> {
        self.lines((first_width_mm, width_mm), false)
    }

    fn lines(&self, (first_width_mm, width_mm): (f32, f32), phrases: bool) -> Vec<Line> {
        let mut lines = Lines {
            face: self.face,
            size_pt: self.size_pt,
            space_mm: fonts::text_width_mm(self.face, self.size_pt, " "),
            first_width_mm,
            width_mm,
            phrases,
            done: Vec::new(),
            words: Vec::new(),
        };
        for segment in &self.segments {
            for (run, width_mm) in segment {
                lines.push_word(run, *width_mm);
            }
            lines.finish(true);
        }
        lines.done
    }
}

struct Lines {
    face: Face,
    size_pt: f32,
    space_mm: f32,
    first_width_mm: f32,
    width_mm: f32,
    /// Prefer breaking after a comma (see [`Breaking::Phrases`]).
    phrases: bool,
    done: Vec<Line>,
    /// The line being filled.
    words: Vec<Word>,
}
impl Lines {
    fn available(&self) -> f32 {
        if self.done.is_empty() {
            self.first_width_mm
        } else {
            self.width_mm
        }
    }

    fn measure(&self, text: &str) -> f32 {
        fonts::text_width_mm(self.face, self.size_pt, text)
    }

    fn end(&self) -> f32 {
        self.words.last().map_or(0.0, |w| w.x_mm + w.width_mm)
    }

    fn finish(&mut self, last: bool) {
        let width_mm = self.end();
        self.done.push(Line {
            words: std::mem::take(&mut self.words),
            width_mm,
            last,
        });
    }

    /// Adds `word`, `width_mm` wide, to the line, or starts the next line with it.
    fn push_word(&mut self, word: &str, width_mm: f32) {
        if !self.words.is_empty() {
            let x_mm = self.end() + self.space_mm;
            if x_mm + width_mm <= self.available() + EPSILON_MM {
                self.words.push(Word {
                    text: word.to_owned(),
                    x_mm,
                    width_mm,
                });
                return;
            }
            let carried = self.phrase_break();
            self.finish(false);
            for w in carried {
                self.push_word(&w.text, w.width_mm);
            }
            if !self.words.is_empty() {
                return self.push_word(word, width_mm);
            }
        }
        // A run of words joined together that is wider than the line breaks between them
        // after all, rather than inside a word.
        if word.contains(' ') && width_mm > self.available() + EPSILON_MM {
            for part in word.split(' ') {
                self.push_word(part, self.measure(part));
            }
            return;
        }
        let mut rest = word;
        while self.measure(rest) > self.available() + EPSILON_MM {
            let (head, tail) = self.split_to_fit(rest);
            if head.is_empty() {
                // A single letter wider than the line: let it overflow.
                break;
            }
            self.words.push(Word {
                text: head.to_owned(),
                x_mm: 0.0,
                width_mm: self.measure(head),
            });
            self.finish(false);
            rest = tail;
        }
        self.words.push(Word {
            text: rest.to_owned(),
            x_mm: 0.0,
            width_mm: self.measure(rest),
        });
    }

    /// For ragged lines: the words after the line's last comma, when there are at most two
    /// and the line stays 60 % full without them; they start the next line.
    fn phrase_break(&mut self) -> Vec<Word> {
        if !self.phrases || self.words.len() < 2 {
            return Vec::new();
        }
        let n = self.words.len();
        let Some(k) = (n.saturating_sub(3)..n - 1)
            .rev()
            .find(|&k| self.words[k].text.ends_with([',', ';']))
        else {
            return Vec::new();
        };
        let kept = &self.words[k];
        if kept.x_mm + kept.width_mm < 0.6 * self.available() {
            return Vec::new();
        }
        self.words.split_off(k + 1)
    }

    /// The longest head of `word` that fits a whole line, never parting a letter from its
    /// combining marks, and at least one letter so that breaking always progresses (empty only
    /// when `word` is a single letter).
    fn split_to_fit<'a>(&self, word: &'a str) -> (&'a str, &'a str) {
        let available = self.available();
        let mut width_mm = 0.0;
        let mut cut = 0;
        for (i, c) in word.char_indices() {
            // Here `width_mm` is the width of `word[..i]`.
            if i > 0 && !is_combining_mark(c) {
                if width_mm > available + EPSILON_MM && cut > 0 {
                    break;
                }
                cut = i;
            }
            width_mm += self.measure(c.encode_utf8(&mut [0; 4]));
        }
        word.split_at(cut)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::glue::{GLUE, keep_together, unbreakable};

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    fn width(text: &str) -> f32 {
        fonts::text_width_mm(Face::Regular, 14.0, text)
    }

    #[test]
    fn breaks_between_words_within_the_width() {
        let text =
            "Ban Chỉ đạo phường tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại các khu phố";
        let lines = wrap(text, Face::Regular, 14.0, 60.0, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(texts(&lines).join(" "), text);
        for line in &lines {
            assert!(line.width_mm <= 60.0 + EPSILON_MM);
            assert!((line.width_mm - width(&line.text())).abs() < 1e-3);
        }
        // Greedy: the next word would not have fitted.
        let first = &lines[0];
        let next = &lines[1].words[0].text;
        assert!(width(&format!("{} {next}", first.text())) > 60.0);
        assert!(lines.iter().rev().skip(1).all(|l| !l.last));
        assert!(lines.last().unwrap().last);
    }

    #[test]
    fn the_first_line_can_be_narrower() {
        let text = "một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám";
        let lines = wrap(text, Face::Regular, 14.0, 30.0, 80.0);
        assert!(lines[0].width_mm <= 30.0);
        assert!(lines[1].width_mm > 30.0);
    }

    #[test]
    fn a_long_word_is_split_between_letters() {
        let word = "Nguyễn".repeat(12);
        let lines = wrap(&format!("{word} cuối"), Face::Regular, 14.0, 40.0, 40.0);
        assert!(lines.len() > 2);
        assert_eq!(
            lines.iter().map(Line::text).collect::<String>(),
            format!("{word}cuối")
        );
        for line in &lines {
            assert!(line.width_mm <= 40.0 + EPSILON_MM, "{}", line.text());
        }
        assert_eq!(lines.last().unwrap().words.last().unwrap().text, "cuối");
    }

    #[test]
    fn a_letter_keeps_its_combining_mark() {
        // "x" with an acute accent has no precomposed form, so it stays two characters.
        let word = "x\u{301}".repeat(40);
        let lines = wrap(&word, Face::Regular, 14.0, 20.0, 20.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(!line.text().starts_with('\u{301}'));
            assert!(line.text().ends_with('\u{301}'));
        }
    }

    #[test]
    fn a_line_narrower_than_one_letter_still_progresses() {
        let lines = wrap("ĐĐ", Face::Bold, 14.0, 1.0, 1.0);
        assert_eq!(texts(&lines), ["Đ", "Đ"]);
    }

    #[test]
    fn newlines_force_breaks_and_spaces_collapse() {
        let lines = wrap(
            "  Nguyễn Văn A\nTổ   trưởng \n",
            Face::Regular,
            14.0,
            100.0,
            100.0,
        );
        assert_eq!(texts(&lines), ["Nguyễn Văn A", "Tổ trưởng"]);
        assert!(lines.iter().all(|l| l.last));
        assert!(wrap(" \n ", Face::Regular, 14.0, 100.0, 100.0).is_empty());
    }

    #[test]
    fn justification_fills_the_width_except_on_the_last_line() {
        let text = "Các khu dân cư, cơ quan, doanh nghiệp và nhà trường đồng loạt tổ chức ngày hội";
        let lines = wrap(text, Face::Regular, 14.0, 70.0, 70.0);
        let first = &lines[0];
        let extra = first.extra_gap_mm(70.0);
        assert!(extra > 0.0);
        let (x, last_word) = first.spread(extra).last().unwrap();
        assert!((x + width(last_word) - 70.0).abs() < 1e-3);
        assert_eq!(lines.last().unwrap().extra_gap_mm(70.0), 0.0);
        let single = wrap("Một", Face::Regular, 14.0, 70.0, 70.0);
        assert_eq!(single[0].extra_gap_mm(70.0), 0.0);
    }

    #[test]
    fn placing_a_line_in_its_box() {
        let lines = wrap("Tổ quốc ghi công", Face::Regular, 14.0, 100.0, 100.0);
        let line = &lines[0];
        let free = 100.0 - line.width_mm;
        assert_eq!(line.place(Align::Left, 100.0), [(0.0, line.text())]);
        assert_eq!(
            line.place(Align::Center, 100.0),
            [(free / 2.0, line.text())]
        );
        assert_eq!(line.place(Align::Right, 100.0), [(free, line.text())]);
        // The last line of a justified paragraph is set flush left, in one piece.
        assert_eq!(line.place(Align::Justify, 100.0), [(0.0, line.text())]);
        let long = wrap(
            &"Tổ quốc ghi công ".repeat(6),
            Face::Regular,
            14.0,
            100.0,
            100.0,
        );
        let pieces = long[0].place(Align::Justify, 100.0);
        assert_eq!(pieces.len(), long[0].words.len());
        let (x, word) = pieces.last().unwrap();
        assert!((x + width(word) - 100.0).abs() < 1e-3);
    }

    /// Where each line of `text` wrapped to `mm` ends.
    fn ends(text: &str, mm: f32) -> Vec<String> {
        texts(&wrap(text, Face::Regular, 14.0, mm, mm))
    }

    #[test]
    fn names_dates_sums_and_titles_of_address_stay_on_one_line() {
        let name = unbreakable("Nguyễn Văn Thành");
        let text = format!("Đại diện Ban Chỉ đạo là {name} cùng các đại biểu");
        let from = width("Nguyễn Văn Thành").ceil() as usize;
        for mm in (from..120).step_by(3) {
            let lines = ends(&text, mm as f32);
            assert!(
                lines.iter().any(|l| l.contains("Nguyễn Văn Thành")),
                "{lines:?}"
            );
            // What is printed has ordinary spaces.
            assert!(lines.iter().all(|l| !l.contains(GLUE)));
        }
        let date = "Ngày hội được tổ chức vào ngày 14 tháng 8 năm 2026 tại sân";
        let sum = "Tổng số tiền thưởng đã trao là 2.200.000 đ cho các đội";
        let title = "Trân trọng kính mời Đồng chí Lê Minh Quang và Ông Trần Văn Bình";
        let from = width("14 tháng 8 năm 2026").ceil() as usize;
        for mm in (from..110).step_by(2) {
            let mm = mm as f32;
            assert!(
                ends(date, mm)
                    .iter()
                    .any(|l| l.contains("14 tháng 8 năm 2026"))
            );
            assert!(ends(sum, mm).iter().any(|l| l.contains("2.200.000 đ")));
            let lines = ends(title, mm);
            assert!(lines.iter().any(|l| l.contains("Đồng chí Lê")), "{lines:?}");
            assert!(lines.iter().any(|l| l.contains("Ông Trần")), "{lines:?}");
        }
        // "bà con" is not a title: it may break.
        assert_eq!(runs("bà con nhân dân").len(), 4);
    }

    #[test]
    fn a_joined_run_wider_than_the_line_breaks_between_its_words_not_inside_one() {
        let long = unbreakable("Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc");
        let lines = ends(&long, 40.0);
        assert!(lines.len() > 1);
        assert_eq!(
            lines.join(" "),
            "Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc"
        );
    }

    #[test]
    fn ragged_lines_break_after_a_comma_when_they_stay_well_filled() {
        let text = "Đồng chí Nguyễn Văn Thành, Chủ tịch UBND phường, Trưởng Ban Chỉ đạo";
        let lines = wrap_as(
            Breaking::Phrases,
            &keep_together(text, &["Nguyễn Văn Thành".into()]),
            Face::Regular,
            12.0,
            (60.0, 60.0),
        );
        assert_eq!(
            texts(&lines),
            [
                "Đồng chí Nguyễn Văn Thành,",
                "Chủ tịch UBND phường,",
                "Trưởng Ban Chỉ đạo"
            ]
        );
    }

    #[test]
    fn a_justified_paragraph_does_not_end_with_one_word() {
        let text = "Ban Chỉ đạo báo cáo kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm nay trên địa bàn như sau hoạch.";
        let mut found = false;
        for mm in 60..160 {
            let mm = mm as f32;
            let plain = wrap(text, Face::Regular, 14.0, mm, mm);
            let fixed = wrap_as(Breaking::Paragraph, text, Face::Regular, 14.0, (mm, mm));
            assert_eq!(texts(&fixed).join(" "), text);
            if plain.len() > 1 && plain.last().unwrap().words.len() == 1 {
                found = true;
                let last = fixed.last().unwrap();
                assert_eq!(last.words.len(), 2, "{:?}", texts(&fixed));
                assert!((last.width_mm - width(&last.text())).abs() < 1e-3);
                assert!(fixed.iter().all(|l| l.width_mm <= mm + EPSILON_MM));
            }
        }
        assert!(found, "some width leaves one word alone without the rule");
    }
}
