"""Every CSV that lgesctl writes, opened the way a report team opens it:
LibreOffice Calc (Debian's libreoffice-calc-nogui, headless) reads each
file, saves it as xlsx, and the test reads the xlsx back (python3-openpyxl).
No cell may have become a date or a formula, every number must have stayed
a number, Welsh letters must survive, and a key message that begins with
'=' must come back as text. A CSV saved by Excel as "CSV UTF-8" (with a
byte-order mark) must import."""

import glob
import os
import shutil
import subprocess
import tempfile
import unittest

import openpyxl  # Debian's python3-openpyxl.

import harness
from lgesctl_golden_test import READS, TODAY

FORMULA = '=HYPERLINK("http://example.invalid","click")'
# Every command's CSV: the golden reads, the reconciliation and the key
# messages with the formula-like one in them.
COMMANDS = {name: args for name, (args, _) in READS.items() if name != "health"}
COMMANDS["reconcile"] = ["reconcile", "2022-2023"]
COMMANDS["reconcile-cy"] = ["reconcile", "2022-2023", "--lang=cy"]


def is_number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def csv_cells(path):
    """The CSV's cells by (row, column), 1-based, as the file has them."""
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {(r, c): cell for r, row in enumerate(csv.reader(f), 1) for c, cell in enumerate(row, 1)}


class SpreadsheetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="lges-sheets-")
        cls.server = harness.Server(today=TODAY).start()
        env = {"LGES_SERVER": cls.server.address, "LGES_TOKEN_FILE": cls.server.token_file, "COLUMNS": ""}
        created = harness.lgesctl("key-messages", "create", "2022-2023", "going-well", FORMULA,
                                  "--area=Leadership and management", "--position=99", env=env)
        if created.returncode != 0:
            raise AssertionError(created.stderr)
        COMMANDS["key-messages-formula"] = ["key-messages", "--year=2022-2023"]
        cls.csvs = []
        for name, args in COMMANDS.items():
            out = os.path.join(cls.dir, name)
            os.mkdir(out)
            result = harness.lgesctl(*args, "--format=csv", f"--output-dir={out}", env=env)
            if result.returncode != 0:
                raise AssertionError(f"{name}: {result.stderr}")
            cls.csvs += sorted(glob.glob(os.path.join(out, "*.csv")))
        excel = os.path.join(cls.dir, "excel")
        os.mkdir(excel)
        result = harness.lgesctl("providers", "list", "--format=csv", "--excel", f"--output-dir={excel}", env=env)
        if result.returncode != 0:
            raise AssertionError(result.stderr)
        cls.excel_csv = glob.glob(os.path.join(excel, "*.csv"))[0]
        cls.sheets = cls.convert(cls.csvs + [cls.excel_csv])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def convert(cls, paths):
        """The cells of each CSV after LibreOffice has read it as UTF-8 CSV
        and saved it as xlsx: path -> {(row, column): openpyxl cell}. One
        soffice run converts them all, from copies with unique names."""
        flat = os.path.join(cls.dir, "flat")
        os.mkdir(flat)
        copies = {}
        for i, path in enumerate(paths):
            copies[path] = os.path.join(flat, f"{i:03d}.csv")
            shutil.copy(path, copies[path])
        subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                        "--outdir", flat, *copies.values()], check=True, capture_output=True, timeout=240,
                       env=dict(os.environ, HOME=os.path.join(cls.dir, "home")))
        sheets = {}
        for path, copy in copies.items():
            sheet = openpyxl.load_workbook(copy[:-4] + ".xlsx").active
            sheets[path] = {(c.row, c.column): c for row in sheet.iter_rows() for c in row}
        return sheets

    def test_every_command_wrote_tables(self):
        self.assertGreaterEqual(len(self.csvs), len(COMMANDS) + 10)  # Several commands write several.
        for path in self.csvs:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            self.assertNotIn("\n\n", text.strip(), f"{path}: more than one table")

    def test_no_cell_became_a_date_or_a_formula_and_numbers_stayed_numbers(self):
        for path in self.csvs:
            cells = self.sheets[path]
            for (r, c), text in csv_cells(path).items():
                cell = cells.get((r, c))
                where = f"{os.path.relpath(path, self.dir)} row {r} column {c}: {text!r}"
                if text == "":
                    self.assertIsNone(cell.value if cell else None, where)
                    continue
                self.assertNotEqual(cell.data_type, "d", where)
                self.assertNotEqual(cell.data_type, "f", where)
                if is_number(text):
                    self.assertEqual(cell.data_type, "n", where)
                    self.assertEqual(float(cell.value), float(text), where)
                else:
                    self.assertEqual(cell.data_type, "s", where)

    def test_welsh_letters_survive(self):
        for path in (next(p for p in self.csvs if "/providers-list/" in p), self.excel_csv):
            values = [c.value for c in self.sheets[path].values()]
            self.assertIn("Ynys Môn", values, path)

    def test_excel_csv_starts_with_a_byte_order_mark(self):
        with open(self.excel_csv, "rb") as f:
            self.assertEqual(f.read(3), b"\xef\xbb\xbf")
        with open(next(p for p in self.csvs if "/providers-list/" in p), "rb") as f:
            self.assertNotEqual(f.read(3), b"\xef\xbb\xbf")

    def test_a_formula_from_the_record_comes_back_as_text(self):
        path = next(p for p in self.csvs if "/key-messages-formula/" in p)
        cells = [c for c in self.sheets[path].values() if isinstance(c.value, str) and "HYPERLINK" in c.value]
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0].data_type, "s")
        self.assertEqual(cells[0].value, "'" + FORMULA)

    def test_a_csv_with_a_byte_order_mark_imports(self):
        path = os.path.join(self.dir, "excel-saved.csv")
        with open(path, "wb") as f:  # As Excel's "CSV UTF-8" saves it.
            f.write(b"\xef\xbb\xbfprovider_code,kind,date,description\r\n"
                    b"W06000023,other,2025-10-01,Estyn link visit (test)\r\n")
        env = {"LGES_SERVER": self.server.address, "LGES_TOKEN_FILE": self.server.token_file}
        result = harness.lgesctl("import", path, "--dry-run", env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("checked: 1 to create", result.stderr)


if __name__ == "__main__":
    unittest.main()
