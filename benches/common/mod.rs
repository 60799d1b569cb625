//! What the benches share: the rows they fill a data file with.

use chrono::NaiveDate;
use ngayhoi::domain::commendation::{Form, Recipient, RecipientKind};

/// A certificate for each of `names`, all under the decision `number` of `day`: the rows an
/// import hands to `Store::import_recipients`.
pub fn certificates(
    number: &str,
    day: NaiveDate,
    names: impl Iterator<Item = String>,
) -> Vec<(String, NaiveDate, Recipient)> {
    names
        .map(|name| {
            let r = Recipient::new(0, RecipientKind::Individual, Form::Certificate, &name);
            (number.to_string(), day, r)
        })
        .collect()
}
