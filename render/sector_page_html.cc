#include <cstdio>
#include <map>

#include "i18n/catalogue.h"
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
.other-language { font-style: italic; color: var(--muted); }
.english-only { font-size: 9pt; color: var(--muted); }
footer { padding: 4mm 10mm; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--rule); }
aside.draft { margin: 4mm 10mm 0; padding: 3mm 4mm; border: 2px solid var(--accent);
              background: #fdf0f2; font-size: 10pt; }
aside.draft .draft-title { margin: 0 0 1mm; font-weight: bold; color: var(--accent);
                           text-transform: uppercase; letter-spacing: .06em; }
aside.draft p, aside.draft ul { margin: 1mm 0; }
aside.draft ul { padding-left: 5mm; }
.tile .pub { display: block; font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
.tile .pub.differs { color: var(--accent); font-weight: bold; }
.tile .unknown { display: block; font-size: 8.5pt; color: var(--muted); }
p.lead { margin: 1mm 0 3mm; }
.inspections ul { padding-left: 5mm; }
.inspections li { margin-bottom: 1.5mm; }
.inspections .none { color: var(--muted); font-size: 9pt; }
footer ul { padding-left: 4mm; }
@page { size: A4; margin: 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 10pt; }
  header.masthead, .tile, .chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section, .line, figure, .tile, aside.draft, li, p.lead { break-inside: avoid; }
  section.messages, main.printable section { break-inside: auto; }
  tr { break-inside: avoid; }
  p.lead { break-after: avoid; }
  h2, h3 { break-after: avoid; }
  footer { break-before: avoid; break-inside: avoid; }
}
)css";

std::string E(const std::string& text) { return EscapeXml(text); }

// The page's text of catalogue `key`, escaped.
std::string T(const SectorPage& p, std::string_view key,
              const i18n::Args& args = {}) {
  return E(i18n::Format(p.language, key, args));
}

bool Welsh(const SectorPage& p) { return p.language == i18n::Language::kWelsh; }

std::string Bilingual(const SectorPage& p, const SectorPage::Name& name) {
  return BilingualHtml(p.language, name.en, name.cy, "/ ");
}

// A figure tile: `number` and `what` are escaped already; beside them what
// Estyn printed for the figure (`key`), marked when it differs, and `note`.
std::string Tile(const SectorPage& p, const std::string& key,
                 const std::string& number, const std::string& what,
                 const std::string& note = "") {
  std::string out = "<div class=\"tile\" data-figure=\"" + key +
                    "\"><span class=\"n\">" + number +
                    "</span><span class=\"what\">" + what + "</span>" + note;
  auto it = p.published.find(key);
  if (it != p.published.end()) {
    out += std::string("<span class=\"pub") +
           (it->second.agrees ? "" : " differs") + "\">" +
           T(p, "page.tile_published",
             {{"value", std::to_string(it->second.value)}}) +
           "</span>";
  }
  return out + "</div>";
}

std::string Tile(const SectorPage& p, const std::string& key, int n,
                 const std::string& what) {
  return Tile(p, key, std::to_string(n), what);
}

// A medium tile: while the record lacks the medium of some inspections, a
// count of none is unknown ("?"), never 0, and both say how many lack it.
std::string MediumTile(const SectorPage& p, const std::string& key, int n,
                       const std::string& what) {
  if (p.unknown_medium == 0) return Tile(p, key, n, what);
  return Tile(p, key, n == 0 ? "?" : std::to_string(n), what,
              "<span class=\"unknown\">" +
                  T(p, "page.tile_medium_unknown",
                    {{"count", std::to_string(p.unknown_medium)}}) +
                  "</span>");
}

// What the page lacks and where it differs from Estyn's, at the top of the
// first page; nothing when the record agrees with the published page.
std::string DraftBanner(const SectorPage& p) {
  if (p.draft.empty()) return "";
  std::string items;
  for (const std::string& d : p.draft) items += "<li>" + E(d) + "</li>";
  std::string source;
  if (!p.published_source.empty()) {
    source = "<p>" +
             i18n::CatalogueOf(p.language)
                 .Fill(E(i18n::Text(p.language, "page.draft_source")),
                       {{"link", "<a href=\"" + E(p.published_source) +
                                     "\">" + E(p.published_source) + "</a>"}}) +
             "</p>";
  }
  return "<aside class=\"draft\" role=\"note\"><p class=\"draft-title\">" +
         T(p, "page.draft_title") + "</p><p>" + T(p, "page.draft_lead") +
         "</p><ul>" + items + "</ul>" + source + "</aside>";
}

