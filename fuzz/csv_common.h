#pragma once
// Shared by the two CSV fuzzers: the file as `lgesctl import` reads it,
// with inspection "A" known to the (imaginary) server and every other id
// unknown, then domain validation of the result.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clients/lgesctl/csv_import.h"
#include "convert/record_set.h"

namespace lges::fuzz {

inline void ImportCsv(const std::string& header, const uint8_t* data,
                      size_t size) {
  const std::string text =
      header + std::string(reinterpret_cast<const char*>(data), size);
  cli::CsvTable table;
  std::string error;
  if (!cli::ParseCsv(text, &table, &error)) return;
  cli::Loaded loaded;
  const auto fetch = [](const std::string& id, cli::pb::Inspection* out) {
    if (id != "A") return absl::NotFoundError("inspections/" + id);
    out->set_name("inspections/A");
    out->set_provider_code("W06000001");
    return absl::OkStatus();
  };
  if (auto failed = cli::RecordsFromCsv(table, "fuzz.csv", fetch, &loaded)) {
    if (failed->message.size() > 1000) __builtin_trap();  // Bounded quoting.
    return;
  }
  RecordSetToDataset(loaded.records, "records").status().IgnoreError();
}

}  // namespace lges::fuzz
