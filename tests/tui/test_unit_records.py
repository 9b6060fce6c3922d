"""The units' own records kept in the console (#17 item 1, #21) at 80x24:
home care's caregivers and teams (F5 add, F4 edit, F7 inactive) and its
settings; the person page's Evde Bakım row making a care client whose bad
needs word is refused under the field; a plan changed from the client
page. After
each save the database holds what was typed (and nothing after a
refusal); a caseworker is not offered the supervisor's changes."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, DOWN, ENTER, ESC, F, LEFT, RIGHT, TAB,  # noqa
                    Console, Failure, Workdir, run, tckn)


def sql(w, query):
    r = subprocess.run(["sqlite3", w.db, query], capture_output=True,
                       text=True)
    return r.stdout.strip()


def bar(c):
    return c.line(c.rows - 1)


def audited(w, table):
    return int(sql(w, "SELECT count(*) FROM audit WHERE tbl='%s'"
                   % table) or 0)


def homecare_task(c, word, title):
    c.wait("Ana Menü")
    c.send("4")
    c.wait("Günlük ajanda")
    c.type(word)
    c.wait("Ara: " + word)
    c.send(ENTER)
    c.wait(title)


def test_workers_and_settings():
    w = Workdir()
    c = Console(w)
    try:
        homecare_task(c, "personel", "0 personel/ekip")
        for k in ("F4 Düzenle", "F5 Yeni", "F7 Etkin/Pasif", "Esc Geri"):
            if k not in bar(c):
                raise Failure("workers bar lacks %r: %s" % (k, bar(c)))
        c.send(F[5])
        c.wait("Yeni personel ya da ekip")
        c.type("Ayşe Demir")
        c.send(TAB)
        c.send(RIGHT)                             # temizlik ekibi
        c.send(TAB)
        c.send(RIGHT)                             # Temizlik
        c.send(TAB)
        c.type("pzt çar")
        c.send(TAB)
        c.type("0532 111 22 33")
        c.send(F[2])
        c.wait("Personel #1 kaydedildi: Ayşe Demir")
        c.wait("1 personel/ekip")
        row = sql(w, "SELECT name, kind, services, work_days, active"
                  " FROM homecare_worker")
        if row != "Ayşe Demir|team|cleaning|13|1":
            raise Failure("worker saved as %r" % row)
        if "5321112233" not in sql(w, "SELECT phone FROM homecare_worker"):
            raise Failure("phone not saved")
        # A bad phone: refused under the field, nothing saved.
        c.send(F[4])
        c.wait("Personel #1 Ayşe Demir")
        for _ in range(4):
            c.send(TAB)
        for _ in range(14):
            c.send(BACKSPACE)
        c.type("12")
        c.send(F[2])
        c.wait("geçerli bir telefon numarası değil")
        if "5321112233" not in sql(w, "SELECT phone FROM homecare_worker"):
            raise Failure("a refused phone was saved")
        for _ in range(2):
            c.send(BACKSPACE)
        c.type("0532 111 22 44")
        c.send(TAB)
        c.send(LEFT)                              # Etkin: Hayır
        c.send(F[2])
        c.wait("Personel #1 kaydedildi")
        row = sql(w, "SELECT phone LIKE '%5321112244', active, version"
                  " FROM homecare_worker")
        if row != "1|0|2":
            raise Failure("worker edit saved as %r" % row)
        c.wait("pasif")
        # F7 makes it active again, after the question (opens on Hayır).
        c.send(F[7])
        c.wait("yeniden etkin yapılsın mı?")
        c.send(LEFT)
        c.send(ENTER)
        c.wait("Ayşe Demir yeniden etkin")
        if sql(w, "SELECT active FROM homecare_worker") != "1":
            raise Failure("F7 did not activate")
        if audited(w, "homecare_worker") < 3:
            raise Failure("worker writes not audited")
        c.send(ESC)
        c.wait("Birim ayarları")
        c.type("ayar")
        c.wait("Ara: ayar")
        c.send(ENTER)
        c.wait("Mahalleler arası yol")
        c.send(BACKSPACE)
        c.type("5")
        c.send(TAB)
        c.send(BACKSPACE)
        c.send(BACKSPACE)
        c.type("300")
        c.send(F[2])
        c.wait("0 ile 240 arasında")              # range, under the field
        if sql(w, "SELECT value FROM homecare_setting WHERE"
               " name='travel_default_min'") != "20":
            raise Failure("a refused setting was saved")
        for _ in range(3):
            c.send(BACKSPACE)
        c.type("30")
        c.send(F[2])
        c.wait("aynı mahalle 5 dk, mahalleler arası 30 dk")
        rows = sql(w, "SELECT name, value FROM homecare_setting ORDER BY"
                   " name")
        if rows != "travel_default_min|30\ntravel_same_min|5":
            raise Failure("settings saved as %r" % rows)
        # One pair of mahalleler: an unknown name is refused under its
        # field and nothing is written; then the pair is saved.
        c.wait("Birim ayarları")
        c.type("ayar")
        c.wait("Ara: ayar")
        c.send(ENTER)
        c.wait("Bir mahalle çiftinin yol süresi")
        c.send(TAB)
        c.send(TAB)                               # Mahalle
        c.type("gündoğdu")
        c.send(TAB)
        c.type("Yokyer")
        c.send(TAB)
        c.type("10")
        c.send(F[2])
        c.wait("Yokyer")                          # named under the field
        if sql(w, "SELECT count(*) FROM homecare_travel") != "0":
            raise Failure("a refused pair was saved")
        for _ in range(len("Yokyer")):
            c.send(BACKSPACE)
        c.type("serdar")
        c.send(F[2])
        c.wait("Gündoğdu ⇄ Serdar 10 dk")
        rows = sql(w, "SELECT mahalle_a, mahalle_b, minutes FROM"
                   " homecare_travel")
        if rows != "Gündoğdu|Serdar|10":
            raise Failure("pair saved as %r" % rows)
    finally:
        c.close()
        w.cleanup()


def test_caseworker_sees_no_changes():
    w = Workdir()
    w.hane("staff", "add", "bakim", "--name", "Bakım Personeli", "--role",
           "caseworker", "--unit", "homecare")
    w.hane("homecare", "worker", "add", "Zeynep Kara")
    c = Console(w, args=("--user", "bakim"))
    try:
        homecare_task(c, "personel", "Zeynep Kara")
        for k in ("F4", "F5", "F7"):
            if k + " " in bar(c):
                raise Failure("caseworker offered %s: %s" % (k, bar(c)))
        c.send(F[5])
        c.wait("F5 bu ekranda kullanılmıyor")
        c.send(ESC)
        c.wait("Birim ayarları")
        c.type("ayar")
        c.wait("Ara: ayar")
        c.send(ENTER)
        c.wait("yetki")                           # the permission message
    finally:
        c.close()
        w.cleanup()



def gulay_person_page(c):
    """From the main menu: F3, Gülay Çelik, her person page."""
    c.wait("Ana Menü")
    c.send(F[3])
    c.type("gülay")
    c.wait("Çelik")
    c.send(ENTER)
    c.wait("Hane 360")

def test_client_and_plan_forms():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(7), "--first", "Gülay",
           "--last", "Çelik", "--mahalle", "serdar")
    w.hane("homecare", "worker", "add", "Zeynep Kara")
    c = Console(w)
    try:
        gulay_person_page(c)
        c.send(ENTER)
        c.wait("danışan değil · Enter ekler")
        c.send(DOWN)                              # under Engelsiz Taksi
        c.send(ENTER)
        c.wait("Yeni danışan: Gülay Çelik")
        c.send(RIGHT)
        c.send(RIGHT)                             # Bakım ve temizlik
        c.send(TAB)
        c.send(TAB)
        c.type("yatalak, uçan halı")
        c.send(F[2])
        c.wait("uçan halı")                       # the word, under it
        if sql(w, "SELECT count(*) FROM homecare_client") != "0":
            raise Failure("a refused client was saved")
        for _ in range(len(", uçan halı")):
            c.send(BACKSPACE)
        c.send(TAB)
        c.type("Kızı hafta sonları gelir")
        c.send(F[2])
        c.wait("Yeni bakım planı: danışan #1")
        row = sql(w, "SELECT person_id, services, needs, notes FROM"
                  " homecare_client")
        if row != "1|both|bedridden|Kızı hafta sonları gelir":
            raise Failure("client saved as %r" % row)
        # The window must hold the visit: refused under the field.
        c.send(TAB)
        c.send(TAB)
        c.type("1")
        c.send(TAB)
        c.send(TAB)
        c.type("09:00-09:30")
        c.send(F[2])
        c.wait("saat aralığı ziyaret süresine yetmiyor")
        if sql(w, "SELECT count(*) FROM homecare_plan") != "0":
            raise Failure("a refused plan was saved")
        for _ in range(5):
            c.send(BACKSPACE)
        c.type("12:00")
        c.send(F[2])
        c.wait("Plan #1 eklendi")
        row = sql(w, "SELECT client_id, service, period, visits, days,"
                  " window_start, window_end, worker_id FROM homecare_plan")
        if row != "1|care|week|1||09:00|12:00|":
            raise Failure("plan saved as %r" % row)
        # The row opens the client's page now; F6 changes a plan.
        c.wait("danışan #1 · sonraki")
        c.send(ENTER)
        c.wait("Bakım planları")
        for k in ("F4 Düzenle", "F5 Plan ekle", "F6 Planlar"):
            if k not in bar(c):
                raise Failure("client page bar lacks %r: %s" % (k, bar(c)))
        c.send(F[6])
        c.wait("#1 Bakım")
        c.send(ENTER)
        c.wait("Bakım planı #1 Gülay Çelik")
        c.send(TAB)
        c.send(RIGHT)                             # aylık
        c.send(F[2])
        c.wait("Plan #1 kaydedildi")
        if sql(w, "SELECT period, version FROM homecare_plan") != "month|2":
            raise Failure("plan edit not saved")
        # F4 on the client page: dropping a service an open plan gives is
        # refused (the model's rule); the needs shown as words save back
        # as the same codes, so saving them unchanged changes nothing.
        c.wait("Bakım planları")
        c.send(F[4])
        c.wait("yatağa bağımlı")
        c.send(LEFT)                              # Temizlik
        c.send(F[2])
        c.wait("açık bir Bakım planı var")
        c.send(ENTER)                             # the dialog's Tamam
        c.wait_gone("açık bir Bakım planı var")
        if sql(w, "SELECT services FROM homecare_client") != "both":
            raise Failure("a refused service change was saved")
        c.send(RIGHT)                             # Bakım ve temizlik
        c.send(F[2])
        c.wait("Danışan #1 kaydedildi")
        row = sql(w, "SELECT services, needs, version FROM homecare_client")
        if row != "both|bedridden|1":
            raise Failure("an unchanged client saved as %r" % row)
        if audited(w, "homecare_client") < 1 or \
                audited(w, "homecare_plan") < 2:
            raise Failure("client and plan writes not audited")
    finally:
        c.close()
        w.cleanup()


def foodbank_task(c, word, title, menu=True):
    """Opens a food bank task by typing in the unit's menu (menu: from
    the main menu; else the unit's menu is open)."""
    if menu:
        c.wait("Ana Menü")
        c.send("3")
    c.wait("Paket türleri")
    c.type(word)
    c.wait("Ara: " + word)
    c.send(ENTER)
    c.wait(title)