std::string Masthead(const SectorPage& p) {
  return "<header class=\"masthead\"><p>" + T(p, "page.kicker") + "</p><h1>" +
         T(p, "page.sector") + "</h1><p class=\"year\">" + E(p.year_label) +
         "</p></header>";
}

std::string Figures(const SectorPage& p) {
  const i18n::Args years = {
      {"september_year", std::to_string(p.academic_year)},
      {"august_year", std::to_string(p.academic_year + 1)},
      {"year", p.year_label}};
  return "<section class=\"figures\"><h2>" + T(p, "page.figures") +
         "</h2><div class=\"tiles\">" +
         Tile(p, "core_inspections", p.core_inspections,
              T(p, "tile.core_inspections")) +
         MediumTile(p, "welsh_medium", p.welsh_medium,
                    T(p, "tile.welsh_medium")) +
         MediumTile(p, "english_medium", p.english_medium,
                    T(p, "tile.english_medium")) +
         Tile(p, "case_studies", p.case_studies, T(p, "tile.case_studies")) +
         Tile(p, "at_start", p.follow_up.at_start,
              T(p, "tile.at_start", years)) +
         Tile(p, "entered", p.follow_up.entered, T(p, "tile.entered", years)) +
         Tile(p, "removed", p.follow_up.removed, T(p, "tile.removed", years)) +
         Tile(p, "at_end", p.follow_up.at_end, T(p, "tile.at_end", years)) +
         "</div></section>";
}

// A key message; on a Welsh page without Welsh in the record, the English
// marked lang="en" and a note that says so.
std::string MessageItem(const SectorPage& p, const SectorPage::KeyMessage& m) {
  return "<li>" +
         (m.english_only ? EnglishOnlyHtml(p.language, m.text) : E(m.text)) +
         "</li>";
}

std::string MessageList(const SectorPage& p,
                        const std::vector<const SectorPage::KeyMessage*>& ms,
                        bool going_well) {
  std::string items;
  for (const auto* m : ms) {
    if (!m->lead && m->going_well == going_well) items += MessageItem(p, *m);
  }
  if (items.empty()) return "";
  return std::string("<div class=\"") +
         (going_well ? "going-well\"><h3>" + T(p, "page.going_well")
                     : "to-improve\"><h3>" + T(p, "page.to_improve")) +
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
    const std::string key = "area." + area;
    const bool known = i18n::CatalogueOf(p.language).Has(key);
    std::string leads;
    for (const auto* m : by_area[area]) {
      if (m->lead)
        leads += "<p class=\"lead\">" +
                 (m->english_only ? EnglishOnlyHtml(p.language, m->text)
                                  : E(m->text)) +
                 "</p>";
    }
    out += "<section class=\"messages\"><h2>" + (known ? T(p, key) : E(area)) +
           "</h2>" + leads + "<div class=\"areas\">" +
           MessageList(p, by_area[area], true) +
           MessageList(p, by_area[area], false) + "</div></section>";
  }
  return out;
}

std::string Overview(const SectorPage& p) {
  std::string out = "<section class=\"overview\"><h2>" + T(p, "page.overview") +
                    "</h2><div class=\"line\"><span class=\"n\">" +
                    std::to_string(p.core_inspections) + "</span><span>" +
                    T(p, "page.overview_inspected", {{"year", p.year_label}}) +
                    "</span></div>";
  for (const SectorPage::ThemeLine& t : p.themes) {
    out += "<div class=\"line\"><span class=\"n\">" +
           std::to_string(t.providers) + "</span><span>" + E(t.sentence) +
           "<br><span class=\"theme\">" +
           i18n::CatalogueOf(p.language)
               .Fill(E(i18n::Text(p.language, "page.theme")),
                     {{"label", Bilingual(p, t.label)}}) +
           "</span></span></div>";
  }
  if (p.themes.empty()) out += "<p>" + T(p, "page.no_recommendations") + "</p>";
  return out + "</section>";
}

