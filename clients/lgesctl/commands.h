#pragma once
// The lgesctl commands. Each writes results to `out`, messages meant for a
// person to `err` (one line per problem), and returns the process exit code
// (kExit*). Commands build a View, or print the API's JSON with --format=json.

#include <chrono>
#include <map>
#include <ostream>

#include "clients/lges_client.h"
#include "clients/lgesctl/args.h"
#include "clients/lgesctl/view.h"
#include "i18n/catalogue.h"

namespace lges::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;       // The server refused or failed.
inline constexpr int kExitUsage = 2;        // Bad command line or file.
inline constexpr int kExitUnreachable = 3;  // No server at the address.
inline constexpr int kExitTimeout = 4;      // No answer within --timeout.

struct Io {
  std::ostream& out;
  std::ostream& err;
  Format format = Format::kTable;
  int width = 80;      // Columns for text output.
  std::string server;  // The address in use, for messages.
  std::chrono::milliseconds timeout{10000};
  // --lang or $LGES_LANG: the language of headings, labels and sentences.
  i18n::Language language = i18n::Language::kEnglish;
  // CSV: --excel adds a byte-order mark; --table writes one table of
  // several; --output-dir writes each table to a file of its own there.
  bool excel = false;
  std::string table;
  std::string output_dir;
  // Sent with every call of this run; quoted with the server's errors.
  std::string request_id;
  bool json() const { return format == Format::kJson; }
  bool welsh() const { return language == i18n::Language::kWelsh; }
};

// The catalogue's text of `key` (i18n/catalogue/*.json) in io's language.
const std::string& T(const Io& io, std::string_view key);
std::string F(const Io& io, std::string_view key, const i18n::Args& args);
// A column titled from the catalogue. CSV names it by its English title,
// so that a file has the same header in both languages.
Column Col(const Io& io, std::string_view key, bool wraps = false,
           bool data_only = false);
// The same for a column of dates (Column::date).
Column DateCol(const Io& io, std::string_view key);
// A record's text in io's language: its Welsh translation, or else the
// English marked with the catalogue's "cli.english_only" so that languages
// never mix silently.
std::string InLanguage(
    const Io& io, const std::string& english,
    const google::protobuf::RepeatedPtrField<pb::LocalizedText>& translations);
// A key message's area ("Leadership and management") in io's language;
// as it is when the catalogue has no such area.
std::string AreaLabel(const Io& io, const std::string& area);

int Health(const Args& args, LgesClient& client, Io io);
// providers list|get; key-messages [list]; follow-up list (records).
int Providers(const Args& args, LgesClient& client, Io io);
int KeyMessages(const Args& args, LgesClient& client, Io io);
int FollowUpEvents(const Args& args, LgesClient& client, Io io);
// inspections list|get|create|delete.
int Inspections(const Args& args, LgesClient& client, Io io);
// follow-up [--as-of DATE] | status | timeline | list.
int FollowUp(const Args& args, LgesClient& client, Io io);
int Summary(const Args& args, LgesClient& client, Io io);
int Reconcile(const Args& args, LgesClient& client, Io io);
int Trends(const Args& args, LgesClient& client, Io io);
int Authority(const Args& args, LgesClient& client, Io io);
int Themes(const Args& args, LgesClient& client, Io io);
int Classify(const Args& args, LgesClient& client, Io io);
// override ID NUMBER THEME --reason=TEXT | override --clear | override list.
int Override(const Args& args, LgesClient& client, Io io);
int Import(const Args& args, LgesClient& client, Io io);
int Export(const Args& args, LgesClient& client, Io io);
int Changes(const Args& args, LgesClient& client, Io io);
// report YEAR --html FILE.
int Report(const Args& args, LgesClient& client, Io io);
// Writes a printable page to `path` and says so ("wrote PATH: ..."), or says
// why it could not (report_command.cc).
int WritePage(const std::string& path, const std::string& html,
              const std::string& what, int64_t version, Io io);
// tokens [list] | tokens create --name=NAME --role=ROLE | tokens revoke NAME.
int Tokens(const Args& args, LgesClient& client, Io io);
// backup FILE | backup --verify FILE (no server needed).
int Backup(const Args& args, LgesClient& client, Io io);

// Calls a List method page by page and merges every page into `all`
// (repeated fields concatenate); total_size is the server's count.
template <typename Req, typename Resp>
absl::Status ListAll(LgesClient& client,
                     absl::Status (LgesClient::*method)(const Req&, Resp*),
                     Req req, Resp* all) {
  req.set_page_size(500);
  do {
    Resp page;
    absl::Status status = (client.*method)(req, &page);
    if (!status.ok()) return status;
    all->MergeFrom(page);
    req.set_page_token(page.next_page_token());
  } while (!req.page_token().empty());
  all->clear_next_page_token();
  return absl::OkStatus();
}

// Prints `message` as the API's JSON (proto field names), which parses back
// into the same message.
void PrintJson(const google::protobuf::Message& message, Io io);
// The common ending of a call: reports a failed `status` and returns its exit
// code, or prints `reply` as JSON under --format=json and returns kExitOk;
// nullopt when the command goes on to show `reply` itself.
std::optional<int> FailedOrPrinted(const absl::Status& status,
                                   const std::string& what,
                                   const google::protobuf::Message& reply,
                                   Io io);
// Prints `view` in the chosen format (not JSON) and returns the exit
// status (csv_output.cc). CSV honours --table, --output-dir and --excel; a
// --table the view lacks is a usage error naming the tables it has.
int Show(const View& view, Io io);

// Prints a failed call as one line (then one line per field violation) and
// returns its exit code: kExitUnreachable, kExitTimeout or kExitFailed.
int ReportRpcError(const absl::Status& status, const std::string& what, Io io);
// Prints "lgesctl: MESSAGE (see lgesctl help COMMAND)"; returns kExitUsage.
int UsageError(const std::string& message, Io io,
               const std::string& command = "");

// Provider code -> provider or English name, and theme id -> English
// label, for readable output. Empty on failure: labels are a convenience,
// not worth failing a command for.
std::map<std::string, pb::Provider> ProvidersByCode(LgesClient& client);
std::map<std::string, std::string> ProviderNames(
    LgesClient& client, i18n::Language language = i18n::Language::kEnglish);
std::map<std::string, std::string> ThemeLabels(
    LgesClient& client, i18n::Language language = i18n::Language::kEnglish);
// `names[key]`, or `key` if absent.
std::string LabelOr(const std::map<std::string, std::string>& names,
                    const std::string& key);

// An analytics reply's footnotes ("note: ..."), warnings ("warning: ...")
// and dataset version, as a View's notes.
std::vector<std::string> MetaNotes(const pb::AnalyticsMeta& meta,
                                   i18n::Language language);

// The academic years of --year (both ends), then --from and --to, each
// optional; 0 where absent, as the API reads it. nullopt after a usage error.
struct YearRange {
  int from = 0;
  int to = 0;
};
std::optional<YearRange> YearRangeFlags(const Args& args, Io io);

// Reads an academic year flag or word ("2022-2023", "2022-23", "2022");
// prints a usage error naming `what` if malformed.
std::optional<int> YearArg(const std::string& text, const std::string& what,
                           Io io);

}  // namespace lges::cli
