// lgesctl output: every view goes through Show, which for CSV writes one
// table per file when asked (--table, --output-dir) and the byte-order
// mark Excel needs (--excel).
#include <fstream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/csv.h"

namespace lges::cli {
namespace {

std::string Names(const std::vector<std::pair<std::string, View>>& tables) {
  std::string out;
  for (const auto& [name, table] : tables)
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

void WriteCsv(const View& view, const Io& io, std::ostream& out) {
  if (io.excel) out << ByteOrderMark();
  Render(view, Format::kCsv, io.width, out);
}

// Each table to DIR/NAME.csv; the paths written, one per line, on stdout.
int WriteFiles(const std::vector<std::pair<std::string, View>>& tables,
               const Io& io) {
  for (const auto& [name, table] : tables) {
    const std::string path = io.output_dir + "/" + name + ".csv";
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file) WriteCsv(table, io, file);
    if (!file || !file.flush()) {
      io.err << "lgesctl: " << F(io, "cli.csv.cannot_write", {{"path", path}})
             << "\n";
      return kExitFailed;
    }
    io.out << path << "\n";
  }
  return kExitOk;
}

}  // namespace

int Show(const View& view, Io io) {
  if (io.format != Format::kCsv) {
    if (!io.table.empty() || !io.output_dir.empty())
      return UsageError(T(io, "cli.csv.only_csv"), io);
    Render(view, io.format, io.width, io.out);
    return kExitOk;
  }
  const std::vector<std::pair<std::string, View>> tables = CsvTables(view);
  if (!io.table.empty()) {
    for (const auto& [name, table] : tables) {
      if (name == io.table) {
        WriteCsv(table, io, io.out);
        return kExitOk;
      }
    }
    return UsageError(
        F(io, "cli.csv.no_table", {{"table", io.table}, {"tables", Names(tables)}}),
        io);
  }
  if (!io.output_dir.empty()) return WriteFiles(tables, io);
  if (tables.size() > 1)
    io.err << F(io, "cli.csv.several_tables",
                {{"count", std::to_string(tables.size())},
                 {"tables", Names(tables)}})
           << "\n";
  WriteCsv(view, io, io.out);
  return kExitOk;
}

}  // namespace lges::cli
