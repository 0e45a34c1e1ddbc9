#pragma once
// Text encodings of composite values stored in single SQLite columns.
// Decoding is lenient about nothing: a malformed value is a corrupt database
// and decodes to the empty value.

#include <string>

#include "domain/records.h"

namespace lges::codec {

// "D:2019-09-10", "M:2019-10", "T:2022:1" (year:term), "Y:2019", "A:2019";
// "" for an unset date.
std::string EncodeDate(const PartialDate& date);
PartialDate DecodeDate(const std::string& text);

// Certainty, note and sources, with separators escaped; "" for an empty
// provenance.
std::string EncodeProvenance(const Provenance& provenance);
Provenance DecodeProvenance(const std::string& text);

// Language, origin, text and note of each translation; "" for none.
std::string EncodeTranslations(const std::vector<Translation>& translations);
std::vector<Translation> DecodeTranslations(const std::string& text);

// A published year's figures ("figure:value" each) and overview statements;
// "" for none.
std::string EncodeFigures(const std::vector<PublishedFigure>& figures);
std::vector<PublishedFigure> DecodeFigures(const std::string& text);
std::string EncodeStatements(
    const std::vector<PublishedThemeStatement>& statements);
std::vector<PublishedThemeStatement> DecodeStatements(const std::string& text);

}  // namespace lges::codec
