// /authorities/{code}: one provider's profile (render/authority_html.cc),
// in the site's frame.
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/pages_internal.h"
#include "render/pages_from_api.h"

namespace lges::gateway::pages {
namespace pb = ::estyn::lges::v1;

PageReply Authority(Fetcher& fetch, const std::string& code) {
  pb::GetAuthorityProfileRequest request;
  request.set_provider("providers/" + code);
  request.set_language_code(fetch.language_code());
  pb::AuthorityProfile profile;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetAuthorityProfile", request,
                 &profile))
    return fetch.error();
  const pb::Provider& provider = profile.provider();
  const std::string& name =
      fetch.language() == i18n::Language::kWelsh && !provider.name_cy().empty()
          ? provider.name_cy()
          : provider.name_en();
  return {200, Frame(fetch.language(), name, name,
                     render::AuthorityHtml(profile, fetch.language()))};
}

}  // namespace lges::gateway::pages
