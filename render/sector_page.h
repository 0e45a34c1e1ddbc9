#pragma once
// The printable sector page of one academic year: what it shows, as plain
// data, and its rendering as one self-contained HTML file (inline CSS with
// an A4 print stylesheet, inline SVG charts; no scripts, and nothing loaded
// from the network). report_command.cc fills it from the API. No gRPC here.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "i18n/language.h"

namespace lges::render {

struct SectorPage {
  struct Name {
    std::string en;
    std::string cy;  // "" where the data has no Welsh.
  };
  struct ThemeLine {
    std::string theme_id;
    Name label;
    int providers = 0;     // Inspected providers with a recommendation in it.
    std::string sentence;  // Estyn-style, from the server.
  };
  struct KeyMessage {
    std::string area;  // In the page's language where the catalogue has it.
    bool going_well = false;
    std::string text;  // In the page's language, or English (english_only).
    bool english_only = false;  // A Welsh page, and the record has no Welsh.
    bool lead = false;  // The area's lead paragraph, not a list item.
  };
  // What Estyn printed for a tile's figure.
  struct Published {
    int value = 0;
    bool agrees = true;  // The record gives the same.
  };
  struct CaseStudy {
    std::string title;  // In the page's language where the record has it.
    std::string url;    // "" if not published.
  };
  struct Inspection {
    Name provider;
    std::string report_published;  // "2023-09", "" if unknown.
    std::string report_url;        // "" when the record lacks it.
    std::vector<CaseStudy> case_studies;
  };
  struct FollowUpYear {
    int academic_year = 0;  // Start year.
    int at_start = 0, entered = 0, removed = 0, at_end = 0;
    std::string short_label;  // "22-23", for the chart.
  };

  // The page's language: every heading, label and sentence is in it; a
  // record's English text on a Welsh page is marked lang="en".
  i18n::Language language = i18n::Language::kEnglish;
  int academic_year = 0;
  std::string year_label;  // "2022-2023"
  int core_inspections = 0, welsh_medium = 0, english_medium = 0;
  int unknown_medium = 0;  // Inspections whose medium the record lacks.
  int providers_inspected = 0, case_studies = 0;
  // What Estyn printed, by tile: "core_inspections", "welsh_medium",
  // "english_medium", "case_studies", "at_start", "entered", "removed",
  // "at_end". A tile without an entry shows the computed figure alone.
  std::map<std::string, Published> published;
  // Why the page is a draft, one sentence each: what the record lacks and
  // where it differs from what Estyn published. Empty: no banner.
  std::vector<std::string> draft;
  std::string published_source;  // The published page's address, or "".
  std::vector<Inspection> inspections;  // The year's, earliest first.
  // The year's follow-up figures, with the authorities' names.
  FollowUpYear follow_up;
  std::vector<Name> at_start, entered, removed, at_end;
  std::vector<ThemeLine> themes;  // Most providers first.
  std::vector<KeyMessage> key_messages;
  std::vector<FollowUpYear> follow_up_years;  // Every year on record.
  std::vector<std::string> notes;             // Footnotes and warnings.
  int64_t dataset_version = 0;
  std::string as_of;  // Time of the last change, "2025-06-01 10:00 UTC".
  std::string printed;  // When the page was made, "2026-11-30 09:00 UTC".
};

// The whole HTML document.
std::string RenderSectorPageHtml(const SectorPage& page);

// The pages' stylesheet (screen and A4 print), for other pages that look
// like the sector page (gateway/pages.cc).
const char* PageStyle();

// A printable document in the sector page's style: a masthead (`kicker`,
// `heading`, `subheading`, escaped here), then `body` (HTML), and on every
// printed A4 page `footer_left` and "Page N of M" in `language`. Used for
// lgesctl's trends and authority pages.
std::string PrintableHtml(i18n::Language language, const std::string& title,
                          const std::string& kicker, const std::string& heading,
                          const std::string& subheading,
                          const std::string& body,
                          const std::string& footer_left);

// "22-23" for 2022: an academic year as the follow-up chart labels it.
std::string ShortYearLabel(int academic_year);

// A name that has an English and a Welsh form, as HTML for a page in
// `language`: the page's language first, the other after it in italics
// (class "other-language") marked with its lang, behind `separator`. A
// Welsh page without `cy` shows the English alone, marked lang="en".
std::string BilingualHtml(i18n::Language language, const std::string& en,
                          const std::string& cy,
                          const std::string& separator = "");

// A record's English text on a page in `language`: on a Welsh page marked
// lang="en" and followed by the catalogue's note that the record has no
// Welsh for it; as it is on an English page. Escaped.
std::string EnglishOnlyHtml(i18n::Language language,
                            const std::string& english);

}  // namespace lges::render
