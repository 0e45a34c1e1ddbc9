// The recommendations CSV of `lgesctl import`, after its header row.
#include "fuzz/csv_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lges::fuzz::ImportCsv("inspection,number,text,text_status,sources\n", data,
                        size);
  return 0;
}
