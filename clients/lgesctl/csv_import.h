#pragma once
// The two CSV formats of `lgesctl import`, read into a record set:
//
//   recommendations: inspection,number,text[,text_status,sources]
//     Each inspection named gets exactly the listed recommendations; the
//     rest of the inspection is read from the server (`fetch`).
//   follow-up events: provider_code,kind,date[,inspection,description,
//     certainty,sources]
//
// The header row decides which. No gRPC: fuzzed by fuzz/csv_*_fuzzer.cc.

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "clients/lgesctl/csv.h"
#include "estyn/lges/v1/dataset.pb.h"

namespace lges::cli {

namespace pb = ::estyn::lges::v1;

// Where each record of a CSV import came from: record path -> file line.
using LineMap = std::map<std::string, int>;

struct Loaded {
  pb::RecordSet records;
  LineMap lines;
};

// A refused file, as "line N, column 'C': problem". Quotes at most 60
// characters of what the file holds.
struct CsvError {
  std::string message;
};

// Reads inspection `id` (without "inspections/") into `out`.
using FetchInspection =
    std::function<absl::Status(const std::string& id, pb::Inspection* out)>;

// Fills `out` from `table` (source: `path`), in the format its header names.
std::optional<CsvError> RecordsFromCsv(const CsvTable& table,
                                       const std::string& path,
                                       const FetchInspection& fetch,
                                       Loaded* out);

}  // namespace lges::cli
