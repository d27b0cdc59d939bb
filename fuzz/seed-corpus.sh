#!/usr/bin/env bash
# Make the seed corpora of the fuzz targets in fuzz/corpus/<target>/ (git-ignored): plans the
# core makes (empty, the seed template, edited with evidence, the same with 512-byte pages to
# keep inputs small), every committed fixture, and for open_with_journal each plan with the
# journal a kill at an exact write left beside it (needs strace) and the fixture pairs; for
# import_table the import fixtures and a Rencana Aksi report.
# Usage: fuzz/seed-corpus.sh   (from anywhere; builds `renja` and the crash editor first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --quiet --workspace --examples --bin renja
renja="$root/target/debug/renja"
editor="$root/target/debug/examples/crash_editor"

plans="$root/fuzz/corpus/open_plan"
pairs="$root/fuzz/corpus/open_with_journal"
mkdir -p "$plans" "$pairs"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

"$renja" new --empty --tahun 2025 "$scratch/empty.renjarb" >/dev/null
"$renja" new --tahun 2025 "$scratch/seed.renjarb" >/dev/null
cp "$scratch/seed.renjarb" "$scratch/edited.renjarb"
"$editor" "$scratch/edited.renjarb" 1 12 >/dev/null
for p in empty seed edited; do
  if command -v python3 >/dev/null; then
    cp "$scratch/$p.renjarb" "$scratch/$p-512.renjarb"
    python3 - "$scratch/$p-512.renjarb" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA page_size=512")
c.execute("VACUUM")
c.close()
PY
  fi
done
cp "$scratch"/*.renjarb "$plans/"
# (Not the few fixtures over 400 KB: longer than the targets' -max_len.)
find "$root/tests/fixtures" -name '*.renjarb' -size -400k | while read -r f; do
  rel="${f#"$root/tests/fixtures/"}"
  cp "$f" "$plans/${rel//\//_}"
done

# Plan + journal pairs, concatenated: the fixtures'…
find "$root/tests/fixtures" -name '*.renjarb-journal' | while read -r j; do
  p="${j%-journal}"
  rel="${p#"$root/tests/fixtures/"}"
  cat "$p" "$j" >"$pairs/${rel//\//_}+journal"
done
# …and what kills at the Nth pwrite64 / fsync / unlink leave (small plans: 512-byte pages).
if command -v strace >/dev/null && [ -f "$scratch/seed-512.renjarb" ]; then
  for spec in pwrite64:3 pwrite64:9 pwrite64:20 pwrite64:40 pwrite64:70 fsync:3 fsync:10 unlink:4; do
    sys="${spec%:*}"
    n="${spec#*:}"
    d="$scratch/kill-$sys-$n"
    mkdir -p "$d"
    cp "$scratch/seed-512.renjarb" "$d/p.renjarb"
    strace -f -q -o /dev/null -e "trace=$sys" -e "inject=$sys:signal=KILL:when=$n" \
      "$editor" "$d/p.renjarb" 1 12 >/dev/null 2>&1 || true
    if [ -f "$d/p.renjarb-journal" ]; then
      cat "$d/p.renjarb" "$d/p.renjarb-journal" >"$pairs/kill-$sys-$n"
    fi
  done 2>/dev/null # the shell's "Killed" notes
fi
cp "$plans"/* "$pairs/" 2>/dev/null || true
# import_table: every import fixture, and the Rencana Aksi report of the seed plan.
tables="$root/fuzz/corpus/import_table"
mkdir -p "$tables"
cp "$root"/tests/fixtures/import/* "$tables/"
"$renja" report rencana-aksi "$scratch/seed.renjarb" -o "$tables/rencana-aksi.xlsx" >/dev/null
echo "seeds: $(ls "$plans" | wc -l) in $plans, $(ls "$pairs" | wc -l) in $pairs, $(ls "$tables" | wc -l) in $tables"
