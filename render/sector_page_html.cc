#include <cstdio>
#include <map>

#include "render/sector_page.h"
#include "render/svg_chart.h"

namespace lges::render {
namespace {

constexpr char kStyle[] = R"css(
:root { --ink: #1d2a33; --muted: #55636d; --brand: #00546e; --accent: #c8102e;
        --pale: #e8f1f4; --rule: #c9d6dc; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       color: var(--ink); background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 10mm 0; }
header.masthead { background: var(--brand); color: #fff; padding: 8mm 10mm; }
header.masthead p { margin: 0; font-size: 10pt; letter-spacing: .08em; text-transform: uppercase; }
header.masthead h1 { margin: 2mm 0 1mm; font-size: 22pt; line-height: 1.15; }
header.masthead .year { font-size: 16pt; letter-spacing: 0; text-transform: none; }
section { padding: 4mm 10mm; }
h2 { color: var(--brand); font-size: 15pt; margin: 3mm 0 2mm; border-bottom: 2px solid var(--brand); }
h3 { font-size: 12pt; margin: 3mm 0 1mm; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; }
.tile { background: var(--pale); border-top: 4px solid var(--brand); padding: 3mm; }
.tile .n { display: block; font-size: 24pt; font-weight: bold; color: var(--brand); }
.tile .what { font-size: 9.5pt; }
.areas { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.areas ul { padding-left: 5mm; margin: 1mm 0 3mm; }
.areas li { margin-bottom: 1.5mm; }
.going-well h3 { color: #1b6e3a; }
.to-improve h3 { color: var(--accent); }
.overview .line { display: grid; grid-template-columns: 16mm 1fr; gap: 3mm;
                  padding: 2mm 0; border-bottom: 1px solid var(--rule); }
.overview .n { font-size: 20pt; font-weight: bold; color: var(--brand); text-align: center; }
.overview .theme { font-size: 9pt; color: var(--muted); }
figure { margin: 0; }
.chart { width: 100%; height: auto; }
.chart .bar { fill: var(--brand); }
.chart .accent { fill: var(--accent); }
.chart .grid { stroke: var(--rule); stroke-width: 1; }
.chart text { font-family: "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
.chart .label { font-size: 12px; }
.chart .strong { font-weight: bold; }
.chart .sublabel { font-size: 10.5px; fill: var(--muted); font-style: italic; }
.chart .value, .chart .tick { font-size: 11px; }
.chart .cell { fill: var(--brand); }
.chart .cell-text { font-size: 10px; }
.chart .cell-text.light { fill: #fff; }
.chart .none { fill: #f3f3f3; }
nav.site { padding: 2mm 10mm; background: var(--pale); font-size: 10pt; }
nav.site a { margin-right: 5mm; color: var(--brand); }
table.data { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 2mm 0 4mm; }
table.data caption { text-align: left; font-weight: bold; padding: 1mm 0; }
table.data th, table.data td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid var(--rule);
                               vertical-align: top; }
table.data td.n, table.data th.n { text-align: right; }
a { color: var(--brand); }
.links { columns: 3; padding-left: 5mm; }
table.names { border-collapse: collapse; width: 100%; font-size: 10pt; }
table.names th, table.names td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid var(--rule); }
[lang="cy"] { font-style: italic; color: var(--muted); }
footer { padding: 4mm 10mm; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--rule); }
footer ul { padding-left: 4mm; }
@page { size: A4; margin: 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  header.masthead, .tile, .chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section, .line, figure, .tile { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .page-break { break-before: page; }
}
)css";

std::string E(const std::string& text) { return EscapeXml(text); }

std::string Bilingual(const SectorPage::Name& name) {
  return E(name.en) + (name.cy.empty() || name.cy == name.en
                           ? ""
                           : " <span lang=\"cy\">/ " + E(name.cy) + "</span>");
}

std::string Tile(int n, const std::string& what) {
  return "<div class=\"tile\"><span class=\"n\">" + std::to_string(n) +
         "</span><span class=\"what\">" + E(what) + "</span></div>";
}

std::string Masthead(const SectorPage& p) {
  return "<header class=\"masthead\"><p>Sector summary</p>"
         "<h1>Local government education services</h1>"
         "<p class=\"year\">" +
         E(p.year_label) + "</p></header>";
}

std::string Figures(const SectorPage& p) {
  return "<section class=\"figures\"><h2>The year in figures</h2>"
         "<div class=\"tiles\">" +
         Tile(p.core_inspections, "core inspections") +
         Tile(p.welsh_medium, "Welsh-medium inspections") +
         Tile(p.english_medium, "English-medium inspections") +
         Tile(p.case_studies, "case studies published") +
         Tile(p.follow_up.at_start, "authorities in follow-up on 1 September") +
         Tile(p.follow_up.entered, "went into follow-up") +
         Tile(p.follow_up.removed, "removed from follow-up") +
         Tile(p.follow_up.at_end, "in follow-up on 31 August") +
         "</div></section>";
}

std::string MessageList(const std::vector<const SectorPage::KeyMessage*>& ms,
                        bool going_well) {
  std::string items;
  for (const auto* m : ms) {
    if (m->going_well == going_well) items += "<li>" + E(m->text) + "</li>";
  }
  if (items.empty()) return "";
  return std::string("<div class=\"") +
         (going_well ? "going-well\"><h3>What’s going well"
                     : "to-improve\"><h3>What needs to improve") +
         "</h3><ul>" + items + "</ul></div>";
}

std::string KeyMessages(const SectorPage& p) {
  std::vector<std::string> areas;  // In the order they first appear.
  std::map<std::string, std::vector<const SectorPage::KeyMessage*>> by_area;
  for (const SectorPage::KeyMessage& m : p.key_messages) {
    if (by_area[m.area].empty()) areas.push_back(m.area);
    by_area[m.area].push_back(&m);
  }
  std::string out;
  for (const std::string& area : areas) {
    out += "<section class=\"messages\"><h2>" + E(area) +
           "</h2><div class=\"areas\">" + MessageList(by_area[area], true) +
           MessageList(by_area[area], false) + "</div></section>";
  }
  return out;
}

std::string Overview(const SectorPage& p) {
  std::string out =
      "<section class=\"overview\"><h2>Overview of recommendations from "
      "inspections</h2><div class=\"line\"><span class=\"n\">" +
      std::to_string(p.core_inspections) +
      "</span><span>local government education services were inspected "
      "during " +
      E(p.year_label) + "</span></div>";
  for (const SectorPage::ThemeLine& t : p.themes) {
    out += "<div class=\"line\"><span class=\"n\">" +
           std::to_string(t.providers) + "</span><span>" + E(t.sentence) +
           "<br><span class=\"theme\">Theme: " + Bilingual(t.label) +
           "</span></span></div>";
  }
  if (p.themes.empty())
    out += "<p>No recommendations are recorded for this year.</p>";
  return out + "</section>";
}

std::string ThemeChart(const SectorPage& p) {
  if (p.themes.empty()) return "";
  std::vector<Bar> bars;
  for (const SectorPage::ThemeLine& t : p.themes) {
    bars.push_back({t.label.en, t.label.cy, t.providers,
                    std::to_string(t.providers) + " of " +
                        std::to_string(p.providers_inspected),
                    false});
  }
  return "<section class=\"theme-chart\"><h3>Recommendations by theme: "
         "providers inspected in " +
         E(p.year_label) + " with a recommendation in each theme</h3><figure>" +
         HorizontalBarChart(bars, p.providers_inspected,
                            "Recommendations by theme, " + p.year_label) +
         "</figure></section>";
}

std::string NameRows(const std::string& what,
                     const std::vector<SectorPage::Name>& names) {
  if (names.empty()) return "";
  std::string cells;
  for (const SectorPage::Name& n : names)
    cells += (cells.empty() ? "" : ", ") + Bilingual(n);
  return "<tr><th scope=\"row\">" + E(what) + "</th><td>" + cells + "</td></tr>";
}

std::string FollowUp(const SectorPage& p) {
  std::vector<Bar> bars;
  for (const SectorPage::FollowUpYear& y : p.follow_up_years) {
    bars.push_back({y.short_label, "", y.at_end, std::to_string(y.at_end),
                    y.academic_year == p.academic_year});
  }
  const std::string rows = NameRows("In follow-up on 1 September", p.at_start) +
                           NameRows("Went into follow-up", p.entered) +
                           NameRows("Removed from follow-up", p.removed) +
                           NameRows("In follow-up on 31 August", p.at_end);
  return "<section class=\"follow-up\"><h2>Local authorities causing "
         "significant concern</h2>" +
         (rows.empty() ? "<p>No local authority was in follow-up during " +
                             E(p.year_label) + ".</p>"
                       : "<table class=\"names\">" + rows + "</table>") +
         "<h3>Local authorities in follow-up on 31 August, by academic "
         "year</h3><figure>" +
         ColumnChart(bars,
                     "Local authorities in follow-up on 31 August, by "
                     "academic year") +
         "</figure></section>";
}

std::string Footer(const SectorPage& p) {
  std::string notes;
  for (const std::string& n : p.notes) notes += "<li>" + E(n) + "</li>";
  return "<footer>" + (notes.empty() ? "" : "<ul>" + notes + "</ul>") +
         "<p>Figures from LGES Insights, dataset version " +
         std::to_string(p.dataset_version) + " (last change " + E(p.as_of) +
         "), compiled from Estyn's inspection reports, follow-up letters and "
         "annual reports. Welsh labels are shown in italics where the record "
         "has them.</p></footer>";
}

}  // namespace

const char* PageStyle() { return kStyle; }

std::string ShortYearLabel(int academic_year) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d-%02d", academic_year % 100,
                (academic_year + 1) % 100);
  return text;
}

std::string RenderSectorPageHtml(const SectorPage& p) {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width\">"
         "<title>Local government education services " +
         E(p.year_label) + ": sector summary</title><style>" + kStyle +
         "</style></head><body><main>" + Masthead(p) + Figures(p) +
         KeyMessages(p) + "<div class=\"page-break\"></div>" + Overview(p) +
         ThemeChart(p) + FollowUp(p) + Footer(p) + "</main></body></html>\n";
}

}  // namespace lges::render
