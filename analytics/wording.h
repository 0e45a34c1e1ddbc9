#pragma once
// How Estyn's annual report words quantities: counts for
// small groups ("two of the four local authorities"), fixed proportion words
// for larger ones. Pure functions.

#include <string>

namespace lges::analytics {

// Groups of at most this many are described with counts, not proportions.
inline constexpr int kLargestCountedGroup = 9;

// The proportion word for `count` of `total` (0 < total):
//   all (100%); nearly all (over 90%: very few exceptions); most (90%);
//   many (70% or more); a majority (over 60%); half (50%); around half
//   (40%-60%, not 50%); a minority (20% to under 40%); few (10% to under
//   20%); very few (under 10%); none (0).
std::string ProportionWord(int count, int total);

// "one" to "twenty"; digits above.
std::string NumberWord(int n);

// The subject of a sentence about `count` of `total` providers, capitalised:
// "All four local authorities", "Both local authorities", "One local
// authority", "Two of the four local authorities", "The local authority"
// (1 of 1), and for large groups "Many local authorities", "A minority of
// local authorities", ... `singular`/`plural` name the providers.
std::string CountSubject(int count, int total, const std::string& singular,
                         const std::string& plural);

// "<CountSubject> received a recommendation to <phrase>." The verb agrees
// with the subject.
std::string RecommendationSentence(int count, int total,
                                   const std::string& singular,
                                   const std::string& plural,
                                   const std::string& phrase);

}  // namespace lges::analytics
