# Shared helpers for the command-line tests (sourced).
# Each test gets its own database and temp folder; helpers fail loudly.
set -u
: "${HANE:?HANE must point at the hane binary}"
: "${HANE_TEST_TMP:=/tmp}"
mkdir -p "$HANE_TEST_TMP"
T=$(mktemp -d "$HANE_TEST_TMP/cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HANE_DB="$T/test.db"
export HANE_LANG=tr
export HANE_NOW="2026-06-15 10:00:00"
unset HANE_USER NO_COLOR || true
FAILS=0
PASSES=0

# run ARGS…: runs hane, keeping stdout in $OUT, stderr in $ERR, status in $RC.
run() {
	OUT=$("$HANE" "$@" 2>"$T/stderr"); RC=$?
	ERR=$(cat "$T/stderr")
}
ok() { PASSES=$((PASSES + 1)); }
bad() { FAILS=$((FAILS + 1)); printf 'FAIL: %s\n  stdout: %s\n  stderr: %s\n  status: %s\n' "$1" "${OUT:-}" "${ERR:-}" "${RC:-}" >&2; }
# expect_rc N DESC
expect_rc() { if [ "$RC" -eq "$1" ]; then ok; else bad "$2 (want status $1)"; fi; }
# expect_out TEXT DESC / expect_err TEXT DESC: substring present
expect_out() { case "$OUT" in *"$1"*) ok;; *) bad "$2 (stdout lacks '$1')";; esac; }
expect_err() { case "$ERR" in *"$1"*) ok;; *) bad "$2 (stderr lacks '$1')";; esac; }
expect_no_err() { case "$ERR" in *"$1"*) bad "$2 (stderr has '$1')";; *) ok;; esac; }
expect_no_out() { case "$OUT" in *"$1"*) bad "$2 (stdout has '$1')";; *) ok;; esac; }
# finish: prints the closing line CTest output shows, exits non-zero on failure.
finish() {
	printf '%d passed, %d failed\n' "$PASSES" "$FAILS"
	[ "$FAILS" -eq 0 ]
	exit $?
}
