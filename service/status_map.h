#pragma once
// The one place where errors become gRPC statuses. absl codes map to the
// gRPC code of the same number. The status details (a google.rpc.Status,
// readable by any gRPC client) always carry a google.rpc.ErrorInfo: the
// reason the status carries (domain/errors.h; listed in docs/ERRORS.md) or
// the default for its code, and domain "lges.estyn.gov.wales". Field
// violations become a google.rpc.BadRequest. A reason naming a "resource"
// adds a PreconditionFailure (FAILED_PRECONDITION) or a ResourceInfo. What a status
// carries is bounded (message 500 bytes, 20 violations of at most 100 +
// 160 bytes, then "and N more problems"), so that it always fits gRPC's
// 8 KiB metadata limit however much of a caller's input a message quotes.
//
// A caller who asks for Welsh (the request's language_code, or else
// accept-language metadata, which the HTTP gateway passes on) also gets a
// google.rpc.LocalizedMessage in locale "cy-GB": the reason's message from
// the Welsh catalogue (keys error.*), filled from the ErrorInfo's metadata.
// The status message stays English, as AIP-193 asks.

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "i18n/language.h"

namespace grpc {
class ServerContextBase;
}

namespace lges {

// `language`: the one the caller asked for; a language tagged on the status
// by InLanguage wins over it.
grpc::Status ToGrpcStatus(const absl::Status& status,
                          i18n::Language language = i18n::Language::kEnglish);

// `status` tagged with the language its request's `language_code` asks for
// ("" and unknown codes leave it as it is).
absl::Status InLanguage(absl::Status status, const std::string& language_code);

// The language of a call's accept-language metadata; English if none.
i18n::Language LanguageOfCall(const grpc::ServerContextBase& ctx);

}  // namespace lges
