//! The WebAssembly boundary (compiled for wasm32 only): camelCase functions over the pure core. Expected
//! outcomes come back as data; malformed input throws a JS `Error` named `InputError` carrying `code`,
//! `kind` and `path`, which the package's TypeScript layer re-throws as its `InputError` class.

mod api;
mod convert;
mod error;
