#pragma once
// Replies larger than the server's message limit. gRPC would fail such a
// call with a bare "Sent message larger than max"; the handlers that can
// build one (ExportRecords, GetSectorSummary, GetThemeTrends) check first
// and say which knob to turn and how to ask for less.

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "domain/errors.h"

namespace lges {

// OK if `bytes` fit in `limit` (0: no limit); otherwise RESOURCE_EXHAUSTED
// naming the size, the limit, --max-message-mib and `ask_for_less`.
inline absl::Status CheckReplySize(size_t bytes, size_t limit,
                                   const std::string& ask_for_less) {
  if (limit == 0 || bytes <= limit) return absl::OkStatus();
  return WithReason(
      absl::ResourceExhaustedError(
          "the reply would be " + std::to_string(bytes) +
          " bytes, over the server's message limit of " +
          std::to_string(limit) + " bytes (lges-server --max-message-mib); " +
          ask_for_less),
      "REPLY_TOO_LARGE",
      {{"reply_bytes", std::to_string(bytes)},
       {"limit_bytes", std::to_string(limit)}});
}

}  // namespace lges
