#pragma once
// What an lgesctl command shows, apart from how it is printed. A command
// builds a View from its reply; Render prints it as an aligned text table
// that fits the terminal width, as Markdown, or as CSV. (JSON is the API's
// own reply, printed by the command.) No gRPC here.

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace lges::cli {

enum class Format { kTable, kCsv, kJson, kMarkdown };

using Row = std::vector<std::string>;

struct Column {
  std::string title;  // "NAME (EN)"; CSV writes it as "name_en".
  // Text that may wrap onto more lines when the table is wider than the
  // terminal. The widest such column gives way first.
  bool wraps = false;
  // Shown in CSV and Markdown only: codes that the text table leaves out
  // to fit 80 columns (their labels are shown).
  bool data_only = false;
  // The CSV header name when CsvName(title) would not do ("2017-2018" for
  // a column titled "17-18").
  std::string csv = "";
  // Dates ("2019-09-10", "2021-10", "summer 2023"). CSV writes them as
  // NAME_year, NAME_month and NAME_day numbers, with NAME_as_recorded for
  // what the numbers cannot say ("summer 2023", "still in"), so that no
  // spreadsheet turns some of them into dates and leaves others as text.
  bool date = false;
  // Times in UTC ("2026-11-29T12:00:00", "2026-11-29 12:00"; "-" for
  // none). CSV writes them as NAME_unix_seconds, a number.
  bool time = false;
};

struct Table {
  std::vector<Column> columns;
  std::vector<Row> rows;
};

struct Section {
  std::string heading;  // "" for none.
  // "label: value" pairs, e.g. {"core inspections", "4"}.
  std::vector<std::pair<std::string, std::string>> facts;
  Table table;                     // Shown if it has columns.
  std::vector<std::string> items;  // A list of sentences.
  // The table as CSV writes it, when that differs from `table`: one number
  // per numeric cell (never "1/2" or "2 of ?", which spreadsheets read as
  // dates or text), unknown left empty with a status column beside it.
  std::optional<Table> data;
  // The table's name for --table and --output-dir ("figures"); "" gives
  // "table1", "table2", ... by place.
  std::string name;
};

struct View {
  std::string title;  // "" for none.
  std::vector<Section> sections;
  // Footnotes, warnings and the dataset version, after everything else.
  // CSV leaves them out.
  std::vector<std::string> notes;
};

// Prints `view` in `format` (not kJson). Text tables and sentences are
// wrapped to `width` columns where their words allow. CSV prints each
// section's facts as a "measure,value" table and each table with a header
// row; several tables are separated by a blank line. CSV cells are made
// safe for spreadsheets (SpreadsheetSafe), date columns are split into
// numbers (Column::date), and a fact whose value is a date becomes
// MEASURE_year, _month and _day rows.
void Render(const View& view, Format format, int width, std::ostream& out);

// Each table of `view` on its own, for CSV's one table per file: a
// section's facts ("measure,value") and its table are two. Named by the
// section's name ("" gives "tableN"); facts beside a table get "_totals".
std::vector<std::pair<std::string, View>> CsvTables(const View& view);

// Display width of UTF-8 text, counting code points.
size_t DisplayWidth(const std::string& text);
// Splits `text` into lines of at most `width` display columns at spaces; a
// word longer than `width` is cut.
std::vector<std::string> WrapText(const std::string& text, size_t width);
// "NAME (EN)" -> "name_en", "1 SEPTEMBER" -> "1_september".
std::string CsvName(const std::string& title);

}  // namespace lges::cli
