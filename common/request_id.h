#pragma once
// Request ids: what ties a caller's call to the server's log line. A
// caller may send one as "x-request-id" (gRPC metadata or HTTP header);
// the server keeps it if it is well formed, makes one otherwise, logs it
// with the call and returns it in the response's metadata or headers.
// Shared by lges-server, its HTTP gateway and lgesctl. No dependencies.

#include <string>
#include <string_view>

namespace lges {

// The metadata key and (case aside) the HTTP header.
inline constexpr char kRequestIdKey[] = "x-request-id";

// 1 to 128 characters, each a letter, digit or one of "-_.:". Anything
// else (spaces, quotes, control characters) is replaced, never logged.
bool IsRequestId(std::string_view id);

// A new id: 32 lowercase hex digits (128 random bits). Thread-safe.
std::string NewRequestId();

// `sent` if it is a request id, else a new one.
inline std::string RequestIdOr(std::string_view sent) {
  return IsRequestId(sent) ? std::string(sent) : NewRequestId();
}

}  // namespace lges
