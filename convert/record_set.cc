#include "convert/record_set.h"

#include <google/protobuf/util/json_util.h>

#include "convert/convert.h"
#include "convert/resource_name.h"
#include "convert/validated.h"
#include "domain/validation.h"

namespace lges {

namespace {

namespace pb = ::estyn::lges::v1;
constexpr size_t kMaxViolations = 200;

std::string At(const std::string& prefix, const char* collection, int i) {
  return prefix + "." + collection + "[" + std::to_string(i) + "]";
}

// Converts one record, adding its violations to `out`.
template <typename Domain, typename Proto>
Domain Convert(const Proto& proto, Violations (*validate)(const Domain&),
               const std::string& place, Violations& out) {
  absl::StatusOr<Domain> record =
      convert::ValidatedFromProto<Domain>(proto, validate, place);
  if (record.ok()) return *std::move(record);
  for (FieldViolation& v : ViolationsOf(record.status()))
    out.push_back(std::move(v));
  return Domain{};
}

}  // namespace

absl::StatusOr<Dataset> RecordSetToDataset(const pb::RecordSet& records,
                                           const std::string& prefix) {
  Violations v;
  if (records.format() != "lges-records")
    v.push_back({prefix + ".format", "must be \"lges-records\""});
  if (records.format_version() != 1)
    v.push_back({prefix + ".format_version", "must be 1"});
  Dataset d;
  for (int i = 0; i < records.providers_size(); ++i) {
    d.providers.push_back(Convert<Provider>(
        records.providers(i), ValidateProvider, At(prefix, "providers", i), v));
  }
  for (int i = 0; i < records.inspections_size(); ++i) {
    const std::string place = At(prefix, "inspections", i);
    Inspection in = Convert<Inspection>(records.inspections(i),
                                        ValidateInspection, place, v);
    absl::StatusOr<std::string> id = convert::IdFromName(
        records.inspections(i).name(), "inspections", place + ".name");
    if (id.ok() && !IsValidInspectionId(*id))
      id = InvalidFieldError(place + ".name",
                             "the id is not a valid inspection id");
    if (!id.ok()) v.push_back(ViolationsOf(id.status())[0]);
    in.id = id.value_or("");
    d.inspections.push_back(std::move(in));
  }
  for (int i = 0; i < records.follow_up_events_size(); ++i) {
    d.follow_up_events.push_back(Convert<FollowUpEvent>(
        records.follow_up_events(i), ValidateFollowUpEvent,
        At(prefix, "follow_up_events", i), v));
  }
  for (int i = 0; i < records.key_messages_size(); ++i) {
    d.key_messages.push_back(
        Convert<KeyMessage>(records.key_messages(i), ValidateKeyMessage,
                            At(prefix, "key_messages", i), v));
  }
  if (v.empty()) v = Prefixed(prefix, DuplicateIdentities(d));
  if (v.size() > kMaxViolations) {
    const size_t more = v.size() - kMaxViolations;
    v.resize(kMaxViolations);
    v.push_back({prefix, std::to_string(more) + " more problems not listed"});
  }
  if (!v.empty()) return InvalidArgumentError(v);
  return d;
}

pb::RecordSet DatasetToRecordSet(const Dataset& data,
                                 const std::string& source) {
  pb::RecordSet out;
  out.set_format("lges-records");
  out.set_format_version(1);
  out.set_source(source);
  for (const Provider& p : data.providers)
    convert::ToProto(p, out.add_providers());
  for (const Inspection& in : data.inspections)
    convert::ToProto(in, out.add_inspections());
  for (const FollowUpEvent& e : data.follow_up_events)
    convert::ToProto(e, out.add_follow_up_events());
  for (const KeyMessage& m : data.key_messages)
    convert::ToProto(m, out.add_key_messages());
  return out;
}

absl::StatusOr<pb::RecordSet> ParseRecordSetJson(const std::string& json) {
  pb::RecordSet records;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, &records);
  if (!status.ok()) {
    return absl::InvalidArgumentError("not a valid record set in JSON: " +
                                      std::string(status.message()));
  }
  return records;
}

}  // namespace lges
