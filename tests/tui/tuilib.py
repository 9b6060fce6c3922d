"""Drives the real hane binary in a pseudo-terminal and reads the screen.

pexpect gives the pty, pyte renders what hane writes into a screen of
text; tests type keys and poll the rendered text with a deadline (never a
fixed sleep). Run by CTest with HANE, HANE_SOURCE_DIR, HANE_TEST_TMP set.
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

import pexpect
import pyte

HANE = os.environ.get("HANE", "hane")
TMP = os.environ.get("HANE_TEST_TMP", "/tmp")
# Generous: the suite also runs under AddressSanitizer on a busy machine.
DEADLINE = float(os.environ.get("HANE_TUI_DEADLINE", "20"))

# Key sets: the bytes each terminal sends for the same keys. Every test
# uses the module's names (F, UP, …); HANE_TUI_KEYS picks the set, so one
# journey runs with xterm's keys and again with PuTTY's (CTest registers
# tests/tui/journey_*.py once per set).
KEYSETS = {
    # xterm in keypad-transmit mode (see infocmp xterm).
    "xterm": {
        "F": {1: "\x1bOP", 2: "\x1bOQ", 3: "\x1bOR", 4: "\x1bOS",
              5: "\x1b[15~", 6: "\x1b[17~", 7: "\x1b[18~", 8: "\x1b[19~",
              9: "\x1b[20~", 10: "\x1b[21~"},
        "UP": "\x1bOA", "DOWN": "\x1bOB", "RIGHT": "\x1bOC",
        "LEFT": "\x1bOD", "HOME": "\x1bOH", "END": "\x1bOF",
        "BTAB": "\x1b[Z", "TERM": "xterm-256color"},
    # PuTTY as installed (keyboard "ESC[n~", TERM "xterm"): rxvt's F1-F4,
    # VT220 Home/End, normal-mode cursor keys.
    "putty": {
        "F": {1: "\x1b[11~", 2: "\x1b[12~", 3: "\x1b[13~", 4: "\x1b[14~",
              5: "\x1b[15~", 6: "\x1b[17~", 7: "\x1b[18~", 8: "\x1b[19~",
              9: "\x1b[20~", 10: "\x1b[21~"},
        "UP": "\x1b[A", "DOWN": "\x1b[B", "RIGHT": "\x1b[C",
        "LEFT": "\x1b[D", "HOME": "\x1b[1~", "END": "\x1b[4~",
        "BTAB": "\x1b[Z", "TERM": "xterm"},
    # PuTTY's "Linux" keyboard mode, like the Linux console: F1-F5 differ.
    "putty-linux": {
        "F": {1: "\x1b[[A", 2: "\x1b[[B", 3: "\x1b[[C", 4: "\x1b[[D",
              5: "\x1b[[E", 6: "\x1b[17~", 7: "\x1b[18~", 8: "\x1b[19~",
              9: "\x1b[20~", 10: "\x1b[21~"},
        "UP": "\x1b[A", "DOWN": "\x1b[B", "RIGHT": "\x1b[C",
        "LEFT": "\x1b[D", "HOME": "\x1b[1~", "END": "\x1b[4~",
        "BTAB": "\x1b[Z", "TERM": "xterm"},
    # PuTTY's "VT100+" mode: every F-key as ESC O letter.
    "putty-vt100": {
        "F": {1: "\x1bOP", 2: "\x1bOQ", 3: "\x1bOR", 4: "\x1bOS",
              5: "\x1bOT", 6: "\x1bOU", 7: "\x1bOV", 8: "\x1bOW",
              9: "\x1bOX", 10: "\x1bOY"},
        "UP": "\x1bOA", "DOWN": "\x1bOB", "RIGHT": "\x1bOC",
        "LEFT": "\x1bOD", "HOME": "\x1b[1~", "END": "\x1b[4~",
        "BTAB": "\x1b[Z", "TERM": "xterm"},
}
KEYS = os.environ.get("HANE_TUI_KEYS", "xterm")
if KEYS not in KEYSETS:
    raise SystemExit("HANE_TUI_KEYS=%s: not one of %s" %
                     (KEYS, ", ".join(sorted(KEYSETS))))
_K = KEYSETS[KEYS]
F = dict(_K["F"])
UP, DOWN, RIGHT, LEFT = _K["UP"], _K["DOWN"], _K["RIGHT"], _K["LEFT"]
HOME, END, BTAB = _K["HOME"], _K["END"], _K["BTAB"]
ESC = "\x1b"
ENTER = "\r"
TAB = "\t"
BACKSPACE = "\x7f"


def key_name(seq):
    """A key's name for the navigation count ("F2", "Enter", "↓")."""
    names = {ENTER: "Enter", TAB: "Tab", ESC: "Esc", BTAB: "Shift-Tab",
             UP: "↑", DOWN: "↓", LEFT: "←", RIGHT: "→", HOME: "Home",
             END: "End", BACKSPACE: "Backspace", " ": "Space"}
    for n, v in F.items():
        names[v] = "F%d" % n
    return names.get(seq, seq)


