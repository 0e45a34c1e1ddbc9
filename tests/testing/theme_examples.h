#pragma once
// The labelled theme examples (tests/data/theme-examples.json, a copy of
// ../shared/reference/theme-examples.json). LGES_THEME_EXAMPLES names the
// file; tests/CMakeLists.txt defines it.

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace lges::testing {

// The last seven examples: seed 001's overview of the 2022-2023
// recommendations, in order: evaluation, strategic leadership, secondary
// schools, school improvement, attendance, Welsh-medium, social, emotional
// and behavioural needs.
inline std::vector<std::string> LastSevenExamples() {
  std::ifstream file(LGES_THEME_EXAMPLES);
  const auto examples = nlohmann::json::parse(file).at("examples");
  std::vector<std::string> out;
  for (size_t i = examples.size() - 7; i < examples.size(); ++i) out.push_back(examples[i].at(0));
  return out;
}

}  // namespace lges::testing
