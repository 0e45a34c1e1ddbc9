#include "i18n/language.h"

#include <cctype>
#include <cstdlib>
#include <vector>

namespace lges::i18n {
namespace {

std::string Lower(std::string_view text) {
  std::string out;
  for (char c : text)
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// q of one Accept-Language element's parameters (";q=0.8"); 1 if absent.
double QualityOf(std::string_view params) {
  const size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  return std::strtod(std::string(params.substr(q + 2)).c_str(), nullptr);
}

}  // namespace

std::optional<Language> ParseLanguage(std::string_view code) {
  const std::string c = Lower(Trim(code));
  if (c == "en" || c == "en-gb" || c == "en_gb") return Language::kEnglish;
  if (c == "cy" || c == "cy-gb" || c == "cy_gb") return Language::kWelsh;
  return std::nullopt;
}

std::optional<Language> FromAcceptLanguage(std::string_view header) {
  std::optional<Language> best;
  double best_q = 0;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? "" : header.substr(comma + 1);
    const size_t semi = item.find(';');
    const std::string_view tag = Trim(item.substr(0, semi));
    const double q =
        semi == std::string_view::npos ? 1.0 : QualityOf(item.substr(semi));
    // "cy-GB" and "cy" both name Welsh; the region is not needed.
    const std::optional<Language> l = ParseLanguage(tag.substr(0, 2));
    const bool whole =
        tag.size() == 2 || (tag.size() > 2 && (tag[2] == '-' || tag[2] == '_'));
    if (l && whole && q > best_q) {
      best = l;
      best_q = q;
    }
  }
  return best;
}

const char* LanguageCode(Language language) {
  return language == Language::kWelsh ? "cy" : "en";
}

const char* Locale(Language language) {
  return language == Language::kWelsh ? "cy-GB" : "en-GB";
}

}  // namespace lges::i18n
