#include "service/write_context.h"

namespace lges {

WriteContext WriteContextFor(const Identity& who, const std::string& request_id,
                             const std::string& fingerprint) {
  WriteContext ctx;
  ctx.actor = who.name;
  ctx.on_behalf_of = who.on_behalf_of;
  ctx.request_id = request_id;
  ctx.request_fingerprint = fingerprint;
  return ctx;
}

}  // namespace lges
