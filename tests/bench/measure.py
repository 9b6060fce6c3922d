#!/usr/bin/env python3
"""Benchmarks that compare hane with the sqlite3 tool on the same database
(used by tests/bench/bench-*.sh, run by scripts/bench; never by CTest).

  measure.py reports HANE DB   every report in data/reports (or those
                               named in env REPORTS), hane vs the same SQL
                               in sqlite3 -csv (target < 200 ms)
  measure.py export HANE DB    the whole registry as CSV vs sqlite3 -csv
                               on the export's query
  measure.py screen HANE DB    start of the console to its first screen
                               with the person count on it; then the
                               bytes the console sends to the terminal
                               per keystroke: typing a name in person
                               search (F3) and moving down the list of
                               hits (Down, PgDn), at 80x24 in a pty

Times are wall-clock milliseconds, best of REPEAT runs (env, default 3),
each a fresh process as staff run it; peak memory is the process's
maximum resident set (GNU time, KiB). Prints a table, then
"csv:" and lines "measure,hane,sqlite3" for tests/bench/results.csv.
"""
import os
import re
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
REPEAT = int(os.environ.get("REPEAT", "3"))
ENV = dict(os.environ, HANE_LANG="tr", LANG="C.UTF-8")
ENV.pop("HANE_DB", None)


def measured(cmd, stdin=None):
    """Best wall time (ms) and peak RSS (KiB, GNU time's %M) of cmd over
    REPEAT runs. (wait4's ru_maxrss would count Python's own pages from
    before the exec.)"""
    best, peak = None, 0
    memf = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                        "hane-bench-mem.%d" % os.getpid())
    for _ in range(REPEAT):
        fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", memf] + cmd,
                           stdin=fin, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=ENV)
        ms = (time.perf_counter() - t0) * 1000
        if stdin:
            fin.close()
        if p.returncode != 0:
            raise SystemExit("failed (%d): %s\n%s" % (
                p.returncode, " ".join(cmd),
                p.stderr.decode(errors="replace")))
        with open(memf) as f:
            kib = int(f.read().split()[-1])
        best = ms if best is None else min(best, ms)
        peak = max(peak, kib)
        if ms > 2000:
            break  # far off any target: once is enough
    os.unlink(memf)
    return best, peak


def sql1(db, q):
    return subprocess.run(["sqlite3", db, q], capture_output=True,
                          text=True, check=True).stdout.strip()


def report_defs():
    d = os.path.join(TOP, "data", "reports")
    for f in sorted(os.listdir(d)):
        if f.endswith(".sql"):
            text = open(os.path.join(d, f), encoding="utf-8").read()
            params = re.findall(r"^-- param: (\w+) (\w+)", text, re.M)
            yield f[:-4], params, text


def param_values(db):
    """Values that hit data: June of the demo year of activity when
    bench_year made one, else the month of the newest household."""
    try:
        year = sql1(db, "SELECT max(year) FROM overview_demo_run")
    except subprocess.CalledProcessError:
        year = ""
    if year:
        month = year + "-06"
    else:
        newest = sql1(db, "SELECT max(created_at) FROM household") or \
            "2026-06-15"
        month = newest[:7]
    return {"month": month, "year": month[:4], "date": month + "-15",
            "text": ""}, month


def reports(hane, db):
    vals, month = param_values(db)
    rows = []
    only = os.environ.get("REPORTS", "").split()
    for name, params, text in report_defs():
        if only and name not in only:
            continue
        args, binds = [], {}
        for pname, ptype in params:
            v = vals.get(ptype, "")
            if ptype == "text" and pname == "mahalle":
                v = sql1(db, "SELECT mahalle FROM household WHERE mahalle"
                         " <> '' GROUP BY 1 ORDER BY count(*) DESC"
                         " LIMIT 1")
            elif ptype == "text":
                v = "a"
            if pname == "from":
                v = month + "-01"
            elif pname == "to":
                v = month + "-28"
            args += ["--" + pname, v]
            binds[pname] = v
        body = "\n".join(l for l in text.splitlines()
                         if not l.startswith("--"))
        for pname, v in binds.items():
            body = re.sub(r":%s\b" % pname, "'%s'" % v.replace("'", "''"),
                          body)
        sqlf = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                            "hane-bench-%s.sql" % name)
        with open(sqlf, "w", encoding="utf-8") as f:
            f.write(".mode csv\n" + body + ";\n")
        try:
            h = measured([hane, "--db", db, "report", name, "--csv"] + args)
        except SystemExit as e:
            print("report %s: %s" % (name, e), file=sys.stderr)
            continue
        s = measured(["sqlite3", "-readonly", db], stdin=sqlf)
        os.unlink(sqlf)
        rows.append(("report_%s_ms" % name, h[0], s[0]))
        rows.append(("report_%s_peak_kb" % name, h[1], s[1]))
        print("%-32s hane %8.1f ms %7d KiB   sqlite3 %8.1f ms %7d KiB  %s"
              % (name, h[0], h[1], s[0], s[1],
                 "ok" if h[0] < 200 else "OVER 200 ms"))
    return rows


EXPORT_SQL = ("SELECT h.id, p.tckn, p.first_name, p.last_name, p.birth_date,"
              " p.sex, p.relation, p.disability_pct, p.chronic_illness,"
              " p.phone, h.phone, h.mahalle, h.street, h.building, h.door,"
              " h.income_kurus, h.notes"
              " FROM person p JOIN household h ON h.id = p.household_id"
              " ORDER BY h.id, p.id <> h.head_id, p.id")


