// lgesctl: the command-line client of LGES Insights.
#include <cstdlib>
#include <iostream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace {

constexpr char kUsage[] =
    R"(usage: lgesctl [--server=HOST:PORT] [--timeout=SECONDS] [--output=table|json|csv] [--actor=NAME] COMMAND

commands:
  health                              is the server up and serving?
  providers list [--kind=KIND]        local authorities and services (KIND: local-authority,
                                      school-improvement-service, partnership-service)
  providers get CODE                  one provider, e.g. W06000023
  inspections list [--provider=CODE] [--year=2022-2023 | --from=YEAR --to=YEAR] [--concern]
  inspections get ID                  one inspection with its recommendations
  inspections create FILE [--id=ID] [--request-id=ID]
                                      create an inspection from a JSON file
  inspections delete ID [--etag=ETAG]
  follow-up list [--provider=CODE]    follow-up events as recorded
  follow-up status [--date=YYYY-MM-DD]  authorities in follow-up on a day (default today)
  follow-up timeline [--from=YEAR] [--to=YEAR]
                                      per-year figures, episodes and milestones against their windows
  key-messages list [--year=YEAR]     the annual report's key messages
  summary YEAR                        the sector page of an academic year, e.g. summary 2022-2023
  trends --from=YEAR --to=YEAR [--consortium=CODE]
                                      recommendation themes across the years
  profile CODE                        an authority's inspections, themes and follow-up
  classify "TEXT"                     the theme a recommendation would get, with the evidence
  themes                              the theme vocabulary
  set-theme INSPECTION_ID NUMBER THEME_ID
                                      set the primary theme of a stored recommendation ('' clears)
  import FILE [--dry-run]             import a record set (.json) or a recommendations or follow-up
                                      events file (.csv); all or nothing (docs/FORMAT.md)
  export [--from=YEAR] [--to=YEAR]    the records as a JSON record set that import accepts
  changes [--since=VERSION]           what changed, when, by whom and from what source

The server address comes from --server, else LGES_SERVER, else 127.0.0.1:50051.
Exit codes: 0 success, 1 request refused or failed, 2 usage error, 3 server unreachable.
)";

const std::set<std::string> kKnownFlags = {
    "server", "timeout", "output",  "kind",       "provider",   "year",
    "from",   "to",      "concern", "id",         "request-id", "etag",
    "help",   "actor",   "date",    "consortium", "dry-run",    "since"};

}  // namespace

int main(int argc, char** argv) {
  using namespace lges::cli;
  const Args args = ParseArgs(argc, argv);
  Io io{std::cout, std::cerr, args.Flag("output") == "json"};
  if (args.Has("help") || args.words.empty()) {
    (args.words.empty() && !args.Has("help") ? std::cerr : std::cout) << kUsage;
    return args.Has("help") ? kExitOk : kExitUsage;
  }
  if (auto unknown = UnknownFlags(args, kKnownFlags); !unknown.empty())
    return UsageError("unknown flag " + unknown[0], io);
  const std::string output = args.Flag("output", "table");
  SetCsvOutput(output == "csv");
  if (output != "table" && output != "json" && output != "csv")
    return UsageError("--output must be table, json or csv", io);

  lges::LgesClient::Options options;
  const char* env_server = std::getenv("LGES_SERVER");
  options.address = args.Flag(
      "server", env_server && *env_server ? env_server : "127.0.0.1:50051");
  const int timeout = std::atoi(args.Flag("timeout", "10").c_str());
  if (timeout <= 0)
    return UsageError("--timeout must be a positive number of seconds", io);
  options.timeout = std::chrono::seconds(timeout);
  options.actor = args.Flag("actor");
  lges::LgesClient client(options);

  const std::string& command = args.words[0];
  if (command == "health") return Health(client, options.address, io);
  if (command == "providers") return Providers(args, client, io);
  if (command == "inspections") return Inspections(args, client, io);
  if (command == "follow-up") return FollowUp(args, client, io);
  if (command == "key-messages") return KeyMessages(args, client, io);
  if (command == "import") return Import(args, client, io);
  if (command == "export") return Export(args, client, io);
  if (command == "changes") return Changes(args, client, io);
  for (const char* analytics :
       {"summary", "trends", "classify", "themes", "set-theme", "profile"}) {
    if (command == analytics) return Analytics(command, args, client, io);
  }
  return UsageError("unknown command '" + command + "'", io);
}
