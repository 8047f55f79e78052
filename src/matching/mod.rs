//! Pull-side matching (SPEC §3.1, §3.2): counterparts by name then country → city → address, products by
//! name, and suggestions for counterparts with no name group.

pub mod counterparts;
pub mod products;
pub mod similarity;
pub mod suggestions;

pub use counterparts::match_counterparts;
pub use products::match_products;