std::string ThemeChart(const SectorPage& p) {
  if (p.themes.empty()) return "";
  std::vector<Bar> bars;
  for (const SectorPage::ThemeLine& t : p.themes) {
    const bool welsh = Welsh(p) && !t.label.cy.empty();
    bars.push_back(
        {welsh ? t.label.cy : t.label.en, welsh ? t.label.en : t.label.cy,
         t.providers,
         i18n::Format(p.language, "page.of",
                      {{"count", std::to_string(t.providers)},
                       {"total", std::to_string(p.providers_inspected)}}),
         false});
  }
  return "<section class=\"theme-chart\"><h3>" +
         T(p, "page.theme_chart", {{"year", p.year_label}}) + "</h3><figure>" +
         HorizontalBarChart(bars, p.providers_inspected,
                            i18n::Format(p.language, "page.theme_chart_title",
                                         {{"year", p.year_label}})) +
         "</figure></section>";
}

std::string NameRows(const SectorPage& p, std::string_view label_key,
                     const std::vector<SectorPage::Name>& names) {
  if (names.empty()) return "";
  std::string cells;
  for (const SectorPage::Name& n : names)
    cells += (cells.empty() ? "" : ", ") + Bilingual(p, n);
  return "<tr><th scope=\"row\">" + T(p, label_key) + "</th><td>" + cells +
         "</td></tr>";
}

std::string FollowUp(const SectorPage& p) {
  std::vector<Bar> bars;
  for (const SectorPage::FollowUpYear& y : p.follow_up_years) {
    bars.push_back({y.short_label, "", y.at_end, std::to_string(y.at_end),
                    y.academic_year == p.academic_year});
  }
  const std::string rows = NameRows(p, "page.row.at_start", p.at_start) +
                           NameRows(p, "page.row.entered", p.entered) +
                           NameRows(p, "page.row.removed", p.removed) +
                           NameRows(p, "page.row.at_end", p.at_end);
  return "<section class=\"follow-up\"><h2>" + T(p, "page.causing_concern") +
         "</h2>" +
         (rows.empty()
              ? "<p>" +
                    T(p, "page.none_in_follow_up", {{"year", p.year_label}}) +
                    "</p>"
              : "<table class=\"names\">" + rows + "</table>") +
         "<h3>" + T(p, "page.at_end_by_year") + "</h3><figure>" +
         ColumnChart(bars, i18n::Text(p.language, "page.at_end_by_year")) +
         "</figure></section>";
}

// The year's inspections with their reports and effective practice.
std::string Inspections(const SectorPage& p) {
  if (p.inspections.empty()) return "";
  std::string items;
  for (const SectorPage::Inspection& in : p.inspections) {
    std::string item = "<li>" + Bilingual(p, in.provider);
    if (!in.report_published.empty())
      item += " – " + T(p, "page.report_published",
                        {{"date", in.report_published}});
    item += in.report_url.empty()
                ? " <span class=\"none\">" + T(p, "page.no_report_url") +
                      "</span>"
                : " <a href=\"" + E(in.report_url) + "\">" +
                      T(p, "page.report_link") + "</a>";
    for (const SectorPage::CaseStudy& c : in.case_studies) {
      item += "<br>" + T(p, "page.case_study") + ": " +
              (c.url.empty() ? E(c.title)
                             : "<a href=\"" + E(c.url) + "\">" + E(c.title) +
                                   "</a>");
    }
    items += item + "</li>";
  }
  return "<section class=\"inspections\"><h2>" + T(p, "page.inspections") +
         "</h2><ul>" + items + "</ul></section>";
}

// The running footer of every printed page: the year, the dataset version
// and the print date on the left, "Page 1 of 3" on the right (CSS page
// margin boxes, so that they print on each page).
std::string CssString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') continue;
    out += c;
  }
  return out + "\"";
}

