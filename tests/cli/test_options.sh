#!/bin/sh
# Options (#18): global options match exactly; every command's --help
# comes from its option table and lists only options its parser takes.
. "$(dirname "$0")/lib.sh"

run init
expect_rc 0 "init"

# ---- Global options: exact names only -------------------------------------
run --dbx="$T/other.db" check
expect_rc 2 "--dbx=F is refused"
expect_err "'--dbx=$T/other.db'" "the refusal names the option"
expect_err "--db, --lang, --user" "and lists the global options"
expect_err "hane --help" "and points at hane --help"
[ ! -e "$T/other.db" ] && ok || bad "--dbx=F must not create F"

run --language=en check
expect_rc 2 "--language=en is refused"
expect_err "'--language=en'" "the refusal names --language"
expect_no_out "OK" "nothing ran"

run --dbx "$T/other.db" check
expect_rc 2 "--dbx F is refused"
run --lan en --help
expect_rc 2 "--lan (a prefix of --lang) is refused"
run --helpx
expect_rc 2 "--helpx is refused"

run --lang=en --help
expect_rc 0 "--lang=en --help"
expect_out "Commands:" "--lang=en sets the language"
run --lang en --help
expect_out "Commands:" "--lang en sets the language"
run --db="$HANE_DB" check
expect_rc 0 "--db=F opens F"
run --db "$HANE_DB" check
expect_rc 0 "--db F opens F"
run --db
expect_rc 2 "--db without a value"
expect_err "'--db' bir değer ister" "names the option missing its value"

finish
