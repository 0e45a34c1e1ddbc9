#pragma once
// Every string a person reads, one catalogue per language, held as data in
// i18n/catalogue/en.json and cy.json (embedded at build time). Keys name a
// text ("page.tile.core_inspections"); the catalogue test fails when a key
// is in one language and not the other, or when a template's placeholders
// differ between the two.
//
// Templates hold placeholders, {name}, with optional filters applied left
// to right, {name|filter|filter}:
//   cap       first letter upper case
//   soft, aspirate, nasal   Welsh mutations of the value's first word
//   the       the definite article: "the X" / "yr X", "y X"
//   num       an integer as a word: "four" / "pedwar", or "pedair" when the
//             argument `gender` is "f"
// Unknown placeholders are left as they are, so a mistake shows.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/language.h"

namespace lges::i18n {

using Args = std::vector<std::pair<std::string, std::string>>;

class Catalogue {
 public:
  struct Entry {
    std::string text;
    // Welsh only: where Estyn (or another public body) prints this wording,
    // or "" when the wording is this team's own (see `note`).
    std::string source;
    std::string note;  // Why, for this team's own wording.
  };

  Catalogue(Language language,
            std::vector<std::pair<std::string, Entry>> entries);

  Language language() const { return language_; }
  bool Has(std::string_view key) const;
  // The entry's text; the key itself if there is none (the catalogue test
  // keeps that from happening).
  const std::string& Text(std::string_view key) const;
  const Entry* Find(std::string_view key) const;
  // Text(key) with its placeholders filled from `args`.
  std::string Format(std::string_view key, const Args& args = {}) const;
  // Fills the placeholders of an arbitrary template.
  std::string Fill(std::string_view pattern, const Args& args) const;
  const std::vector<std::pair<std::string, Entry>>& entries() const {
    return entries_;  // Sorted by key.
  }

 private:
  std::string Apply(const std::string& filter, std::string value,
                    const Args& args) const;

  Language language_;
  std::vector<std::pair<std::string, Entry>> entries_;
};

// The built-in catalogue of `language`, parsed once.
const Catalogue& CatalogueOf(Language language);

// "autumn 2022" / "tymor yr hydref 2022": term 1 (autumn), 2 (spring) or 3
// (summer) of `year`; "" for another term.
std::string TermDate(Language language, int term, int year);

// Shorthands for CatalogueOf(language).Text / Format.
const std::string& Text(Language language, std::string_view key);
std::string Format(Language language, std::string_view key,
                   const Args& args = {});

}  // namespace lges::i18n
