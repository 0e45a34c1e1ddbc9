// Partial dates ("2019-09-10", "2019-10", "autumn 2022", "2019",
// "2019-2020"): whatever parses formats back to text that parses to the
// same date.
#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::optional<lges::PartialDate> date = lges::ParsePartialDate(text);
  if (!date) return 0;
  lges::DescribeInvalid(*date);
  const std::optional<lges::PartialDate> again =
      lges::ParsePartialDate(lges::FormatPartialDate(*date));
  if (!again || !(*again == *date)) __builtin_trap();
  return 0;
}
