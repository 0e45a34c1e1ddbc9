#pragma once
// The sector page's content from the API's replies: one academic year's
// SectorSummary, the FollowUpAnalytics up to it, and the year's
// SectorReconciliation (what Estyn printed; it fills the draft banner and
// the published figure beside each tile). Every figure and name
// on the page comes from these replies (names and labels travel beside the
// codes), so lgesctl's HTML file and the server's /reports page show the
// same thing as the JSON API. The page is in the summary's language
// (meta.language_code): ask for the summary with language_code "cy" for the
// Welsh page.

#include "estyn/lges/v1/analytics.pb.h"
#include "render/sector_page.h"

namespace lges::render {

// `printed` is when the page is made ("2026-11-30 09:00 UTC"), for its
// footer.
SectorPage SectorPageFrom(
    const estyn::lges::v1::SectorSummary& summary,
    const estyn::lges::v1::FollowUpAnalytics& follow_up,
    const estyn::lges::v1::SectorReconciliation& reconciliation,
    const std::string& printed);

// Now, as SectorPage::printed writes it.
std::string PrintTimeNow();

}  // namespace lges::render
