#!/usr/bin/env bash
# Coverage-guided fuzzing of the engine's JSON entry points (fuzz/README.md): libFuzzer through cargo-fuzz on
# the stable toolchain, without a sanitizer (`--sanitizer none`: the default AddressSanitizer needs a nightly
# `-Zsanitizer`; the engine has no `unsafe`, so a sanitizer would find nothing that a panic does not).
#
#   scripts/fuzz.sh [--seconds N] [--jobs J] [--target T]... [--skip CLASS,...]
#
#   --seconds N   fuzzing time per target (default 120)
#   --jobs J      targets fuzzed at once (default 2, one per core of the 2-core machines)
#   --target T    only these targets (repeatable; default all of fuzz/Cargo.toml's [[bin]]s)
#   --skip C,...  exploration only: step over these defect classes (LEDGERBRIDGE_FUZZ_SKIP) to find others
#
# Installs cargo-fuzz from crates.io when missing, builds the targets, writes the seed corpora (fuzz/seeds.mjs),
# fuzzes, and prints per target: inputs tried (execs), corpus size, crashes. Exit 1 on any crash, with the
# reproducer's path and the broken invariant; reproduce one with
#   fuzz/target/x86_64-unknown-linux-gnu/release/<target> <reproducer>
# The corpus (fuzz/corpus/) stays between runs, so a longer run goes on from where the last one stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
seconds=120
jobs=2
targets=()
skip=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    --skip) skip="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(awk -F'"' '/^name = / && seen { print $2 } /^\[\[bin\]\]/ { seen = 1 }' fuzz/Cargo.toml)

note() { printf '==> %s\n' "$*"; }

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  note "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io (about 2 minutes, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# cargo-fuzz has no --locked: check that fuzz/Cargo.lock needs no change before it builds.
cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null
note "building ${#targets[@]} fuzz targets (libFuzzer, stable, --sanitizer none)"
for t in "${targets[@]}"; do cargo fuzz build --sanitizer none "$t"; done
bin=fuzz/target/x86_64-unknown-linux-gnu/release

node fuzz/seeds.mjs fuzz/corpus

run_one() {
  local t=$1 dir=fuzz/artifacts/$1
  rm -rf "$dir" && mkdir -p "$dir"
  # -timeout: a hang guard only (60 s for one input; the slowest seed takes milliseconds). The bounds that
  # pass or fail are counted, never timed: output and peak memory per input byte (fuzz/src/bounds.rs).
  LEDGERBRIDGE_FUZZ_SKIP="$skip" "$bin/$t" "fuzz/corpus/$t" -dict=fuzz/ledgerbridge.dict \
    -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/" >"$dir/log" 2>&1 || true
}

note "fuzzing: ${seconds} s per target, ${jobs} at a time"
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

failed=0
printf '\n%-20s %12s %8s %8s\n' target execs corpus crashes
for t in "${targets[@]}"; do
  dir=fuzz/artifacts/$t
  execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$dir/log" | tail -1)
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  crashes=$(find "$dir" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  # A run that stopped before its stats (a crash, a hang) still counts its inputs in its last status line.
  [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$dir/log" | tail -1 | tr -d '#')
  printf '%-20s %12s %8s %8s\n' "$t" "${execs:-0}" "$corpus" "$crashes"
  if [ "$crashes" -gt 0 ] || ! grep -q 'stat::number_of_executed_units' "$dir/log"; then failed=1; fi
done
if [ "$failed" -ne 0 ]; then
  echo
  for t in "${targets[@]}"; do
    dir=fuzz/artifacts/$t
    for f in "$dir"/crash-* "$dir"/timeout-* "$dir"/oom-* "$dir"/leak-*; do
      [ -e "$f" ] || continue
      echo "FAIL $t: reproducer $f"
      { grep -m1 -E '^defect\[' "$dir/log" || grep -m1 -E '^==[0-9]+== ERROR: libFuzzer|panicked at' "$dir/log"; } |
        sed 's/^/     /'
      echo "     reproduce: $bin/$t $f"
    done
    grep -q 'stat::number_of_executed_units' "$dir/log" || [ -n "$(ls "$dir" | grep -v '^log$')" ] ||
      echo "FAIL $t: the fuzzer stopped without stats (see $dir/log)"
  done
  exit 1
fi
echo "fuzz: no crashes"
