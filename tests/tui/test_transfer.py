"""İçe/Dışa Aktar screens: import a CSV with one bad row through the file
picker (folder navigation, typed path, Backspace up), the options, the
dry-run preview (counts and the rejected row with its reason), the real
import (good rows written, rejects file next to the input) and its
summary; leaving the preview writes nothing; export of the registry to
an Excel CSV."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (LEFT, BACKSPACE, DOWN, ENTER, ESC, F, RIGHT, TAB,  # noqa
                    Console, Failure, Workdir, bad_tckn, run, tckn)

HEADER = "TC Kimlik No;Ad;Soyad;Doğum Tarihi;Mahalle\n"


def rows_with_one_bad():
    return (HEADER +
            "%s;Zeynep;Aksoy;01.02.1980;Gündoğdu\n" % tckn(101) +
            "%s;Mehmet;Aksoy;03.04.1978;Gündoğdu\n" % tckn(102) +
            "%s;Bozuk;Satırcı;;\n" % bad_tckn(103))


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def open_console(w):
    """The console with the work folder as its working folder, which is
    where the file picker opens."""
    old = os.getcwd()
    os.chdir(w.dir)
    try:
        return Console(w, 24, 80)
    finally:
        os.chdir(old)


def search(w, query):
    return w.hane("household", "search", query)


def to_preview(c):
    """From the picker on the input file: options, then the dry run."""
    c.wait("F2: önizleme")
    c.wait("F2: önizleme")
    c.send(F[2])
    c.wait("Önizleme")
    c.wait("reddedilecek: 1")


def test_import_with_a_bad_row():
    w = Workdir()
    os.makedirs(os.path.join(w.dir, "liste"))
    path = os.path.join(w.dir, "liste", "giris.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(rows_with_one_bad())
    rejects = os.path.join(w.dir, "liste", "giris-hatalar.csv")
    c = open_console(w)
    try:
        c.wait("Ana Menü")
        c.send("7")
        c.wait("Hane listesini içe aktar")
        c.send(ENTER)
        # The picker opens in the working folder: the folder is listed,
        # Enter opens it, Backspace goes up again, F4 takes a typed path.
        c.wait("Yol yaz")
        c.wait("liste/")
        c.type("liste")
        c.wait(lambda t: "liste/" in focused_line(c))
        c.send(ENTER)
        c.wait("giris.csv")
        c.send(BACKSPACE)
        c.wait("liste/")
        c.wait_gone("giris.csv")
        c.send(F[4])
        c.wait("Dosya ya da klasör")
        c.type("liste/giris.csv")
        c.send(F[2])
        to_preview(c)
        t = c.text()
        for want in ("Yeni: 2 kişi (2 hane)", "Kontrol hanesi tutmuyor",
                     "Reddedilen satırlar", "hiçbir şey yazılmadı"):
            if want not in t:
                raise Failure("preview lacks %r:\n%s" % (want, t))
        if not any(line.startswith("▶") and " 4 " in line
                   for line in c.screen.display):
            raise Failure("rejected row's line number missing:\n" + t)
        c.send(ENTER)                             # the whole reason
        c.wait("Satır 4")
        c.wait("Kontrol hanesi tutmuyor (TC Kimlik No")
        c.send(ENTER)
        c.wait_gone("Satır 4")
        if "Aksoy" in search(w, "Aksoy"):
            raise Failure("the dry run wrote rows")
        if os.path.exists(rejects):
            raise Failure("the dry run wrote a rejects file")
        c.send(F[2])                              # import for real
        c.wait("Özet")
        c.wait("reddedilen: 1")
        c.wait("giris-hatalar.csv")
        out = search(w, "Aksoy")
        if "Zeynep" not in out or "Mehmet" not in out:
            raise Failure("good rows not written:\n" + out)
        if "Satırcı" in search(w, "Satırcı"):
            raise Failure("the bad row was written")
        with open(rejects, encoding="utf-8") as f:
            rej = f.read()
        if "Satırcı" not in rej or "Kontrol hanesi" not in rej:
            raise Failure("rejects file:\n" + rej)
        c.send(ESC)
        c.wait("Hane listesini içe aktar")
        c.close()
    finally:
        c.close()
        w.cleanup()


def test_leaving_the_preview_writes_nothing():
    w = Workdir()
    path = os.path.join(w.dir, "giris.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(rows_with_one_bad())
    c = open_console(w)
    try:
        c.wait("Ana Menü")
        c.send("7")
        c.wait("Hane listesini içe aktar")
        c.send(ENTER)
        c.wait("Yol yaz")
        c.wait(lambda t: "giris.csv" in focused_line(c))
        c.send(ENTER)
        to_preview(c)
        c.send(ESC)                               # back to the options
        c.wait("F2: önizleme")
        c.send(ESC)
        c.wait("Hane listesini içe aktar")
        c.close()
        if "Aksoy" in search(w, "Aksoy"):
            raise Failure("leaving the preview wrote rows")
        if os.path.exists(os.path.join(w.dir, "giris-hatalar.csv")):
            raise Failure("leaving the preview wrote a rejects file")
    finally:
        c.close()
        w.cleanup()


def test_duplicate_fail_option_writes_nothing():
    w = Workdir()
    path = os.path.join(w.dir, "giris.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "%s;Zeynep;Aksoy;01.02.1980;Gündoğdu\n" % tckn(101))
    w.hane("import", "households", path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "%s;Zeynep;Aksoy;01.02.1980;Gündoğdu\n" % tckn(101) +
                "%s;Deniz;Kara;05.05.1990;Serdar\n" % tckn(104))
    c = open_console(w)
    try:
        c.wait("Ana Menü")
        c.send("7")
        c.wait("Hane listesini içe aktar")
        c.send(ENTER)
        c.wait(lambda t: "giris.csv" in focused_line(c))
        c.send(ENTER)
        c.wait("F2: önizleme")
        c.wait(lambda t: "Atla" in focused_line(c))
        c.send(RIGHT)
        c.send(RIGHT)                             # Dur (hiçbir şey yazma)
        c.wait(lambda t: "Dur" in focused_line(c))
        c.send(F[2])
        c.wait("Hata")                            # the error dialog
        c.send(ENTER)
        c.wait("F2: önizleme")
        c.send(ESC)
        c.wait("Hane listesini içe aktar")
        c.close()
        if "Deniz" in search(w, "Kara"):
            raise Failure("on-duplicate fail wrote rows")
    finally:
        c.close()
        w.cleanup()


def test_export_to_excel_csv():
    w = Workdir()
    path = os.path.join(w.dir, "giris.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "%s;Zeynep;Aksoy;01.02.1980;Gündoğdu\n" % tckn(101) +
                "%s;Deniz;Kara;05.05.1990;Serdar\n" % tckn(104))
    w.hane("import", "households", path)
    out = os.path.join(w.dir, "haneler-2026-06-15.csv")
    c = open_console(w)
    try:
        c.wait("Ana Menü")
        c.send("7")
        c.wait("Hane kaydını dışa aktar")
        c.send(DOWN)
        c.wait(lambda t: "dışa aktar" in focused_line(c))
        c.send(ENTER)
        c.wait("Biçim")
        c.wait("haneler-2026-06-15.xlsx")         # the path offered
        c.send(TAB)
        # An Excel workbook first, CSV second (#21).
        c.wait(lambda t: "Excel çalışma kitabı" in focused_line(c))
        c.send(RIGHT)
        c.wait(lambda t: "CSV" in focused_line(c) and
               "Excel" in focused_line(c))
        c.wait("haneler-2026-06-15.csv")          # the name follows
        c.send(F[2])
        c.wait("2 kişi yazıldı")
        c.wait("maskeli)")                        # wraps with the path
        c.send(ENTER)
        c.wait("Hane listesini içe aktar")
        with open(out, "rb") as f:
            masked = f.read().decode("utf-8-sig")
        if tckn(101) in masked or "Aksoy" not in masked:
            raise Failure("default export not masked:\n" + masked)
        # The same path again: asked before it is overwritten; this time
        # unmasked (the first user is an administrator: allowed).
        c.send(DOWN)
        c.send(ENTER)
        c.wait("Biçim")
        c.send(TAB)
        c.send(RIGHT)                             # Excel
        c.send(TAB)
        c.wait(lambda t: "Maskesiz" in focused_line(c))
        c.send(RIGHT)
        c.wait(lambda t: "Evet" in focused_line(c))
        c.send(F[2])
        c.wait("Üzerine yazılsın mı")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait("MASKESİZ")
        c.send(ENTER)
        c.wait("Hane listesini içe aktar")
        c.close()
        # KVKK: both exports are in the read log, the second unmasked.
        log = [line for line in w.hane("audit").splitlines()
               if "export" in line and "haneler-2026-06-15.csv" in line]
        if len(log) != 2 or "true" not in log[-1]:
            raise Failure("exports not logged:\n" + w.hane("audit"))
        with open(out, "rb") as f:
            data = f.read()
        if not data.startswith(b"\xef\xbb\xbf"):
            raise Failure("Excel export lacks the BOM")
        text = data.decode("utf-8-sig")
        if ";" not in text.splitlines()[0] or "\r\n" not in text:
            raise Failure("not Excel's CSV:\n" + text)
        for want in ("Aksoy", "Kara", "Gündoğdu", tckn(101)):
            if want not in text:
                raise Failure("export lacks %r:\n%s" % (want, text))
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_import_with_a_bad_row, test_leaving_the_preview_writes_nothing,
         test_duplicate_fail_option_writes_nothing, test_export_to_excel_csv])
