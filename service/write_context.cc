#include "service/write_context.h"

#include <grpcpp/server_context.h>

#include <algorithm>

namespace lges {

WriteContext WriteContextFor(const grpc::ServerContextBase& context,
                             const std::string& request_id,
                             const std::string& fingerprint) {
  WriteContext ctx;
  auto it = context.client_metadata().find("x-lges-actor");
  if (it != context.client_metadata().end() && !it->second.empty()) {
    ctx.actor = std::string(it->second.data(),
                            std::min<size_t>(it->second.size(), 100));
  }
  ctx.request_id = request_id;
  ctx.request_fingerprint = fingerprint;
  return ctx;
}

}  // namespace lges
