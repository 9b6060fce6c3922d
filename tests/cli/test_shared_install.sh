#!/usr/bin/env bash
# The shared install, attacked for real (#16). As root (CI runs as root):
# scripts/install-shared into temporary folders with a group of its own,
# OS users made for the test, and every attack of issue #16's critical
# finding tried as a user who is not staff and as staff — each refused,
# the live database intact. Everything made here is removed afterwards,
# also when the test fails. Not root: skipped (exit 77, CTest says so).
. "$(dirname "$0")/lib.sh"
: "${HANE_SOURCE_DIR:?}"
if [ "$(id -u)" != 0 ]; then
	echo "SKIPPED: the shared-install test makes OS users and a set-group-ID binary; run it as root"
	exit 77
fi
for t in useradd userdel groupdel setpriv sqlite3; do
	command -v $t >/dev/null || { echo "SKIPPED: $t is missing"; exit 77; }
done

# Names of our own: parallel runs and a real install never clash.
id=$(printf '%05d' $(( ($$ + RANDOM) % 100000 )))
G="hanet$id"; NONE="hsn$id"; ADM="hsa$id"; CW="hsc$id"; SAME="hss$id"
R=$(mktemp -d /tmp/hane-shared.XXXXXX)
chmod 755 "$R"
P="$R/prefix" DATA="$R/data" H="$R/prefix/bin/hane" DB="$R/data/hane.db"
USERS=()
cleanup() {
	"$HANE_SOURCE_DIR/scripts/install-shared" --prefix "$P" --uninstall >/dev/null 2>&1 || true
	for u in "${USERS[@]}"; do userdel "$u" >/dev/null 2>&1 || true; done
	getent group "$G" >/dev/null && groupdel "$G" >/dev/null 2>&1
	rm -rf "$R" "$T"
}
trap cleanup EXIT
for u in $NONE $ADM $CW $SAME; do
	useradd --no-create-home --shell /usr/sbin/nologin --user-group "$u" || { bad "useradd $u"; finish; }
	USERS+=("$u")
	install -d -o "$u" -g "$u" -m 700 "$R/home-$u"
done

# as USER CMD…: runs CMD as USER (own uid, gid and groups), in their home
# folder, with a clean environment, stdin closed; $OUT $ERR $RC as run().
as() {
	local u=$1; shift
	OUT=$(cd "$R/home-$u" && setpriv --reuid "$u" --regid "$u" --init-groups \
		env -i PATH=/usr/bin:/bin HOME="$R/home-$u" HANE_LANG=en "$@" \
		2>"$T/stderr" </dev/null); RC=$?
	ERR=$(cat "$T/stderr")
}
# intact: the live database is whole, holds the marker household, and
# nobody but the group can open it.
intact() {
	local n
	n=$(sqlite3 -readonly "$DB" "PRAGMA integrity_check; SELECT count(*) FROM person WHERE tckn='10000000146';" 2>&1 | tr '\n' ' ')
	[ "$n" = "ok 1 " ] && ok || bad "$1: live database not intact ($n)"
	[ "$(stat -c '%a %G' "$DB")" = "660 $G" ] && ok || bad "$1: database mode/group $(stat -c '%a %G' "$DB")"
}
# nothing_new DESC: no file appeared in the data or backup folder.
# (the -wal and -shm come and go with connections)
snapshot() { (cd "$DATA" && find . | grep -v 'hane.db-' | sort) >"$T/snap"; }
nothing_new() {
	(cd "$DATA" && find . | grep -v 'hane.db-' | sort) >"$T/snap2"
	if diff -q "$T/snap" "$T/snap2" >/dev/null; then ok; else bad "$1: new files: $(diff "$T/snap" "$T/snap2" | grep '^>' | tr '\n' ' ')"; fi
}

# ---- Install, twice (idempotent), and what it made --------------------------
# Without --admin the first install stops before the database: nobody else
# can then make it and become its first administrator.
"$HANE_SOURCE_DIR/scripts/install-shared" --prefix "$P" --data "$DATA" \
	--group "$G" --binary "$HANE" >"$T/inst" 2>&1; [ $? -ne 0 ] && ok || bad "first install without --admin"
grep -q -- "--admin" "$T/inst" && ok || bad "says --admin is needed"
as $NONE "$H" init; expect_rc 1 "a user makes the missing shared database"; expect_err "not set up" "says root sets it up"
as $NONE "$H" household search a; expect_rc 1 "or opens it"
[ ! -e "$DB" ] && ok || bad "the shared database was made by a user"
"$HANE_SOURCE_DIR/scripts/install-shared" --prefix "$P" --data "$DATA" --admin "$ADM" \
	--group "$G" --binary "$HANE" >"$T/inst" 2>&1 && ok || bad "install-shared: $(cat "$T/inst")"
