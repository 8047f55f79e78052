#!/usr/bin/env bash
# The main job: installs what is missing, builds everything (the WebAssembly module, the npm package, the
# demo's sample data), and serves the demo on http://127.0.0.1:PORT (default 8080; PORT=0 picks a free
# port) together with the local Monite API simulator, seeded with the same sample. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
node scripts/build.mjs
echo "==> generating the demo's sample data"
cargo build --release --locked --example generate
mkdir -p www/data
target/release/examples/generate --demo > www/data/sample.json
target/release/examples/generate --demo --second-day > www/data/sample-day2.json
exec node scripts/serve.mjs --simulator --port "${PORT:-8080}"
