#!/usr/bin/env bash
# Files a user names (#16): created new and 0600, replaced only with
# --force and only when a regular file of the user's own, never through a
# symbolic link; nothing is opened, created or truncated before a staff
# member has logged in — for every command that writes or reads a file.
. "$(dirname "$0")/lib.sh"
export HANE_PWHASH_FAST=1
run init; expect_rc 0 "init"
run household add --tckn 10000000146 --first Ali --last Veli; expect_rc 0 "add"

# Every command that writes a file the user names, as a user hane does not
# know (root acting as --user ghost opens the database; the model refuses
# each thing): no file appears.
outs=(
	"annual --year 2025 -o"
	"annual --year 2025 --text -o"
	"export households -o"
	"report foodbank-monthly --month 2026-06 -o"
	"overview household 1 -o"
	"taxi manifest 15.06.2026 --vehicle 41ABC01 --output"
	"homecare agenda --csv"
	"backup"
	"retention access 10000000146 --output"
)
i=0
for c in "${outs[@]}"; do
	i=$((i + 1)); f="$T/ghost-$i.out"
	# shellcheck disable=SC2086
	run --user ghost $c "$f"
	[ "$RC" -ne 0 ] && ok || bad "ghost: $c (want failure)"
	[ ! -e "$f" ] && ok || bad "ghost: $c created $f"
done
# …and an existing file is not touched (was truncated to 0 bytes).
echo "precious" >"$T/live.db"
run --user ghost annual --year 2025 -o "$T/live.db"; expect_rc 1 "ghost annual over a file"
[ "$(cat "$T/live.db")" = precious ] && ok || bad "ghost truncated a file"
run --user ghost export households -o "$T/live.db" --force; expect_rc 1 "ghost export --force"
[ "$(cat "$T/live.db")" = precious ] && ok || bad "ghost export removed or changed a file"
# A failed password login opens nothing either.
HANE_LOGIN=password HANE_PASSWORD=wrong run --user ghost export households -o "$T/pw.csv"
expect_rc 1 "wrong password"; [ ! -e "$T/pw.csv" ] && ok || bad "file made before login"
# An import by nobody does not read its input (a 0600 file of root's would
# be read into their own database otherwise).
printf 'TC Kimlik No;Ad;Soyad\n10000000146;Ali;Veli\n' >"$T/in.csv"
run --user ghost import households "$T/in.csv"; expect_rc 1 "ghost import"
[ ! -e "$T/in-hatalar.csv" ] && ok || bad "ghost import wrote rejects"

# As staff: new files are 0600 whatever the umask.
run export households -o "$T/a.csv"; expect_rc 0 "export"
[ "$(stat -c %a "$T/a.csv")" = 600 ] && ok || bad "export 0600"
(umask 000; "$HANE" annual --year 2025 -o "$T/y.csv" >/dev/null 2>&1)
[ "$(stat -c %a "$T/y.csv")" = 600 ] && ok || bad "annual 0600 under umask 000"

# An existing file is not replaced without --force; with it, a regular
# file of one's own is, and becomes 0600 (a reused 0644 file stayed 0644).
echo old >"$T/b.csv"; chmod 644 "$T/b.csv"
for c in "export households -o" "annual --year 2025 -o" \
	"report foodbank-monthly --month 2026-06 -o" "overview household 1 -o" \
	"homecare agenda --csv"; do
	# shellcheck disable=SC2086
	run $c "$T/b.csv"; expect_rc 1 "$c over a file"; expect_err "--force" "$c says --force"
	[ "$(cat "$T/b.csv")" = old ] && ok || bad "$c changed the file without --force"
done
run export households -o "$T/b.csv" --force; expect_rc 0 "export --force"
grep -q 10000000146 "$T/b.csv" || grep -q "Ali" "$T/b.csv" && ok || bad "replaced"
[ "$(stat -c %a "$T/b.csv")" = 600 ] && ok || bad "replaced file is 0600"

# Never through a symbolic link (a link planted in /tmp pointed the output
# at another file): refused, with or without --force, the target intact.
echo "target" >"$T/target"
ln -s "$T/target" "$T/link.csv"
ln -s "$T/not-yet" "$T/dangling.csv"
for c in "export households -o" "annual --year 2025 -o" "report foodbank-monthly --month 2026-06 -o" \
	"homecare agenda --csv" "backup" "retention access 10000000146 --output"; do
	# shellcheck disable=SC2086
	run $c "$T/link.csv" --force; [ "$RC" -ne 0 ] && ok || bad "$c through a link"
	# shellcheck disable=SC2086
	run $c "$T/dangling.csv"; [ "$RC" -ne 0 ] && ok || bad "$c through a dangling link"
done
[ "$(cat "$T/target")" = target ] && ok || bad "link target changed"
[ ! -e "$T/not-yet" ] && ok || bad "file made through a dangling link"
run export households -o "$T/link.csv" --force; expect_err "sembolik" "says it is a link"

# --force does not make hane write into a FIFO or a folder.
mkfifo "$T/fifo"
run export households -o "$T/fifo" --force; expect_rc 1 "FIFO refused"
mkdir "$T/dir"
run export households -o "$T/dir" --force; expect_rc 1 "folder refused"

# The rejects file is hane's by-product, written again by every run: an
# earlier one of the user's own is replaced (0600), a link is not.
printf 'TC Kimlik No;Ad;Soyad\n10000000214;İyi;Satır\n12345678901;Kötü;Numara\n' >"$T/bad.csv"
run import households "$T/bad.csv" --dry-run; expect_rc 3 "dry run with a bad row"
run import households "$T/bad.csv"; expect_rc 3 "again: rejects replaced"
[ "$(stat -c %a "$T/bad-hatalar.csv")" = 600 ] && ok || bad "rejects 0600"
rm "$T/bad-hatalar.csv"; ln -s "$T/target" "$T/bad-hatalar.csv"
run import households "$T/bad.csv"; expect_rc 1 "rejects through a link refused"
[ "$(cat "$T/target")" = target ] && ok || bad "rejects link target intact"

finish
