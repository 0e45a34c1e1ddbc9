#pragma once
// The languages of everything a person reads: English and Welsh, as Estyn
// publishes. Pure functions; no gRPC here.

#include <optional>
#include <string>
#include <string_view>

namespace lges::i18n {

enum class Language { kEnglish, kWelsh };

// "en", "en-GB", "cy", "cy-GB" (any case, '-' or '_') -> the language;
// anything else -> nullopt. "" -> nullopt.
std::optional<Language> ParseLanguage(std::string_view code);

// The first supported language of an Accept-Language value
// ("cy-GB, en;q=0.8"), by q-value then order; nullopt if none is supported.
std::optional<Language> FromAcceptLanguage(std::string_view header);

// "en" or "cy": the code requests and replies carry.
const char* LanguageCode(Language language);

// "en-GB" or "cy-GB": the locale of google.rpc.LocalizedMessage.
const char* Locale(Language language);

}  // namespace lges::i18n
