#include "render/svg_chart.h"

#include <algorithm>

namespace lges::render {
namespace {

constexpr int kWidth = 680;  // viewBox units; the page scales the chart.

std::string Num(double v) {
  std::string s = std::to_string(static_cast<int>(v * 10 + 0.5) / 10.0);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string Text(double x, double y, const std::string& cls,
                 const std::string& text, const std::string& anchor = "") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" class=\"" + cls +
         "\"" + (anchor.empty() ? "" : " text-anchor=\"" + anchor + "\"") +
         ">" + EscapeXml(text) + "</text>";
}

std::string Rect(double x, double y, double w, double h, bool highlight) {
  return "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(w) +
         "\" height=\"" + Num(h) + "\" class=\"" +
         // not text: CSS classes
         (highlight ? "bar accent" : "bar") + "\"/>";
}

std::string Open(int height, const std::string& title, const std::string& id) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) +
         "\" role=\"img\" aria-labelledby=\"" + id + "\" class=\"chart\">" +
         "<title id=\"" + id + "\">" + EscapeXml(title) + "</title>";
}

std::string IdFor(const std::string& title) {
  std::string id = "chart-";
  for (char c : title) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      id += c;
    else if (c >= 'A' && c <= 'Z')
      id += static_cast<char>(c - 'A' + 'a');
    else if (id.back() != '-')
      id += '-';
  }
  return id;
}

}  // namespace

std::string EscapeXml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HorizontalBarChart(const std::vector<Bar>& bars, int max_value,
                               const std::string& title) {
  constexpr int kLabelWidth = 300, kRow = 40, kTop = 8, kBar = 18;
  constexpr int kPlot = kWidth - kLabelWidth - 70;
  for (const Bar& b : bars) max_value = std::max(max_value, b.value);
  max_value = std::max(max_value, 1);
  const int height = kTop + kRow * static_cast<int>(bars.size()) + 24;
  std::string svg = Open(height, title, IdFor(title));
  for (int tick = 0; tick <= max_value; ++tick) {  // Whole-number gridlines.
    const double x =
        kLabelWidth + kPlot * tick / static_cast<double>(max_value);
    svg += "<line x1=\"" + Num(x) + "\" y1=\"" + std::to_string(kTop) +
           "\" x2=\"" + Num(x) + "\" y2=\"" + std::to_string(height - 20) +
           "\" class=\"grid\"/>";
    svg += Text(x, height - 6, "tick", std::to_string(tick), "middle");
  }
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    svg += Text(kLabelWidth - 10, y + 16, "label", b.label, "end");
    if (!b.sublabel.empty())
      svg += Text(kLabelWidth - 10, y + 31, "sublabel", b.sublabel, "end");
    const double w = kPlot * b.value / static_cast<double>(max_value);
    svg += Rect(kLabelWidth, y + 6, std::max(w, 1.0), kBar, b.highlight);
    svg += Text(kLabelWidth + w + 6, y + 20, "value", b.value_text);
  }
  return svg + "</svg>";
}

std::string ColumnChart(const std::vector<Bar>& bars,
                        const std::string& title) {
  constexpr int kLeft = 40, kTop = 16, kPlotHeight = 180, kBottom = 40;
  int max_value = 1;
  for (const Bar& b : bars) max_value = std::max(max_value, b.value);
  const int height = kTop + kPlotHeight + kBottom;
  const double slot = (kWidth - kLeft - 10) /
                      static_cast<double>(std::max<size_t>(1, bars.size()));
  std::string svg = Open(height, title, IdFor(title));
  for (int tick = 0; tick <= max_value; ++tick) {
    const double y = kTop + kPlotHeight -
                     kPlotHeight * tick / static_cast<double>(max_value);
    svg += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + Num(y) +
           "\" x2=\"" + std::to_string(kWidth - 10) + "\" y2=\"" + Num(y) +
           "\" class=\"grid\"/>";
    svg += Text(kLeft - 8, y + 4, "tick", std::to_string(tick), "end");
  }
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double h = kPlotHeight * b.value / static_cast<double>(max_value);
    const double x = kLeft + slot * static_cast<double>(i);
    const double base = kTop + kPlotHeight;
    if (b.value > 0)
      svg += Rect(x + slot * 0.2, base - h, slot * 0.6, h, b.highlight);
    svg += Text(x + slot / 2, base - h - 5, "value", b.value_text, "middle");
    // not text: CSS classes
    svg += Text(x + slot / 2, base + 18, b.highlight ? "label strong" : "label",
                b.label, "middle");
    if (!b.sublabel.empty())
      svg += Text(x + slot / 2, base + 33, "sublabel", b.sublabel, "middle");
  }
  return svg + "</svg>";
}

std::string Heatmap(const std::vector<std::string>& rows,
                    const std::vector<std::string>& columns,
                    const std::vector<std::vector<HeatCell>>& cells,
                    const std::string& title) {
  constexpr double kLabel = 320, kRow = 20, kHead = 22;
  const double width =
      columns.empty() ? 0
                      : (kWidth - kLabel) / static_cast<double>(columns.size());
  const int height = static_cast<int>(kHead + kRow * rows.size() + 4);
  std::string svg = Open(height, title, IdFor(title));
  for (size_t c = 0; c < columns.size(); ++c)
    svg += Text(kLabel + width * (c + 0.5), 15, "tick", columns[c], "middle");
  for (size_t r = 0; r < rows.size(); ++r) {
    const double y = kHead + kRow * r;
    svg += Text(kLabel - 6, y + 14, "tick", rows[r], "end");
    for (size_t c = 0;
         c < columns.size() && r < cells.size() && c < cells[r].size(); ++c) {
      const HeatCell& cell = cells[r][c];
      const double x = kLabel + width * c;
      svg +=
          "<rect x=\"" + Num(x + 1) + "\" y=\"" + Num(y + 1) + "\" width=\"" +
          Num(width - 2) + "\" height=\"" + Num(kRow - 2) + "\" class=\"" +
          (cell.present ? "cell" : "none") + "\"" +
          (cell.present
               ? " fill-opacity=\"" +
                     Num(0.08 + 0.92 * std::clamp(cell.value, 0.0, 1.0)) + "\""
               : std::string()) +
          "/>";
      if (cell.present)
        svg += Text(x + width / 2, y + 14,
                    // not text: CSS classes
                    cell.value > 0.5 ? "cell-text light" : "cell-text",
                    cell.text, "middle");
    }
  }
  return svg + "</svg>";
}

}  // namespace lges::render
