#include "clients/lgesctl/csv.h"

namespace lges::cli {

namespace {

constexpr char kByteOrderMark[] = "\xEF\xBB\xBF";

// True if `cell` is a plain decimal number ("-3", "12.5"), which a
// spreadsheet reads as a number and never as a formula.
bool IsNumber(const std::string& cell) {
  size_t i = cell[0] == '-' ? 1 : 0;
  bool digits = false, point = false;
  for (; i < cell.size(); ++i) {
    if (cell[i] >= '0' && cell[i] <= '9') {
      digits = true;
    } else if (cell[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

bool ParseCsv(const std::string& text, CsvTable* out, std::string* error) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  std::vector<int> starts = {1};
  int line = 1;
  bool quoted = false;
  // Excel's "CSV UTF-8" starts the file with a byte-order mark.
  const size_t begin = text.rfind(kByteOrderMark, 0) == 0 ? 3 : 0;
  for (size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = records.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        line += c == '\n';
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\n') {
      ++line;
      records.emplace_back(1);
      starts.push_back(line);
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted) {
    *error = "line " + std::to_string(starts.back()) +
             ": a quoted field is not closed";
    return false;
  }
  while (!records.empty() && records.back().size() == 1 &&
         records.back()[0].empty()) {
    records.pop_back();
    starts.pop_back();
  }
  if (records.empty()) {
    *error = "the file is empty; the first line must name the columns";
    return false;
  }
  out->header = records[0];
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != out->header.size()) {
      *error = "line " + std::to_string(starts[r]) + ": " +
               std::to_string(records[r].size()) + " fields, but the " +
               "header names " + std::to_string(out->header.size()) +
               " columns";
      return false;
    }
    out->rows.push_back(records[r]);
    out->lines.push_back(starts[r]);
  }
  return true;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string& f = fields[i];
    if (i) out += ',';
    if (f.find_first_of(",\"\n\r") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out + "\n";
}

std::string SpreadsheetSafe(const std::string& cell) {
  if (cell.empty() || cell == "-" ||  // A lone "-" (none) is read as text.
      std::string("=+-@\t\r").find(cell[0]) == std::string::npos)
    return cell;
  return IsNumber(cell) ? cell : "'" + cell;
}

std::string ByteOrderMark() { return kByteOrderMark; }

}  // namespace lges::cli
