"""Journey (#17): Evde Bakım — a registry person is taken on as a care
client and given a weekly plan from the person page (its Evde Bakım row), the
month's visits are scheduled (preview, then written) and today's visit
is recorded as done from the day's agenda: all in the console. Only the
caregiver is set up with the CLI (the unit's workers are the
supervisor's, not the desk's). Runs with xterm's and PuTTY's keys
(HANE_TUI_KEYS); prints the navigation keys."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (DOWN, ENTER, ESC, F, LEFT, RIGHT, TAB, Console,  # noqa
                    Failure, Workdir, run, tckn)


def test_client_plan_schedule_visit():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(101), "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    w.hane("homecare", "worker", "add", "Zeynep Kara", "--services", "bakım")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("1")                               # Haneler
        c.wait("Ara:")
        c.type("şükrü")
        c.wait("Yılmaz")
        c.send(ENTER)                             # the household
        c.wait("Hane 360")
        c.send(ENTER)                             # its head's page
        c.wait("Kişi No 1")
        c.wait("danışan değil · Enter ekler")
        c.send(DOWN)                              # under Engelsiz Taksi
        c.send(ENTER)                             # the Evde Bakım row
        c.wait("Yeni danışan: Şükrü Yılmaz")
        c.wait("15.06.2026")                      # starts today
        c.send(TAB)
        c.send(TAB)                               # İhtiyaçlar
        c.type("yatalak, yalnız")
        c.send(F[2])
        c.wait("Yeni bakım planı: danışan #1")    # the plan follows
        c.wait("Danışan #1 kaydedildi")
        c.send(TAB)                               # Sıklık: haftalık
        c.send(TAB)
        c.type("2")                               # Ziyaret sayısı
        c.send(TAB)
        c.type("pzt,per")
        c.send(TAB)
        c.type("13:00-16:00")
        c.send(TAB)                               # Süre: 60
        c.send(TAB)
        c.send(RIGHT)                             # Personel: Zeynep Kara
        c.wait("Zeynep Kara")
        c.send(F[2])
        c.wait("Plan #1 eklendi")
        c.wait("danışan #1 · sonraki — · hafta")  # no visit yet; the
                                                  # plan (cut at 80)
        for _ in range(3):                        # person, household,
            c.send(ESC)                           # search
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
        c.nav_report("new care client → plan → schedule → visit")
        db = sqlite3.connect(w.db)
        client = db.execute("SELECT person_id, services, start_date, needs"
                            " FROM homecare_client").fetchall()
        plan = db.execute("SELECT service, period, visits, days,"
                          " window_start, window_end, duration_min,"
                          " worker_id FROM homecare_plan").fetchall()
        db.close()
        if client != [(1, "care", "2026-06-15", "bedridden,alone")]:
            raise Failure("client: %r" % client)
        if plan != [("care", "week", 2, "14", "13:00", "16:00", 60, 1)]:
            raise Failure("plan: %r" % plan)
        out = w.hane("homecare", "visit", "list", "--from", "2026-06-15",
                     "--to", "2026-06-15")
        if "yapıldı" not in out:
            raise Failure("the visit is not recorded:\n" + out)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_client_plan_schedule_visit])
