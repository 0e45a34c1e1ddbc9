#include "analytics/themes.h"

#include <nlohmann/json.hpp>
#include <set>

namespace lges::analytics {

// Defined in the file CMake generates from data/themes/v1.json.
extern const char kThemesV1Json[];

namespace {

using nlohmann::json;

const std::map<std::string, CueKind>& CueKinds() {
  static const std::map<std::string, CueKind> kinds = {
      {"topic", CueKind::kTopic},
      {"setting", CueKind::kSetting},
      {"aim", CueKind::kAim},
      {"mention", CueKind::kMention}};
  return kinds;
}

std::vector<std::string> Strings(const json& value) {
  return value.get<std::vector<std::string>>();
}

Theme ParseTheme(const json& t) {
  Theme theme;
  theme.id = t.at("id").get<std::string>();
  theme.label_en = t.at("label_en").get<std::string>();
  theme.label_cy = t.at("label_cy").get<std::string>();
  theme.description = t.at("description").get<std::string>();
  theme.recommendation_phrase =
      t.at("recommendation_phrase").get<std::string>();
  theme.recommendation_phrase_cy =
      t.at("recommendation_phrase_cy").get<std::string>();
  theme.aspects_2018 = Strings(t.at("framework_aspects").at("2018"));
  theme.aspects_2024 = Strings(t.at("framework_aspects").at("2024"));
  for (const auto& [kind_name, phrases] : t.at("rules").items()) {
    auto kind = CueKinds().find(kind_name);
    if (kind == CueKinds().end())
      throw std::invalid_argument("theme " + theme.id + ": unknown rule kind " +
                                  kind_name);
    for (const std::string& phrase : Strings(phrases))
      theme.rules.push_back({phrase, kind->second});
  }
  return theme;
}

}  // namespace

const Theme* Vocabulary::Find(std::string_view id) const {
  for (const Theme& theme : themes) {
    if (theme.id == id) return &theme;
  }
  return nullptr;
}

absl::StatusOr<Vocabulary> ParseVocabulary(std::string_view text) {
  try {
    const json doc = json::parse(text);
    Vocabulary vocabulary;
    vocabulary.name = doc.at("vocabulary").get<std::string>();
    vocabulary.version = doc.at("version").get<int>();
    vocabulary.qualifier_markers = Strings(doc.at("qualifier_markers"));
    vocabulary.neutral_phrases = Strings(doc.at("neutral_phrases"));
    std::set<std::string> ids;
    for (const json& t : doc.at("themes")) {
      vocabulary.themes.push_back(ParseTheme(t));
      if (!ids.insert(vocabulary.themes.back().id).second) {
        return absl::InvalidArgumentError(
            "theme id '" + vocabulary.themes.back().id + "' repeats");
      }
    }
    return vocabulary;
  } catch (const std::exception&
               e) {  // nlohmann reports through exceptions; they stop here.
    return absl::InvalidArgumentError(std::string("theme vocabulary: ") +
                                      e.what());
  }
}

const Vocabulary& DefaultVocabulary() {
  static const Vocabulary vocabulary = [] {
    absl::StatusOr<Vocabulary> parsed = ParseVocabulary(kThemesV1Json);
    return parsed.ok() ? *std::move(parsed) : Vocabulary{};
  }();
  return vocabulary;
}

}  // namespace lges::analytics
