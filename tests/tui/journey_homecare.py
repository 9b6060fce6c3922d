"""Journey (#17): Evde Bakım — a care client with a weekly plan gets the
month's visits scheduled (preview, then written), and today's visit is
recorded as done from the day's agenda. Runs with xterm's and PuTTY's
keys (HANE_TUI_KEYS); prints the navigation keys. The client and the
plan are made with the CLI: making them from the console is helper
"console"'s part of #17."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, F, LEFT, Console, Failure,  # noqa
                    Workdir, run, tckn)


def test_client_plan_schedule_visit():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(101), "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    w.hane("homecare", "worker", "add", "Zeynep Kara", "--services", "bakım")
    w.hane("homecare", "client", "add", "1", "--services", "bakım",
           "--start", "01.06.2026", "--needs", "yatalak")
    w.hane("homecare", "plan", "add", "1", "--service", "bakım",
           "--period", "haftalık", "--visits", "2", "--days", "pzt,per",
           "--window", "13:00-16:00", "--duration", "60", "--worker",
           "1", "--from", "2026-06-01")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("4")                               # Evde Bakım
        c.wait("Program oluştur")
        c.type("program")
        c.send(ENTER)
        c.wait("30.06.2026")                      # today to month end
        c.send(F[2])                              # preview
        c.wait("Önizleme: 5 yeni ziyaret")
        c.send(F[2])                              # write
        c.wait("programa yazılsın mı?")
        c.send(LEFT)
        c.send(ENTER)                             # Evet
        c.wait("5 ziyaret oluşturuldu")
        c.wait("Günlük ajanda")                   # the unit's list again
        c.type("günlük")
        c.send(ENTER)                             # today's agenda
        c.wait("13:00–14:00")
        c.send(ENTER)                             # the visit
        c.wait("Ziyaret sonucu")
        c.send(F[2])                              # done, as planned
        c.wait("yapıldı olarak kaydedildi")
        c.nav_report("care schedule → visit")
        out = w.hane("homecare", "visit", "list", "--from", "2026-06-15",
                     "--to", "2026-06-15")
        if "yapıldı" not in out:
            raise Failure("the visit is not recorded:\n" + out)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_client_plan_schedule_visit])