std::string PrintFooterStyle(i18n::Language language, const std::string& left) {
  // The template's {page} and {pages} become CSS counters.
  const std::string page_template = i18n::Text(language, "page.page_number");
  std::string content;
  size_t at = 0;
  while (at < page_template.size()) {
    const size_t open = page_template.find('{', at);
    const std::string before = page_template.substr(
        at, open == std::string::npos ? std::string::npos : open - at);
    if (!before.empty()) content += CssString(before) + " ";
    if (open == std::string::npos) break;
    const size_t close = page_template.find('}', open);
    const std::string name = page_template.substr(open + 1, close - open - 1);
    content += std::string(name == "pages" ? "counter(pages)" : "counter(page)") +
               " ";
    at = close + 1;
  }
  // not text: CSS
  const std::string font = "; font: 8pt \"DejaVu Sans\", sans-serif; color: #55636d; }";
  return "@page { @bottom-left { content: " + CssString(left) + font +
         " @bottom-right { content: " + content + font + " }";
}

std::string Footer(const SectorPage& p) {
  std::string notes;
  for (const std::string& n : p.notes) notes += "<li>" + E(n) + "</li>";
  return "<footer>" + (notes.empty() ? "" : "<ul>" + notes + "</ul>") + "<p>" +
         T(p, "page.footer",
           {{"version", std::to_string(p.dataset_version)},
            {"as_of", p.as_of}}) +
         " " + T(p, "page.footer_other_language") +
         (p.printed.empty() ? ""
                            : " " + T(p, "page.printed", {{"printed", p.printed}})) +
         "</p></footer>";
}

}  // namespace

const char* PageStyle() { return kStyle; }

std::string PrintableHtml(i18n::Language language, const std::string& title,
                          const std::string& kicker, const std::string& heading,
                          const std::string& subheading,
                          const std::string& body,
                          const std::string& footer_left) {
  return std::string("<!DOCTYPE html>\n<html lang=\"") +
         (language == i18n::Language::kWelsh ? "cy" : "en-GB") +
         "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width\">"
         "<title>" +
         E(title) + "</title><style>" + kStyle +
         PrintFooterStyle(language, footer_left) +
         "</style></head><body><main class=\"printable\">"
         "<header class=\"masthead\"><p>" +
         E(kicker) + "</p><h1>" + E(heading) + "</h1><p class=\"year\">" +
         E(subheading) + "</p></header>" + body +
         "</main></body></html>\n";
}

std::string BilingualHtml(i18n::Language language, const std::string& en,
                          const std::string& cy, const std::string& separator) {
  const bool welsh_page = language == i18n::Language::kWelsh;
  const bool welsh = welsh_page && !cy.empty();
  const std::string& first = welsh ? cy : en;
  const std::string& second = welsh ? en : cy;
  const std::string lead = welsh_page == welsh
                               ? E(first)
                               : "<span lang=\"en\">" + E(first) + "</span>";
  if (second.empty() || second == first) return lead;
  return lead + " <span class=\"other-language\" lang=\"" +
         (welsh ? "en" : "cy") + "\">" + E(separator + second) + "</span>";
}

std::string EnglishOnlyHtml(i18n::Language language,
                            const std::string& english) {
  if (language != i18n::Language::kWelsh) return E(english);
  return "<span lang=\"en\">" + E(english) +
         "</span> <span class=\"english-only\">(" +
         E(i18n::Text(language, "page.english_only")) + ")</span>";
}

std::string ShortYearLabel(int academic_year) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d-%02d", academic_year % 100,
                (academic_year + 1) % 100);
  return text;
}

std::string RenderSectorPageHtml(const SectorPage& p) {
  return std::string("<!DOCTYPE html>\n<html lang=\"") +
         (Welsh(p) ? "cy" : "en-GB") +
         "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width\">"
         "<title>" +
         T(p, "page.title", {{"year", p.year_label}}) + "</title><style>" +
         kStyle +
         PrintFooterStyle(
             p.language,
             i18n::Format(p.language, "page.print_footer",
                          {{"year", p.year_label},
                           {"version", std::to_string(p.dataset_version)},
                           {"printed", p.printed}})) +
         "</style></head><body><main>" +
         Masthead(p) + DraftBanner(p) + Figures(p) + KeyMessages(p) +
         Overview(p) + ThemeChart(p) + FollowUp(p) + Inspections(p) +
         Footer(p) + "</main></body></html>\n";
}

}  // namespace lges::render
