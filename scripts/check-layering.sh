#!/usr/bin/env bash
# Checks the layering of docs/DESIGN.md from the #include lines of every
# C++ file: each folder includes only the folders below it, and the outside
# libraries stay where they belong (no gRPC, protobuf, SQLite or Prometheus
# in domain/ and analytics/; <sqlite3.h> only in storage/sqlite_db.cc; no
# gRPC in lgesctl or in the client library's header; cpp-httplib and OpenSSL
# each in the few files that wrap them). Prints every breach
# as FILE:LINE and fails if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 - <<'PY'
import pathlib, re, sys

# Folder -> the project folders its files may include (itself included).
ALLOWED = {
    "common": {"common"},
    "i18n": {"i18n"},
    "render": {"i18n", "render"},
    "domain": {"domain"},
    "analytics": {"domain", "i18n", "analytics"},
    "storage": {"domain", "storage"},
    "convert": {"domain", "i18n", "analytics", "convert"},
    "service": {"common", "domain", "i18n", "analytics", "storage", "convert",
                "service"},
    "gateway": {"common", "domain", "i18n", "convert", "service", "render",
                "gateway"},
    "server": {"common", "domain", "i18n", "analytics", "storage", "convert",
               "service", "gateway", "server"},
    "clients": {"common", "domain", "i18n", "convert", "render", "clients"},
}
# Files of convert/ that may use analytics (lges_convert_analytics).
CONVERT_ANALYTICS = {"convert/convert_analytics.h", "convert/convert_analytics.cc",
                     "convert/analytics_enum_pins.cc"}
# The one storage header lgesctl uses: checking a backup file offline.
CLIENT_STORAGE = {"storage/verify.h"}
# Outside libraries, recognised by include path.
LIBS = {
    "grpc": re.compile(r"^<?(grpcpp/|grpc/)|\.grpc\.pb\.h"),
    "protobuf": re.compile(r"^<?google/protobuf/|\.pb\.h$"),
    "sqlite": re.compile(r"^<?sqlite3\.h"),
    "prometheus": re.compile(r"^<?prometheus/"),
    "httplib": re.compile(r"^<?httplib\.h"),
    "openssl": re.compile(r"^<?openssl/"),
}
# Where each library may be included (folder or file prefixes).
LIB_PLACES = {
    "grpc": ("service/", "server/", "clients/lges_client.cc",
             "gateway/forward.cc", "gateway/http_server.cc"),
    "protobuf": ("convert/", "service/", "gateway/", "server/", "clients/",
                 # lges::render_api: the pages' content from the API's replies.
                 "render/sector_page_from_api.", "render/pages_from_api.h",
                 "render/trends_html.cc", "render/authority_html.cc"),
    "sqlite": ("storage/sqlite_db.cc",),
    "prometheus": ("server/",),
    "httplib": ("gateway/http_server.cc",),
    "openssl": ("gateway/tls.cc", "service/tokens.cc", "common/sha256.cc"),
}
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"][^>"]+[>"])')

breaches = []
files = sorted(p for folder in ALLOWED for p in pathlib.Path(folder).rglob("*")
               if p.suffix in (".h", ".cc"))
for path in files:
    name = path.as_posix()
    folder = name.split("/")[0]
    for number, line in enumerate(path.read_text().splitlines(), 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        target = m.group(1)[1:-1]
        top = target.split("/")[0]
        if m.group(1)[0] == '"' and top in ALLOWED:
            ok = top in ALLOWED[folder]
            if folder == "convert" and top == "analytics":
                ok = name in CONVERT_ANALYTICS
            if folder == "clients" and top == "storage":
                ok = target in CLIENT_STORAGE
            if not ok:
                breaches.append(f"{name}:{number}: {folder}/ may not include {target}")
            continue
        for lib, pattern in LIBS.items():
            if pattern.search(target) and not name.startswith(LIB_PLACES[lib]):
                breaches.append(f"{name}:{number}: {lib} ({target}) does not belong in {folder}/")
for b in breaches:
    print(b)
print(f"check-layering: {len(files)} files, {len(breaches)} breaches")
sys.exit(1 if breaches else 0)
PY
