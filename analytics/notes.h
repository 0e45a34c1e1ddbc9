#pragma once
// The input of every analytics function is lges::Dataset (domain/dataset.h):
// all stored records at one dataset version. This header adds the notes that
// analytics results carry.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "i18n/catalogue.h"

namespace lges::analytics {

// A note as a message of the catalogues (i18n/catalogue/*.json, keys
// note.*) with its arguments, so that each reply words it in its own
// language.
struct Note {
  std::string key;
  i18n::Args args;
  friend bool operator==(const Note&, const Note&) = default;
};

// The note's text in `language`.
std::string Text(const Note& note, i18n::Language language);

// Footnotes explain the figures (a break in series, a year without
// inspections); warnings say where the record is incomplete or uncertain.
struct Notes {
  std::vector<Note> footnotes;
  std::vector<Note> warnings;
};

}  // namespace lges::analytics
