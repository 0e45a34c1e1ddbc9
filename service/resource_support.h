#pragma once
// Templates shared by the resource services: turning a request's resource
// into a validated domain record, and merging an update into the stored one.

#include <google/protobuf/field_mask.pb.h>

#include <string>
#include <vector>

#include "domain/errors.h"
#include "service/convert.h"
#include "service/request_support.h"

namespace lges {

// Fields every resource has that clients never set.
inline const std::vector<std::string> kOutputOnly = {
    "name", "etag", "create_time", "update_time"};

// Converts `proto` and validates it with `validate`; violations come back
// prefixed with `prefix` (the request field holding the resource). Every
// invalid field is reported once: an unknown enum value becomes kUnspecified,
// and validation's complaint about that same field is dropped.
template <typename Domain, typename Proto>
absl::StatusOr<Domain> ValidatedFromProto(const Proto& proto,
                                          Violations (*validate)(const Domain&),
                                          const std::string& prefix) {
  Violations violations;
  Domain record = convert::FromProto(proto, violations);
  const size_t from_conversion = violations.size();
  for (FieldViolation& v : validate(record)) {
    bool repeated = false;
    for (size_t i = 0; i < from_conversion; ++i)
      repeated = repeated || violations[i].field.rfind(v.field, 0) == 0;
    if (!repeated) violations.push_back(std::move(v));
  }
  if (!violations.empty())
    return InvalidArgumentError(Prefixed(prefix, std::move(violations)));
  return record;
}

// The stored record with the masked fields of `patch` applied, validated.
template <typename Domain, typename Proto>
absl::StatusOr<Domain> MergedUpdate(const Domain& stored, const Proto& patch,
                                    const google::protobuf::FieldMask& mask,
                                    const std::vector<std::string>& immutable,
                                    Violations (*validate)(const Domain&),
                                    const std::string& prefix) {
  Proto merged;
  convert::ToProto(stored, &merged);
  LGES_RETURN_IF_ERROR(
      ApplyFieldMask(patch, mask, immutable, kOutputOnly, &merged));
  return ValidatedFromProto<Domain>(merged, validate, prefix);
}

// The revision named by `etag` (0 when empty); a malformed etag is a
// violation at `field`. Updates that get 0 expect the revision they read, so
// a read-merge-write never overwrites a concurrent change unseen.
inline absl::StatusOr<int64_t> ExpectedRevision(const std::string& etag,
                                                const std::string& field) {
  Violations violations;
  const int64_t revision = convert::RevisionFromEtag(etag, field, violations);
  if (!violations.empty()) return InvalidArgumentError(violations);
  return revision;
}

// `result`, with the field violations of an error prefixed by `prefix`.
template <typename T>
absl::StatusOr<T> PrefixErrors(absl::StatusOr<T> result,
                               std::string_view prefix) {
  if (result.ok()) return result;
  return WithFieldPrefix(result.status(), prefix);
}

inline absl::Status CheckRequestId(const std::string& request_id) {
  if (request_id.size() > 100)
    return InvalidFieldError("request_id", "must be at most 100 characters");
  return absl::OkStatus();
}

// The Get, Update and Delete flows, shared by every resource. `Traits`
// describes one resource:
//   using Record, Proto;                       domain and proto types
//   kCollection ("inspections"), kField ("inspection")
//   Immutable()                                fields an update may not change
//   kValidate                                  domain/validation function
//   kGet, kUpdate, kDelete                     Store member functions
//   SetId(Record&, id)                         puts the name's id in a record

template <typename Traits>
absl::Status GetResource(Store& store, const std::string& name,
                         typename Traits::Proto* resp) {
  LGES_ASSIGN_OR_RETURN(std::string id,
                        IdFromName(name, Traits::kCollection, "name"));
  LGES_ASSIGN_OR_RETURN(typename Traits::Record record,
                        (store.*Traits::kGet)(id));
  convert::ToProto(record, resp);
  return absl::OkStatus();
}

template <typename Traits>
absl::Status UpdateResource(Store& store, const grpc::ServerContext& ctx,
                            const typename Traits::Proto& patch,
                            const google::protobuf::FieldMask& mask,
                            typename Traits::Proto* resp) {
  const std::string field(Traits::kField);
  LGES_ASSIGN_OR_RETURN(
      std::string id,
      IdFromName(patch.name(), Traits::kCollection, field + ".name"));
  LGES_ASSIGN_OR_RETURN(int64_t revision,
                        ExpectedRevision(patch.etag(), field + ".etag"));
  LGES_ASSIGN_OR_RETURN(typename Traits::Record stored,
                        (store.*Traits::kGet)(id));
  LGES_ASSIGN_OR_RETURN(typename Traits::Record merged,
                        MergedUpdate(stored, patch, mask, Traits::Immutable(),
                                     Traits::kValidate, field));
  Traits::SetId(merged, id);
  LGES_ASSIGN_OR_RETURN(
      typename Traits::Record updated,
      PrefixErrors((store.*Traits::kUpdate)(
                       merged, revision ? revision : stored.meta.revision,
                       WriteContextFor(ctx, "", "")),
                   field));
  convert::ToProto(updated, resp);
  return absl::OkStatus();
}

// Returns the dataset version after the delete.
template <typename Traits>
absl::StatusOr<int64_t> DeleteResource(Store& store,
                                       const grpc::ServerContext& ctx,
                                       const std::string& name,
                                       const std::string& etag) {
  LGES_ASSIGN_OR_RETURN(std::string id,
                        IdFromName(name, Traits::kCollection, "name"));
  LGES_ASSIGN_OR_RETURN(int64_t revision, ExpectedRevision(etag, "etag"));
  return (store.*Traits::kDelete)(id, revision, WriteContextFor(ctx, "", ""));
}

}  // namespace lges
