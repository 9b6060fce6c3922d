#!/usr/bin/env bash
# Run by scripts/bench (env HANE, PERSONS): the import benchmark
# (tests/bench/import) at about PERSONS persons — its files average 2.5
# persons a household.
set -euo pipefail
exec bash "$(dirname "$0")/import" $(( PERSONS * 2 / 5 )) "$HANE"
