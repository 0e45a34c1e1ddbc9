#include "server/config.h"

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

absl::Status Apply(ServerConfig& config, const std::string& name,
                   const std::string& value, const std::string& origin) {
  if (name == "listen" || name == "metrics-listen") {
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
  } else {
    return absl::InvalidArgumentError("unknown flag --" + name +
                                      " (see --help)");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ServerConfig> ParseServerConfig(
    const std::vector<std::string>& args,
    const std::function<const char*(const char*)>& getenv) {
  ServerConfig config;
  config.db_path = DefaultDbPath(getenv);
  static const std::pair<const char*, const char*> kEnv[] = {
      {"LGES_LISTEN", "listen"},
      {"LGES_METRICS_LISTEN", "metrics-listen"},
      {"LGES_DB", "db"},
      {"LGES_LOG_LEVEL", "log-level"},
      {"LGES_PUBLIC_RECORD", "public-record"},
      {"LGES_TODAY", "today"}};
  for (const auto& [variable, flag] : kEnv) {
    if (const char* value = getenv(variable); value && *value) {
      if (absl::Status s = Apply(config, flag, value, variable); !s.ok())
        return s;
    }
  }
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      config.show_help = true;
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
  return config;
}

std::string ServerUsage() {
  return "usage: lges-server [--listen=HOST:PORT] [--metrics-listen=HOST:PORT] "
         "[--db=PATH] [--log-level=LEVEL]\n"
         "\n"
         "  --listen          gRPC address (env LGES_LISTEN; default "
         "127.0.0.1:50051)\n"
         "  --metrics-listen  Prometheus /metrics address (env "
         "LGES_METRICS_LISTEN; default 127.0.0.1:9464)\n"
         "  --db              SQLite database file, created on first run (env "
         "LGES_DB;\n"
         "                    default $LGES_DATA_DIR/lges.db or "
         "~/.local/share/lges-insights/lges.db)\n"
         "  --log-level       debug, info, warning or error (env "
         "LGES_LOG_LEVEL; default info)\n"
         "  --public-record   load the embedded public record on first start: "
         "true or false\n"
         "                    (env LGES_PUBLIC_RECORD; default true)\n"
         "  --today           the day analytics count as today, YYYY-MM-DD, "
         "for figures\n"
         "                    that must not move with the calendar: a report "
         "as it stood,\n"
         "                    golden tests (env LGES_TODAY; default the real "
         "date, UTC)\n";
}

}  // namespace lges
