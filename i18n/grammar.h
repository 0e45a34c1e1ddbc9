#pragma once
// The grammar that templates cannot hold: Welsh mutations, numerals that
// agree with their noun's gender, and English number words. Used by the
// catalogue's filters (catalogue.h) and by wording.h. Pure functions.
//
// Welsh rules (WELSH-NOTES.md, section 5):
//  - soft mutation: c>g p>b t>d g>- b>f d>dd ll>l m>f rh>r;
//  - aspirate mutation: c>ch p>ph t>th; nasal: c>ngh p>mh t>nh g>ng b>m d>n;
//  - a numeral takes the singular noun ("tri awdurdod lleol"); dau/dwy
//    soft-mutate it ("dau faes"), tri and chwe aspirate it ("chwe chyngor"),
//    un soft-mutates a feminine noun ("un flwyddyn");
//  - "awdurdod" and "darparwr" are masculine: dau/tri/pedwar, never
//    dwy/tair/pedair;
//  - pump and chwech shorten to pum and chwe before a noun;
//  - above ten, digits with "o" and the soft-mutated plural ("12 o
//    awdurdodau lleol").

#include <string>

namespace lges::i18n {

enum class Gender { kMasculine, kFeminine };

// The mutations of the first letter(s) of `word`, keeping its case.
std::string SoftMutation(const std::string& word);
std::string AspirateMutation(const std::string& word);
std::string NasalMutation(const std::string& word);

// A Welsh cardinal standing alone, as in "dau o'r pedwar": un, dau/dwy,
// tri/tair, pedwar/pedair, pump, chwech, saith, wyth, naw, deg; digits
// above ten; "dim" for 0.
std::string WelshNumber(int n, Gender gender);

// A Welsh count of a noun: "tri awdurdod lleol", "dau ddarparwr",
// "pum arolygiad", "un flwyddyn"; "12 o awdurdodau lleol" above ten.
std::string WelshCountedNoun(int n, Gender gender, const std::string& singular,
                             const std::string& plural);

// "one" to "twenty"; digits above; "none" for 0.
std::string EnglishNumber(int n);

// "one local authority", "four local authorities".
std::string EnglishCountedNoun(int n, const std::string& singular,
                               const std::string& plural);

// The Welsh definite article before `word`: "yr awdurdod", "y darparwyr".
std::string WelshArticle(const std::string& word);

// `text` with its first letter upper case (ASCII letters only; Welsh
// capitals that matter here are ASCII).
std::string Capitalised(std::string text);

}  // namespace lges::i18n
