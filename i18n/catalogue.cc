#include "i18n/catalogue.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "i18n/grammar.h"

namespace lges::i18n {

extern const char kCatalogueEnJson[];
extern const char kCatalogueCyJson[];

namespace {

// The value of argument `name`, or nullptr.
const std::string* FindArg(const Args& args, std::string_view name) {
  for (const auto& [k, v] : args)
    if (k == name) return &v;
  return nullptr;
}

// A catalogue file: an object of key -> text, or key -> {"text", "source"
// or "ours"}. A malformed built-in catalogue is a build defect: it throws,
// and the catalogue test fails.
std::vector<std::pair<std::string, Catalogue::Entry>> Parse(const char* json) {
  const nlohmann::json doc = nlohmann::json::parse(json);
  std::vector<std::pair<std::string, Catalogue::Entry>> out;
  for (const auto& [key, value] : doc.items()) {
    if (key.rfind("_", 0) == 0) continue;  // "_about" and other comments.
    Catalogue::Entry e;
    if (value.is_string()) {
      e.text = value.get<std::string>();
    } else {
      e.text = value.at("text").get<std::string>();
      e.source = value.value("source", "");
      e.note = value.value("ours", "");
    }
    out.emplace_back(key, std::move(e));
  }
  return out;
}

}  // namespace

Catalogue::Catalogue(Language language,
                     std::vector<std::pair<std::string, Entry>> entries)
    : language_(language), entries_(std::move(entries)) {
  std::sort(entries_.begin(), entries_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

const Catalogue::Entry* Catalogue::Find(std::string_view key) const {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), key,
      [](const auto& e, std::string_view k) { return e.first < k; });
  return it != entries_.end() && it->first == key ? &it->second : nullptr;
}

bool Catalogue::Has(std::string_view key) const { return Find(key) != nullptr; }

const std::string& Catalogue::Text(std::string_view key) const {
  if (const Entry* e = Find(key)) return e->text;
  static thread_local std::string missing;
  missing = std::string(key);
  return missing;
}

std::string Catalogue::Apply(const std::string& filter, std::string value,
                             const Args& args) const {
  const bool welsh = language_ == Language::kWelsh;
  if (filter == "cap") return Capitalised(std::move(value));
  if (filter == "soft") return welsh ? SoftMutation(value) : value;
  if (filter == "aspirate") return welsh ? AspirateMutation(value) : value;
  if (filter == "nasal") return welsh ? NasalMutation(value) : value;
  if (filter == "the") return welsh ? WelshArticle(value) : "the " + value;
  if (filter == "num") {
    const int n = std::atoi(value.c_str());
    const std::string* gender = FindArg(args, "gender");
    const Gender g = gender != nullptr && *gender == "f" ? Gender::kFeminine
                                                         : Gender::kMasculine;
    return welsh ? WelshNumber(n, g) : EnglishNumber(n);
  }
  return value + "|" + filter;  // Unknown filter: visible, and tested.
}

std::string Catalogue::Fill(std::string_view pattern, const Args& args) const {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    const size_t open = pattern.find('{', i);
    const size_t close =
        open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) {
      out += pattern.substr(i);
      break;
    }
    out += pattern.substr(i, open - i);
    const std::string_view inner = pattern.substr(open + 1, close - open - 1);
    const size_t bar = inner.find('|');
    const std::string name(inner.substr(0, bar));
    const std::string* arg = FindArg(args, name);
    if (arg == nullptr) {
      out += pattern.substr(open, close - open + 1);
    } else {
      std::string value = *arg;
      std::string_view filters =
          bar == std::string_view::npos ? "" : inner.substr(bar + 1);
      while (!filters.empty()) {
        const size_t next = filters.find('|');
        value =
            Apply(std::string(filters.substr(0, next)), std::move(value), args);
        filters =
            next == std::string_view::npos ? "" : filters.substr(next + 1);
      }
      out += value;
    }
    i = close + 1;
  }
  return out;
}

std::string Catalogue::Format(std::string_view key, const Args& args) const {
  return Fill(Text(key), args);
}

const Catalogue& CatalogueOf(Language language) {
  static const Catalogue* const kEnglish =
      new Catalogue(Language::kEnglish, Parse(kCatalogueEnJson));
  static const Catalogue* const kWelsh =
      new Catalogue(Language::kWelsh, Parse(kCatalogueCyJson));
  return language == Language::kWelsh ? *kWelsh : *kEnglish;
}

std::string TermDate(Language language, int term, int year) {
  static const char* kTerms[] = {"date.term.autumn", "date.term.spring",
                                 "date.term.summer"};
  if (term < 1 || term > 3) return "";
  return Format(language, kTerms[term - 1], {{"year", std::to_string(year)}});
}

const std::string& Text(Language language, std::string_view key) {
  return CatalogueOf(language).Text(key);
}

std::string Format(Language language, std::string_view key, const Args& args) {
  return CatalogueOf(language).Format(key, args);
}

}  // namespace lges::i18n
