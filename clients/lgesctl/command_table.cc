#include "clients/lgesctl/command_table.h"

#include <map>

namespace lges::cli {
namespace {

std::vector<CommandSpec> BuildCommands() {
  return {
      {"summary",
       "summary YEAR",
       "the sector page figures of an academic year",
       "The figures the annual report's sector page prints for YEAR: core\n"
       "inspections (Welsh- and English-medium), authorities in follow-up at\n"
       "the start and end of the year, the overview of recommendations with\n"
       "Estyn-style sentences, and the key messages. YEAR is an academic\n"
       "year: 2022-2023, 2022-23 or 2022.",
       {"lgesctl summary 2022-2023",
        "lgesctl summary 2022-23 --format=markdown > summary.md"},
       {},
       Summary},
      {"reconcile",
       "reconcile YEAR",
       "a year's figures beside those Estyn published",
       "Each figure of the sector page for YEAR as computed from the record\n"
       "and as Estyn printed it, with how they stand: agree, record\n"
       "incomplete (the record lacks inspections, recommendations, media or\n"
       "case studies), published figure inconsistent (it contradicts the\n"
       "page's other figures), or disagree. Then each statement of the\n"
       "printed overview of recommendations against the record's themes, and\n"
       "what the record lacks for the year.",
       {"lgesctl reconcile 2022-2023",
        "lgesctl reconcile 2023 --format=csv > reconcile-2023.csv"},
       {},
       Reconcile},
      {"trends",
       "trends FROM TO [--consortium=CODE]",
       "recommendation themes across academic years",
       "For each theme and year: the providers inspected that year that had\n"
       "a recommendation in the theme, out of those inspected ('none' when\n"
       "there were no inspections). --consortium keeps the authorities in\n"
       "that consortium or partnership on each inspection's date (a provider\n"
       "code such as erw, or 'none').",
       {"lgesctl trends 2017 2024",
        "lgesctl trends 2017-2018 2023-2024 --consortium=erw --format=csv"},
       {"consortium", "from", "to"},
       Trends},
      {"follow-up",
       "follow-up [--as-of=DATE] | follow-up timeline [--from=YEAR] "
       "[--to=YEAR] | follow-up list [--provider=CODE]",
       "authorities causing significant concern, on a day and over time",
       "follow-up: the authorities in follow-up on DATE (YYYY-MM-DD; default\n"
       "today), since when and for how long.\n"
       "follow-up timeline: per academic year, those in follow-up on 1\n"
       "September, those who went in or were removed, and those left on 31\n"
       "August; every episode; milestones against their windows.\n"
       "follow-up list: the follow-up events as recorded.",
       {"lgesctl follow-up --as-of=2023-09-01",
        "lgesctl follow-up timeline --from=2019",
        "lgesctl follow-up list --provider=W06000023"},
       {"as-of", "date", "from", "to", "provider"},
       FollowUp},
      {"authority",
       "authority CODE|NAME",
       "one authority's inspections, themes and follow-up",
       "An authority by GSS code (W06000023), by its English or Welsh name\n"
       "in any case (Powys, 'Sir Benfro'), or by a part of a name that only\n"
       "one authority has. Shows its inspections, the theme of each\n"
       "recommendation, themes that recur at consecutive inspections, and\n"
       "its time in follow-up. --html=FILE writes it as a printable page.",
       {"lgesctl authority Powys", "lgesctl authority W06000009 --format=json",
        "lgesctl authority Powys --html=powys.html"},
       {"html"},
       Authority},
      {"themes",
       "themes",
       "the theme vocabulary, in English and Welsh",
       "The themes recommendations are classified into (docs/THEMES.md), with\n"
       "their ids, English and Welsh labels.",
       {"lgesctl themes", "lgesctl themes --format=csv"},
       {},
       Themes},
      {"classify",
       "classify TEXT",
       "the theme a recommendation's wording would get (stores nothing)",
       "Runs the classifier on TEXT and shows the primary theme, the tags and\n"
       "the phrases that decided them. Nothing is stored.",
       {"lgesctl classify \"Improve self-evaluation and improvement "
        "planning\""},
       {},
       Classify},
      {"override",
       "override INSPECTION_ID NUMBER THEME_ID --reason=TEXT | override "
       "INSPECTION_ID NUMBER --clear | override list",
       "set a stored recommendation's primary theme, with a reason",
       "Sets the primary theme of recommendation NUMBER (2 for R2) of an\n"
       "inspection; it wins over the classifier in every figure. --reason is\n"
       "required and kept, with who set it (your token's name) and when.\n"
       "--clear gives the recommendation back to the classifier. 'override\n"
       "list' shows every change of theme, oldest first.",
       {"lgesctl override POWYS-2025-02 2 strategic_leadership \\\n"
        "      --reason=\"the head of R2 is leadership\" --actor=annual-report",
        "lgesctl override list"},
       {"reason", "clear", "inspection"},
       Override},
      {"report",
       "report YEAR --html=FILE | report --trends FROM TO --html=FILE",
       "write the sector page of YEAR as one printable HTML file",
       "Writes one self-contained HTML file laid out like the annual report's\n"
       "sector page: the figures, the key messages, the overview of\n"
       "recommendations with Estyn-style sentences, the follow-up figures,\n"
       "and charts of recommendations by theme and of authorities in\n"
       "follow-up across the years. Welsh labels are shown where the data has\n"
       "them; it prints on A4 and loads nothing from the network. A banner\n"
       "on page 1 says where the record is incomplete or differs from what\n"
       "Estyn published (see reconcile). --trends writes the themes of FROM\n"
       "to TO in the same style.",
       {"lgesctl report 2022-2023 --html=lges-2022-2023.html",
        "lgesctl report --trends 2017 2024 --html=themes.html"},
       {"html", "trends"},
       Report},
      {"inspections",
       "inspections list [--provider=CODE] [--year=YEAR] [--concern] | "
       "inspections get ID | inspections create FILE [--id=ID] "
       "[--request-id=ID] | inspections delete ID [--etag=ETAG]",
       "the inspections as recorded; create or delete one",
       "list: inspections by date; --year=YEAR for one academic year, or\n"
       "--from=YEAR and --to=YEAR for a range; --concern for those judged\n"
       "causing significant concern. get: one inspection with its "
       "recommendations.\n"
       "create: from a JSON file of an Inspection (docs/FORMAT.md).",
       {"lgesctl inspections list --year=2022-2023",
        "lgesctl inspections get POWYS-2025-02"},
       {"provider", "year", "from", "to", "concern", "id", "request-id",
        "etag"},
       Inspections},
      {"providers",
       "providers [list] [--kind=KIND] | providers get CODE",
       "the local authorities and the services inspected with them",
       "KIND: local-authority, school-improvement-service or\n"
       "partnership-service. get shows one provider with its members over\n"
       "time.",
       {"lgesctl providers list --kind=local-authority",
        "lgesctl providers get erw"},
       {"kind"},
       Providers},
      {"key-messages",
       "key-messages [list] [--year=YEAR] | key-messages create YEAR "
       "POLARITY TEXT --area=AREA | key-messages delete ID [--etag=ETAG]",
       "the sector pages' key messages; add or remove one",
       "What is going well and what needs to improve, by year and area.\n"
       "POLARITY: going-well or needs-to-improve. create prints the new\n"
       "message's name (keyMessages/ID); --position=N places it among the\n"
       "year's, --request-id=ID makes a retry safe. delete takes the ID.",
       {"lgesctl key-messages --year=2022-2023",
        "lgesctl key-messages create 2024 going-well \"Clear vision.\" "
        "--area=Leadership",
        "lgesctl key-messages delete 27"},
       {"year", "area", "position", "request-id", "etag"},
       KeyMessages},
      {"import",
       "import FILE [--dry-run]",
       "import records from a .json record set or a .csv file",
       "All or nothing: a file with any invalid record changes nothing, and\n"
       "each problem is named by place (records.inspections[3].start_date,\n"
       "or line and column in a CSV). Progress goes to standard error in\n"
       "three steps: read, checked, imported. --dry-run stops after the\n"
       "check. Formats: docs/FORMAT.md.",
       {"lgesctl import edits.json --dry-run",
        "lgesctl import recommendations.csv"},
       {"dry-run"},
       Import},
      {"export",
       "export [FILE] [--from=YEAR] [--to=YEAR]",
       "the records as a JSON record set that import accepts",
       "Writes the record set to FILE, or to standard output. Always JSON.",
       {"lgesctl export backup.json",
        "lgesctl export --from=2022 > recent.json"},
       {"from", "to"},
       Export},
      {"changes",
       "changes [--since=VERSION]",
       "what changed, when, by whom and from what source",
       "The change log from dataset version VERSION on.",
       {"lgesctl changes --since=100"},
       {"since"},
       Changes},
      {"tokens",
       "tokens [list] | tokens create --name=NAME --role=ROLE | tokens revoke "
       "NAME",
       "credentials: create, list, revoke (admins)",
       "Tokens carry a role: reader, editor or admin. 'create' prints the new\n"
       "token once, alone on stdout; it is stored only as a hash. 'revoke'\n"
       "takes effect on the next call. Needs an admin token; offline, use\n"
       "lges-server tokens (docs/SECURITY.md).",
       {"lgesctl tokens create --name=report-team --role=editor",
        "lgesctl tokens revoke report-team"},
       {"name", "role"},
       Tokens},
      {"backup",
       "backup FILE | backup --verify FILE",
       "an online copy of the whole database, and its check (admins)",
       "Copies the whole database while writes go on: records, theme\n"
       "overrides with their reasons, the change log and credentials (token\n"
       "hashes, so keep the file private). FILE must not exist; it is\n"
       "written as FILE.part and renamed once its size and SHA-256 match and\n"
       "it passes the check. --verify checks a copy without a server:\n"
       "integrity, schema version, what it holds. Restore with\n"
       "lges-server --db=FILE (docs/OPERATIONS.md).",
       {"lgesctl backup lges-2026-11-29.db",
        "lgesctl backup --verify lges-2026-11-29.db"},
       {"verify"},
       Backup},
      {"health",
       "health",
       "is the server up and serving?",
       "Prints SERVING and exits 0, or NOT_SERVING and exits 1.",
       {"lgesctl health --server=10.0.0.5:50051"},
       {},
       Health},
  };
}

}  // namespace

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> commands = BuildCommands();
  return commands;
}

