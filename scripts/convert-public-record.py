#!/usr/bin/env python3
"""Converts the public record (../shared/reference/lges-public-record.json),
its additions of November 2026 (record-additions-2026-11.json), the figures
Estyn printed (published-figures.json) and the annual report sector pages
(../shared/seeds/000-002) into data/public-record.json, the default dataset that lges-server loads on first
start. The output is a RecordSet (docs/FORMAT.md) in protobuf's JSON mapping.

The record's dates are free text ("2019-06/2019-07 (late June - early July
2019)", "early 2020 (...inferred)"); the table INSPECTIONS below says how each
inspection's dates, academic year and certainty are read, keeping their
precision and never adding detail. Run from the repository root:

    scripts/convert-public-record.py ../shared > data/public-record.json
"""

import json
import re
import sys

# id: (start, end, academic year, published, certainty, framework)
# Dates use the text form of docs/FORMAT.md; "" for unknown.
INSPECTIONS = {
    "NPT-2017-12": ("2017-12", "", 2017, "2018-03", "UNCERTAIN", "3"),
    "DENB-2018-02": ("2018-02", "", 2017, "spring 2018", "UNCERTAIN", "3"),
    "NEWPORT-2018": ("autumn 2018", "", 2018, "2019-01-31", "SOURCED", "3"),
    "BRIDGEND-2019-03": ("2019-03", "", 2018, "2019", "SOURCED", "3"),
    "FLINTS-2019-06": ("2019-06", "", 2018, "2019-08-09", "SOURCED", "3"),
    # July 2019 per the council's scrutiny agenda (record-additions-2026-11).
    "POWYS-2019-07": ("2019-07", "", 2018, "2019-09-10", "SOURCED", "3"),
    "WREX-2019-10": ("2019-10", "", 2019, "2019-12-20", "SOURCED", "3"),
    "PEMBS-2019": ("autumn 2019", "", 2019, "2020-02-12", "UNCERTAIN", "3"),
    "MON-2020": ("spring 2020", "", 2019, "2020-04", "INFERRED", "3"),
    "CARDIFF-2021": ("autumn 2021", "", 2021, "2022-02-09", "INFERRED", "3"),
    "TORF-2022-03": ("2022-03", "", 2021, "2022-05-18", "SOURCED", "3"),
    "ANGLESEY-2022-06": ("2022-06", "", 2021, "2022-07-22", "SOURCED", "3"),
    "SWANSEA-2022-06": ("2022-06", "", 2021, "2022", "SOURCED", "3"),
    "MERTHYR-2022": ("2022", "", 2021, "", "UNCERTAIN", "3"),
    "BG-2022": ("autumn 2022", "", 2022, "2023-02", "SOURCED", "3"),
    "RCT-2023": ("spring 2023", "", 2022, "2023", "INFERRED", "3"),
    "GWYNEDD-2023-06": ("2023-06", "", 2022, "2023-09", "SOURCED", "3"),
    "CARMS-2023-07": ("2023-07", "", 2022, "2023-09-27", "SOURCED", "3"),
    "CAERPHILLY-LGES-2024x": ("2024", "", 2024, "", "UNCERTAIN", "2"),
    "POWYS-2025-02": ("2025-02", "", 2024, "2025-03-27", "SOURCED", "2"),
}
WELSH_MEDIUM = {"GWYNEDD-2023-06", "CARMS-2023-07"}  # "Probably" (the record's inference); noted.
TEXT_STATUS = {
    "paraphrase": "TEXT_STATUS_PARAPHRASE",
    "as_listed_by_secondary_source": "TEXT_STATUS_AS_LISTED_BY_SECONDARY_SOURCE",
    "quoted_verbatim_by_secondary_source": "TEXT_STATUS_QUOTED_BY_SECONDARY_SOURCE",
}
GRADES = {"excellent": "GRADE_EXCELLENT", "good": "GRADE_GOOD", "adequate": "GRADE_ADEQUATE",
          "unsatisfactory": "GRADE_UNSATISFACTORY"}
JUDGEMENT_AREAS = {"outcomes": "1", "quality_of_education_services": "2", "leadership_and_management": "3"}

