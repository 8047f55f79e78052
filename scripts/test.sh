#!/usr/bin/env bash
# Runs every test of the project. Installs what is missing (the wasm32 target), skips what is there.
# Order: format check, lints, the WebAssembly build of the core, then the test suites — last, so the run
# ends on the test runner's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup (https://rustup.rs) first" >&2
  exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied; unwrap/expect/panic denied outside tests)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo build --target wasm32-unknown-unknown --release (the core compiles to WebAssembly)"
cargo build --lib --target wasm32-unknown-unknown --release --locked

step "cargo test (unit, rule tables, properties, fixtures; benches are run by scripts/bench.sh)"
cargo test --locked --lib --tests --examples
step "cargo test --doc"
cargo test --locked --doc
