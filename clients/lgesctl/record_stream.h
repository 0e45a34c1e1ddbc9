#pragma once
// A record set in JSON (docs/FORMAT.md) read and written one record at a
// time, so that lgesctl moves a file of any size in bounded memory: the
// reader holds one record's text at a time, the writer one part.

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "convert/record_set.h"
#include "estyn/lges/v1/dataset.pb.h"

namespace lges::cli {

// How many records of each kind a file held.
struct RecordCounts {
  int64_t providers = 0;
  int64_t inspections = 0;
  int64_t follow_up_events = 0;
  int64_t key_messages = 0;
};

// Reads the JSON object of a record set from `in`, passing each record to
// `parts` and the other fields (format, source) to its part being filled,
// then finishing it. INVALID_ARGUMENT saying where the JSON is wrong (the
// record's place, e.g. "inspections[3]", or the byte offset); CANCELLED if a
// send failed. Accepts what protobuf's JSON parser accepts of a record set
// whose record lists are arrays (both field name forms).
absl::Status ReadRecordSetJson(std::istream& in, RecordSetParts& parts,
                               RecordCounts* counts);

// Writes parts of a record set, in order, as one JSON object: the text is
// that of protobuf's printer for the whole record set (proto field names,
// with whitespace). Records must come kind by kind, as the streaming
// export sends them: providers, inspections, follow-up events, key messages.
class RecordSetJsonWriter {
 public:
  explicit RecordSetJsonWriter(std::ostream& out);
  void Write(const estyn::lges::v1::RecordSet& part);
  // Closes the object; call once, after the last part.
  void Finish();
  const RecordCounts& counts() const { return counts_; }

 private:
  void Element(int kind, const google::protobuf::Message& record);

  std::ostream& out_;
  bool started_ = false;
  bool has_fields_ = false;  // Whether the next field needs a comma.
  int open_kind_ = -1;  // The kind whose array is open; -1 for none.
  RecordCounts counts_;
};

}  // namespace lges::cli
