#!/usr/bin/env bash
# The main job: installs what is missing, builds what changed (the WebAssembly module, the npm package, the
# demo's sample data: scripts/build.mjs skips each stage whose inputs are as last time, so a repeated start
# serves in seconds), and serves the demo on http://127.0.0.1:PORT (default 8080; PORT=0 picks a free port)
# together with the local Monite API simulator, seeded with the same sample. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
node scripts/build.mjs --demo-data
exec node scripts/serve.mjs --simulator --port "${PORT:-8080}"
