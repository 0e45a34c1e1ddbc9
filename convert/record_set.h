#pragma once
// The interchange format (estyn.lges.v1.RecordSet, docs/FORMAT.md) to and
// from domain records.

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "domain/dataset.h"
#include "estyn/lges/v1/dataset.pb.h"

namespace lges {

// Converts and validates every record; INVALID_ARGUMENT with one violation
// per problem (at most 200), each named by its place under `prefix`
// ("records.inspections[3].start_date").
absl::StatusOr<Dataset> RecordSetToDataset(
    const estyn::lges::v1::RecordSet& records, const std::string& prefix);
// RecordSetToDataset for a record set that arrives in parts: places count
// across the parts, and the format fields may come in any part.
class RecordSetReader {
 public:
  explicit RecordSetReader(std::string prefix);
  // Converts and checks the records of one part.
  void Add(const estyn::lges::v1::RecordSet& part);
  // The records of every part, or INVALID_ARGUMENT as RecordSetToDataset.
  absl::StatusOr<Dataset> Finish() &&;

 private:
  std::string prefix_;
  std::string format_;
  int format_version_ = 0;
  Dataset data_;
  Violations violations_;
  size_t not_listed_ = 0;
};

// The records of `data` as a RecordSet that RecordSetToDataset accepts.
estyn::lges::v1::RecordSet DatasetToRecordSet(const Dataset& data,
                                              const std::string& source);

// Gathers records into parts of a record set of about `part_bytes` each,
// for the streaming rpcs. Merging the parts in order gives the whole record
// set.
class RecordSetParts {
 public:
  // `send` returns false when the other side has gone.
  using Send = std::function<bool(const estyn::lges::v1::RecordSet&)>;
  RecordSetParts(size_t part_bytes, Send send);

  // The part being filled, e.g. to set the format fields and source, which
  // go in the first part.
  estyn::lges::v1::RecordSet& part() { return part_; }

  // Adds one record, the message `add` adds to the part being filled;
  // sends the part once it is full. False once a send has failed.
  template <typename AddRecord>
  bool Add(AddRecord add) {
    bytes_ += add(part_).ByteSizeLong();
    return bytes_ < part_bytes_ || SendPart();
  }
  // Sends what is left: the last part, or the first if nothing was sent.
  bool Finish();

 private:
  bool SendPart();

  const size_t part_bytes_;
  const Send send_;
  estyn::lges::v1::RecordSet part_;
  size_t bytes_ = 0;
  bool sent_any_ = false;
};

// Sets the fields of an exported record set other than its records.
void SetExportHeader(const std::string& source,
                     estyn::lges::v1::RecordSet& out);

// Passes the records of `data` in academic years `from`..`to` (as
// RecordsOfYears, domain/dataset.h) to `parts`, without copying the
// dataset. False once a send has failed.
bool SendRecordsOfYears(const Dataset& data, int from, int to,
                        RecordSetParts& parts);

// Passes `whole` to `parts`: its format fields and source into the part
// being filled, then every record. False once a send has failed.
bool SendRecordSet(const estyn::lges::v1::RecordSet& whole,
                   RecordSetParts& parts);

// Parses a RecordSet from its JSON form; INVALID_ARGUMENT saying where the
// JSON is wrong.
absl::StatusOr<estyn::lges::v1::RecordSet> ParseRecordSetJson(
    const std::string& json);

}  // namespace lges