# Follow-up events: (provider name prefix, record date) -> [(kind, date, certainty)].
# One record entry can be two events (a monitoring visit that removed).
EVENT_KINDS = [  # First match wins.
    (r"explained follow-up process|Action Plan received|Revised PIAP|Meeting with Estyn|council meeting",
     "FOLLOW_UP_KIND_OTHER"),
    (r"removed", "REMOVED+VISIT"),
    (r"judged causing significant concern|causing significant concern( again)?\.?$|; causing significant concern",
     "FOLLOW_UP_KIND_JUDGED"),
    (r"[Ii]mprovement conference", "FOLLOW_UP_KIND_IMPROVEMENT_CONFERENCE"),
    (r"[Pp]rogress conference|second follow-up review", "FOLLOW_UP_KIND_PROGRESS_CONFERENCE"),
    (r"[Mm]onitoring visit", "FOLLOW_UP_KIND_MONITORING_VISIT"),
]
EVENT_DATES = {  # Record date text -> date text of docs/FORMAT.md.
    "2023-05-22/23": "2023-05", "2020 (date not found)": "2020", "2021 (autumn; date not found)": "autumn 2021",
    "2021-22": "2021-2022", "2023 summer (month not found)": "summer 2023", "2025-07 (before 18 July)": "2025-07",
}
CERTAINTY = {"sourced": "CERTAINTY_SOURCED", "announced": "CERTAINTY_PLANNED", "partly inferred":
             "CERTAINTY_PARTLY_INFERRED", "scheduled (not confirmed held)": "CERTAINTY_PLANNED",
             "planned; not confirmed": "CERTAINTY_PLANNED"}

# Consortium membership: (code, kind, English name, Welsh name, members:
# [(authority name, from, to, certainty, note)], sources).
MEMBER_2018 = "Member by 2018 (the record's consortium_2018); an earlier start is not in the record."
GROUPS = [
    ("gwe", "SCHOOL_IMPROVEMENT_SERVICE", "GwE (School Effectiveness and Improvement Service for North Wales)", "GwE",
     [(n, "2013-02", "2025-05-31", "SOURCED", "") for n in
      ["Conwy", "Denbighshire", "Flintshire", "Gwynedd", "Wrexham"]] +
     [("Isle of Anglesey", "2013-02", "2025-05-31", "UNCERTAIN",
       "Anglesey committee minute says GwE would end 'from 1 April 2025' (conflicts with 31 May 2025 elsewhere).")],
     ["GWE_ABOUT", "DENB_GWE_END", "MONFM_GWYNEDD", "ANGLESEY_GWE_END"]),
    ("csc", "SCHOOL_IMPROVEMENT_SERVICE", "Central South Consortium Joint Education Service", "Consortiwm Canolbarth y De",
     [(n, "2018", "", "SOURCED", MEMBER_2018) for n in
      ["Bridgend", "Cardiff", "Merthyr Tydfil", "Rhondda Cynon Taf", "Vale of Glamorgan"]], ["GOVWALES_FAQ_CSC"]),
    ("eas", "SCHOOL_IMPROVEMENT_SERVICE", "Education Achievement Service for South East Wales", "EAS",
     [(n, "2018", "", "SOURCED", MEMBER_2018) for n in
      ["Blaenau Gwent", "Caerphilly", "Monmouthshire", "Newport", "Torfaen"]],
     ["EAS_ABOUT", "BG_EAS", "CAERPHILLY_EAS_QUIT"]),
    ("erw", "SCHOOL_IMPROVEMENT_SERVICE", "ERW (Education through Regional Working)", "ERW",
     [("Neath Port Talbot", "2018", "2020-03-31", "SOURCED", MEMBER_2018 + " Withdrew effective 31 March 2020.")] +
     [(n, "2018", "2021-08-31", "SOURCED", MEMBER_2018 + " ERW operated for members until 31 August 2021.") for n in
      ["Carmarthenshire", "Ceredigion", "Pembrokeshire", "Powys", "Swansea"]],
     ["ERW_SIX", "WQ83108", "NPT_ERW_NOTICE", "ERW_JC_2021"]),
    ("partneriaeth", "SCHOOL_IMPROVEMENT_SERVICE", "Partneriaeth", "Partneriaeth",
     [(n, "2021-09-01", "", "SOURCED", "") for n in ["Carmarthenshire", "Pembrokeshire", "Swansea"]],
     ["WQ83108", "PARTNERIAETH"]),
    ("mid-wales", "PARTNERSHIP_SERVICE", "Mid Wales education partnership (Powys and Ceredigion)",
     "Partneriaeth addysg Canolbarth Cymru",
     [(n, "2021-09-01", "", "SOURCED", "Partnership on specified areas from 1 September 2021; MoU agreed by Powys "
       "cabinet 18 January 2022.") for n in ["Powys", "Ceredigion"]],
     ["WQ83108", "MIDWALES_PARTNERSHIP"]),
]