[ "$(stat -c '%a %U %G' "$H")" = "2755 root $G" ] && ok || bad "binary $(stat -c '%a %U %G' "$H")"
[ "$(stat -c '%a %U' "$P/etc/hane/hane.conf")" = "644 root" ] && ok || bad "config mode"
grep -qx "database = $DB" "$P/etc/hane/hane.conf" && ok || bad "config names the database"
grep -qx "backup = $DATA/backup" "$P/etc/hane/hane.conf" && ok || bad "config names the backups"
for d in "$DATA" "$DATA/backup"; do
	[ "$(stat -c '%a %U %G' "$d")" = "2770 root $G" ] && ok || bad "$d $(stat -c '%a %U %G' "$d")"
done
sqlite3 "$DB" "SELECT username, os_user, role FROM staff" | grep -qx "$ADM|$ADM|admin" && ok || bad "first admin mapped by os_user"
as $ADM "$H" household add --tckn 10000000146 --first Canlı --last Veri
expect_rc 0 "admin works through the install"
as $ADM "$H" staff add "$CW" --name "Gıda Personel" --role caseworker --unit foodbank --os-user "$CW"
expect_rc 0 "admin adds a caseworker"
as $ADM "$H" staff add "$SAME" --name "Aynı Ad" --role admin
expect_rc 0 "admin adds a staff row without --os-user"
chmod 0644 "$H"   # broken by hand: the second run puts it right
"$HANE_SOURCE_DIR/scripts/install-shared" --prefix "$P" --data "$DATA" --admin "$ADM" \
	--group "$G" --binary "$HANE" >"$T/inst" 2>&1 && ok || bad "install-shared again: $(cat "$T/inst")"
[ "$(stat -c '%a' "$H")" = 2755 ] && ok || bad "second run restores the mode"
grep -q "staff unchanged" "$T/inst" && ok || bad "second run leaves staff alone"
intact "after installing twice"
echo "secret;row" >"$DATA/protected.csv"; chgrp "$G" "$DATA/protected.csv"; chmod 660 "$DATA/protected.csv"
snapshot

# ---- A user who is not staff -------------------------------------------------
as $NONE "$H" household search canlı; expect_rc 1 "not staff: nothing"; expect_err "unknown user" "says so"
as $NONE sqlite3 "$DB" "SELECT 1"; [ "$RC" -ne 0 ] && ok || bad "not staff opens the file with sqlite3"
# the critical finding, one by one
as $NONE "$H" --db "$DB" annual --year 2025 -o "$DB"; expect_rc 1 "annual -o over the live database"
intact "annual -o"
as $NONE "$H" export households -o "$DB"; expect_rc 1 "export -o over the live database"
intact "export -o"
as $NONE "$H" --db "$DATA/decoy.db" init; expect_rc 2 "init of a decoy in the data folder"; expect_err "--db and HANE_DB are refused" "says the database is fixed"
as $NONE "$H" --db "$R/home-$NONE/own.db" init; expect_rc 2 "init of an own database"
[ ! -e "$R/home-$NONE/own.db" ] && ok || bad "own database made under the group"
as $NONE env HANE_DB="$R/home-$NONE/own.db" "$H" init; expect_rc 2 "HANE_DB refused too"
as $NONE "$H" init; expect_rc 1 "init of the live database by a stranger"
as $NONE "$H" init --admin "$NONE"; expect_rc 1 "init --admin by a stranger"
as $NONE "$H" backup x.db; expect_rc 1 "backup"
as $NONE "$H" backup "$DATA/y.db"; expect_rc 1 "backup into the data folder"
as $NONE "$H" report foodbank-monthly --month 2026-06 -o "$DATA/r.csv"; expect_rc 1 "report -o"
as $NONE "$H" taxi manifest 15.06.2026 --vehicle 41ABC01 --output "$DATA/m.csv"; expect_rc 1 "taxi manifest --output"
as $NONE "$H" homecare agenda --csv "$DATA/a.csv"; expect_rc 1 "homecare agenda --csv"
as $NONE "$H" import households "$DATA/protected.csv"; expect_rc 1 "import of a protected file"
as $NONE "$H" --password-file "$DB" --user "$ADM" household search a; expect_rc 1 "password file read from the database"
expect_err "Permission denied" "the password file is read with the user's ids"
as $NONE "$H" demo --households 3; expect_rc 1 "demo"
as $NONE "$H" overview demo-year --year 2025 --scale 0.01; expect_rc 1 "demo-year"
nothing_new "not staff"
intact "not staff"

# ---- A staff row without --os-user is not entered by the same-named login ---
as $SAME "$H" household search canlı; expect_rc 1 "same name, no os_user: not entered"
expect_err "unknown user" "treated as unknown"
as $SAME "$H" staff add intruder --name X --role admin; expect_rc 1 "and cannot act as that admin"
as $SAME "$H" --user "$SAME" staff add intruder --name X --role admin; expect_rc 1 "nor with --user without a password"
expect_err "password" "a password is asked for"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE username='intruder'")" = 0 ] && ok || bad "intruder added"

