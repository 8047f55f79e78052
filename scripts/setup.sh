#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there. Run by start.sh and
# test.sh. Needs: Rust via rustup, Node >= 18 with npm. `--browser` also installs Debian's Chromium and
# ChromeDriver (headless browser tests); `--packaging` the pinned tools of the packaging scenarios
# (pkg/test/packaging: bundlers, test runners, Deno, Bun, workerd, attw, publint; npm ci there). Nothing is
# downloaded outside crates.io, npm and Debian's packages: no prebuilt binaries from elsewhere (Deno, Bun
# and workerd come as npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

note() { printf '==> %s\n' "$*"; }
want_browser=false
want_packaging=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --packaging) want_packaging=true ;;
    *) echo "usage: setup.sh [--browser] [--packaging]" >&2; exit 2 ;;
  esac
done

command -v cargo >/dev/null 2>&1 || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "node not found: install Node.js 18 or newer first" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  note "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

# The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  note "installing wasm-bindgen-cli $wb_version from crates.io (a few minutes, once)"
  # Not --locked: the CLI's lockfile wants a webpki-roots version the registry lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$wb_version" --no-default-features
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  note "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

tools=pkg/test/packaging
if $want_packaging && { [ ! -d $tools/node_modules ] || [ $tools/package-lock.json -nt $tools/node_modules/.package-lock.json ]; }; then
  note "installing the packaging scenarios' tools (npm ci in $tools)"
  (cd $tools && npm ci --no-audit --no-fund)
fi

if $want_browser && ! { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }; then
  note "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi
