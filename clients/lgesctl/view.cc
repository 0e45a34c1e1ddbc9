#include "clients/lgesctl/view.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sstream>

#include "clients/lgesctl/csv.h"

namespace lges::cli {
namespace {

constexpr size_t kMinWrapWidth = 12;
// A wrapping column keeps room for its longest word up to this width, so
// that codes and names are not cut unless the table cannot fit otherwise.
constexpr size_t kMaxKeptWord = 30;

size_t LongestWord(const std::string& text) {
  size_t longest = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    longest = std::max(longest, DisplayWidth(text.substr(start, end - start)));
    start = end + 1;
  }
  return longest;
}

// The byte offset of display column `columns` in `text`.
size_t ByteOffsetOfColumn(const std::string& text, size_t columns) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == columns) return i;
    ++seen;
  }
  return text.size();
}

std::string RightTrimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Prints `text` wrapped to `width`, the first line after `first`, the rest
// after `rest` (both the same display width).
void PrintWrapped(std::ostream& out, const std::string& text,
                  const std::string& first, const std::string& rest,
                  int width) {
  const size_t room = std::max<int>(20, width - DisplayWidth(first));
  const std::vector<std::string> lines = WrapText(text, room);
  for (size_t i = 0; i < lines.size(); ++i)
    out << (i == 0 ? first : rest) << lines[i] << "\n";
}

std::vector<size_t> Visible(const Table& table, Format format) {
  std::vector<size_t> out;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (format != Format::kTable || !table.columns[i].data_only)
      out.push_back(i);
  }
  return out;
}

// Column widths for the text table: natural widths, then the widest
// wrapping columns narrowed until the table fits in `width`, first down to
// their longest word, then, if need be, cutting words.
std::vector<size_t> FitWidths(const Table& table,
                              const std::vector<size_t>& cols, int width) {
  std::vector<size_t> w(cols.size(), 0), floor(cols.size(), kMinWrapWidth);
  for (size_t c = 0; c < cols.size(); ++c) {
    w[c] = DisplayWidth(table.columns[cols[c]].title);
    for (const Row& row : table.rows) {
      if (cols[c] >= row.size()) continue;
      w[c] = std::max(w[c], DisplayWidth(row[cols[c]]));
      floor[c] =
          std::max(floor[c], std::min(kMaxKeptWord, LongestWord(row[cols[c]])));
    }
  }
  auto total = [&] {
    size_t sum = 2 * (w.size() - 1);
    for (size_t x : w) sum += x;
    return sum;
  };
  for (bool whole_words : {true, false}) {
    while (total() > static_cast<size_t>(width)) {
      int widest = -1;
      for (size_t c = 0; c < cols.size(); ++c) {
        const size_t least = whole_words ? floor[c] : kMinWrapWidth;
        if (!table.columns[cols[c]].wraps || w[c] <= least) continue;
        // Then words must be cut: first in the column with the longest.
        if (widest < 0 ||
            (whole_words ? w[c] > w[widest] : floor[c] > floor[widest]))
          widest = static_cast<int>(c);
      }
      if (widest < 0) break;  // Nothing left to narrow at this stage.
      --w[widest];  // One column at a time, so wide columns share the cut.
    }
  }
  return w;
}

void PrintTextRow(std::ostream& out, const Row& cells,
                  const std::vector<size_t>& widths) {
  std::vector<std::vector<std::string>> parts;
  size_t lines = 1;
  for (size_t c = 0; c < widths.size(); ++c) {
    parts.push_back(WrapText(c < cells.size() ? cells[c] : "", widths[c]));
    lines = std::max(lines, parts.back().size());
  }
  for (size_t l = 0; l < lines; ++l) {
    std::string line;
    for (size_t c = 0; c < widths.size(); ++c) {
      const std::string cell = l < parts[c].size() ? parts[c][l] : "";
      line += cell;
      if (c + 1 < widths.size())
        line += std::string(
            widths[c] - std::min(widths[c], DisplayWidth(cell)) + 2, ' ');
    }
    out << RightTrimmed(line) << "\n";
  }
}

void RenderTextTable(const Table& table, int width, std::ostream& out) {
  const std::vector<size_t> cols = Visible(table, Format::kTable);
  const std::vector<size_t> widths = FitWidths(table, cols, width);
  auto pick = [&](const Row& row) {
    Row out_row;
    for (size_t c : cols) out_row.push_back(c < row.size() ? row[c] : "");
    return out_row;
  };
  Row header;
  for (size_t c : cols) header.push_back(table.columns[c].title);
  PrintTextRow(out, header, widths);
  for (const Row& row : table.rows) PrintTextRow(out, pick(row), widths);
}

void RenderText(const View& view, int width, std::ostream& out) {
  bool first = true;
  auto gap = [&] {
    if (!first) out << "\n";
    first = false;
  };
  if (!view.title.empty()) {
    gap();
    PrintWrapped(out, view.title, "", "", width);
  }
  for (const Section& s : view.sections) {
    gap();
    if (!s.heading.empty()) out << s.heading << "\n";
    size_t label_width = 0;
    for (const auto& [label, value] : s.facts)
      label_width = std::max(label_width, DisplayWidth(label));
    for (const auto& [label, value] : s.facts) {
      const std::string lead =
          "  " + label + ":" +
          std::string(label_width - DisplayWidth(label) + 2, ' ');
      PrintWrapped(out, value, lead, std::string(DisplayWidth(lead), ' '),
                   width);
    }
    if (!s.table.columns.empty()) RenderTextTable(s.table, width, out);
    for (const std::string& item : s.items)
      PrintWrapped(out, item, "  - ", "    ", width);
  }
  if (!view.notes.empty()) gap();
  for (const std::string& note : view.notes)
    PrintWrapped(out, note, "", "  ", width);
}

// Text from the record as Markdown shows it: every character that
// Markdown or HTML would read as markup is escaped, and newlines become
// spaces so that a table row stays one line.
std::string MarkdownCell(const std::string& text) {
  static const std::string kMarkup = "\\`*_[]<>|~";
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += ' ';
    } else if (kMarkup.find(c) != std::string::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

void RenderMarkdownTable(const Table& table, std::ostream& out) {
  const std::vector<size_t> cols = Visible(table, Format::kMarkdown);
  std::string header = "|", rule = "|";
  for (size_t c : cols) {
    header += " " + MarkdownCell(table.columns[c].title) + " |";
    rule += " --- |";
  }
  out << header << "\n" << rule << "\n";
  for (const Row& row : table.rows) {
    std::string line = "|";
    for (size_t c : cols)
      line += " " + MarkdownCell(c < row.size() ? row[c] : "") + " |";
    out << line << "\n";
  }
}

void RenderMarkdown(const View& view, std::ostream& out) {
  if (!view.title.empty()) out << "# " << view.title << "\n";
  for (const Section& s : view.sections) {
    out << "\n";
    if (!s.heading.empty()) out << "## " << s.heading << "\n\n";
    for (const auto& [label, value] : s.facts)
      out << "- **" << MarkdownCell(label) << ":** " << MarkdownCell(value)
          << "\n";
    if (!s.facts.empty() && (!s.table.columns.empty() || !s.items.empty()))
      out << "\n";
    if (!s.table.columns.empty()) RenderMarkdownTable(s.table, out);
    if (!s.table.columns.empty() && !s.items.empty()) out << "\n";
    for (const std::string& item : s.items)
      out << "- " << MarkdownCell(item) << "\n";
  }
  for (size_t i = 0; i < view.notes.size(); ++i)
    out << (i == 0 ? "\n> " : ">\n> ") << view.notes[i] << "\n";
}

// A date cell as numbers: "2019-09-10" gives 2019, 9, 10; "2021-10" gives
// 2021, 10; "2019" gives 2019; "summer 2023" gives 2023 and keeps its text;
// anything else ("2019-2020", "still in") keeps only its text.
struct DateParts {
  std::string year, month, day, as_recorded;
};

bool Digits(const std::string& s, size_t from, size_t count) {
  if (from + count > s.size()) return false;
  for (size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::string Unpadded(const std::string& two_digits) {
  return two_digits[0] == '0' ? two_digits.substr(1) : two_digits;
}

DateParts SplitDate(const std::string& cell) {
  DateParts d;
  if (Digits(cell, 0, 4) && (cell.size() == 4 || cell[4] == '-')) {
    if (cell.size() == 4) return {cell, "", "", ""};
    if (cell.size() == 7 && Digits(cell, 5, 2))
      return {cell.substr(0, 4), Unpadded(cell.substr(5, 2)), "", ""};
    if (cell.size() == 10 && Digits(cell, 5, 2) && cell[7] == '-' &&
        Digits(cell, 8, 2))
      return {cell.substr(0, 4), Unpadded(cell.substr(5, 2)),
              Unpadded(cell.substr(8, 2)), ""};
  }
  d.as_recorded = cell;
  const size_t space = cell.rfind(' ');
  if (space != std::string::npos && cell.size() - space == 5 &&
      Digits(cell, space + 1, 4))
    d.year = cell.substr(space + 1);  // A term: "summer 2023".
  return d;
}

// Seconds since 1970 of a UTC time "YYYY-MM-DD[T ]HH:MM[:SS]"; "" if the
// cell is not one.
std::string UnixSeconds(const std::string& cell) {
  std::tm tm{};
  if (cell.size() < 16 || (cell[10] != 'T' && cell[10] != ' ') ||
      std::sscanf(cell.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
                  &tm.tm_mday) != 3 ||
      std::sscanf(cell.c_str() + 11, "%2d:%2d:%2d", &tm.tm_hour, &tm.tm_min,
                  &tm.tm_sec) < 2)
    return "";
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return std::to_string(static_cast<long long>(timegm(&tm)));
}

const char* const kDateSuffixes[] = {"_year", "_month", "_day", "_as_recorded"};

void WriteCsvFacts(const Section& s, std::ostream& out) {
  out << CsvLine({"measure", "value"});
  for (const auto& [label, value] : s.facts) {
    const DateParts d = SplitDate(value);
    if (!d.month.empty()) {  // A date: one number per row.
      const std::string parts[] = {d.year, d.month, d.day};
      for (int i = 0; i < 3; ++i) {
        if (!parts[i].empty())
          out << CsvLine({SpreadsheetSafe(label + kDateSuffixes[i]), parts[i]});
      }
      continue;
    }
    out << CsvLine({SpreadsheetSafe(label), SpreadsheetSafe(value)});
  }
}

void WriteCsvTable(const Table& table, std::ostream& out) {
  Row header;
  for (const Column& c : table.columns) {
    const std::string name = c.csv.empty() ? CsvName(c.title) : c.csv;
    if (c.time) {
      header.push_back(name + "_unix_seconds");
      continue;
    }
    if (!c.date) {
      header.push_back(name);
      continue;
    }
    for (const char* suffix : kDateSuffixes) header.push_back(name + suffix);
  }
  out << CsvLine(header);
  for (const Row& row : table.rows) {
    Row safe;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      if (table.columns[i].time) {
        safe.push_back(UnixSeconds(cell));
        continue;
      }
      if (!table.columns[i].date) {
        safe.push_back(SpreadsheetSafe(cell));
        continue;
      }
      const DateParts d = SplitDate(cell);
      safe.insert(safe.end(), {d.year, d.month, d.day,
                               SpreadsheetSafe(d.as_recorded)});
    }
    out << CsvLine(safe);
  }
}

void RenderCsv(const View& view, std::ostream& out) {
  bool first = true;
  auto gap = [&] {
    if (!first) out << "\n";
    first = false;
  };
  for (const Section& s : view.sections) {
    if (!s.facts.empty()) {
      gap();
      WriteCsvFacts(s, out);
    }
    const Table& table = s.data ? *s.data : s.table;
    if (table.columns.empty()) continue;
    gap();
    WriteCsvTable(table, out);
  }
}

}  // namespace

std::vector<std::pair<std::string, View>> CsvTables(const View& view) {
  std::vector<std::pair<std::string, View>> out;
  for (const Section& s : view.sections) {
    const bool has_table = !(s.data ? *s.data : s.table).columns.empty();
    const std::string name =
        s.name.empty() ? "table" + std::to_string(out.size() + 1) : s.name;
    if (!s.facts.empty()) {
      Section facts;
      facts.facts = s.facts;
      out.push_back({has_table ? name + "_totals" : name, {"", {facts}, {}}});
    }
    if (has_table) {
      Section table;
      table.table = s.table;
      table.data = s.data;
      out.push_back({name, {"", {table}, {}}});
    }
  }
  return out;
}

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++width;  // Count lead bytes only.
  }
  return width;
}

std::vector<std::string> WrapText(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word, line;
  while (words >> word) {
    while (DisplayWidth(word) > width) {  // Cut a word that cannot fit.
      if (!line.empty()) lines.push_back(line), line.clear();
      const size_t cut = ByteOffsetOfColumn(word, width);
      lines.push_back(word.substr(0, cut));
      word = word.substr(cut);
    }
    if (line.empty()) {
      line = word;
    } else if (DisplayWidth(line) + 1 + DisplayWidth(word) <= width) {
      line += " " + word;
    } else {
      lines.push_back(line);
      line = word;
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string CsvName(const std::string& title) {
  std::string out;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

void Render(const View& view, Format format, int width, std::ostream& out) {
  switch (format) {
    case Format::kCsv:
      return RenderCsv(view, out);
    case Format::kMarkdown:
      return RenderMarkdown(view, out);
    default:
      return RenderText(view, width, out);
  }
}

}  // namespace lges::cli
