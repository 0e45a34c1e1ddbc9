// The follow-up events CSV of `lgesctl import`. The input is the file
// after its header row; the fuzzer may also write a header of its own on
// the second line, which then is a data row.
#include "fuzz/csv_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lges::fuzz::ImportCsv(
      "provider_code,kind,date,inspection,description,certainty,sources\n",
      data, size);
  return 0;
}
