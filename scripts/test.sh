#!/usr/bin/env bash
# Runs every test of the project, installing what is missing first (scripts/setup.sh --browser).
# Order: format and lints, the package build (with its size budget), the Rust suites natively, the rule
# tables under WebAssembly in Node and in headless Chromium, the TypeScript types check, a bounded fuzz run,
# and last the Node suites against the built package (API, CLI, packaging, browser, the JS fuzz test), so
# the run ends on node's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n==> %s\n' "$*"; }

bash scripts/setup.sh --browser --packaging

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied; unwrap/expect/panic denied outside tests)"
cargo clippy --workspace --all-targets --locked --features ledgerbridge/work-counters -- -D warnings
cargo clippy --lib --tests --locked --target wasm32-unknown-unknown -- -D warnings

step "the library's module graph has no cycles (scripts/module-graph.mjs, README \"Layout\")"
node scripts/module-graph.mjs --check --level 1 > /dev/null
node scripts/module-graph.mjs --check --level 2

step "build the npm package (wasm32 release, wasm-bindgen, wasm-opt, tsc; size budget)"
node scripts/build.mjs

step "build the sample generator and the native plan tool (used by the JS tests and the benchmark)"
cargo build --release --locked -p ledgerbridge-sample --example generate
cargo build --release --locked --example plan

step "cargo test (unit, rule tables, properties, fixtures, sample oracle; benches: cargo bench, node pkg/bench/bench.mjs)"
cargo test --locked --workspace --features ledgerbridge/work-counters --lib --tests --examples
step "cargo test --doc (including the README's Rust snippets)"
cargo test --locked --doc

step "rule tables under WebAssembly: Node"
cargo test --locked --target wasm32-unknown-unknown --test wasm_rules
step "rule tables under WebAssembly: headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --locked --target wasm32-unknown-unknown --test wasm_rules

step "TypeScript: the types test (tsc --noEmit, with @ts-expect-error cases)"
node_modules/.bin/tsc -p pkg/test/types/tsconfig.json

# A bounded coverage-guided fuzz run of every JSON entry point (fuzz/README.md): libFuzzer via cargo-fuzz on
# the stable toolchain, 90 s per target, two targets at a time on the two cores (8 targets: ~6 min, plus ~5 min
# once on a fresh machine to install cargo-fuzz and build). Any crash fails here, naming its reproducer.
# Longer: scripts/fuzz.sh --seconds 1800 (the corpus in fuzz/corpus/ carries over between runs).
step "fuzz every JSON entry point (${LEDGERBRIDGE_FUZZ_SECONDS:-90} s per target; scripts/fuzz.sh)"
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
bash scripts/fuzz.sh --seconds "${LEDGERBRIDGE_FUZZ_SECONDS:-90}" --jobs 2

step "node --test against the built package (API, errors, ESM/CJS, CLI, npm pack, headless Chromium; packaging scenarios)"
echo "(set-up and Rust stages took $(( $(date +%s) - start )) s)"
node --test --test-concurrency=1 sim/test/*.test.mjs pkg/test/*.test.mjs pkg/test/packaging/*.test.mjs
