//! Reading JSON: serde helpers for the API's conventions (null = absent, objects only where records are),
//! string-valued enums that report a wrong type as a wrong type, free-form objects read as flat text, and
//! the translation of serde_json's errors into path-named `InputError`s (the path found from where the
//! reader stopped). The input gate (`crate::input`) reads through these; nothing here knows the records.

pub mod de;
pub mod errors;
pub mod flat;
pub mod locate;

pub use errors::{from_json_str, object_from_json_str};
