#pragma once
// Inline SVG charts for the printable sector page: plain markup with no
// scripts, fonts or images, so the page loads nothing. No gRPC here.

#include <string>
#include <vector>

namespace lges::render {

struct Bar {
  std::string label;     // "Evaluation and improvement planning", "22-23".
  std::string sublabel;  // A second, smaller line (the Welsh label); may be "".
  int value = 0;
  std::string value_text;  // Printed by the bar, e.g. "4 of 4".
  bool highlight = false;  // Drawn in the accent colour.
};

// One horizontal bar per item, labels on the left, scaled to `max_value`
// (at least the largest value). `title` names the chart for screen readers.
std::string HorizontalBarChart(const std::vector<Bar>& bars, int max_value,
                               const std::string& title);

// One column per item, labels underneath, a y axis in whole numbers.
std::string ColumnChart(const std::vector<Bar>& bars, const std::string& title);

// A grid of cells, one row per label and one column per column label,
// each shaded by its value (0-1) with its text inside; a cell that is not
// `present` (a year without inspections) is drawn blank.
struct HeatCell {
  bool present = false;
  double value = 0;   // 0-1.
  std::string text;   // "25%".
};
std::string Heatmap(const std::vector<std::string>& rows,
                    const std::vector<std::string>& columns,
                    const std::vector<std::vector<HeatCell>>& cells,
                    const std::string& title);

// Escapes &, <, >, " and ' for HTML and SVG text and attributes.
std::string EscapeXml(const std::string& text);

}  // namespace lges::render
