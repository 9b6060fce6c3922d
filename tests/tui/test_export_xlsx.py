"""Every console export dialog offers an Excel workbook first (#21): the
taxi driver's manifest from the day board, written as .xlsx by default
(the name follows the format) and read back with openpyxl — the phone a
text cell, the rows there — and as CSV when CSV is chosen. The manifest's
file follows every export dialog's rule (hane_ui_export_create): an
existing file is replaced only when the person says so, and "~/" is the
home folder."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, ENTER, ESC, F, LEFT, RIGHT, TAB,  # noqa: E402
                    Console, Failure, Workdir, run, tckn)
import openpyxl  # noqa: E402 (python3-openpyxl)


def test_taxi_manifest_to_workbook():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(711), "--first", "Ayşe",
           "--last", "Kaya", "--disability", "80", "--street", "Atatürk Cd.",
           "--building", "12", "--phone", "05321234567")
    w.hane("taxi", "driver", "add", "Kemal Sürücü")
    w.hane("taxi", "vehicle", "add", "41abc123", "--wheelchair", "1",
           "--seats", "3", "--driver", "1")
    w.hane("taxi", "rider", "add", "1")
    w.hane("taxi", "book", "1", "--day", "2026-06-17", "--time", "13:00",
           "--to", "Devlet Hastanesi", "--vehicle", "41abc123")
    home = os.path.join(w.dir, "ev")
    os.mkdir(home)
    old = os.getcwd()
    os.chdir(w.dir)                               # files go here
    try:
        c = Console(w, env={"HOME": home})
    finally:
        os.chdir(old)
    try:
        c.wait("Ana Menü")
        c.send("5")
        c.wait("Gün çizelgesi")
        c.send(ENTER)
        c.wait("41 ABC 123")
        c.send(RIGHT)
        c.send(RIGHT)                             # to the 17th
        c.wait("17.06.2026")
        c.wait("Kaya")
        c.send(F[2])                              # the driver's list
        c.wait("Şoför listesi")
        # A page where Enter means nothing else: Enter shows the row
        # whole (#17), every column by its title.
        c.wait("Enter Tamamı")
        c.send(ENTER)
        t = c.wait("Yolcu: Ayşe Kaya")
        flat = " ".join(t.replace("│", " ").split())
        if "Devlet Hastanesi" not in flat or "Telefon:" not in flat:
            raise Failure("the row is not whole:\n" + t)
        c.send(ENTER)
        c.wait_gone("Yolcu: Ayşe Kaya")
        c.send(F[2])                              # to a file
        c.wait("Excel çalışma kitabı (.xlsx)")
        name = "sefer-41-ABC-123-2026-06-17.xlsx"
        c.wait(name)
        c.send(F[2])
        c.wait("1 sefer")
        path = os.path.join(w.dir, name)
        ws = openpyxl.load_workbook(path).worksheets[0]
        rows = list(ws.iter_rows())
        text = " ".join(str(x.value) for r in rows for x in r
                        if x.value is not None)
        if "Kaya" not in text or "Devlet Hastanesi" not in text:
            raise Failure("workbook rows: %s" % text)
        phones = [x for r in rows[1:] for x in r
                  if isinstance(x.value, str) and "532" in x.value]
        if not phones or any(x.data_type != "s" for x in phones):
            raise Failure("phone not a text cell: %s" % text)
        # CSV second: the name follows the choice.
        c.send(F[2])
        c.wait(name)
        c.send(TAB)
        c.send(RIGHT)
        c.wait("sefer-41-ABC-123-2026-06-17.csv")
        c.send(F[2])
        c.wait("1 sefer")
        with open(os.path.join(w.dir, "sefer-41-ABC-123-2026-06-17.csv"),
                  "rb") as f:
            if b"Kaya" not in f.read():
                raise Failure("CSV lacks the row")
        # The workbook again: it is there, so asked about; Hayır (the
        # default) keeps it and the dialog stays, Evet replaces it.
        os.truncate(path, 0)
        c.send(F[2])
        c.wait(name)
        c.send(F[2])
        c.wait("Üzerine yazılsın mı")
        c.send(ENTER)                             # Hayır
        c.wait_gone("Üzerine yazılsın mı")
        if os.path.getsize(path) != 0:
            raise Failure("the workbook was replaced without a yes")
        c.send(F[2])
        c.wait("Üzerine yazılsın mı")
        c.send(LEFT)                              # onto "Evet"
        c.send(ENTER)
        c.wait("1 sefer")
        if os.path.getsize(path) == 0:
            raise Failure("the workbook was not replaced after the yes")
        # "~/" is the home folder, not a folder named "~".
        c.send(F[2])
        c.wait(name)
        for _ in name:
            c.send(BACKSPACE)
        c.wait_gone(name)
        c.type("~/sefer.xlsx")
        c.wait("~/sefer.xlsx")
        c.send(F[2])
        c.wait("1 sefer")
        with open(os.path.join(home, "sefer.xlsx"), "rb") as f:
            if f.read(2) != b"PK":
                raise Failure("~/sefer.xlsx is not a workbook")
        if os.path.exists(os.path.join(w.dir, "~")):
            raise Failure("'~' was taken as a folder's name")
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_taxi_manifest_to_workbook])
