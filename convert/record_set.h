#pragma once
// The interchange format (estyn.lges.v1.RecordSet, docs/FORMAT.md) to and
// from domain records.

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
// The records of `data` as a RecordSet that RecordSetToDataset accepts.
estyn::lges::v1::RecordSet DatasetToRecordSet(const Dataset& data,
                                              const std::string& source);

// Parses a RecordSet from its JSON form; INVALID_ARGUMENT saying where the
// JSON is wrong.
absl::StatusOr<estyn::lges::v1::RecordSet> ParseRecordSetJson(
    const std::string& json);

}  // namespace lges
