"""Yönetim: administrators only; add a staff member with a password through
the form, lock and unlock, change a security setting, and read the audit
trail with a filter."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (LEFT, DOWN, ENTER, ESC, F, TAB, Console, Failure,  # noqa
                    Workdir, run, tckn)

PW = "uzun-bir-parola-1"


def sql(w, query):
    r = subprocess.run(["sqlite3", w.db, query], capture_output=True,
                       text=True)
    return r.stdout.strip()


def test_only_administrators():
    w = Workdir()
    w.hane("staff", "add", "rapor", "--name", "Rapor Kişi", "--role",
           "reporter")
    c = Console(w, 24, 80, ("--user", "rapor"))
    try:
        c.wait("Ana Menü")
        c.send("8")
        c.wait("staff.admin")                     # says what is missing
        c.send(ENTER)
        c.wait_gone("staff.admin")
        c.wait("Ana Menü")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_add_staff_lock_and_settings():
    w = Workdir()
    c = Console(w, 40, 120, env={"HANE_PWHASH_FAST": "1"})
    try:
        c.wait("Ana Menü")
        c.send("8")
        c.wait("Güvenlik ayarları")
        c.send(ENTER)                             # Personel
        c.wait("personel")
        c.send(F[5])
        c.wait("Yeni personel")
        c.type("ayse.k")
        c.send(TAB)
        c.type("Ayşe Kara")
        c.send(TAB)                               # role: Sosyal çalışmacı
        c.send(TAB)                               # unit
        c.send(ENTER)
        c.wait("Seçenek")
        c.type("gıda")
        c.wait("Gıda Bankası")
        c.send(ENTER)
        c.send(TAB)                               # OS account: none
        c.send(TAB)
        c.type(PW)
        t = c.wait("*" * len(PW))
        if PW in t:
            raise Failure("password shown on screen:\n" + t)
        c.send(TAB)
        c.type(PW[:-1] + "x")                     # mistyped
        c.send(F[2])
        c.wait("Parolalar aynı değil")
        for _ in range(len(PW)):
            c.send("\x7f")
        c.type(PW)
        c.send(F[2])
        c.wait("ayse.k eklendi")
        c.wait("Ayşe Kara")
        c.wait("Gıda Bankası")
        got = sql(w, "SELECT role, unit, password_hash IS NOT NULL,"
                  " active FROM staff WHERE username='ayse.k'")
        if got != "caseworker|foodbank|1|1":
            raise Failure("stored %r" % got)
        if PW in open(w.db, "rb").read().decode("latin-1"):
            raise Failure("password in the database file")
        # The new account logs in with that password.
        env = dict(w.env, HANE_LOGIN="password", HANE_PASSWORD=PW,
                   HANE_PWHASH_FAST="1")
        r = subprocess.run([os.environ.get("HANE", "hane"), "--db", w.db,
                            "--user", "ayse.k", "household", "search",
                            "x"], env=env, capture_output=True, text=True)
        if r.returncode != 0:
            raise Failure("login with the new password: " + r.stderr)

        c.send(F[6])                              # lock
        c.wait("kilitlensin mi")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait("kilitli")
        if not sql(w, "SELECT locked_until FROM staff WHERE"
                   " username='ayse.k'").startswith("9999"):
            raise Failure("not locked")
        c.send(F[6])
        c.wait("kilidi açılsın mı")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait_gone("kilitli")
        c.send(F[7])                              # deactivate
        c.wait("pasifleştirilsin mi")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait("pasif")
        if sql(w, "SELECT active FROM staff WHERE username='ayse.k'") != "0":
            raise Failure("not deactivated")
        c.send(ESC)
        c.wait("Güvenlik ayarları")

        c.send(DOWN)
        c.send(ENTER)                             # Güvenlik ayarları
        c.wait("Kilitlemeden önce hatalı parola")
        c.send(ENTER)
        c.wait("Ayarı değiştir")
        for _ in range(3):
            c.send("\x7f")
        c.type("500")
        c.send(F[2])
        c.wait("1 ile 100 arasında")              # the model's range
        for _ in range(3):
            c.send("\x7f")
        c.type("3")
        c.send(F[2])
        c.wait("Kaydedildi")
        if sql(w, "SELECT value FROM security_setting WHERE"
               " name='lockout_threshold'") != "3":
            raise Failure("setting not saved")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_audit_screen_with_filter():
    w = Workdir()
    num = tckn(61)
    w.hane("household", "add", "--tckn", num, "--first", "Şükrü",
           "--last", "Yılmaz")
    w.hane("household", "add", "--tckn", tckn(62), "--first", "Ayşe",
           "--last", "Kaya")
    w.hane("staff", "add", "rapor", "--name", "Rapor Kişi", "--role",
           "reporter")
    w.hane("--user", "rapor", "household", "show", "1")
    c = Console(w, 40, 120)
    try:
        c.wait("Ana Menü")
        c.send("8")
        c.wait("Denetim kaydı")
        c.send(DOWN)
        c.send(DOWN)
        c.send(ENTER)
        c.wait("hane görüntülendi")
        c.wait("kayıt")
        c.send(F[7])                              # Süz
        c.wait("Denetim kaydını süz")
        c.type("rapor")
        c.send(TAB)
        c.type(num)
        c.send(F[2])
        c.wait_gone("Denetim kaydını süz")
        t = c.wait(lambda t: "kişi görüntülendi" in t and
                   "kayıt eklendi" not in t)
        for line in t.splitlines()[3:-2]:
            if "görüntülendi" in line and "rapor" not in line:
                raise Failure("filter let another user through:\n" + t)
        c.send(ENTER)                             # one row in full
        c.wait("Denetim kaydı #")
        c.send(ENTER)
        c.wait_gone("Denetim kaydı #")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    n = sql(w, "SELECT count(*) FROM audit WHERE action='audit.view'")
    if int(n) < 2:
        raise Failure("audit queries not logged (%s)" % n)
    w.cleanup()


def audit_rows(c):
    """The audit list's rows (between the header and the status line)."""
    return [l for l in c.text().splitlines()[3:-2] if l.strip()]


