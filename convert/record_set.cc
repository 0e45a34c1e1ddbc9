#include "convert/record_set.h"

#include <google/protobuf/util/json_util.h>

#include <type_traits>

#include "convert/convert.h"
#include "convert/resource_name.h"
#include "convert/validated.h"
#include "domain/validation.h"

namespace lges {

namespace {

namespace pb = ::estyn::lges::v1;
constexpr size_t kMaxViolations = 200;

std::string At(const std::string& prefix, const char* collection,
               size_t i) {
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

RecordSetReader::RecordSetReader(std::string prefix)
    : prefix_(std::move(prefix)) {}

void RecordSetReader::Add(const pb::RecordSet& part) {
  Violations& v = violations_;
  if (!part.format().empty()) format_ = part.format();
  if (part.format_version() != 0) format_version_ = part.format_version();
  Dataset& d = data_;
  for (const pb::Provider& p : part.providers()) {
    d.providers.push_back(Convert<Provider>(
        p, ValidateProvider, At(prefix_, "providers", d.providers.size()), v));
  }
  for (const pb::Inspection& proto : part.inspections()) {
    const std::string place =
        At(prefix_, "inspections", d.inspections.size());
    Inspection in = Convert<Inspection>(proto, ValidateInspection, place, v);
    absl::StatusOr<std::string> id =
        convert::IdFromName(proto.name(), "inspections", place + ".name");
    if (id.ok() && !IsValidInspectionId(*id))
      id = InvalidFieldError(place + ".name",
                             "the id is not a valid inspection id");
    if (!id.ok()) v.push_back(ViolationsOf(id.status())[0]);
    in.id = id.value_or("");
    d.inspections.push_back(std::move(in));
  }
  for (const pb::FollowUpEvent& e : part.follow_up_events()) {
    d.follow_up_events.push_back(Convert<FollowUpEvent>(
        e, ValidateFollowUpEvent,
        At(prefix_, "follow_up_events", d.follow_up_events.size()), v));
  }
  for (const pb::KeyMessage& m : part.key_messages()) {
    d.key_messages.push_back(Convert<KeyMessage>(
        m, ValidateKeyMessage,
        At(prefix_, "key_messages", d.key_messages.size()), v));
  }
  for (const pb::PublishedYear& y : part.published_years()) {
    d.published_years.push_back(Convert<PublishedYear>(
        y, ValidatePublishedYear,
        At(prefix_, "published_years", d.published_years.size()), v));
  }
  // Beyond the limit the records are still counted, so that places stay
  // right, but their problems are only counted.
  if (v.size() > kMaxViolations) {
    not_listed_ += v.size() - kMaxViolations;
    v.resize(kMaxViolations);
  }
}

absl::StatusOr<Dataset> RecordSetReader::Finish() && {
  Violations v;
  if (format_ != "lges-records")
    v.push_back({prefix_ + ".format", "must be \"lges-records\""});
  if (format_version_ != 1)
    v.push_back({prefix_ + ".format_version", "must be 1"});
  v.insert(v.end(), violations_.begin(), violations_.end());
  if (v.empty()) v = Prefixed(prefix_, DuplicateIdentities(data_));
  size_t more = not_listed_;
  if (v.size() > kMaxViolations) {
    more += v.size() - kMaxViolations;
    v.resize(kMaxViolations);
  }
  if (more > 0)
    v.push_back({prefix_, std::to_string(more) + " more problems not listed"});
  if (!v.empty()) return InvalidArgumentError(v);
  return std::move(data_);
}

absl::StatusOr<Dataset> RecordSetToDataset(const pb::RecordSet& records,
                                           const std::string& prefix) {
  RecordSetReader reader(prefix);
  reader.Add(records);
  return std::move(reader).Finish();
}

void SetExportHeader(const std::string& source, pb::RecordSet& out) {
  out.set_format("lges-records");
  out.set_format_version(1);
  out.set_source(source);
}

pb::RecordSet DatasetToRecordSet(const Dataset& data,
                                 const std::string& source) {
  pb::RecordSet out;
  SetExportHeader(source, out);
  for (const Provider& p : data.providers)
    convert::ToProto(p, out.add_providers());
  for (const Inspection& in : data.inspections)
    convert::ToProto(in, out.add_inspections());
  for (const FollowUpEvent& e : data.follow_up_events)
    convert::ToProto(e, out.add_follow_up_events());
  for (const KeyMessage& m : data.key_messages)
    convert::ToProto(m, out.add_key_messages());
  for (const PublishedYear& y : data.published_years)
    convert::ToProto(y, out.add_published_years());
  return out;
}

RecordSetParts::RecordSetParts(size_t part_bytes, Send send)
    : part_bytes_(part_bytes), send_(std::move(send)) {}

bool RecordSetParts::SendPart() {
  const bool sent = send_(part_);
  part_.Clear();
  bytes_ = 0;
  sent_any_ = true;
  return sent;
}

bool RecordSetParts::Finish() {
  return (sent_any_ && bytes_ == 0) || SendPart();
}

namespace {

// A record into its part: converted from the domain, or copied.
template <typename Record, typename Proto>
void Fill(const Record& record, Proto* out) {
  if constexpr (std::is_same_v<Record, Proto>) {
    *out = record;
  } else {
    convert::ToProto(record, out);
  }
}

// Adds each of `records` that `keep` keeps with `add` (RecordSet::add_...).
template <typename Records, typename Proto, typename Keep>
bool SendEach(const Records& records, Proto* (pb::RecordSet::*add)(),
              Keep keep, RecordSetParts& parts) {
  for (const auto& record : records) {
    if (!keep(record)) continue;
    if (!parts.Add([&](pb::RecordSet& s) -> const Proto& {
          Proto* out = (s.*add)();
          Fill(record, out);
          return *out;
        }))
      return false;
  }
  return true;
}

constexpr auto kAll = [](const auto&) { return true; };

}  // namespace

bool SendRecordsOfYears(const Dataset& data, int from, int to,
                        RecordSetParts& parts) {
  YearSelection selection(from, to);
  auto keep = [&](const auto& record) { return selection.Keep(record); };
  return SendEach(data.providers, &pb::RecordSet::add_providers, kAll,
                  parts) &&
         SendEach(data.inspections, &pb::RecordSet::add_inspections, keep,
                  parts) &&
         SendEach(data.follow_up_events, &pb::RecordSet::add_follow_up_events,
                  keep, parts) &&
         SendEach(data.key_messages, &pb::RecordSet::add_key_messages, keep,
                  parts) &&
         SendEach(data.published_years, &pb::RecordSet::add_published_years,
                  keep, parts) &&
         parts.Finish();
}

bool SendRecordSet(const pb::RecordSet& whole, RecordSetParts& parts) {
  parts.part().set_format(whole.format());
  parts.part().set_format_version(whole.format_version());
  parts.part().set_source(whole.source());
  return SendEach(whole.providers(), &pb::RecordSet::add_providers, kAll,
                  parts) &&
         SendEach(whole.inspections(), &pb::RecordSet::add_inspections, kAll,
                  parts) &&
         SendEach(whole.follow_up_events(),
                  &pb::RecordSet::add_follow_up_events, kAll, parts) &&
         SendEach(whole.key_messages(), &pb::RecordSet::add_key_messages,
                  kAll, parts) &&
         SendEach(whole.published_years(),
                  &pb::RecordSet::add_published_years, kAll, parts) &&
         parts.Finish();
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