def export(hane, db):
    # Unmasked: the same values sqlite3 writes (an older hane lacks it).
    try:
        h = measured([hane, "--db", db, "export", "households",
                      "--unmasked"])
    except SystemExit:
        h = measured([hane, "--db", db, "export", "households"])
    s = measured(["sqlite3", "-readonly", "-csv", db, EXPORT_SQL])
    print("export households: hane %.0f ms %d KiB, sqlite3 -csv %.0f ms"
          " %d KiB, ratio %.2f" % (h[0], h[1], s[0], s[1], h[0] / s[0]))
    return [("export_ms", h[0], s[0]), ("export_peak_kb", h[1], s[1]),
            ("export_ratio", round(h[0] / s[0], 2), "")]


def screen(hane, db):
    import pexpect
    count = sql1(db, "SELECT count(*) FROM person")
    best, peak = None, 0
    for _ in range(REPEAT):
        env = dict(ENV, TERM="xterm-256color")
        t0 = time.perf_counter()
        c = pexpect.spawn(hane, ["--db", db], env=env, dimensions=(24, 80))
        seen = b""
        deadline = time.time() + 60
        while count.encode() not in seen:
            try:
                seen += c.read_nonblocking(65536, timeout=0.005)
            except pexpect.TIMEOUT:
                pass
            if time.time() > deadline:
                raise SystemExit("no first screen with %s persons" % count)
        ms = (time.perf_counter() - t0) * 1000
        try:
            with open("/proc/%d/status" % c.pid) as f:
                hwm = [l for l in f if l.startswith("VmHWM")]
            peak = max(peak, int(hwm[0].split()[1]))
        except (OSError, IndexError):
            pass
        c.send("\x1b[21~")  # F10
        c.expect(pexpect.EOF, timeout=10)
        c.close()
        best = ms if best is None else min(best, ms)
    print("open to first screen (%s persons): %.0f ms, %d KiB"
          % (count, best, peak))
    rows = [("open_to_first_screen_ms", round(best, 1), ""),
            ("open_to_first_screen_peak_kb", peak, "")]
    return rows + keystroke_bytes(hane, db)


def drain(c, settle=0.3, deadline=3.0):
    """Bytes the console writes until it has been quiet for `settle`
    seconds (after writing something), or `deadline` passes."""
    import pexpect
    got = b""
    t_end = time.time() + deadline
    quiet_since = None
    while time.time() < t_end:
        try:
            chunk = c.read_nonblocking(65536, timeout=0.02)
            got += chunk
            quiet_since = None
        except pexpect.TIMEOUT:
            if got:
                quiet_since = quiet_since or time.time()
                if time.time() - quiet_since >= settle:
                    break
    return got


def keystroke_bytes(hane, db):
    """Bytes per keystroke, as a slow SSH link carries them: F3, then a
    name typed key by key, then Down through the hits and PgDn. Also the
    idle console's memory (RSS and PSS: the binary and libraries are
    shared between sessions)."""
    import pexpect
    env = dict(ENV, TERM="xterm-256color")
    c = pexpect.spawn(hane, ["--db", db], env=env, dimensions=(24, 80))
    first = drain(c, settle=0.5)
    idle = {}
    try:
        with open("/proc/%d/smaps_rollup" % c.pid) as f:
            for line in f:
                k = line.split(":")[0]
                if k in ("Rss", "Pss", "Private_Dirty"):
                    idle[k] = int(line.split()[1])
    except OSError:
        pass
    c.send("\x1bOR")  # F3: person search
    opened = drain(c, settle=0.5)
    typed = []
    for ch in "mehmet":
        c.send(ch)
        typed.append(len(drain(c)))
    moves = []
    for _ in range(10):
        c.send("\x1bOB")  # Down (keypad mode, as xterm sends it)
        moves.append(len(drain(c)))
    c.send("\x1b[6~")  # PgDn
    pgdn = len(drain(c))
    c.send("\x1b[21~")  # F10
    try:
        c.expect(pexpect.EOF, timeout=10)
    except pexpect.TIMEOUT:
        c.terminate(force=True)
    c.close()
    print("bytes to the terminal: first screen %d, F3 %d; typing %s"
          " (mean %.0f, max %d); Down %s (mean %.0f, max %d); PgDn %d"
          % (len(first), len(opened), typed, sum(typed) / len(typed),
             max(typed), moves, sum(moves) / len(moves), max(moves),
             pgdn))
    print("idle console: RSS %s KiB, PSS %s KiB, private dirty %s KiB"
          % (idle.get("Rss", "?"), idle.get("Pss", "?"),
             idle.get("Private_Dirty", "?")))
    return [("screen_first_bytes", len(first), ""),
            ("search_keystroke_bytes_mean", round(sum(typed) / len(typed)),
             ""),
            ("search_keystroke_bytes_max", max(typed), ""),
            ("list_down_bytes_mean", round(sum(moves) / len(moves)), ""),
            ("list_down_bytes_max", max(moves), ""),
            ("list_pgdn_bytes", pgdn, ""),
            ("idle_console_rss_kb", idle.get("Rss", ""), ""),
            ("idle_console_pss_kb", idle.get("Pss", ""), "")]


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    what, hane, db = sys.argv[1:]
    rows = {"reports": reports, "export": export, "screen": screen}[what](
        hane, db)
    print("csv:")
    for m, h, s in rows:
        print("%s,%s,%s" % (m, round(h, 1) if isinstance(h, float) else h,
                            round(s, 1) if isinstance(s, float) else s))


if __name__ == "__main__":
    main()
