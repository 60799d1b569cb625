//! A row merged into the stored record it matches: the row's values over the stored ones,
//! an empty cell keeping the stored value, and each difference worded for the secretary
//! ("Năm sinh: 1950 → 1951").

use super::field::Field;
use super::preview::Stored;

#[derive(Default)]
pub(crate) struct Merge {
    changes: Vec<String>,
}

fn shown(text: &str) -> String {
    if text.is_empty() {
        "(trống)".to_string()
    } else {
        format!("“{text}”")
    }
}

impl Merge {
    /// A text: an empty `new` keeps the stored text.
    pub fn text(&mut self, field: Field, stored: &mut String, new: &str) {
        if !new.is_empty() && new != stored {
            self.changes.push(format!(
                "{}: {} → {}",
                field.label(),
                shown(stored),
                shown(new)
            ));
            *stored = new.to_string();
        }
    }

    /// A value the row may leave out (`None`), shown by `show`.
    pub fn value<T: PartialEq + Clone>(
        &mut self,
        field: Field,
        stored: &mut T,
        new: Option<T>,
        show: impl Fn(&T) -> String,
    ) {
        if let Some(new) = new
            && new != *stored
        {
            self.changes.push(format!(
                "{}: {} → {}",
                field.label(),
                show(stored),
                show(&new)
            ));
            *stored = new;
        }
    }

    /// Same when nothing differs, otherwise changed into `update`.
    pub fn into_stored<T>(self, update: T) -> Stored<T> {
        if self.changes.is_empty() {
            Stored::Same
        } else {
            Stored::Changed {
                update,
                changes: self.changes,
            }
        }
    }
}

/// An optional value as shown in a change: "(trống)" when missing.
pub(crate) fn optional<T>(value: &Option<T>, show: impl Fn(&T) -> String) -> String {
    value.as_ref().map_or_else(|| "(trống)".to_string(), show)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_cell_keeps_the_stored_value_and_a_new_one_is_worded() {
        let mut merge = Merge::default();
        let mut phone = "0912345678".to_string();
        merge.text(Field::Phone, &mut phone, "");
        assert_eq!(phone, "0912345678");
        let mut year = Some(1950);
        merge.value(Field::BirthYear, &mut year, Some(Some(1951)), |y| {
            optional(y, i32::to_string)
        });
        assert_eq!(year, Some(1951));
        match merge.into_stored(()) {
            Stored::Changed { changes, .. } => assert_eq!(changes, ["Năm sinh: 1950 → 1951"]),
            other => panic!("{other:?}"),
        }
        assert_eq!(Merge::default().into_stored(()), Stored::Same);
    }
}
