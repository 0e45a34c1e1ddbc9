#include "service/request_support.h"

#include <google/protobuf/util/field_mask_util.h>

#include <functional>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "domain/errors.h"

namespace lges {

absl::StatusOr<i18n::Language> LanguageOf(const std::string& language_code) {
  if (language_code.empty()) return i18n::Language::kEnglish;
  if (std::optional<i18n::Language> l = i18n::ParseLanguage(language_code))
    return *l;
  return InvalidFieldError("language_code",
                           "must be \"en\" (English) or \"cy\" (Welsh)");
}
namespace {

using google::protobuf::util::FieldMaskUtil;

std::string FilterHash(const std::string& filter_key) {
  return std::to_string(std::hash<std::string>{}(filter_key)&0xffffffffu);
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  for (const std::string& s : list) {
    if (s == value) return true;
  }
  return false;
}

// snake_case names joined by single dots: "text", "start_date.year". Not
// "", ".name" or "name." (which protobuf's mask utilities would take and
// apply to "name").
bool IsFieldPath(const std::string& path) {
  bool at_start = true;
  for (char c : path) {
    if (c == '.') {
      if (at_start) return false;
      at_start = true;
    } else if ((c >= 'a' && c <= 'z') ||
               (!at_start && ((c >= '0' && c <= '9') || c == '_'))) {
      at_start = false;
    } else {
      return false;
    }
  }
  return !at_start;
}


}  // namespace

absl::StatusOr<PageRequest> ParsePage(int page_size,
                                      const std::string& page_token,
                                      const std::string& filter_key) {
  if (page_size < 0)
    return InvalidFieldError("page_size", "must not be negative");
  PageRequest page;
  page.limit =
      page_size == 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  if (page_token.empty()) return page;
  std::string decoded;
  std::vector<std::string> parts;
  if (absl::WebSafeBase64Unescape(page_token, &decoded))
    parts = absl::StrSplit(decoded, ':');
  int offset = 0;
  if (parts.size() != 3 || parts[0] != "v1" ||
      !absl::SimpleAtoi(parts[1], &offset) || offset < 0) {
    return InvalidFieldError("page_token",
                             "is not a page token this service issued");
  }
  if (parts[2] != FilterHash(filter_key)) {
    return InvalidFieldError("page_token",
                             "was issued for a request with different filters");
  }
  page.offset = offset;
  return page;
}

std::string NextPageToken(const PageRequest& page, int returned, int total,
                          const std::string& filter_key) {
  const int next = page.offset + returned;
  if (returned == 0 || next >= total) return "";
  return absl::WebSafeBase64Escape("v1:" + std::to_string(next) + ":" +
                                   FilterHash(filter_key));
}

absl::StatusOr<PageSlice> SliceOf(size_t total, int page_size,
                                  const std::string& page_token,
                                  const std::string& filter_key) {
  LGES_ASSIGN_OR_RETURN(PageRequest page,
                        ParsePage(page_size, page_token, filter_key));
  PageSlice slice;
  slice.begin = std::min(total, static_cast<size_t>(page.offset));
  slice.end = std::min(total, slice.begin + static_cast<size_t>(page.limit));
  slice.next_page_token =
      NextPageToken(page, static_cast<int>(slice.end - slice.begin),
                    static_cast<int>(total), filter_key);
  return slice;
}

std::string CursorToken(int64_t position) {
  return absl::WebSafeBase64Escape("after:" + std::to_string(position));
}

absl::StatusOr<int64_t> CursorOf(const std::string& page_token) {
  std::string decoded;
  int64_t position = 0;
  if (!absl::WebSafeBase64Unescape(page_token, &decoded) ||
      decoded.rfind("after:", 0) != 0 ||
      !absl::SimpleAtoi(decoded.substr(6), &position) || position < 0) {
    return InvalidFieldError("page_token",
                             "is not a page token this service issued");
  }
  return position;
}

absl::Status ApplyFieldMask(const google::protobuf::Message& patch,
                            const google::protobuf::FieldMask& mask,
                            const std::vector<std::string>& immutable,
                            const std::vector<std::string>& output_only,
                            google::protobuf::Message* target) {
  google::protobuf::FieldMask effective;
  const bool everything = mask.paths_size() == 0 ||
                          (mask.paths_size() == 1 && mask.paths(0) == "*");
  if (everything) {
    const google::protobuf::Descriptor* d = patch.GetDescriptor();
    for (int i = 0; i < d->field_count(); ++i) {
      const std::string& path = d->field(i)->name();
      if (!Contains(output_only, path) && !Contains(immutable, path))
        effective.add_paths(path);
    }
  } else {
    Violations violations;
    std::vector<std::string> seen;
    for (const std::string& path : mask.paths()) {
      const std::string top = path.substr(0, path.find('.'));
      const std::string shown = path.substr(0, 100);
      if (path.empty()) {
        violations.push_back({"update_mask", "has an empty path"});
      } else if (!IsFieldPath(path)) {
        violations.push_back(
            {"update_mask", "'" + Quoted(path) +
                                "' is not a field path such as "
                                "'text' or 'start_date.year'"});
      } else if (Contains(seen, path)) {
        violations.push_back(
            {"update_mask", "names '" + shown + "' more than once"});
      } else if (!FieldMaskUtil::GetFieldDescriptors(patch.GetDescriptor(),
                                                     path, nullptr)) {
        violations.push_back({"update_mask", "unknown field '" + shown + "'"});
      } else if (Contains(immutable, top) || Contains(output_only, top)) {
        violations.push_back(
            {"update_mask", "field '" + shown + "' cannot be updated"});
      }
      seen.push_back(path);
    }
    if (!violations.empty()) return InvalidArgumentError(violations);
    effective = mask;
  }
  FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  FieldMaskUtil::MergeMessageTo(patch, effective, options, target);
  return absl::OkStatus();
}

// `message` serialised without the named fields.
std::string SerializedWithout(const google::protobuf::Message& message,
                              std::initializer_list<const char*> fields) {
  std::unique_ptr<google::protobuf::Message> copy(message.New());
  copy->CopyFrom(message);
  for (const char* name : fields) {
    const google::protobuf::FieldDescriptor* field =
        copy->GetDescriptor()->FindFieldByName(name);
    if (field != nullptr) copy->GetReflection()->ClearField(copy.get(), field);
  }
  std::string bytes;
  copy->SerializePartialToString(&bytes);
  return bytes;
}

std::string FilterKey(const google::protobuf::Message& list_request) {
  // The request's type binds a token to its rpc as well as its filters.
  return list_request.GetTypeName() + ":" +
         SerializedWithout(list_request, {"page_size", "page_token"});
}

std::string Fingerprint(const google::protobuf::Message& request) {
  return std::to_string(
      std::hash<std::string>{}(SerializedWithout(request, {"request_id"})));
}

}  // namespace lges
