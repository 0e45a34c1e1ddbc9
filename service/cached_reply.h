#pragma once
// Serialised analytics replies for raw callback methods: a call whose reply
// is in the current snapshot's ReplyCache is answered from it without
// parsing, building or serialising anything.

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>
#include <grpcpp/support/byte_buffer.h>

#include <memory>
#include <optional>

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

// Requests whose key (rpc and canonical bytes) is longer than this are
// answered without caching, so that the cache does not grow with what
// callers send. Real filters are a few dozen bytes.
inline constexpr size_t kMaxCachedKeyBytes = 1024;

// `request` as bytes that depend only on its meaningful fields: unknown
// fields dropped, deterministic order.
inline std::string CanonicalBytes(const google::protobuf::Message& request) {
  std::unique_ptr<google::protobuf::Message> copy(request.New());
  copy->CopyFrom(request);
  copy->DiscardUnknownFields();
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    copy->SerializeToCodedStream(&coded);
  }
  return out;
}

// Sets `response` to the cached reply for `rpc` and the request; on a
// miss, parses the request, lets `build` validate it and make the reply
// from the cache's snapshot, and caches the serialised reply under the
// request's canonical bytes. A small request is looked up by its bytes as
// sent first (a well-formed one is already canonical), so a hit parses
// nothing. `build` is absl::Status(const Request&, const
// analytics::Snapshot&, Reply*); its error is returned and nothing is
// cached. INVALID_ARGUMENT, naming the field, if the bytes are not a
// Request (protos/wire_check.h).
template <typename Request, typename Reply, typename Build>
absl::Status CachedReply(ReplyCaches& caches, std::string_view rpc,
                         const grpc::ByteBuffer& request,
                         grpc::ByteBuffer* response, Build&& build) {
  const std::string bytes = BytesOf(request);
  ReplyCache& cache = caches.ForThisThread();
  ReplyCacheStats& stats = caches.stats();
  const auto answer = [&](const grpc::Slice& reply) {
    ++stats.hits;
    *response = grpc::ByteBuffer(&reply, 1);
    return absl::OkStatus();
  };
  std::string sent_key;
  if (rpc.size() + bytes.size() <= kMaxCachedKeyBytes) {
    sent_key = std::string(rpc) + bytes;
    if (std::optional<grpc::Slice> hit = cache.Find(sent_key))
      return answer(*hit);
  }
  if (std::optional<wire::Problem> problem =
          wire::CheckWire(*Request::descriptor(), bytes))
    return InvalidFieldError(problem->field, problem->description);
  Request req;
  if (!req.ParseFromString(bytes)) {
    return absl::InvalidArgumentError("the request is not a valid " +
                                      req.GetTypeName());
  }
  const std::string key = std::string(rpc) + CanonicalBytes(req);
  const bool cacheable = key.size() <= kMaxCachedKeyBytes;
  if (cacheable && key != sent_key) {
    if (std::optional<grpc::Slice> hit = cache.Find(key)) return answer(*hit);
  }
  ++stats.misses;
  Reply reply;
  if (absl::Status s = build(req, cache.snapshot(), &reply); !s.ok()) return s;
  const grpc::Slice serialised(reply.SerializeAsString());
  if (cacheable) cache.Insert(key, serialised);
  *response = grpc::ByteBuffer(&serialised, 1);
  return absl::OkStatus();
}

}  // namespace lges
