#pragma once
// The sector page's content from the API's replies: one academic year's
// SectorSummary and the FollowUpAnalytics up to it. Every figure and name
// on the page comes from these replies (names and labels travel beside the
// codes), so lgesctl's HTML file and the server's /reports page show the
// same thing as the JSON API. The page is in the summary's language
// (meta.language_code): ask for the summary with language_code "cy" for the
// Welsh page.

#include "estyn/lges/v1/analytics.pb.h"
#include "render/sector_page.h"

namespace lges::render {

SectorPage SectorPageFrom(const estyn::lges::v1::SectorSummary& summary,
                          const estyn::lges::v1::FollowUpAnalytics& follow_up);

}  // namespace lges::render
