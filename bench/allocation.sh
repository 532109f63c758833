#!/usr/bin/env bash
# Allocation benchmark: ankommen vs OR-Tools SimpleMinCostFlow on the same instances, one run.
#
#   bench/allocation.sh                 # county, 1k, 10k, 100k (100k takes a few minutes)
#   SIZES="county 10000" bench/allocation.sh
#
# Creates bench/.venv with OR-Tools from the Python package registry, builds the bench binary in
# release mode, generates the instances (seed 1) into bench/out/, solves each with both solvers,
# checks that placed count and total cost are equal, and prints time ratio and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="${SIZES:-county 1000 10000 100000}"
ORTOOLS_VERSION="${ORTOOLS_VERSION:-9.15.6755}"
VENV=bench/.venv
OUT=bench/out
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check "ortools==$ORTOOLS_VERSION" numpy

cargo build --release --quiet -p ankommen-allocate --bin allocate-bench
mkdir -p "$OUT"

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
exec "$VENV/bin/python" bench/compare.py "$CARGO_TARGET_DIR/release/allocate-bench" \
    "$VENV/bin/python" "$OUT" "$SIZES"
