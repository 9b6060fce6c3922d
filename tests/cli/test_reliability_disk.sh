# Disk and file faults seen from the command line, on real file systems
# where the test may make them: a full tmpfs and a read-only one (root with
# mount(8); otherwise those parts say SKIP and tests/unit/
# test_reliability_faults.c covers them with the fault VFS). Also a
# missing database, a file that is not a database, and a database another
# user holds locked. Every case: a clear message, a non-zero status,
# nothing half-written.
. "$(dirname "$0")/lib.sh"
MNT="$T/mnt"
mkdir -p "$MNT"
mounted=0
cleanup() {
	[ "$mounted" -eq 1 ] && umount "$MNT" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

persons() { "$HANE" export households 2>/dev/null | tail -n +2 | wc -l; }

# gen N FIRST FILE: an import file of N persons with checksum-valid numbers.
gen() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys
n, first, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def tckn(k):
    d = [int(c) for c in "9%08d" % k]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return "".join(map(str, d)) + str(d10) + str((sum(d) + d10) % 10)
with open(out, "w", encoding="utf-8") as f:
    f.write("TC Kimlik No;Ad;Soyad;Notlar\r\n")
    for i in range(n):
        f.write("%s;Kişi%d;Doludisk;%s\r\n" % (tckn(first + i), i, "x" * 300))
PY
}

# ---- Missing, not a database, locked --------------------------------------
HANE_DB="$T/yok.db" run household list
[ "$RC" -ne 0 ] && ok || bad "missing database: non-zero status"
expect_err "veritabanı dosyası yok" "missing database named"
[ ! -e "$T/yok.db" ] && ok || bad "missing database created by a read"

gen 50 100 "$T/liste.csv"
cp "$T/liste.csv" "$T/liste.orig"
HANE_DB="$T/liste.csv" run household list
[ "$RC" -ne 0 ] && ok || bad "CSV as database: non-zero status"
expect_err "bir SQLite veritabanı değil" "CSV as database: message"
cmp -s "$T/liste.csv" "$T/liste.orig" && ok || bad "CSV as database was changed"

"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
gen 20 200 "$T/small.csv"
# Another user holds the write lock for longer than hane waits: the import
# says the database is busy and writes nothing. sqlite3 holds the lock
# until its stdin closes; it says "held" once it has it.
if command -v sqlite3 >/dev/null; then
	exec 7> >(sqlite3 "$HANE_DB" >"$T/holder.out" 2>&1)
	printf 'BEGIN IMMEDIATE;\nSELECT '"'"'held'"'"';\n' >&7
	deadline=$((SECONDS + 20))
	until grep -q held "$T/holder.out" 2>/dev/null || [ $SECONDS -ge $deadline ]; do
		read -r -t 0.05 <&7 2>/dev/null || true # poll, no sleep(1)
	done
	grep -q held "$T/holder.out" && ok || bad "lock holder did not start"
	# hane waits out the busy timeout (10 s) first, as staff would.
	run import households "$T/small.csv"
	exec 7>&-
	wait
	if [ "$RC" -ne 0 ]; then
		ok
		expect_err "kilitli" "locked database message"
		[ "$(persons)" -eq 0 ] && ok || bad "import wrote while locked"
	else
		echo "NOTE: import waited out the lock (busy timeout longer than the holder)"
	fi
	run import households "$T/small.csv"
	expect_rc 0 "import once the lock is gone"
	[ "$(persons)" -eq 20 ] && ok || bad "20 persons after the lock"
fi

# ---- A full file system (root + mount) ------------------------------------
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
	mounted=1
	export HANE_DB="$MNT/hane.db"
	"$HANE" init >/dev/null 2>&1 || bad "init on tmpfs"
	gen 3000 1000 "$T/big.csv"   # about 1.2 MB of rows
	gen 10 9000 "$T/ten.csv"
	run import households "$T/ten.csv"
	expect_rc 0 "import before the disk fills"
	# Fill what is left but a few pages.
	dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null || true
	rm -f "$MNT/filler"
	free=$(df -B1 --output=avail "$MNT" | tail -1)
	dd if=/dev/zero of="$MNT/filler" bs=4096 count=$(( free / 4096 - 24 )) 2>/dev/null || true
	run import households "$T/big.csv"
	[ "$RC" -ne 0 ] && ok || bad "import on a full disk: non-zero status"
	expect_err "disk dolu" "full disk message"
	rm -f "$MNT/filler"
	run check
	expect_rc 0 "integrity after the full disk"
	[ "$(persons)" -eq 10 ] && ok || bad "full disk left part of the import ($(persons) persons)"
	run import households "$T/big.csv"
	expect_rc 0 "same import with space again"
	[ "$(persons)" -eq 3010 ] && ok || bad "3010 persons after the retry"

	# Read-only file system: writes refused with the reason, reads work.
	if mount -o remount,ro "$MNT" 2>/dev/null; then
		run import households "$T/ten.csv" --on-duplicate update
		[ "$RC" -ne 0 ] && ok || bad "write on a read-only file system"
		expect_err "salt okunur" "read-only message"
		run report households-by-mahalle
		[ "$RC" -eq 0 ] && ok || echo "NOTE: reading a WAL database on a read-only file system fails: $ERR"
	fi
	umount "$MNT" && mounted=0
else
	echo "SKIP: full and read-only file systems need root and mount (covered by unit/test_reliability_faults)"
fi
finish
