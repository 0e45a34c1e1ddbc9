#pragma once
// How Estyn's annual report words quantities, in English and Welsh: counts
// for small groups ("two of the four local authorities", "dau o'r pedwar
// awdurdod lleol"), fixed proportion words for larger ones ("many local
// authorities", "llawer o awdurdodau lleol"). The sentences' templates are
// in the catalogues (keys count.*, group.*, proportion.*, sentence.*); the
// numerals and mutations come from grammar.h.

#include <string>

#include "i18n/language.h"

namespace lges::i18n {

// Groups of at most this many are described with counts, not proportions.
inline constexpr int kLargestCountedGroup = 9;

// What the providers are called: "local authority" / "awdurdod lleol", or
// "provider" / "darparwr" when the group holds other kinds.
enum class ProviderNoun { kLocalAuthority, kProvider };

// The proportion of `count` of `total` (0 < total), as a catalogue key
// suffix: all (100%); nearly_all (over 90%); most (90%); many (70% or
// more); a_majority (over 60%); half (50%); around_half (40%-60%, not
// 50%); a_minority (20% to under 40%); few (10% to under 20%); very_few
// (under 10%); none (0).
std::string ProportionKey(int count, int total);

// The proportion word: "a majority" / "mwyafrif".
std::string ProportionWord(Language language, int count, int total);

// The subject of a sentence about `count` of `total` providers, lower case:
// "all four local authorities" / "pob un o’r pedwar awdurdod lleol",
// "both local authorities" / "y ddau awdurdod lleol", "one local
// authority", "two of the four local authorities", "the local authority"
// (1 of 1), and for large groups "many local authorities" / "llawer o
// awdurdodau lleol".
std::string CountSubject(Language language, int count, int total,
                         ProviderNoun noun);

// "Two of the four local authorities received a recommendation to
// <phrase>." / "Cafodd dau o’r pedwar awdurdod lleol argymhelliad i
// <phrase, soft-mutated>." `phrase` is in `language`.
std::string RecommendationSentence(Language language, int count, int total,
                                   ProviderNoun noun,
                                   const std::string& phrase);

// "four local authorities" / "pedwar awdurdod lleol".
std::string CountedProviders(Language language, int n, ProviderNoun noun);

}  // namespace lges::i18n
