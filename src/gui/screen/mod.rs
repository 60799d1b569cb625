//! One module per screen. Each owns its state, its `Message` (what happened in its widgets)
//! and its `Event` (what it asks the app to do): `update` returns `(Task, Option<Event>)`.

pub mod backups;
pub mod ceremony;
pub mod certificates;
pub mod consolidation;
pub mod elsewhere;
pub mod failure;
pub mod festival;
pub mod guests;
pub mod honors;
pub mod import;
pub mod overview;
pub mod papers;
pub mod password;
pub mod report;
pub mod settings;
pub mod unlock;
pub mod visits;
pub mod welcome;
pub mod work;
