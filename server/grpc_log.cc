#include "server/grpc_log.h"

#include <grpc/support/log.h>

#include <string>
#include <string_view>

#include "service/log.h"

namespace lges {
namespace {

constexpr size_t kMaxMessage = 500;

void Write(gpr_log_func_args* args) {
  const log::Level level = args->severity == GPR_LOG_SEVERITY_ERROR
                               ? log::Level::kWarning
                           : args->severity == GPR_LOG_SEVERITY_INFO
                               ? log::Level::kInfo
                               : log::Level::kDebug;
  if (!log::Enabled(level)) return;
  std::string_view file = args->file ? args->file : "";
  if (size_t slash = file.rfind('/'); slash != std::string_view::npos)
    file.remove_prefix(slash + 1);
  std::string_view message = args->message ? args->message : "";
  if (message.size() > kMaxMessage) message = message.substr(0, kMaxMessage);
  log::Write(level, "grpc", message,
             {{"source", std::string(file) + ":" + std::to_string(args->line)}});
}

}  // namespace

void RouteGrpcLogs() {
  // gRPC drops every line until its verbosity is read (GRPC_VERBOSITY,
  // default ERROR), which grpc_init would do later.
  gpr_log_verbosity_init();
  gpr_set_log_function(Write);
}

}  // namespace lges
