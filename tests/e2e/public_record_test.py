"""The public record as the default dataset (issue 4), through the real
binaries: what the first lgesctl queries show, export and import round trips,
malformed files that change nothing, and restarts that neither duplicate nor
lose anything."""

import json
import os
import random
import re
import tempfile
import unittest

import harness


def ok(*args, server):
    # A wide terminal, so that no phrase looked for is wrapped.
    result = harness.lgesctl(*args, server=server, env={"COLUMNS": "400"})
    if result.returncode != 0:
        raise AssertionError(f"lgesctl {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def dataset_version(server):
    return int(re.search(r"dataset version (\d+)", ok("changes", "--since=1000000", server=server)).group(1))


def comparable(records):
    """The records without what the server assigns (etags, times, event and message numbers)."""
    def strip(item):
        return {k: v for k, v in item.items() if k not in ("etag", "create_time", "update_time")}
    out = {}
    for kind in ("providers", "inspections", "follow_up_events", "key_messages"):
        items = [strip(i) for i in records.get(kind, [])]
        for i in items:
            if kind in ("follow_up_events", "key_messages"):
                i.pop("name", None)
        out[kind] = sorted(json.dumps(i, sort_keys=True) for i in items)
    return out


class PublicRecordTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = tempfile.mkdtemp(prefix="lges-files-")

    def path(self, name, content):
        p = os.path.join(self.files, name)
        with open(p, "wb" if isinstance(content, bytes) else "w") as f:
            f.write(content)
        return p

    def test_first_queries_show_the_record(self):
        with harness.Server() as server:
            authorities = ok("providers", "list", "--kind=local-authority", server=server.address)
            self.assertEqual(len([l for l in authorities.splitlines() if l.startswith("W06")]), 22)
            inspections = ok("inspections", "list", server=server.address)
            self.assertIn("22 inspections", inspections)
            for inspection in ("POWYS-2019-07", "WREX-2019-10", "TORF-2022-03", "GWYNEDD-2023-06", "POWYS-2025-02"):
                self.assertIn(inspection, inspections)

            timeline = ok("follow-up", "timeline", "--format=csv", server=server.address)
            # Dates as year, month, day and what the numbers cannot say.
            for episode in ("W06000023,Powys,2019,9,10,,2021,10,,,",           # Powys 2019-2021
                            "W06000006,Wrexham,2019,12,20,,2023,,,summer 2023,",  # Wrexham 2019-2023
                            "W06000009,Pembrokeshire,2020,2,12,,2022,10,,,",   # Pembrokeshire 2020-2022
                            "W06000020,Torfaen,2022,5,18,,2024,10,,,",         # Torfaen 2022-2024
                            "W06000023,Powys,2025,3,27,,,,,still in,"):        # Powys from 2025
                self.assertIn(episode, timeline)
            self.assertIn("\n2022-2023,3,0,2,1\n", timeline)  # Two removed, one left (AR 2022-23).

            powys = ok("inspections", "get", "POWYS-2019-07", server=server.address)
            self.assertIn("[paraphrase, not Estyn's wording]", powys)
            self.assertIn("(order not known)", powys)
            pembrokeshire = ok("inspections", "get", "PEMBS-2019", server=server.address)
            self.assertRegex(pembrokeshire, r"certainty:\s+uncertain")
            anglesey = ok("inspections", "get", "ANGLESEY-2022-06", server=server.address)
            self.assertIn("1 of 2", anglesey)  # A gap, not two recommendations.

    def test_export_then_import_into_an_empty_database_reproduces_the_records(self):
        with harness.Server() as source:
            exported = ok("export", server=source.address)
        with harness.Server(public_record=False) as empty:
            imported = ok("import", self.path("all.json", exported), server=empty.address)
            # 6 groups, 22 inspections, 33 events, 55 messages (2 lead paragraphs) and
            # 4 published years; the 22 authorities exist already.
            self.assertIn("created 120, updated 0, unchanged 22", imported)
            again = ok("import", self.path("all.json", exported), server=empty.address)
            self.assertIn("created 0, updated 0", again)  # The same file changes nothing.
            round_trip = ok("export", server=empty.address)
        self.assertEqual(comparable(json.loads(round_trip)), comparable(json.loads(exported)))

    def test_a_record_set_over_4_mib_round_trips_through_lgesctl(self):
        # 1,000 copies of a 2022-2023 inspection with long recommendations:
        # about 6 MB, over gRPC's 4 MiB message limit, which lgesctl and the
        # server pass by streaming the records in parts.
        with harness.Server() as server:
            exported = json.loads(ok("export", "--from=2022-2023", "--to=2022-2023", server=server.address))
            base = next(i for i in exported["inspections"] if i["name"] == "inspections/GWYNEDD-2023-06")
            copies = []
            for n in range(1000):
                copy = json.loads(json.dumps(base))
                copy["name"] = f"inspections/BIG-{n}"
                for r in copy["recommendations"]:
                    r["text"] = f"Copy {n}: " + "strengthen planning " * 95
                copies.append(copy)
            big = self.path("big.json", json.dumps({"format": "lges-records", "format_version": 1,
                                                    "source": "big.json", "inspections": copies}))
            self.assertGreater(os.path.getsize(big), 4 * 1024 * 1024)
            self.assertIn("created 1000, updated 0, unchanged 0", ok("import", big, server=server.address))
            out = os.path.join(self.files, "big-export.json")
            written = ok("export", out, "--from=2022-2023", "--to=2022-2023", server=server.address)
            self.assertRegex(written, r"\d+ providers, 100\d inspections")
            self.assertGreater(os.path.getsize(out), 4 * 1024 * 1024)
            with open(out) as f:
                round_trip = json.load(f)
            by_name = {i["name"]: i for i in round_trip["inspections"]}
            self.assertEqual(by_name["inspections/BIG-999"]["recommendations"], copies[999]["recommendations"])
            # The export imports again and changes nothing.
            self.assertIn("created 0, updated 0", ok("import", out, server=server.address))

    def test_malformed_files_are_refused_and_change_nothing(self):
        with harness.Server() as server:
            exported = json.loads(ok("export", "--from=2022-2023", "--to=2022-2023", server=server.address))
            before = dataset_version(server.address)
            gwynedd = next(i for i in exported["inspections"] if i["name"] == "inspections/GWYNEDD-2023-06")

            def variant(change):
                records = json.loads(json.dumps({"format": "lges-records", "format_version": 1,
                                                 "inspections": [gwynedd]}))
                change(records["inspections"][0])
                return json.dumps(records)

            cases = [
                ("wrong-type.json", variant(lambda i: i.update(academic_year="soon")), 2,
                 "is not a valid record set in JSON"),
                ("unknown-code.json", variant(lambda i: i.update(provider_code="W06000099")), 1,
                 "records.inspections[0].provider_code: unknown provider code"),
                ("duplicate-numbers.json",
                 variant(lambda i: i["recommendations"][1].update(number=1)), 1,
                 "records.inspections[0].recommendations[1].number: must be 2"),
                ("truncated.json", json.dumps(exported)[:1000], 2, "is not a valid record set in JSON"),
                ("random.json", random.Random(7).randbytes(10 * 1024 * 1024), 2, "is not a valid record set in JSON"),
                ("missing-column.csv", "provider_code,kind,description\nW06000023,other,visit\n", 2,
                 "line 1: the follow-up events file has no 'date' column"),
                ("bad-row.csv", "provider_code,kind,date\nW06000023,other,2025-13\n", 2,
                 "line 2, column 'date'"),
                ("welsh-without-origin.csv", "inspection,number,text,text_cy\n"
                 "GWYNEDD-2023-06,1,Improve attendance,Gwella presenoldeb\n", 2,
                 "line 2, column 'text_cy_origin': required with text_cy"),
            ]
            for name, content, code, message in cases:
                with self.subTest(name):
                    result = harness.lgesctl("import", self.path(name, content), server=server.address)
                    self.assertEqual(result.returncode, code, result.stderr)
                    self.assertIn(message, result.stderr)
            self.assertEqual(dataset_version(server.address), before)

    def test_recommendations_csv_carries_welsh(self):
        with harness.Server() as server:
            gwynedd = json.loads(ok("inspections", "get", "GWYNEDD-2023-06", "--format=json",
                                    server=server.address))
            rows = ["inspection,number,text,text_status,text_cy,text_cy_origin"]
            for r in gwynedd["recommendations"]:
                welsh = "Gwella presenoldeb disgyblion" if r["number"] == 1 else ""
                origin = "translated_here" if welsh else ""
                text = r["text"].replace('"', '""')
                rows.append(f'GWYNEDD-2023-06,{r["number"]},"{text}",paraphrase,{welsh},{origin}')
            ok("import", self.path("welsh.csv", "\n".join(rows) + "\n"), server=server.address)
            again = json.loads(ok("inspections", "get", "GWYNEDD-2023-06", "--format=json",
                                  server=server.address))
            self.assertEqual(again["recommendations"][0]["translations"],
                             [{"language_code": "cy", "text": "Gwella presenoldeb disgyblion",
                               "origin": "TEXT_ORIGIN_TRANSLATED_HERE"}])
            self.assertNotIn("translations", again["recommendations"][1])
            # The profile shows the Welsh to a Welsh reader, the English to others.
            welsh = ok("authority", "Gwynedd", "--lang=cy", "--format=markdown", server=server.address)
            self.assertIn("Gwella presenoldeb disgyblion", welsh)
            english = ok("authority", "Gwynedd", "--format=markdown", server=server.address)
            self.assertNotIn("Gwella presenoldeb disgyblion", english)

    def test_a_restart_neither_duplicates_nor_loses_edits(self):
        data_dir = tempfile.mkdtemp(prefix="lges-restart-")
        first = harness.Server(data_dir).start()
        try:
            exported = json.loads(ok("export", "--from=2024-2025", server=first.address))
            powys = next(i for i in exported["inspections"] if i["name"] == "inspections/POWYS-2025-02")
            powys["provenance"]["note"] = "Checked against the Estyn report by the annual report team."
            edit = {"format": "lges-records", "format_version": 1, "source": "edit.json", "inspections": [powys]}
            self.assertIn("updated 1", ok("import", self.path("edit.json", json.dumps(edit)), server=first.address))
            version = dataset_version(first.address)
            self.assertEqual(first.stop(), 0)
        finally:
            first.cleanup()
        second = harness.Server(data_dir).start()
        try:
            self.assertEqual(dataset_version(second.address), version)  # The record was not loaded again.
            self.assertIn("22 inspections", ok("inspections", "list", server=second.address))
            self.assertIn("Checked against the Estyn report",
                          ok("inspections", "get", "POWYS-2025-02", server=second.address))
            changes = ok("changes", f"--since={version - 1}", server=second.address)
            self.assertIn("edit.json", changes)
        finally:
            second.cleanup()


if __name__ == "__main__":
    unittest.main()
