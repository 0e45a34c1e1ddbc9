// lgesctl: the command-line client of LGES Insights.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "clients/lgesctl/command_table.h"
#include "common/host_port.h"
#include "common/request_id.h"

namespace {

using namespace lges::cli;

std::optional<Format> ParseFormat(const std::string& text) {
  if (text == "table") return Format::kTable;
  if (text == "csv") return Format::kCsv;
  if (text == "json") return Format::kJson;
  if (text == "markdown" || text == "md") return Format::kMarkdown;
  return std::nullopt;
}

// Text width: $COLUMNS if it is a sensible number, else 80.
int Width() {
  const char* columns = std::getenv("COLUMNS");
  const int width = columns ? std::atoi(columns) : 0;
  return width >= 40 && width <= 500 ? width : 80;
}

// The first line of `path`, or nullopt if it cannot be read.
std::optional<std::string> FirstLine(const std::string& path) {
  std::ifstream file(path);
  std::string line;
  if (!file || !std::getline(file, line)) return std::nullopt;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
    line.pop_back();
  return line;
}

// The token to send: $LGES_TOKEN, else the first line of --token-file or
// $LGES_TOKEN_FILE (which must be readable), else of the default file if
// it exists, else none. A usage error's exit code if a named file is not
// readable.
std::optional<int> ReadToken(const Args& args, Io& io, std::string& token) {
  auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value ? value : "";
  };
  if (token = env("LGES_TOKEN"); !token.empty()) return std::nullopt;
  std::string path = args.Flag("token-file", env("LGES_TOKEN_FILE"));
  if (!path.empty()) {
    std::optional<std::string> line = FirstLine(path);
    if (!line)
      return UsageError("cannot read the token file '" + path + "'", io);
    token = *line;
    return std::nullopt;
  }
  path = !env("XDG_CONFIG_HOME").empty()
             ? env("XDG_CONFIG_HOME") + "/lges-insights/token"
             : env("HOME") + "/.config/lges-insights/token";
  token = FirstLine(path).value_or("");
  return std::nullopt;
}

// The PEM files of --ca-file (else $LGES_CA_FILE), --cert-file and
// --key-file in `options`; a usage error's exit code if one cannot be read
// or they do not go together.
std::optional<int> ReadTlsFlags(const Args& args, Io& io,
                                lges::LgesClient::Options& options) {
  const std::pair<const char*, std::string*> pems[] = {
      {"ca-file", &options.tls_ca_pem},
      {"cert-file", &options.tls_cert_pem},
      {"key-file", &options.tls_key_pem}};
  const char* ca_env = std::getenv("LGES_CA_FILE");
  for (const auto& [flag, pem] : pems) {
    std::string path = args.Flag(flag);
    if (path.empty() && std::string(flag) == "ca-file" && ca_env) path = ca_env;
    if (path.empty()) continue;
    std::ifstream file(path);
    if (!file)
      return UsageError(
          "cannot read --" + std::string(flag) + " '" + path + "'", io);
    pem->assign(std::istreambuf_iterator<char>(file), {});
  }
  if (options.tls_cert_pem.empty() != options.tls_key_pem.empty() ||
      (!options.tls_cert_pem.empty() && options.tls_ca_pem.empty()))
    return UsageError("--cert-file and --key-file go together, with --ca-file",
                      io);
  return std::nullopt;
}

// Settles the global flags into `io` and `options`; a usage error's exit
// code, or nullopt when they are fine.
std::optional<int> ReadGlobalFlags(const Args& args, Io& io,
                                   lges::LgesClient::Options& options) {
  const char* env_server = std::getenv("LGES_SERVER");
  options.address = args.Flag(
      "server", env_server && *env_server ? env_server : "127.0.0.1:50051");
  if (!lges::IsHostPort(options.address))
    return UsageError(
        "the server address must be HOST:PORT, not '" + options.address + "'",
        io);
  io.server = options.address;
  const std::string timeout_text = args.Flag("timeout", "10");
  char* end = nullptr;
  const double seconds = std::strtod(timeout_text.c_str(), &end);
  if (end == timeout_text.c_str() || *end != '\0' || !(seconds > 0) ||
      seconds > 3600)
    return UsageError(
        "--timeout must be a number of seconds from 0.001 to "
        "3600, not '" +
            timeout_text + "'",
        io);
  options.timeout =
      std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000 + 0.5));
  io.timeout = options.timeout;
  const std::string format = args.Flag("format", args.Flag("output", "table"));
  std::optional<Format> parsed = ParseFormat(format);
  if (!parsed)
    return UsageError(
        "--format must be table, csv, json or markdown, not '" + format + "'",
        io);
  io.format = *parsed;
  io.excel = args.Has("excel");
  io.table = args.Flag("table");
  io.output_dir = args.Flag("output-dir");
  const char* env_lang = std::getenv("LGES_LANG");
  const std::string lang = args.Flag("lang", env_lang ? env_lang : "en");
  std::optional<lges::i18n::Language> language =
      lges::i18n::ParseLanguage(lang);
  if (!language)
    return UsageError(
        "--lang (or LGES_LANG) must be en or cy, not '" + lang + "'", io);
  io.language = *language;
  if (io.welsh()) options.accept_language = "cy";
  options.actor = args.Flag("actor");
  options.request_id = args.Flag("request-id", lges::NewRequestId());
  if (!lges::IsRequestId(options.request_id))
    return UsageError(
        "--request-id must be 1 to 128 letters, digits or -_.: characters",
        io);
  io.request_id = options.request_id;
  if (std::optional<int> error = ReadTlsFlags(args, io, options)) return error;
  return ReadToken(args, io, options.token);
}

}  // namespace

int main(int argc, char** argv) {
  Args args =
      ParseArgs(argc, argv,
                {"help", "concern", "dry-run", "clear", "verify", "excel",
                 "trends"});
  Io io{std::cout, std::cerr};
  io.width = Width();
  if (args.words.empty()) {
    if (!args.Has("help") && !args.flags.empty()) {
      // A flag took the command as its value ("--frobnicate health").
      return UsageError("no command given; '--" + args.flags.begin()->first +
                            "' comes after one",
                        io);
    }
    (args.Has("help") ? std::cout : std::cerr) << MainHelp();
    return args.Has("help") ? kExitOk : kExitUsage;
  }
  if (args.words[0] == "help") {
    if (args.words.size() == 1) {
      std::cout << MainHelp();
      return kExitOk;
    }
    const CommandSpec* c = FindCommand(args.words[1]);
    if (!c) return UsageError("no command '" + args.words[1] + "'", io);
    std::cout << CommandHelp(*c);
    return kExitOk;
  }
  const CommandSpec* command = FindCommand(args.words[0]);
  if (!command) return UsageError("no command '" + args.words[0] + "'", io);
  if (args.Has("help")) {
    std::cout << CommandHelp(*command);
    return kExitOk;
  }
  for (const auto& [name, value] : args.flags) {
    if (!GlobalFlags().count(name) && !command->flags.count(name))
      return UsageError(command->name + " takes no flag --" + name, io,
                        command->name);
  }
  lges::LgesClient::Options options;
  if (std::optional<int> error = ReadGlobalFlags(args, io, options))
    return *error;
  lges::LgesClient client(options);
  return command->run(args, client, io);
}
