#!/usr/bin/env bash
# Fuzz one target for a while, surviving panics (libFuzzer's fork mode keeps going and saves
# each crashing input in fuzz/artifacts/TARGET/), and end with one summary line:
#   fuzz: target=open_plan, seconds=3900, runs=…, panics=…, timeouts=…, ooms=…, corpus=…, new_artifacts=…
# Usage: fuzz/run.sh TARGET [SECONDS]        (default 3900 s = 65 minutes)
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and the nightly toolchain.
set -uo pipefail
target="${1:?usage: fuzz/run.sh TARGET [SECONDS]}"
secs="${2:-3900}"
cd "$(dirname "$0")"
[ -d "corpus/$target" ] || ./seed-corpus.sh
mkdir -p "artifacts/$target"
before=$(find "artifacts/$target" -type f | wc -l)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$(date +%s)
cargo +nightly fuzz run "$target" -s none -- \
  -dict=sqlite.dict -max_len=400000 -timeout=60 -rss_limit_mb=3072 \
  -max_total_time="$secs" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  2>&1 | tee "$log"
status=${PIPESTATUS[0]}
elapsed=$(($(date +%s) - start))
after=$(find "artifacts/$target" -type f | wc -l)
# Fork mode's status lines: "#RUNS: cov: … corp: N … oom/timeout/crash: O/T/C time: …"
last="$(grep -E '^#[0-9]+: cov:' "$log" | tail -1)"
runs="$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")"
corp="$(sed -E 's/.* corp: ([0-9]+).*/\1/' <<<"$last")"
otc="$(sed -E 's/.*oom\/timeout\/crash: ([0-9]+)\/([0-9]+)\/([0-9]+).*/\1 \2 \3/' <<<"$last")"
read -r ooms timeouts panics <<<"${otc:-? ? ?}"
echo "fuzz: target=$target, seconds=$elapsed, runs=${runs:-?}, panics=${panics:-?}, timeouts=${timeouts:-?}, ooms=${ooms:-?}, corpus=${corp:-?}, new_artifacts=$((after - before)), exit=$status"
[ "$((after - before))" -eq 0 ]