# ---- Staff: a caseworker and the administrator ----------------------------
as $CW "$H" household search canlı; expect_rc 0 "caseworker by peer login"
for u in $CW $ADM; do
	as $u "$H" annual --year 2025 -o "$DB"; expect_rc 1 "$u: annual -o over the live database"
	as $u "$H" annual --year 2025 -o "$DB" --force; expect_rc 1 "$u: annual -o --force over it"
	as $u "$H" export households -o "$DB" --force; expect_rc 1 "$u: export -o over it"
	as $u "$H" report foodbank-monthly --month 2026-06 -o "$DATA/r.csv"; expect_rc 1 "$u: report into the data folder"
	as $u "$H" homecare agenda --csv "$DATA/a.csv"; expect_rc 1 "$u: agenda into the data folder"
	as $u "$H" taxi manifest 15.06.2026 --vehicle 41ABC01 --output "$DATA/m.csv"; [ "$RC" -ne 0 ] && ok || bad "$u: manifest into the data folder"
	as $u "$H" import households "$DATA/protected.csv"; expect_rc 1 "$u: import of a protected file"
	[ $u = $ADM ] && expect_err "Permission denied" "$u: refused by the system, with the user's ids"
	as $u "$H" --db "$R/home-$u/own.db" init; expect_rc 2 "$u: --db refused"
	as $u "$H" demo --households 3; expect_rc 1 "$u: demo on the real database"
	as $u "$H" overview demo-year --year 2025 --scale 0.01; expect_rc 1 "$u: demo-year on the real database"
	intact "$u"
done
nothing_new "staff"
# their own files: created new, 0600, theirs
as $CW "$H" export households -o out.csv; expect_rc 0 "caseworker exports to their folder"
[ "$(stat -c '%a %U %G' "$R/home-$CW/out.csv")" = "600 $CW $CW" ] && ok || bad "export is theirs: $(stat -c '%a %U %G' "$R/home-$CW/out.csv")"
# an Excel workbook is made in a private folder of the user's, with their
# ids (a link planted there cannot point the library at the database)
as $CW "$H" export households --xlsx -o out.xlsx; expect_rc 0 "caseworker exports a workbook"
[ "$(head -c 2 "$R/home-$CW/out.xlsx")" = PK ] && ok || bad "the workbook is a zip"
ln -s "$DB" "$R/home-$CW/link.csv"
as $CW "$H" export households -o link.csv --force; expect_rc 1 "not through a link to the database"
intact "link"
# backups: the administrator, only into the backup folder
as $CW "$H" backup b.db; expect_rc 1 "caseworker may not back up"
as $ADM "$H" backup "$R/home-$ADM/b.db"; expect_rc 1 "backup outside the backup folder"
expect_err "backups go only into" "says where"
as $ADM "$H" backup ../hane.db; expect_rc 1 "backup over the database by ../"
as $ADM "$H" backup "$DATA/backup/../hane.db"; expect_rc 1 "backup over the database by a path"
intact "backups"
as $ADM "$H" backup nightly.db; expect_rc 0 "backup into the backup folder"
[ "$(stat -c '%a %G' "$DATA/backup/nightly.db")" = "660 $G" ] && ok || bad "backup 0660 in the group"
as $ADM "$H" backup nightly.db; expect_rc 1 "never over an existing backup"
as $ADM "$H" init; expect_rc 0 "admin may run init (changes nothing)"
expect_out "already set up" "says so"

# SQLite's temporary files stay in the data folder, whatever the caller sets
as $CW env SQLITE_TMPDIR="$R/home-$CW" TMPDIR="$R/home-$CW" "$H" report households-by-mahalle; expect_rc 0 "a report with the caller's temp folders"

# ---- Root acting as someone is audited with both names ----------------------
OUT=$(env -i PATH=/usr/bin:/bin HANE_LANG=en "$H" --user "$CW" household show 1 2>&1); RC=$?
expect_rc 0 "root as the caseworker"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE username='$CW' AND os_user='root' AND action IN ('login', 'person.view')")
[ "$n" -ge 2 ] && ok || bad "login and read audited with both names ($n)"
as $ADM "$H" audit --user "$CW"; expect_out "$CW (root)" "audit shows both names"

# ---- Uninstall: what it made goes, the data stays --------------------------
"$HANE_SOURCE_DIR/scripts/install-shared" --prefix "$P" --uninstall >"$T/inst" 2>&1 && ok || bad "uninstall"
[ ! -e "$H" ] && [ ! -e "$P/etc/hane/hane.conf" ] && ok || bad "binary and config removed"
getent group "$G" >/dev/null && bad "group kept" || ok
[ -s "$DB" ] && [ -s "$DATA/backup/nightly.db" ] && ok || bad "data kept"
finish
