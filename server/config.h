#pragma once
// lges-server's configuration from flags and environment variables. Flags
// win over the environment; the environment wins over defaults.
//
//   --listen=HOST:PORT          LGES_LISTEN          default 127.0.0.1:50051
//   --metrics-listen=HOST:PORT  LGES_METRICS_LISTEN  default 127.0.0.1:9464
//   --http-listen=HOST:PORT|off LGES_HTTP_LISTEN     default 127.0.0.1:8080:
//                                                    HTTP/JSON, OpenAPI, pages
//   --db=PATH                   LGES_DB              default <data dir>/lges.db
//   --create                                         make the --db file if it
//                                                    does not exist
//   --log-level=LEVEL           LGES_LOG_LEVEL       default info
//   --log-format=text|json      LGES_LOG_FORMAT      default text
//   --public-record=true|false  LGES_PUBLIC_RECORD   default true
//   --today=YYYY-MM-DD          LGES_TODAY           default the real date
//   --anonymous=reader|none     LGES_ANONYMOUS       default reader
//   --token-file=PATH           LGES_TOKEN_FILE      default <config dir>/token
//   --tls-cert=PEM --tls-key=PEM  LGES_TLS_CERT, LGES_TLS_KEY: gRPC over TLS
//   --tls-client-ca=PEM         LGES_TLS_CLIENT_CA   and require client
//                                                    certificates it signed
//   --metrics-auth-file=PATH    LGES_METRICS_AUTH_FILE  "user:password" for
//                                                    basic auth on /metrics
//   --insecure                                       allow plaintext beyond
//                                                    loopback
//   --max-watch-streams=N       LGES_MAX_WATCH_STREAMS     default 1000
//   --max-calls-per-caller=N    LGES_MAX_CALLS_PER_CALLER  default 64
//   --reply-cache-mib=N         LGES_REPLY_CACHE_MIB       default 8
//   --max-message-mib=N         LGES_MAX_MESSAGE_MIB       default 4
//   --max-open-files=N          LGES_MAX_OPEN_FILES        default: the
//                                                    open-file limit less 64
//
// Listening beyond loopback in plaintext (gRPC or HTTP without --tls-cert,
// or /metrics, which is always plain HTTP) is refused unless --insecure is
// given.
//
// The first start of a database without credentials creates the "admin"
// token and writes it to the token file (mode 0600). The config directory
// is $XDG_CONFIG_HOME/lges-insights, else $HOME/.config/lges-insights.
//
// Offline credential commands take words after the flags:
//   tokens create --name=NAME --role=reader|editor|admin
//   tokens list
//   tokens revoke NAME
//
// The data directory is $LGES_DATA_DIR, else $XDG_DATA_HOME/lges-insights,
// else $HOME/.local/share/lges-insights.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/dates.h"
#include "domain/identity.h"
#include "service/log.h"

namespace lges {

struct ServerConfig {
  std::string listen = "127.0.0.1:50051";
  std::string metrics_listen = "127.0.0.1:9464";
  // Empty when off.
  std::string http_listen = "127.0.0.1:8080";
  std::string db_path;
  log::Level log_level = log::Level::kInfo;
  log::Format log_format = log::Format::kText;
  // Create the database if its file does not exist (else that is an error).
  bool create = false;
  // Load the embedded public record into a database that --create makes.
  bool public_record = true;
  // The day analytics count as today (ongoing follow-up, milestones); unset
  // for the real date.
  std::optional<CivilDay> today;
  // What callers without a credential may do: kReader or kNone.
  Role anonymous_role = Role::kReader;
  // Where the first start writes the admin token.
  std::string token_file;
  // PEM files; cert and key together. A client CA asks for mutual TLS.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  std::string metrics_auth_file;
  // Plaintext beyond loopback, knowingly.
  bool insecure = false;
  // Limits; 0 for none.
  int max_watch_streams = 1000;
  int max_calls_per_caller = 64;
  int reply_cache_mib = 8;
  int max_message_mib = 4;
  int max_open_files = 0;  // 0: the raised open-file limit less 64.
  bool show_help = false;
  // An offline command instead of serving: {"tokens", "create"}, ...
  std::vector<std::string> command;
  // For "tokens create".
  std::string credential_name;
  Role credential_role = Role::kNone;
};

// Reads the environment through `getenv` (returns nullptr when unset), so
// tests can supply their own. INVALID_ARGUMENT naming the bad flag or
// variable on error.
absl::StatusOr<ServerConfig> ParseServerConfig(
    const std::vector<std::string>& args,
    const std::function<const char*(const char*)>& getenv);

// The default token file for the environment `getenv` reads; shared with
// lgesctl, which reads the same file.
std::string DefaultTokenFile(
    const std::function<const char*(const char*)>& getenv);

// The text printed by --help.
std::string ServerUsage();

}  // namespace lges
