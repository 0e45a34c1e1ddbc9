#!/usr/bin/env python3
"""The README's three tasks over HTTP/JSON with Python's standard library
only (urllib, json): who is in follow-up today, the 2022-2023 sector
summary, and a key message created and deleted again.

    python3 clients/python/lges_tasks.py [--url=http://127.0.0.1:8080]
        [--token-file=~/.config/lges-insights/token]

Reads need no token; the create and delete need an editor's (the first
start of lges-server writes the admin token to the token file)."""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request


class Api:
    """A tiny client of the LGES Insights HTTP/JSON API."""

    def __init__(self, url, token=None):
        self.url, self.token = url.rstrip("/"), token

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as e:
            status = json.load(e)  # A google.rpc.Status.
            reasons = [d.get("reason") for d in status.get("details", []) if "reason" in d]
            # The server's log has the call under this id.
            raise SystemExit(f"{method} {path}: HTTP {e.code} {reasons}: {status['message']} "
                             f"(request id {e.headers.get('X-Request-Id')})")


def in_follow_up(api):
    status = api.call("GET", "/v1/followUpStatus")
    day = status["date"]
    print(f"In follow-up on {day['year']}-{day['month']:02}-{day['day']:02}:")
    for a in status["authorities"]:
        if a["inFollowUp"]:
            since = a["since"]["earliest"]
            print(f"  {a['nameEn']} ({a['nameCy']}), since "
                  f"{since['year']}-{since['month']:02}-{since['day']:02}, {a['days']} days")


def summary(api, year=2022):
    s = api.call("GET", f"/v1/sectorSummaries/{year}")
    print(f"{s['academicYearLabel']}: {s['coreInspections']} core inspections, "
          f"{s['providersInspected']} providers inspected")
    for line in s["themes"]:
        print(f"  {line['labelEn']}: {line['sentence']}")


def create_and_delete(api):
    message = {"academicYear": 2024, "area": "Leadership and management",
               "polarity": "POLARITY_GOING_WELL", "text": "Leaders share a clear vision."}
    created = api.call("POST", "/v1/keyMessages", message)
    print(f"created {created['name']} (etag {created['etag']})")
    deleted = api.call("DELETE", f"/v1/{created['name']}?etag={created['etag']}")
    print(f"deleted {created['name']} (dataset version {deleted['datasetVersion']})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("LGES_HTTP_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--token-file", default=os.path.expanduser("~/.config/lges-insights/token"))
    args = parser.parse_args()
    token = None
    if os.path.exists(args.token_file):
        with open(args.token_file) as f:
            token = f.read().strip()
    api = Api(args.url, token)
    in_follow_up(api)
    summary(api)
    create_and_delete(api)


if __name__ == "__main__":
    sys.exit(main())
