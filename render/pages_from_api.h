#pragma once
// The trends and authority pages' content from the API's replies, as HTML
// sections in the sector page's style. The server's pages (gateway/) put
// them in the site's frame; lgesctl writes them as printable files
// (PrintableHtml). Every text comes from the catalogue in `language`.

#include <string>

#include "estyn/lges/v1/analytics.pb.h"
#include "i18n/language.h"

namespace lges::render {

// Themes over the years: heading, explanation, heat map, table, footnotes.
std::string TrendsHtml(const estyn::lges::v1::ThemeTrends& trends,
                       i18n::Language language);

// One provider: its names and code, inspections, recurring themes,
// follow-up and recommendations with their themes.
std::string AuthorityHtml(const estyn::lges::v1::AuthorityProfile& profile,
                          i18n::Language language);

// "2022-03", "autumn 2021" ("tymor yr hydref 2021"), "2022-05-18",
// "2019-2020"; "" if unset.
std::string DateText(i18n::Language language,
                     const estyn::lges::v1::PartialDate& date);

// A record's text in `language`: on a Welsh page its Welsh translation, or
// else the English marked lang="en" with a note. Escaped.
std::string InLanguageHtml(
    i18n::Language language, const std::string& english,
    const google::protobuf::RepeatedPtrField<estyn::lges::v1::LocalizedText>&
        translations);

}  // namespace lges::render