def tckn(n):
    """A checksum-valid TC Kimlik No made from n (like tu_tckn)."""
    d = [int(c) for c in "%09d" % (100000000 + n % 800000000)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7
           - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    return "".join(map(str, d)) + str(d10) + str(d11)


def bad_tckn(n):
    """Same digits as tckn(n) with the last check digit wrong."""
    t = tckn(n)
    return t[:10] + str((int(t[10]) + 1) % 10)


class Failure(Exception):
    pass


class _Screen(pyte.Screen):
    """pyte's screen plus what ncurses sends for xterm that pyte does not
    know: REP (repeat the last character, CSI n b: runs of spaces when a
    line is cleared), SU/SD (CSI n S / T: scroll the region). Without them
    old text stays on the rendered screen where the real terminal has
    none."""

    _last = None

    def draw(self, data):
        if data:
            self._last = data[-1]
        super().draw(data)

    def repeat_last(self, count=1, *args, **kwargs):
        if self._last:
            super().draw(self._last * max(count, 1))

    def _scroll(self, count, up):
        top, bottom = (self.margins or pyte.screens.Margins(
            0, self.lines - 1))
        saved = (self.cursor.x, self.cursor.y)
        for _ in range(max(count, 1)):
            if up:
                self.cursor.y = bottom
                self.index()
            else:
                self.cursor.y = top
                self.reverse_index()
        self.cursor.x, self.cursor.y = saved

    def scroll_up(self, count=1, *args, **kwargs):
        self._scroll(count, True)

    def scroll_down(self, count=1, *args, **kwargs):
        self._scroll(count, False)


class _ByteStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, b="repeat_last", S="scroll_up",
               T="scroll_down")


class Workdir:
    """A temporary folder with a fresh database made by the CLI (a demo
    database with demo=True: generated data goes only there)."""

    def __init__(self, demo=False):
        os.makedirs(TMP, exist_ok=True)
        self.dir = tempfile.mkdtemp(prefix="tui.", dir=TMP)
        self.db = os.path.join(self.dir, "test.db")
        self.env = dict(os.environ)
        for k in ("NO_COLOR", "HANE_USER", "HANE_DB", "LC_ALL"):
            self.env.pop(k, None)
        self.env.update({"TERM": _K["TERM"], "HANE_LANG": "tr",
                         "HANE_NOW": "2026-06-15 12:04:00",
                         "LANG": "C.UTF-8"})
        self.hane("init", "--demo") if demo else self.hane("init")

    def hane(self, *args):
        r = subprocess.run([HANE, "--db", self.db] + list(args),
                           env=self.env, capture_output=True, text=True)
        if r.returncode != 0:
            raise Failure("hane %s: %s%s" % (" ".join(args), r.stdout,
                                              r.stderr))
        return r.stdout

    def cleanup(self):
        subprocess.run(["rm", "-rf", self.dir])


