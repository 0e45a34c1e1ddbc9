#pragma once
// Serialised analytics replies for raw callback methods: a call whose reply
// is in the current snapshot's ReplyCache is answered from it without
// parsing, building or serialising anything.

#include <grpcpp/support/byte_buffer.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "domain/errors.h"
#include "protos/wire_check.h"
#include "service/reply_cache.h"

namespace lges {

// The bytes of `buffer`, joined.
inline std::string BytesOf(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& slice : slices)
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return out;
}

// Sets `response` to the cached reply for `rpc` and the request's bytes;
// on a miss, parses the request, lets `build` validate it and make the reply
// from the cache's snapshot, and caches the serialised reply. `build` is
// absl::Status(const Request&, const analytics::Snapshot&, Reply*); its
// error is returned and nothing is cached. INVALID_ARGUMENT, naming the
// field, if the bytes are not a Request (protos/wire_check.h).
template <typename Request, typename Reply, typename Build>
absl::Status CachedReply(ReplyCaches& caches, std::string_view rpc,
                         const grpc::ByteBuffer& request,
                         grpc::ByteBuffer* response, Build&& build) {
  const std::string bytes = BytesOf(request);
  const std::string key = std::string(rpc) + bytes;
  ReplyCache& cache = caches.ForThisThread();
  if (const grpc::Slice* hit = cache.Find(key)) {
    *response = grpc::ByteBuffer(hit, 1);
    return absl::OkStatus();
  }
  if (std::optional<wire::Problem> problem =
          wire::CheckWire(*Request::descriptor(), bytes))
    return InvalidFieldError(problem->field, problem->description);
  Request req;
  if (!req.ParseFromString(bytes)) {
    return absl::InvalidArgumentError("the request is not a valid " +
                                      req.GetTypeName());
  }
  Reply reply;
  if (absl::Status s = build(req, cache.snapshot(), &reply); !s.ok()) return s;
  const grpc::Slice serialised(reply.SerializeAsString());
  cache.Insert(key, serialised);
  *response = grpc::ByteBuffer(&serialised, 1);
  return absl::OkStatus();
}

}  // namespace lges
