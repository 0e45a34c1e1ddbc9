#pragma once
// The Get, List, Create, Update and Delete flows, written once for every
// resource. Each flow validates the request, converts it (convert/), calls
// the Store and converts the result back; the handler maps the status.
//
// `Traits` describes one resource:
//   using Record, Proto, Filter;        domain, proto and store filter types
//   kCollection ("inspections"), kField ("inspection")
//   Immutable()                         fields an update may not change
//   kValidate                           domain/validation function
//   kGet, kList, kCreate, kUpdate, kDelete   Store member functions
//   SetId(Record&, id)                  puts the name's id in a record
//   FilterOf(ListRequest)               the store filter, or INVALID_ARGUMENT
//   Items(ListResponse*)                the reply's repeated resource field
//   Resource(CreateRequest)             the resource a create carries
//   ForCreate(CreateRequest, Record&)   resource-specific create rules

#include <google/protobuf/field_mask.pb.h>

#include <string>
#include <vector>

#include "convert/convert.h"
#include "convert/resource_name.h"
#include "convert/validated.h"
#include "domain/errors.h"
#include "service/request_support.h"
#include "service/write_context.h"

namespace lges {

// Fields every resource has that clients never set.
inline const std::vector<std::string> kOutputOnly = {
    "name", "etag", "create_time", "update_time"};

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
  return convert::ValidatedFromProto<Domain>(merged, validate, prefix);
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

// Violations gathered while reading a request, as a status.
inline absl::Status StatusOf(const Violations& violations) {
  return violations.empty() ? absl::OkStatus()
                            : InvalidArgumentError(violations);
}

template <typename Traits>
absl::Status GetResource(Store& store, const std::string& name,
                         typename Traits::Proto* resp) {
  LGES_ASSIGN_OR_RETURN(std::string id,
                        convert::IdFromName(name, Traits::kCollection, "name"));
  LGES_ASSIGN_OR_RETURN(typename Traits::Record record,
                        (store.*Traits::kGet)(id));
  convert::ToProto(record, resp);
  return absl::OkStatus();
}

// One page of the records that match the request's filters. Page tokens are
// bound to those filters.
template <typename Traits, typename Request, typename Response>
absl::Status ListResource(Store& store, const Request& req, Response* resp) {
  LGES_ASSIGN_OR_RETURN(typename Traits::Filter filter, Traits::FilterOf(req));
  const std::string filter_key = FilterKey(req);
  LGES_ASSIGN_OR_RETURN(
      PageRequest page,
      ParsePage(req.page_size(), req.page_token(), filter_key));
  LGES_ASSIGN_OR_RETURN(Page<typename Traits::Record> result,
                        (store.*Traits::kList)(filter, page));
  auto* items = Traits::Items(resp);
  for (const typename Traits::Record& record : result.items)
    convert::ToProto(record, items->Add());
  resp->set_total_size(result.total);
  resp->set_next_page_token(NextPageToken(
      page, static_cast<int>(result.items.size()), result.total, filter_key));
  return absl::OkStatus();
}

// Creates the request's resource; a retry with the same request_id returns
// what the first call created.
template <typename Traits, typename Request>
absl::Status CreateResource(Store& store, const Identity& who,
                            const Request& req, typename Traits::Proto* resp) {
  LGES_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
  LGES_ASSIGN_OR_RETURN(
      typename Traits::Record record,
      convert::ValidatedFromProto<typename Traits::Record>(
          Traits::Resource(req), Traits::kValidate, Traits::kField));
  LGES_RETURN_IF_ERROR(Traits::ForCreate(req, record));
  const WriteContext write =
      WriteContextFor(who, req.request_id(), Fingerprint(req));
  LGES_ASSIGN_OR_RETURN(
      typename Traits::Record created,
      PrefixErrors((store.*Traits::kCreate)(record, write), Traits::kField));
  convert::ToProto(created, resp);
  return absl::OkStatus();
}

template <typename Traits>
absl::Status UpdateResource(Store& store, const Identity& who,
                            const typename Traits::Proto& patch,
                            const google::protobuf::FieldMask& mask,
                            typename Traits::Proto* resp) {
  const std::string field(Traits::kField);
  LGES_ASSIGN_OR_RETURN(
      std::string id,
      convert::IdFromName(patch.name(), Traits::kCollection, field + ".name"));
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
                       WriteContextFor(who, "", "")),
                   field));
  convert::ToProto(updated, resp);
  return absl::OkStatus();
}

// Deletes the named resource and sets the dataset version after the delete
// in the reply.
template <typename Traits, typename Response>
absl::Status DeleteResource(Store& store, const Identity& who,
                            const std::string& name, const std::string& etag,
                            Response* resp) {
  LGES_ASSIGN_OR_RETURN(std::string id,
                        convert::IdFromName(name, Traits::kCollection, "name"));
  LGES_ASSIGN_OR_RETURN(int64_t revision, ExpectedRevision(etag, "etag"));
  LGES_ASSIGN_OR_RETURN(
      int64_t version,
      (store.*Traits::kDelete)(id, revision, WriteContextFor(who, "", "")));
  resp->set_dataset_version(version);
  return absl::OkStatus();
}

}  // namespace lges
