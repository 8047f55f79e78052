#!/usr/bin/env bash
# Runs every test of the project, installing what is missing first (scripts/setup.sh --browser).
# Order: format and lints, the package build (with its size budget), the Rust suites natively, the rule
# tables under WebAssembly in Node and in headless Chromium, the TypeScript types check, and last the
# Node suites against the built package (API, CLI, packaging, browser), so the run ends on node's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n==> %s\n' "$*"; }

bash scripts/setup.sh --browser --packaging

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied; unwrap/expect/panic denied outside tests)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --lib --tests --locked --target wasm32-unknown-unknown -- -D warnings

step "build the npm package (wasm32 release, wasm-bindgen, wasm-opt, tsc; size budget)"
node scripts/build.mjs

step "build the sample generator and the native plan tool (used by the JS tests and the benchmark)"
cargo build --release --locked --example generate --example plan

step "cargo test (unit, rule tables, properties, fixtures, sample oracle; benches: cargo bench, node pkg/bench/bench.mjs)"
cargo test --locked --features work-counters --lib --tests --examples
step "cargo test --doc (including the README's Rust snippets)"
cargo test --locked --doc

step "rule tables under WebAssembly: Node"
cargo test --locked --target wasm32-unknown-unknown --test wasm_rules
step "rule tables under WebAssembly: headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --locked --target wasm32-unknown-unknown --test wasm_rules

step "TypeScript: the types test (tsc --noEmit, with @ts-expect-error cases)"
node_modules/.bin/tsc -p pkg/test/types/tsconfig.json

step "node --test against the built package (API, errors, ESM/CJS, CLI, npm pack, headless Chromium; packaging scenarios)"
echo "(set-up and Rust stages took $(( $(date +%s) - start )) s)"
node --test --test-concurrency=1 sim/test/*.test.mjs pkg/test/*.test.mjs pkg/test/packaging/*.test.mjs
