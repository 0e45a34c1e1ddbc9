#include "server/config.h"

#include "absl/strings/numbers.h"
#include "common/host_port.h"

namespace lges {
namespace {

std::string DefaultDbPath(
    const std::function<const char*(const char*)>& getenv) {
  if (const char* dir = getenv("LGES_DATA_DIR"); dir && *dir)
    return std::string(dir) + "/lges.db";
  if (const char* xdg = getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/lges-insights/lges.db";
  const char* home = getenv("HOME");
  return std::string(home && *home ? home : ".") +
         "/.local/share/lges-insights/lges.db";
}

absl::Status ApplyAccess(ServerConfig& config, const std::string& name,
                         const std::string& value, const std::string& origin) {
  if (name == "anonymous") {
    if (value != "reader" && value != "none")
      return absl::InvalidArgumentError(
          origin + ": expected reader or none, got '" + value + "'");
    config.anonymous_role = value == "reader" ? Role::kReader : Role::kNone;
  } else if (name == "token-file") {
    if (value.empty())
      return absl::InvalidArgumentError(origin + ": expected a file path");
    config.token_file = value;
  } else if (name == "tls-cert" || name == "tls-key" ||
             name == "tls-client-ca" || name == "metrics-auth-file") {
    if (value.empty())
      return absl::InvalidArgumentError(origin + ": expected a file path");
    (name == "tls-cert"        ? config.tls_cert_file
     : name == "tls-key"       ? config.tls_key_file
     : name == "tls-client-ca" ? config.tls_client_ca_file
                               : config.metrics_auth_file) = value;
  } else if (name == "name") {
    config.credential_name = value;
  } else {  // "role"
    std::optional<Role> role = ParseRole(value);
    if (!role)
      return absl::InvalidArgumentError(
          origin + ": expected reader, editor or admin, got '" + value + "'");
    config.credential_role = *role;
  }
  return absl::OkStatus();
}

// The flags that take a whole number within bounds.
struct NumericFlag {
  const char* name;
  int ServerConfig::*field;
  int min, max;
  const char* expected;  // For the error message.
};

const NumericFlag* FindNumericFlag(const std::string& name) {
  static const NumericFlag kFlags[] = {
      {"max-open-files", &ServerConfig::max_open_files, 0, 100000000,
       "a number of files (0: the limit less 64)"},
      {"max-watch-streams", &ServerConfig::max_watch_streams, 0, 1000000,
       "a number from 0 (no limit) to 1000000"},
      {"max-calls-per-caller", &ServerConfig::max_calls_per_caller, 0, 1000000,
       "a number from 0 (no limit) to 1000000"},
      {"max-message-mib", &ServerConfig::max_message_mib, 1, 1024,
       "MiB from 1 to 1024"},
      {"reply-cache-mib", &ServerConfig::reply_cache_mib, 0, 4096,
       "MiB from 0 (no cache) to 4096"},
  };
  for (const NumericFlag& flag : kFlags) {
    if (name == flag.name) return &flag;
  }
  return nullptr;
}

absl::Status Apply(ServerConfig& config, const std::string& name,
                   const std::string& value, const std::string& origin) {
  if (name == "http-listen" && value == "off") {
    config.http_listen.clear();
  } else if (name == "http-listen") {
    if (const std::string problem = HostPortProblem(value); !problem.empty())
      return absl::InvalidArgumentError(origin +
                                        ": expected HOST:PORT or off, got '" +
                                        value + "' (" + problem + ")");
    config.http_listen = value;
  } else if (name == "listen" || name == "metrics-listen") {
    if (const std::string problem = HostPortProblem(value); !problem.empty())
      return absl::InvalidArgumentError(origin + ": expected HOST:PORT, got '" +
                                        value + "' (" + problem + ")");
    (name == "listen" ? config.listen : config.metrics_listen) = value;
  } else if (name == "db") {
    if (value.empty())
      return absl::InvalidArgumentError(origin + ": expected a file path");
    config.db_path = value;
  } else if (name == "log-level") {
    if (!log::ParseLevel(value, &config.log_level)) {
      return absl::InvalidArgumentError(
          origin + ": expected debug, info, warning or error, got '" + value +
          "'");
    }
  } else if (name == "log-format") {
    if (!log::ParseFormat(value, &config.log_format)) {
      return absl::InvalidArgumentError(
          origin + ": expected text or json, got '" + value + "'");
    }
  } else if (name == "public-record") {
    if (value != "true" && value != "false") {
      return absl::InvalidArgumentError(
          origin + ": expected true or false, got '" + value + "'");
    }
    config.public_record = value == "true";
  } else if (name == "today") {
    config.today = ParseIso(value);
    if (!config.today)
      return absl::InvalidArgumentError(
          origin + ": expected a day as YYYY-MM-DD, got '" + value + "'");
  } else if (const NumericFlag* flag = FindNumericFlag(name)) {
    int n = 0;
    if (!absl::SimpleAtoi(value, &n) || n < flag->min || n > flag->max)
      return absl::InvalidArgumentError(origin + ": expected " +
                                        flag->expected + ", got '" + value +
                                        "'");
    config.*flag->field = n;
  } else if (name == "anonymous" || name == "token-file" || name == "name" ||
             name == "role" || name.rfind("tls-", 0) == 0 ||
             name == "metrics-auth-file") {
    return ApplyAccess(config, name, value, origin);
  } else {
    return absl::InvalidArgumentError("unknown flag --" + name +
                                      " (see --help)");
  }
  return absl::OkStatus();
}

// The port of "HOST:PORT" ("" if none).
std::string PortOf(const std::string& host_port) {
  const size_t colon = host_port.rfind(':');
  return colon == std::string::npos ? "" : host_port.substr(colon + 1);
}

// Each listener on its own port: gRPC binds with SO_REUSEPORT, so a second
// listener on its port would not fail but take half its connections.
absl::Status CheckDistinctPorts(const ServerConfig& c) {
  const std::pair<const char*, const std::string*> listeners[] = {
      {"--listen", &c.listen},
      {"--http-listen", &c.http_listen},
      {"--metrics-listen", &c.metrics_listen}};
  for (size_t i = 0; i < std::size(listeners); ++i) {
    for (size_t j = i + 1; j < std::size(listeners); ++j) {
      const std::string a = PortOf(*listeners[i].second);
      if (a.empty() || a == "0" || a != PortOf(*listeners[j].second)) continue;
      return absl::InvalidArgumentError(
          std::string(listeners[i].first) + " and " + listeners[j].first +
          " both use port " + a + ": each listener needs its own port");
    }
  }
  return absl::OkStatus();
}

// Plaintext beyond loopback only when asked for; TLS files that go together.
absl::Status CheckTransport(const ServerConfig& c) {
  if (absl::Status s = CheckDistinctPorts(c); !s.ok()) return s;
  if (c.tls_cert_file.empty() != c.tls_key_file.empty())
    return absl::InvalidArgumentError("--tls-cert and --tls-key go together");
  if (!c.tls_client_ca_file.empty() && c.tls_cert_file.empty())
    return absl::InvalidArgumentError(
        "--tls-client-ca needs --tls-cert and --tls-key");
  if (c.insecure) return absl::OkStatus();
  if (c.tls_cert_file.empty() && !IsLoopback(c.listen))
    return absl::InvalidArgumentError(
        "refusing to serve gRPC on " + c.listen +
        " in plaintext: give --tls-cert and --tls-key, or --insecure");
  if (!c.http_listen.empty() && c.tls_cert_file.empty() &&
      !IsLoopback(c.http_listen))
    return absl::InvalidArgumentError(
        "refusing to serve HTTP on " + c.http_listen +
        " in plaintext: give --tls-cert and --tls-key, or --insecure");
  if (!IsLoopback(c.metrics_listen))
    return absl::InvalidArgumentError(
        "refusing to serve /metrics on " + c.metrics_listen +
        " in plaintext: keep it on loopback, or give --insecure");
  return absl::OkStatus();
}

// The offline command's words and flags, checked.
absl::StatusOr<ServerConfig> CheckCommand(ServerConfig config) {
  const std::vector<std::string>& w = config.command;
  const bool creating = w.size() == 2 && w[1] == "create";
  if ((!config.credential_name.empty() ||
       config.credential_role != Role::kNone) &&
      !creating)
    return absl::InvalidArgumentError(
        "--name and --role belong to 'tokens create' (see --help)");
  if (w.empty() || (w.size() == 2 && w[1] == "list") ||
      (w.size() == 3 && w[1] == "revoke"))
    return config;
  if (!creating)
    return absl::InvalidArgumentError(
        "expected 'tokens create', 'tokens list' or 'tokens revoke NAME' "
        "(see --help)");
  if (config.credential_name.empty() || config.credential_role == Role::kNone)
    return absl::InvalidArgumentError(
        "tokens create needs --name=NAME and --role=reader|editor|admin");
  return config;
}

// The LGES_* variables that are set, applied as their flags would be.
absl::Status ApplyEnvironment(
    ServerConfig& config,
    const std::function<const char*(const char*)>& getenv) {
  static const std::pair<const char*, const char*> kEnv[] = {
      {"LGES_LISTEN", "listen"},
      {"LGES_METRICS_LISTEN", "metrics-listen"},
      {"LGES_HTTP_LISTEN", "http-listen"},
      {"LGES_DB", "db"},
      {"LGES_LOG_LEVEL", "log-level"},
      {"LGES_LOG_FORMAT", "log-format"},
      {"LGES_PUBLIC_RECORD", "public-record"},
      {"LGES_TODAY", "today"},
      {"LGES_ANONYMOUS", "anonymous"},
      {"LGES_TOKEN_FILE", "token-file"},
      {"LGES_TLS_CERT", "tls-cert"},
      {"LGES_TLS_KEY", "tls-key"},
      {"LGES_TLS_CLIENT_CA", "tls-client-ca"},
      {"LGES_METRICS_AUTH_FILE", "metrics-auth-file"},
      {"LGES_MAX_WATCH_STREAMS", "max-watch-streams"},
      {"LGES_REPLY_CACHE_MIB", "reply-cache-mib"},
      {"LGES_MAX_OPEN_FILES", "max-open-files"},
      {"LGES_MAX_MESSAGE_MIB", "max-message-mib"},
      {"LGES_MAX_CALLS_PER_CALLER", "max-calls-per-caller"}};
  for (const auto& [variable, flag] : kEnv) {
    if (const char* value = getenv(variable); value && *value) {
      if (absl::Status s = Apply(config, flag, value, variable); !s.ok())
        return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ServerConfig> ParseServerConfig(
    const std::vector<std::string>& args,
    const std::function<const char*(const char*)>& getenv) {
  ServerConfig config;
  config.db_path = DefaultDbPath(getenv);
  config.token_file = DefaultTokenFile(getenv);
  if (absl::Status s = ApplyEnvironment(config, getenv); !s.ok()) return s;
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      config.show_help = true;
      continue;
    }
    if (arg == "--insecure") {
      config.insecure = true;
      continue;
    }
    if (arg == "--create") {
      config.create = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0 && !arg.empty() &&
        (!config.command.empty() || arg == "tokens")) {
      config.command.push_back(arg);
      continue;
    }
    const size_t eq = arg.find('=');
    if (arg.rfind("--", 0) != 0 || eq == std::string::npos) {
      return absl::InvalidArgumentError("expected --flag=value, got '" + arg +
                                        "' (see --help)");
    }
    const std::string name = arg.substr(2, eq - 2);
    if (absl::Status s = Apply(config, name, arg.substr(eq + 1), "--" + name);
        !s.ok())
      return s;
  }
  if (absl::Status s = CheckTransport(config); !s.ok()) return s;
  return CheckCommand(std::move(config));
}

std::string DefaultTokenFile(
    const std::function<const char*(const char*)>& getenv) {
  if (const char* xdg = getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::string(xdg) + "/lges-insights/token";
  const char* home = getenv("HOME");
  return std::string(home && *home ? home : ".") +
         "/.config/lges-insights/token";
}

std::string ServerUsage() {
  return "usage: lges-server [--listen=HOST:PORT] [--metrics-listen=HOST:PORT] "
         "[--http-listen=HOST:PORT]\n"
         "                   [--db=PATH] [--log-level=LEVEL]\n"
         "\n"
         "  --listen          gRPC address (env LGES_LISTEN; default "
         "127.0.0.1:50051)\n"
         "  --metrics-listen  Prometheus /metrics address (env "
         "LGES_METRICS_LISTEN; default 127.0.0.1:9464)\n"
         "  --http-listen     HTTP/JSON API, /openapi.json and the pages, or "
         "off (env\n"
         "                    LGES_HTTP_LISTEN; default 127.0.0.1:8080; HTTPS "
         "with --tls-cert)\n"
         "  --db              SQLite database file (env LGES_DB; default\n"
         "                    $LGES_DATA_DIR/lges.db or "
         "~/.local/share/lges-insights/lges.db)\n"
         "  --create          if the --db file does not exist, create it and "
         "load the\n"
         "                    public record; without it a missing file is an "
         "error\n"
         "  --log-level       debug, info, warning or error (env "
         "LGES_LOG_LEVEL; default info);\n"
         "                    info logs one line per call\n"
         "  --log-format      text, or json: one JSON object per line (env\n"
         "                    LGES_LOG_FORMAT; default text)\n"
         "  --public-record   load the embedded public record into a file "
         "--create makes:\n"
         "                    true or false\n"
         "                    (env LGES_PUBLIC_RECORD; default true)\n"
         "  --today           the day analytics count as today, YYYY-MM-DD, "
         "for figures\n"
         "                    that must not move with the calendar: a report "
         "as it stood,\n"
         "                    golden tests (env LGES_TODAY; default the real "
         "date, UTC)\n"
         "  --anonymous       what callers without a token may do: reader or "
         "none\n"
         "                    (env LGES_ANONYMOUS; default reader; writes "
         "always need a token)\n"
         "  --token-file      where the first start writes the admin token "
         "(env LGES_TOKEN_FILE;\n"
         "                    default ~/.config/lges-insights/token)\n"
         "  --tls-cert, --tls-key  PEM certificate chain and key: gRPC over "
         "TLS\n"
         "  --tls-client-ca   PEM CA: require client certificates it signed; "
         "a\n"
         "                    certificate whose common name is a credential's\n"
         "                    name acts as that credential\n"
         "  --metrics-auth-file  a file holding user:password for basic auth\n"
         "                    on /metrics\n"
         "  --max-open-files  files and connections open before calls are "
         "refused with\n"
         "                    RESOURCE_EXHAUSTED and health is NOT_SERVING "
         "(env\n"
         "                    LGES_MAX_OPEN_FILES; default the open-file limit "
         "less 64)\n"
         "  --max-message-mib  largest request or reply in MiB (env\n"
         "                    LGES_MAX_MESSAGE_MIB; default 4)\n"
         "  --reply-cache-mib  MiB of cached analytics replies per snapshot\n"
         "                    (env LGES_REPLY_CACHE_MIB; default 8; 0: none)\n"
         "  --insecure        allow plaintext gRPC or /metrics beyond "
         "loopback\n"
         "                    (logged as a warning at every start)\n"
         "\n"
         "offline credentials (the database given by --db):\n"
         "  lges-server tokens create --name=NAME --role=reader|editor|admin\n"
         "                    prints the new token, once, alone on stdout\n"
         "  lges-server tokens list\n"
         "  lges-server tokens revoke NAME\n";
}

}  // namespace lges