def test_foodbank_reference():
    w = Workdir()
    c = Console(w)
    try:
        # Branches with their collection days.
        foodbank_task(c, "günleri", "Gölcük")
        for k in ("F4 Düzenle", "F5 Yeni", "F7 Etkin/Pasif"):
            if k not in bar(c):
                raise Failure("branches bar lacks %r: %s" % (k, bar(c)))
        c.send(F[5])
        c.wait("Yeni: Şube")
        c.type("golcuk")                          # taken, folded
        c.send(TAB)
        c.type("pzt per")
        c.send(F[2])
        c.wait("'Gölcük' zaten var")
        if sql(w, "SELECT count(*) FROM fb_branch") != "6":
            raise Failure("a refused branch was saved")
        for _ in range(len("golcuk")):           # the cursor is there
            c.send(BACKSPACE)
        c.type("Kartepe")
        c.send(F[2])
        c.wait("Kartepe kaydedildi")
        if sql(w, "SELECT name, days, active FROM fb_branch WHERE"
               " name='Kartepe'") != "Kartepe|14|1":
            raise Failure("branch saved as %r" % sql(
                w, "SELECT * FROM fb_branch WHERE name='Kartepe'"))
        c.send(F[4])                              # Kartepe is selected
        c.wait("Şube: Kartepe")
        c.send(TAB)
        for _ in range(len("Pzt, Per")):
            c.send(BACKSPACE)
        c.type("cmt")
        c.send(F[2])
        c.wait("Kartepe kaydedildi")
        if sql(w, "SELECT days, version FROM fb_branch WHERE"
               " name='Kartepe'") != "6|2":
            raise Failure("branch days not saved")
        c.send(ESC)
        # Markets: add, a name taken is refused, F7 makes one inactive.
        foodbank_task(c, "marketler", "kayıt", False)
        c.send(F[5])
        c.wait("Yeni: Market")
        c.type("Mahalle Pazarı")
        c.send(F[2])
        c.wait("Mahalle Pazarı kaydedildi")
        if sql(w, "SELECT count(*) FROM fb_market WHERE"
               " name='Mahalle Pazarı' AND active=1") != "1":
            raise Failure("market not saved")
        c.send(F[7])
        c.wait("Mahalle Pazarı pasif yapılsın mı?")
        c.send(LEFT)
        c.send(ENTER)
        c.wait("Mahalle Pazarı pasif yapıldı")
        if sql(w, "SELECT active FROM fb_market WHERE"
               " name='Mahalle Pazarı'") != "0":
            raise Failure("F7 did not make the market inactive")
        c.send(ESC)
        # Package types: add one with a limit, then change the limit.
        foodbank_task(c, "paket tür", "Standart", False)
        c.send(F[5])
        c.wait("Yeni: Paket")
        c.type("Ramazan kolisi")                  # not a code
        c.send(TAB)
        c.type("Ramazan kolisi")
        c.send(TAB)
        c.send(TAB)
        c.send(BACKSPACE)
        c.type("365")
        c.send(F[2])
        c.wait("küçük harf, rakam ya da _ olmalı")
        n = sql(w, "SELECT count(*) FROM fb_package_type")
        for _ in range(len("Ramazan kolisi")):   # the cursor is there
            c.send(BACKSPACE)
        c.type("ramazan")
        c.send(F[2])
        c.wait("Ramazan kolisi kaydedildi")
        row = sql(w, "SELECT code, name_tr, name_en, limit_days, active"
                  " FROM fb_package_type WHERE code='ramazan'")
        if row != "ramazan|Ramazan kolisi|Ramazan kolisi|365|1":
            raise Failure("package saved as %r (%s before)" % (row, n))
        c.send(F[4])
        c.wait("Paket: ramazan")
        c.send(TAB)
        for _ in range(3):
            c.send(BACKSPACE)
        c.type("300")
        c.send(F[2])
        c.wait("Ramazan kolisi kaydedildi")
        if sql(w, "SELECT limit_days FROM fb_package_type WHERE"
               " code='ramazan'") != "300":
            raise Failure("limit not saved")
        for t in ("fb_branch", "fb_market", "fb_package_type"):
            if audited(w, t) < 2:
                raise Failure("%s writes not audited" % t)
    finally:
        c.close()
        w.cleanup()