def test_audit_in_words_at_80x24():
    """#17: the audit screen says what happened in words (not
    "person.view"), times as dd.mm.yyyy HH:MM, and the OS account when
    it is not the staff member's (root acting with --user); the action
    filter is a list of those words (type-ahead picks one); English with
    --lang en."""
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(63), "--first", "Şükrü",
           "--last", "Yılmaz")
    w.hane("staff", "add", "rapor", "--name", "Rapor Kişi", "--role",
           "reporter")
    w.hane("--user", "rapor", "household", "show", "1")
    os_user = os.environ.get("USER") or subprocess.run(
        ["id", "-un"], capture_output=True, text=True).stdout.strip()
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("8")
        c.wait("Denetim kaydı")
        c.send(DOWN)
        c.send(DOWN)
        c.send(ENTER)
        t = c.wait("kişi görüntülendi")
        for raw in ("person.view", "household.view", "insert",
                    "2026-06-15"):
            if raw in t:
                raise Failure("%r on the audit screen:\n%s" % (raw, t))
        c.wait("15.06.2026 12:04")
        c.wait("OS hesabı")
        # rapor's reads were made by the OS account running the tests
        rows = [r for r in audit_rows(c) if " rapor " in r]
        if not rows or not all(os_user in r for r in rows):
            raise Failure("rapor's rows lack the OS account %r:\n%s" %
                          (os_user, c.text()))
        # The action filter: the words, picked by typing.
        c.send(F[7])
        c.wait("Denetim kaydını süz")
        for _ in range(4):
            c.send(TAB)
        c.type("kişi gö")
        c.wait(lambda t: any("Eylem" in l and "kişi görüntülendi" in l
                             for l in t.splitlines()))
        c.send(F[2])
        c.wait_gone("Denetim kaydını süz")
        t = c.wait(lambda t: "kişi görüntülendi" in t and
                   "kayıt eklendi" not in t)
        for r in audit_rows(c):
            if "kişi görüntülendi" not in r:
                raise Failure("filter let another action through:\n" + t)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
    c = Console(w, args=("--lang", "en"))
    try:
        c.wait("Main")
        c.send("8")
        c.wait("Audit")
        c.send(DOWN)
        c.send(DOWN)
        c.send(ENTER)
        t = c.wait("person viewed")
        c.wait("15.06.2026 12:04")
        if "person.view" in t or "kişi" in t:
            raise Failure("not in English:\n" + t)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_only_administrators, test_add_staff_lock_and_settings,
         test_audit_screen_with_filter, test_audit_in_words_at_80x24])
