#pragma once
// The input of every analytics function is lges::Dataset (domain/dataset.h):
// all stored records at one dataset version. This header adds the notes that
// analytics results carry.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/dataset.h"

namespace lges::analytics {

// Footnotes explain the figures (a break in series, a year without
// inspections); warnings say where the record is incomplete or uncertain.
struct Notes {
  std::vector<std::string> footnotes;
  std::vector<std::string> warnings;
};

}  // namespace lges::analytics
