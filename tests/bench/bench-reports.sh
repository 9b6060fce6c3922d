#!/usr/bin/env bash
# Run by scripts/bench (env HANE, BENCH_DB): see tests/bench/measure.py.
exec python3 "$(dirname "$0")/measure.py" reports "$HANE" "$BENCH_DB"