def date(text):
    """PartialDate JSON for a date in the text form of docs/FORMAT.md."""
    text = text.strip().lower()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return {"precision": "DATE_PRECISION_DAY", "year": int(m[1]), "month": int(m[2]), "day": int(m[3])}
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m:
        return {"precision": "DATE_PRECISION_MONTH", "year": int(m[1]), "month": int(m[2])}
    m = re.fullmatch(r"(\d{4})-(\d{4})", text)
    if m:
        return {"precision": "DATE_PRECISION_ACADEMIC_YEAR", "year": int(m[1])}
    m = re.fullmatch(r"(autumn|spring|summer) (\d{4})", text)
    if m:
        return {"precision": "DATE_PRECISION_TERM", "year": int(m[2]), "term": "TERM_" + m[1].upper()}
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return {"precision": "DATE_PRECISION_YEAR", "year": int(m[1])}
    raise ValueError("unreadable date: " + text)


def provenance(ids, urls, certainty="CERTAINTY_SOURCED", note=""):
    p = {"sources": [{"id": i, "url": urls.get(i, "")} for i in ids], "certainty": certainty}
    if note:
        p["note"] = note[:2000]
    return p


def authority_codes(record):
    codes = {}
    for a in record["authorities"]:
        codes[a["name_en"]] = a["gss_code"]
        codes[a["corporate_name"]] = a["gss_code"]
    return codes


def inspection(raw, codes, urls):
    start, end, year, published, certainty, framework = INSPECTIONS[raw["id"]]
    recs = raw["recommendations"]
    notes = [raw.get(k, "") for k in ("framework_note", "recommendations_complete_note",
                                       "causing_significant_concern_note", "language_medium_note",
                                       "inspection_focus_note", "member_consideration")]
    notes += ["Inspection month as recorded: " + raw["inspection_month"], "Academic year as recorded: " +
              raw["academic_year"], "Report published as recorded: " + raw["report_published"]]
    out = {
        "name": "inspections/" + raw["id"],
        "provider_code": codes[raw["authority"]],
        "start_date": date(start),
        "academic_year": year,
        "framework": "FRAMEWORK_VERSION_2018_THREE_AREAS" if framework == "3" else "FRAMEWORK_VERSION_2024_TWO_AREAS",
        "recommendations": [],
        "recommendation_count": raw["recommendations_count"] or 0,
        "recommendation_order_known": all(r["n"] is not None and "inferred" not in r.get("note", "") for r in recs),
        "causing_significant_concern": raw["causing_significant_concern"],
        "provenance": provenance(raw["sources"], urls, "CERTAINTY_" + certainty, " ".join(n for n in notes if n)),
    }
    if end:
        out["end_date"] = date(end)
    if published:
        out["report_published"] = date(published)
    if raw["id"] in WELSH_MEDIUM:
        out["language_medium"] = "LANGUAGE_MEDIUM_WELSH"
    for area, grade in raw.get("judgements", {}).items():
        out.setdefault("judgements", []).append({"area": JUDGEMENT_AREAS[area], "grade": GRADES[grade]})
    if raw["id"] == "BG-2022":  # The record lists the four local inspection questions in a note.
        out["local_inspection_questions"] = [
            "How well does the local authority support non-maintained settings and schools to improve?",
            "How well does the local authority tackle inequalities for children living in poverty?",
            "How well does the local authority support schools to promote respectful relationships and address "
            "negative behaviour?",
            "How well does the local authority keep the interests of learners above all others in planning for "
            "schools?"]
    for i, r in enumerate(recs, 1):
        out["recommendations"].append({
            "number": i, "text": r["text"], "text_status": TEXT_STATUS[r["text_status"]],
            "provenance": provenance(r["sources"], urls, note=r.get("note", ""))})
    return out


