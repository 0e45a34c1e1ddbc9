#pragma once
// A reply as a CSV table, for spreadsheets (Accept: text/csv): the rows
// are the elements of the reply's first repeated message field; the
// columns are their fields by JSON name, nested ones as "a.b", lists of
// values joined with "; ". Text cells that a spreadsheet would take for a
// formula (starting =, +, -, @, tab or CR) are prefixed with an apostrophe.

#include <google/protobuf/message.h>

#include <optional>
#include <string>

namespace lges::gateway {

// nullopt if `message` has no repeated message field to tabulate.
std::optional<std::string> CsvTable(const google::protobuf::Message& message);

}  // namespace lges::gateway