def test_foodbank_caseworker_sees_no_changes():
    w = Workdir()
    w.hane("staff", "add", "gida", "--name", "Gıda Personeli", "--role",
           "caseworker", "--unit", "foodbank")
    c = Console(w, args=("--user", "gida"))
    try:
        foodbank_task(c, "günleri", "Gölcük")
        for k in ("F4", "F5", "F7"):
            if k + " " in bar(c):
                raise Failure("caseworker offered %s: %s" % (k, bar(c)))
        c.send(F[5])
        c.wait("F5 bu ekranda kullanılmıyor")
    finally:
        c.close()
        w.cleanup()


def test_person_rows_refused_for_a_reporter():
    """Enter on a unit's row of the person page, for someone who is not
    the unit's yet, by a role that reads but may not add (reporter): the
    taxi says which permission is missing in a dialog, home care says
    "danışan değil" in the status line; nothing opens (hane_ui_may_add)."""
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(7), "--first", "Gülay",
           "--last", "Çelik", "--mahalle", "serdar")
    w.hane("staff", "add", "rapor", "--name", "Rapor Kişi", "--role",
           "reporter")
    c = Console(w, 24, 80, ("--user", "rapor"))
    try:
        gulay_person_page(c)
        c.send(ENTER)
        c.wait("danışan değil")
        c.wait(lambda t: "▶Engelsiz Taksi" in t)
        c.send(ENTER)
        c.wait("'taxi.write' yetkisi yok")
        c.send(ENTER)                             # Tamam
        c.wait_gone("'taxi.write' yetkisi yok")
        c.send(DOWN)
        c.wait(lambda t: "▶Evde Bakım" in t)
        c.send(ENTER)
        c.wait(lambda t: "danışan değil" in c.line(22))
        t = c.text()
        if "Yeni danışan" in t or "Yeni yolcu" in t:
            raise Failure("a form opened for a reporter:\n" + t)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_workers_and_settings, test_caseworker_sees_no_changes,
         test_client_and_plan_forms, test_foodbank_reference,
         test_foodbank_caseworker_sees_no_changes,
         test_person_rows_refused_for_a_reporter])