def events(record, codes, urls, inspections):
    out = []
    for e in record["follow_up_events"]:
        code = codes[e["authority"]]
        when = EVENT_DATES.get(e["date"], e["date"])
        kinds = [k for pattern, k in EVENT_KINDS if re.search(pattern, e["event"])][:1] or ["FOLLOW_UP_KIND_OTHER"]
        if kinds == ["REMOVED+VISIT"]:
            kinds = ["FOLLOW_UP_KIND_MONITORING_VISIT", "FOLLOW_UP_KIND_REMOVED"]
        if "ELV" in e["event"] or "link inspector visit" in e["event"] or "Visit planned" in e["event"]:
            kinds = ["FOLLOW_UP_KIND_OTHER"]
        linked = [i for i in inspections if i["provider_code"] == code and i["causing_significant_concern"] and
                  date(when)["year"] >= i["start_date"]["year"]]
        for kind in kinds:
            event = {"provider_code": code, "kind": kind, "date": date(when), "description": e["event"],
                     "provenance": provenance(e["sources"], urls, CERTAINTY[e["certainty"]], e.get("note", ""))}
            if linked:
                event["inspection"] = linked[-1]["name"]
            out.append(event)
    return out


def key_messages(seeds):
    """The 'what's going well / needs to improve' bullets of the sector pages."""
    pages = [  # (seed prefix, academic year, area headings in order, source)
        ("000", 2021, ["Outcomes", "Education services", "Leadership and management"], "AR2022_LGES_EN"),
        ("001", 2022, ["Outcomes and education services", "Leadership and management"], "AR2023_LGES_EN"),
        ("002", 2024, ["Outcomes and education services", "Leading and improving"], "AR2024_EARLY_INSIGHTS"),
    ]
    import glob
    out = []
    for prefix, year, areas, source in pages:
        text = open(glob.glob(f"{seeds}/{prefix}_*.txt")[0], encoding="utf-8").read()
        text = text.split("Overview of recommendations")[0]
        for area in areas:  # A paragraph between an area's heading and its lists leads it.
            m = re.search(r"^" + re.escape(area) + r"\n\n(?!What)(.+?)\n\nWhat", text, re.M | re.S)
            if m:
                out.append({"academic_year": year, "area": area, "polarity": "POLARITY_LEAD", "position": 1,
                            "text": " ".join(m[1].split()), "text_origin": "TEXT_ORIGIN_ESTYN",
                            "provenance": {"sources": [{"id": source}], "certainty": "CERTAINTY_SOURCED"}})
        blocks = re.split(r"What.s going well|What needs to improve", text)[1:]
        headings = re.findall(r"What.s going well|What needs to improve", text)
        for i, (heading, block) in enumerate(zip(headings, blocks)):
            area = areas[min(i // 2, len(areas) - 1)]
            polarity = "POLARITY_GOING_WELL" if "going well" in heading else "POLARITY_NEEDS_TO_IMPROVE"
            bullets = [b.strip() for b in re.findall(r"^\s*(?:-|•)\s+(.+)$", block, re.M)]
            for position, bullet in enumerate(bullets, 1):
                bullet = bullet.replace(" View resource.", "")
                note = "" if prefix != "000" else "Area headings inferred from the order of the page's sections."
                out.append({"academic_year": year, "area": area, "polarity": polarity, "position": position,
                            "text": bullet, "text_origin": "TEXT_ORIGIN_ESTYN", "provenance": {"sources": [{"id": source}],
                                                           "certainty": "CERTAINTY_SOURCED", "note": note}})
    return out


# Estyn printed this bullet with two slips (WELSH-NOTES.md, section 6):
# "yn tri o’r pedwar awdurdod lleol arolygwyd". The next bullet has the
# right form, which the record keeps instead.
WELSH_CORRECTIONS = {
    "yn tri o’r pedwar awdurdod lleol arolygwyd.":
        ("mewn tri o’r pedwar awdurdod lleol a arolygwyd.",
         "Estyn printed 'yn tri o’r pedwar awdurdod lleol arolygwyd'; corrected to "
         "'mewn tri o’r pedwar awdurdod lleol a arolygwyd' as in the next bullet."),
}


def add_welsh(messages, terms):
    """Pairs the Welsh bullets of welsh-terms.json with the English key
    messages: same year, area and list, in order. A bullet cut off in the
    stored copy is left out, so the page says the Welsh is missing."""
    areas = {"Deilliannau a gwasanaethau addysg": "Outcomes and education services",
             "Arweinyddiaeth a rheolaeth": "Leadership and management"}
    lists = {"Beth sy'n mynd yn dda": "POLARITY_GOING_WELL",
             "Beth sydd angen ei wella": "POLARITY_NEEDS_TO_IMPROVE"}
    seen = {}
    for entry in terms["key_messages_welsh"]:
        area = areas.get(entry.get("area", "").split(" (")[0])
        polarity = lists.get(entry.get("list"))
        if not area or not polarity:
            continue  # Prose sections, not key messages.
        year = int(entry["year"][:4])
        position = seen[(year, area, polarity)] = seen.get((year, area, polarity), 0) + 1
        text = entry["welsh"]
        if "[...]" in text:
            continue
        origin, note = "TEXT_ORIGIN_ESTYN", "Estyn's Welsh sector summary: " + entry["source_url"]
        for wrong, (right, why) in WELSH_CORRECTIONS.items():
            if text.endswith(wrong):
                text = text[: -len(wrong)] + right
                origin, note = "TEXT_ORIGIN_ESTYN_CORRECTED", why + " Source: " + entry["source_url"]
        for m in messages:
            if (m["academic_year"], m["area"], m["polarity"], m["position"]) == (year, area, polarity, position):
                m["translations"] = [{"language_code": "cy", "text": text, "origin": origin, "note": note}]
    return messages


# The additions' new inspections: (start, academic year, published,
# certainty, framework, causing significant concern). Neither source gives
# the inspection week; the Vale's year is inferred (see its note).
NEW_INSPECTIONS = {
    "VALE-2024": ("2023-2024", 2023, "2024-04-30", "INFERRED", "3", False),
    "MON-2025-11": ("2025-11", 2025, "", "PARTLY_INFERRED", "2", False),
}
# A record-additions update that adds a recommendation's wording: (inspection,
# number) -> the text to keep. The stored excerpt of Anglesey's minute stops
# mid-sentence; the text keeps what was read and says it is cut off.
ADDED_RECOMMENDATIONS = {
    ("ANGLESEY-2022-06", 1): "strengthen processes for evaluating … (the rest is not in the record)",
}
# Follow-up events of the additions that are kept: the dated ones about the
# follow-up of an authority in it. Left out: the 2 July 2025 conference
# (already in the record; the additions only add what Estyn said), the
# negative finding (no date), and Blaenau Gwent's link meeting (never in
# follow-up; a link visit is not a follow-up step).
ADDED_EVENT_DATES = {"2025-04-04", "2025-09-11"}


def additions(extra, codes, urls, inspections, events_out):
    """Folds record-additions-2026-11.json into the converted records,
    keeping each fact's sources and certainty."""
    urls.update({s["id"]: s["url"] for s in extra["sources"]})
    by_id = {i["name"].split("/", 1)[1]: i for i in inspections}
    for raw in extra["inspections"]:
        note = " ".join(x for x in (raw.get("certainty", ""), raw.get("notes", ""),
                                     raw.get("medium_note", ""),
                                     raw.get("causing_significant_concern_note", ""),
                                     raw.get("recommendations_complete_note", "")) if x)
        if raw["record_type"] == "new_inspection":
            start, year, published, certainty, framework, concern = NEW_INSPECTIONS[raw["id"]]
            out = {"name": "inspections/" + raw["id"], "provider_code": codes[raw["provider"]],
                   "start_date": date(start), "academic_year": year,
                   "framework": "FRAMEWORK_VERSION_2018_THREE_AREAS" if framework == "3"
                   else "FRAMEWORK_VERSION_2024_TWO_AREAS",
                   "recommendation_count": raw["recommendations_count"] or 0,
                   "recommendation_order_known": False, "causing_significant_concern": concern,
                   "provenance": provenance(raw["source_ids"], urls, "CERTAINTY_" + certainty, note),
                   "recommendations": [
                       {"number": r["number"], "text": r["text"], "text_status": TEXT_STATUS[r["text_status"]],
                        "provenance": provenance(r["source_ids"], urls, note=r.get("note", ""))}
                       for r in raw["recommendations"]]}
            if published:
                out["report_published"] = date(published)
            inspections.append(out)
            continue
        target = by_id[raw["existing_id"]]
        known = {s["id"] for s in target["provenance"]["sources"]}
        target["provenance"]["sources"] += [{"id": i, "url": urls.get(i, "")} for i in raw["source_ids"]
                                            if i not in known]
        extra_note = ("Additions of November 2026: " + note)[:2000 - len(target["provenance"].get("note", "")) - 1]
        target["provenance"]["note"] = (target["provenance"].get("note", "") + " " + extra_note).strip()
        for r in raw["recommendations"]:
            text = ADDED_RECOMMENDATIONS.get((raw["existing_id"], r["number"]))
            if text and not any(x["number"] == r["number"] for x in target["recommendations"]):
                target["recommendations"].append(
                    {"number": r["number"], "text": text, "text_status": TEXT_STATUS[r["text_status"]],
                     "provenance": provenance(r["source_ids"], urls, note=r.get("note", ""))})
                target["recommendations"].sort(key=lambda x: x["number"])
                target["recommendation_order_known"] = False  # "numbering inferred".
    for e in extra["follow_up_events"]:
        if e["date"] not in ADDED_EVENT_DATES:
            continue
        code = codes[e["authority"]]
        linked = [i for i in inspections if i["provider_code"] == code and i["causing_significant_concern"]]
        events_out.append({"provider_code": code, "kind": "FOLLOW_UP_KIND_OTHER", "date": date(e["date"]),
                           "description": e["event"], "inspection": linked[-1]["name"],
                           "provenance": provenance(e["source_ids"], urls, CERTAINTY[e["certainty"]],
                                                    e.get("note", ""))})


# The vocabulary theme (data/themes/v1.json) of each statement of a printed
# overview of recommendations, by the statement's key words.
OVERVIEW_THEMES = [
    ("strategic leadership", "strategic_leadership"),
    ("evaluation and improvement", "self_evaluation"),
    ("school improvement services", "school_improvement"),  # Before "secondary".
    ("secondary schools.", "secondary_schools"),
    ("attendance", "attendance"),
    ("Welsh-medium", "welsh_language"),
    ("social, emotional and behavioural", "wellbeing_behaviour"),
]
FIGURES = {"providers": "PROVIDERS", "core_inspections": "CORE_INSPECTIONS", "welsh_medium": "WELSH_MEDIUM",
           "english_medium": "ENGLISH_MEDIUM", "case_studies": "CASE_STUDIES",
           "case_studies_published": "CASE_STUDIES_PUBLISHED", "in_follow_up_at_start": "IN_FOLLOW_UP_AT_START",
           "removed_during_year": "REMOVED_DURING_YEAR", "went_into_follow_up": "WENT_INTO_FOLLOW_UP",
           "in_follow_up_at_end": "IN_FOLLOW_UP_AT_END"}


def published_years(figures):
    """published-figures.json as PublishedYear records: what each page printed."""
    out = []
    for y in figures["years"]:
        year = {"academic_year": int(y["academic_year"][:4]), "source_url": y["source"], "note": y.get("notes", ""),
                "figures": [{"figure": "SECTOR_FIGURE_" + FIGURES[k], "value": v} for k, v in y["printed"].items()]}
        overview = y.get("overview_of_recommendations")
        if overview:
            year["overview_source"] = overview["source"]
            year["overview_inspected"] = overview["inspected"]
            year["overview"] = []
            for t in overview["authorities_per_theme"]:
                theme = next(theme for words, theme in OVERVIEW_THEMES if words in t["as_printed"])
                year["overview"].append({"as_printed": t["as_printed"], "authorities": t["authorities"],
                                         "theme_id": theme})
            year["figures"].append({"figure": "SECTOR_FIGURE_OVERVIEW_THEMES",
                                    "value": len(overview["authorities_per_theme"])})
        out.append(year)
    return out


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
    record = json.load(open(f"{shared}/reference/lges-public-record.json", encoding="utf-8"))
    urls = record["sources"]
    codes = authority_codes(record)
    inspections = [inspection(i, codes, urls) for i in record["inspections"]]
    extra = json.load(open(f"{shared}/reference/record-additions-2026-11.json", encoding="utf-8"))
    added_events = []
    additions(extra, codes, urls, inspections, added_events)
    groups = []
    for code, kind, name_en, name_cy, members, sources in GROUPS:
        groups.append({"code": code, "kind": "PROVIDER_KIND_" + kind, "name_en": name_en, "name_cy": name_cy,
                       "memberships": [dict({"authority_code": codes[n], "valid_from": date(f),
                                             "provenance": provenance([], urls, "CERTAINTY_" + c, note)},
                                            **({"valid_to": date(t)} if t else {}))
                                       for n, f, t, c, note in members],
                       "provenance": provenance(sources, urls)})
    out = {"format": "lges-records", "format_version": 1,
           "source": record["title"] + " (converted by scripts/convert-public-record.py)",
           "providers": groups, "inspections": inspections,
           "follow_up_events": events(record, codes, urls, inspections) + added_events,
           "key_messages": add_welsh(key_messages(f"{shared}/seeds"),
                                     json.load(open(f"{shared}/reference/welsh-terms.json", encoding="utf-8"))),
           "published_years": published_years(
               json.load(open(f"{shared}/reference/published-figures.json", encoding="utf-8")))}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
