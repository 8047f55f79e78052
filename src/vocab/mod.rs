//! The result vocabulary (SPEC §8): the plan's output types, the payloads a push would send, the summary, and
//! the codes. Matching, push and plan all build these; nothing here depends on how results are computed.

pub mod codes;
pub mod output;
pub mod payloads;
pub mod summary;

pub use codes::{Code, ObjectType};
pub use output::*;
pub use payloads::*;
pub use summary::*;