class Console:
    """hane in a pty of rows x cols, its screen rendered by pyte."""

    def __init__(self, work, rows=24, cols=80, args=(), env=None):
        self.rows, self.cols = rows, cols
        e = dict(work.env)
        e.update(env or {})
        self.screen = _Screen(cols, rows)
        self.stream = _ByteStream(self.screen)
        self.raw = b""
        self.nav = []  # keys sent with send(): the navigation keys
        self.child = pexpect.spawn(HANE, ["--db", work.db] + list(args),
                                   env=e, dimensions=(rows, cols))

    def pump(self, wait=0.05):
        """Feeds whatever hane wrote so far into the screen."""
        try:
            while True:
                data = self.child.read_nonblocking(65536, timeout=wait)
                self.raw += data
                self.stream.feed(data)
                wait = 0.01
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            pass

    def text(self):
        return "\n".join(self.screen.display)

    def line(self, y):
        return self.screen.display[y]

    def wait(self, what, timeout=DEADLINE):
        """Polls until `what` (text, or a predicate on the screen text)
        shows; fails with the screen when the deadline passes."""
        end = time.time() + timeout
        while True:
            self.pump()
            t = self.text()
            ok = what(t) if callable(what) else what in t
            if ok:
                return t
            if time.time() > end:
                raise Failure("timed out waiting for %r; screen:\n%s" %
                              (what, t))

    def wait_flowing(self, what, timeout=DEADLINE):
        """Waits for `what` as a dialog shows it: wrapped over lines
        (a long path moves the breaks) inside box borders."""
        words = " ".join(what.split())
        return self.wait(
            lambda t: words in " ".join(t.replace("\u2502", " ").split()),
            timeout)

    def wait_gone(self, what, timeout=DEADLINE):
        return self.wait(lambda t: what not in t, timeout)

    def send(self, keys):
        """Sends one key (its bytes at once, as a terminal does); counted
        as a navigation key."""
        self.nav.append(key_name(keys))
        self.child.send(keys.encode("utf-8"))

    def type(self, text):
        """Types text one character at a time, as a person would: data,
        not counted as navigation."""
        for ch in text:
            self.child.send(ch.encode("utf-8"))

    def nav_report(self, what):
        """Prints the navigation keys sent so far (every key but the data
        typed) and returns how many."""
        print("%s [%s keys]: %d navigation keys: %s" %
              (what, KEYS, len(self.nav), " ".join(self.nav)))
        sys.stdout.flush()
        return len(self.nav)

    def resize(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    def wait_exit(self, timeout=DEADLINE):
        end = time.time() + timeout
        while self.child.isalive():
            self.pump()
            if time.time() > end:
                raise Failure("hane did not exit; screen:\n" + self.text())
        self.pump()
        status, sig = self.child.exitstatus, self.child.signalstatus
        self.child.close()
        self.check_sanitizers()
        return status, sig

    def check_sanitizers(self):
        """Under scripts/test's ASan build, reports land on the pty."""
        for mark in (b"Sanitizer", b"runtime error:"):
            if mark in self.raw:
                i = self.raw.index(mark)
                raise Failure("sanitizer report:\n" +
                              self.raw[max(0, i - 200):i + 2000].decode(
                                  "utf-8", "replace"))

    def close(self):
        """Quits with F10 when still running (so leaks are checked at a
        normal exit), answering "Evet" when typed text makes it ask,
        killing only if that does not work."""
        if self.child.closed:
            return
        if self.child.isalive():
            try:
                self.child.send(F[10].encode())
                end = time.time() + DEADLINE
                asked = False
                while self.child.isalive() and time.time() < end:
                    self.pump()
                    if not asked and "çıkılsın mı" in self.text():
                        asked = True
                        self.child.send((LEFT + ENTER).encode())
            except OSError:
                pass
        if self.child.isalive():
            self.child.kill(signal.SIGKILL)
        self.pump()
        self.child.close(force=True)
        self.check_sanitizers()


def run(tests):
    """Runs test functions, printing a CTest-friendly summary."""
    failed = 0
    for t in tests:
        start = time.time()
        try:
            t()
            print("ok   %s (%.1fs)" % (t.__name__, time.time() - start))
        except Exception as e:  # noqa: report every failure the same way
            failed += 1
            print("FAIL %s: %s" % (t.__name__, e))
        sys.stdout.flush()
    print("%d passed, %d failed" % (len(tests) - failed, failed))
    sys.exit(1 if failed else 0)