const CommandSpec* FindCommand(const std::string& name) {
  static const std::map<std::string, std::string> kOldNames = {
      {"profile", "authority"}, {"set-theme", "override"}};
  auto old = kOldNames.find(name);
  const std::string& wanted = old == kOldNames.end() ? name : old->second;
  for (const CommandSpec& c : Commands()) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

const std::set<std::string>& GlobalFlags() {
  static const std::set<std::string> flags = {
      "server",     "timeout", "format",    "output",   "actor",    "lang",
      "token-file", "ca-file", "cert-file", "key-file", "help",
      "table",      "output-dir", "excel", "request-id"};
  return flags;
}

std::string MainHelp() {
  std::string out =
      "lgesctl: the command-line client of LGES Insights, the record of\n"
      "Estyn's inspections of local government education services in Wales.\n"
      "\n"
      "usage: lgesctl COMMAND [WORDS] [--flags]\n"
      "       lgesctl help COMMAND   (or lgesctl COMMAND --help)\n"
      "\n"
      "commands:\n";
  for (const CommandSpec& c : Commands()) {
    std::string name = "  " + c.name;
    name.resize(16, ' ');
    out += name + c.purpose + "\n";
  }
  out +=
      "\n"
      "flags for every command:\n"
      "  --server=HOST:PORT  the server; else $LGES_SERVER, else "
      "127.0.0.1:50051\n"
      "  --timeout=SECONDS   deadline of each call (default 10; 0.5 allowed)\n"
      "  --format=FORMAT     table (default; fits 80 columns, or $COLUMNS),\n"
      "                      csv (header row, codes and labels), json (the\n"
      "                      API's JSON, which parses back), markdown\n"
      "  --token-file=PATH   your token; else $LGES_TOKEN (the token itself),\n"
      "                      $LGES_TOKEN_FILE, ~/.config/lges-insights/token\n"
      "                      (where lges-server puts the first admin token);\n"
      "                      without one you are anonymous (reads only)\n"
      "  --actor=NAME        whom you act for, logged beside your token's "
      "name\n"
      "  --request-id=ID     sent with each call and logged by the server with\n"
      "                      it (letters, digits, -_.:); else a new one, which\n"
      "                      an error message quotes\n"
      "  --lang=cy           Welsh headings, labels and sentences (summary,\n"
      "                      trends, follow-up, report); else $LGES_LANG, else\n"
      "                      en\n"
      "  --ca-file=PEM       talk TLS to a server whose certificate this CA\n"
      "                      signed; --cert-file and --key-file for mutual "
      "TLS\n"
      "\n"
      "exit codes:\n"
      "  0  success\n"
      "  1  the server refused or failed the request (the message says why)\n"
      "  2  usage error: unknown command or flag, bad value, unreadable file\n"
      "  3  no server at the address (not running, or a wrong --server)\n"
      "  4  the server did not answer within --timeout\n"
      "\n"
      "examples:\n"
      "  lgesctl summary 2022-2023\n"
      "  lgesctl follow-up --as-of=2023-09-01\n"
      "  lgesctl report 2022-2023 --html=lges-2022-2023.html\n"
      "  lgesctl report 2022-2023 --lang=cy --html=lges-2022-2023-cy.html\n";
  return out;
}

std::string CommandHelp(const CommandSpec& c) {
  // One line per form of the command: "a | b" becomes two usage lines.
  std::string usage = "usage: lgesctl ", rest = c.synopsis;
  for (size_t bar; (bar = rest.find(" | ")) != std::string::npos;) {
    usage += rest.substr(0, bar) + "\n       lgesctl ";
    rest = rest.substr(bar + 3);
  }
  std::string out = usage + rest + "\n\n" + c.purpose + ".\n\n" + c.details +
                    "\n\nexamples:\n";
  for (const std::string& e : c.examples) out += "  " + e + "\n";
  out +=
      "\nGlobal flags: --server, --timeout, --format, --actor, --lang "
      "(lgesctl --help).\n";
  return out;
}

}  // namespace lges::cli
