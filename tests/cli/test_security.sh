#!/usr/bin/env bash
# Login, lock-out, masking on screen, read log, audit, retention, backup,
# check and file modes from the command line.
. "$(dirname "$0")/lib.sh"
export HANE_PWHASH_FAST=1
T1=10000000146
PW="uzun-bir-parola-1"

run init; expect_rc 0 "init"
m=$(stat -c %a "$HANE_DB"); [ "$m" = 600 ] && ok || bad "database created 0600 (got $m)"
run household add --tckn $T1 --first Şükrü --last Yılmaz --mahalle gundogdu \
	--street "Atatürk Cd." --building 12 --phone "0532 123 45 67"; expect_rc 0 "add"
run staff add rapor --name "Rapor Kişi" --role reporter; expect_rc 0 "reporter"
run staff add gida --name "Gıda Kişi" --role caseworker --unit foodbank; expect_rc 0 "caseworker"
OUT=$(printf '%s\n' "$PW" | "$HANE" staff passwd rapor 2>&1); RC=$?; expect_rc 0 "passwd from stdin"
printf '%s\n' "$PW" | "$HANE" staff passwd gida >/dev/null 2>&1
sqlite3 "$HANE_DB" "SELECT count(*) FROM staff WHERE password_hash LIKE '%$PW%'" | grep -qx 0 && ok || bad "password not in the database"
grep -c -- "$PW" "$HANE_DB" | grep -qx 0 && ok || bad "password nowhere in the file"

# As an ordinary user: the password is asked, and without a terminal or
# HANE_PASSWORD the login fails saying how to give one.
export HANE_LOGIN=password
OUT=$(setsid -w "$HANE" --user rapor household show 1 2>&1 </dev/null); RC=$?
expect_rc 1 "no password, no terminal"; ERR=$OUT; expect_err "HANE_PASSWORD" "says how"
HANE_PASSWORD=$PW run --user rapor household show 1; expect_rc 0 "reporter logs in"
expect_out "100******46" "TC Kimlik masked for the reporter"; expect_no_out "$T1" "full number hidden"
expect_out "0532 *** ** 67" "phone masked"; expect_out "Gündoğdu ***" "address masked"
printf '%s\n' "$PW" >"$T/pw"
run --password-file "$T/pw" --user rapor household add --first A --last B
expect_rc 1 "reporter cannot write"; expect_err "household.write" "names the permission"
HANE_PASSWORD=$PW run --user gida backup "$T/x.db"; expect_rc 1 "caseworker cannot back up"; expect_err "maintenance" "names it"

# Lock-out after 5 failures, audited.
for i in 1 2 3 4 5; do HANE_PASSWORD=yanlis run --user gida household search a; done
expect_rc 1 "wrong password"; expect_err "kilitlendi" "locked at the threshold"
HANE_PASSWORD=$PW run --user gida household search a; expect_rc 1 "locked even with the right password"
unset HANE_LOGIN
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='login.failed' AND username='gida'"); [ "$n" -ge 5 ] && ok || bad "failures audited ($n)"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='login.locked' AND username='gida'"); [ "$n" -eq 1 ] && ok || bad "lock audited"
run staff unlock gida; expect_rc 0 "unlock"
HANE_LOGIN=password HANE_PASSWORD=$PW run --user gida household search sukru; expect_rc 0 "unlocked"

# Root (the OS superuser) needs no password for --user.
run --user rapor household show 1; expect_rc 0 "root as rapor without a password"
# …and the audit names both: whose authority (rapor), whose hands (root).
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE username='rapor' AND os_user='$(id -un)' AND action IN ('login', 'person.view')")
[ "$n" -ge 2 ] && ok || bad "root as rapor audited with both names ($n)"
run audit --user rapor --action login; expect_out "rapor ($(id -un))" "hane audit shows both"

# Read log and audit.
run household show 1; expect_out "$T1" "admin sees it unmasked"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='person.view' AND row_id=1"); [ "$n" -ge 3 ] && ok || bad "person views logged ($n)"
run audit --user rapor --action person.view; expect_rc 0 "audit"; expect_out "person.view" "lists reads"; expect_no_out "	root	" "filtered by user"
run audit --person $T1 --from 2026-06-15 --to 2026-06-15; expect_out "insert" "person's writes"; expect_out "rapor" "who read"
HANE_LOGIN=password HANE_PASSWORD=$PW run --user rapor audit; expect_rc 1 "reporter cannot read the audit"; expect_err "audit.read" "names it"

# Retention: nothing is old yet; five years on, the person goes.
run retention dry-run; expect_rc 0 "dry run"; expect_out "0 kişi" "nobody yet"
HANE_NOW="2031-07-01 10:00:00" run retention dry-run; expect_out "Şükrü Yılmaz" "listed"; expect_out "1 kişi" "one"
sqlite3 "$HANE_DB" "SELECT tckn FROM person WHERE id=1" | grep -qx $T1 && ok || bad "dry run changed nothing"
run retention access $T1 --output "$T/access.json"; expect_rc 0 "access export"
grep -q '"first_name": "Şükrü"' "$T/access.json" && ok || bad "access export has the data"
m=$(stat -c %a "$T/access.json"); [ "$m" = 600 ] && ok || bad "access export 0600 ($m)"
HANE_NOW="2031-07-01 10:00:00" run retention run; expect_rc 0 "run"; expect_out "1 kişi" "one anonymised"
sqlite3 "$HANE_DB" "SELECT count(*) FROM person WHERE tckn IS NULL AND first_name='Anonim'" | grep -qx 1 && ok || bad "anonymised"
sqlite3 "$HANE_DB" "SELECT fields FROM retention_log" | grep -q tckn && ok || bad "records what it destroyed"

# Backup while another process writes; check; modes.
( while [ ! -e "$T/stop" ]; do "$HANE" household add --first Yeni --last Kişi >/dev/null 2>&1 || true; done ) &
W=$!
deadline=$((SECONDS + 60))
until [ "$(sqlite3 -cmd ".timeout 10000" "$HANE_DB" "SELECT count(*) FROM person WHERE first_name='Yeni'")" -ge 2 ] || [ $SECONDS -ge $deadline ]; do :; done
run backup "$T/yedek.db"; expect_rc 0 "backup while writing"; expect_out "SHA-256" "hash shown"
touch "$T/stop"; wait $W
m=$(stat -c %a "$T/yedek.db"); [ "$m" = 600 ] && ok || bad "backup 0600 ($m)"
[ ! -e "$T/yedek.db-wal" ] && ok || bad "backup is one file"
sqlite3 "$T/yedek.db" "PRAGMA integrity_check" | grep -qx ok && ok || bad "backup intact"
run backup "$T/yedek.db"; expect_rc 1 "never overwrites"
run --db "$T/yedek.db" check; expect_rc 0 "check"; expect_out "tamam" "ok"
mkdir -m 2770 "$T/shared"; run --db "$T/shared/h.db" init; expect_rc 0 "init shared"
m=$(stat -c %a "$T/shared/h.db"); [ "$m" = 660 ] && ok || bad "shared database 0660 ($m)"

finish
