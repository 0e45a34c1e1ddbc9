#pragma once
// Reading and writing CSV (RFC 4180: comma-separated, double quotes around
// fields with commas, quotes or newlines, "" for a quote inside).

#include <string>
#include <vector>

namespace lges::cli {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int>
      lines;  // File line on which each row starts (the header is line 1).
};

// Parses `text`. On failure returns false and says where in `error`. Every
// row must have as many fields as the header.
bool ParseCsv(const std::string& text, CsvTable* out, std::string* error);

// One CSV line (with its newline) for `fields`.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace lges::cli
