// Page tokens as a caller may send them: any bytes, with any page size.
// A token the server accepts gives a page inside the limits, and the token
// for the page after it is accepted again with the same filter only.
#include <cstddef>
#include <cstdint>
#include <string>

#include "service/request_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const int page_size = static_cast<int8_t>(data[0]) * 5;
  const std::string token(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto page = lges::ParsePage(page_size, token, "filter-a");
  if (!page.ok()) return 0;
  if (page->offset < 0 || page->limit < 1 || page->limit > lges::kMaxPageSize)
    __builtin_trap();
  const std::string next =
      lges::NextPageToken(*page, page->limit, page->offset + 2 * page->limit,
                          "filter-a");
  if (next.empty()) __builtin_trap();
  if (!lges::ParsePage(page_size, next, "filter-a").ok()) __builtin_trap();
  if (lges::ParsePage(page_size, next, "filter-b").ok()) __builtin_trap();
  return 0;
}
