#include "service/status_map.h"

#include <grpcpp/server_context.h>

#include "domain/errors.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "i18n/catalogue.h"
#include "protos/edge_check.h"

namespace lges {

namespace {

// Bounds on what a status carries back, whatever a handler wrote into it,
// so that it always fits gRPC's metadata limit (8 KiB by default).
constexpr size_t kMaxMessageBytes = 500;
constexpr size_t kMaxFieldBytes = 100;
constexpr size_t kMaxDescriptionBytes = 160;
constexpr size_t kMaxViolations = 20;

// The ErrorInfo every error carries, with at most 8 metadata entries of
// bounded size.
google::rpc::ErrorInfo InfoOf(const ErrorReason& reason) {
  google::rpc::ErrorInfo info;
  info.set_reason(Quoted(reason.reason, kMaxFieldBytes));
  info.set_domain(edge::kErrorDomain);
  for (size_t i = 0; i < reason.metadata.size() && i < 8; ++i) {
    (*info.mutable_metadata())[Quoted(reason.metadata[i].first, 40)] =
        Quoted(reason.metadata[i].second, kMaxFieldBytes);
  }
  return info;
}

google::rpc::BadRequest BadRequestOf(const Violations& violations) {
  google::rpc::BadRequest bad_request;
  for (size_t i = 0; i < violations.size() && i < kMaxViolations; ++i) {
    google::rpc::BadRequest::FieldViolation* fv =
        bad_request.add_field_violations();
    fv->set_field(Quoted(violations[i].field, kMaxFieldBytes));
    fv->set_description(
        Quoted(violations[i].description, kMaxDescriptionBytes));
  }
  if (violations.size() > kMaxViolations) {
    bad_request.add_field_violations()->set_description(
        "and " + std::to_string(violations.size() - kMaxViolations) +
        // not text: BadRequest's English detail (AIP-193)
        " more problems");
  }
  return bad_request;
}

// ResourceInfo for an error about one resource ("providers/W06000023").
google::rpc::ResourceInfo ResourceInfoOf(const std::string& resource) {
  google::rpc::ResourceInfo info;
  info.set_resource_type(resource.substr(0, resource.find('/')));
  info.set_resource_name(Quoted(resource, kMaxFieldBytes));
  return info;
}

constexpr char kLanguagePayload[] = "type.lges.estyn.gov.wales/language";

// The reason's message in `language`, from the catalogue's error.<REASON>
// (error.OTHER for a code without its own), filled from the metadata and
// the names of the fields at fault.
google::rpc::LocalizedMessage LocalizedOf(const ErrorReason& reason,
                                          const Violations& violations,
                                          absl::StatusCode code,
                                          i18n::Language language) {
  i18n::Args args(reason.metadata.begin(), reason.metadata.end());
  std::string fields;
  for (size_t i = 0; i < violations.size() && i < kMaxViolations; ++i)
    fields += (fields.empty() ? "" : ", ") + violations[i].field;
  args.push_back({"fields", Quoted(fields, kMaxDescriptionBytes)});
  args.push_back({"code", absl::StatusCodeToString(code)});
  for (auto& [key, value] : args) value = Quoted(value, kMaxFieldBytes);
  const i18n::Catalogue& words = i18n::CatalogueOf(language);
  const std::string key = "error." + reason.reason;
  google::rpc::LocalizedMessage out;
  out.set_locale(i18n::Locale(language));
  out.set_message(
      Quoted(words.Format(words.Has(key) ? key : "error.OTHER", args),
             kMaxMessageBytes));
  return out;
}

}  // namespace

absl::Status InLanguage(absl::Status status, const std::string& language_code) {
  std::optional<i18n::Language> language = i18n::ParseLanguage(language_code);
  if (!status.ok() && language)
    status.SetPayload(kLanguagePayload,
                      absl::Cord(i18n::LanguageCode(*language)));
  return status;
}

i18n::Language LanguageOfCall(const grpc::ServerContextBase& ctx) {
  auto it = ctx.client_metadata().find("accept-language");
  if (it == ctx.client_metadata().end()) return i18n::Language::kEnglish;
  return i18n::FromAcceptLanguage(
             std::string_view(it->second.data(), it->second.size()))
      .value_or(i18n::Language::kEnglish);
}

grpc::Status ToGrpcStatus(const absl::Status& status, i18n::Language language) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  const std::string message =
      Quoted(std::string_view(status.message().data(), status.message().size()),
             kMaxMessageBytes);
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  const ErrorReason reason = ReasonOf(status);
  details.add_details()->PackFrom(InfoOf(reason));
  const Violations violations = ViolationsOf(status);
  if (!violations.empty())
    details.add_details()->PackFrom(BadRequestOf(violations));
  const std::string resource = reason.Get("resource");
  if (!resource.empty()) {
    if (status.code() == absl::StatusCode::kFailedPrecondition) {
      google::rpc::PreconditionFailure failure;
      google::rpc::PreconditionFailure::Violation* v = failure.add_violations();
      v->set_type(reason.reason);
      v->set_subject(Quoted(resource, kMaxFieldBytes));
      v->set_description(Quoted(message, kMaxDescriptionBytes));
      details.add_details()->PackFrom(failure);
    } else {
      details.add_details()->PackFrom(ResourceInfoOf(resource));
    }
  }
  if (auto tagged = status.GetPayload(kLanguagePayload))
    language = i18n::ParseLanguage(std::string(*tagged)).value_or(language);
  if (language != i18n::Language::kEnglish)
    details.add_details()->PackFrom(
        LocalizedOf(reason, violations, status.code(), language));
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace lges
