//! ledgerbridge: preview and validate an accounting sync (Monite ↔ QuickBooks Online / Xero) before it
//! happens. A pure, deterministic core; the WebAssembly glue lives in `src/wasm/` alone.

pub mod keys;
