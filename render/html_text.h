#pragma once
// Text into HTML for the pages of render/: escaped, and the catalogue's
// wording in the page's language. Only for render/*.cc.

#include <string>
#include <string_view>

#include "i18n/catalogue.h"
#include "render/svg_chart.h"

namespace lges::render::html {

// `text` escaped for HTML.
inline std::string E(const std::string& text) { return EscapeXml(text); }

// The catalogue's text of `key` in `language`, filled and escaped.
inline std::string T(i18n::Language language, std::string_view key,
                     const i18n::Args& args = {}) {
  return E(i18n::Format(language, key, args));
}

}  // namespace lges::render::html
