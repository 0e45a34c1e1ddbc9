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

// Parses `text`, which may start with a UTF-8 byte-order mark (as Excel's
// "CSV UTF-8" writes). On failure returns false and says where in `error`. Every
// row must have as many fields as the header.
bool ParseCsv(const std::string& text, CsvTable* out, std::string* error);

// One CSV line (with its newline) for `fields`.
std::string CsvLine(const std::vector<std::string>& fields);

// `cell` made safe to open in a spreadsheet (OWASP, "CSV Injection"): a
// cell that begins with =, +, -, @, tab or carriage return, and is not a
// plain number such as -3, gets a leading apostrophe, so that it is read as
// text and never run as a formula.
std::string SpreadsheetSafe(const std::string& cell);

// The UTF-8 byte-order mark, which Excel needs to read a CSV file as UTF-8
// (lgesctl --excel).
std::string ByteOrderMark();

}  // namespace lges::cli
