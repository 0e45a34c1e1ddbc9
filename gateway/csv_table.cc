#include "gateway/csv_table.h"

#include <google/protobuf/descriptor.h>

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "gateway/transcode.h"

namespace lges::gateway {
namespace {

using Row = std::map<std::string, std::string>;

std::string Cell(const nlohmann::ordered_json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos)
      text.insert(0, "'");
    return text;
  }
  if (value.is_null()) return "";
  return value.dump();
}

void Flatten(const nlohmann::ordered_json& value, const std::string& prefix, Row& row,
             std::vector<std::string>& columns) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it)
      Flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(),
              row, columns);
    return;
  }
  std::string text;
  if (value.is_array()) {
    for (const nlohmann::ordered_json& item : value) {
      if (!text.empty()) text += "; ";
      text += item.is_object() ? item.dump() : Cell(item);
    }
  } else {
    text = Cell(value);
  }
  if (!row.count(prefix) &&
      std::find(columns.begin(), columns.end(), prefix) == columns.end())
    columns.push_back(prefix);
  row[prefix] = text;
}

std::string Quote(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::optional<std::string> CsvTable(const google::protobuf::Message& message) {
  const google::protobuf::Descriptor* d = message.GetDescriptor();
  const google::protobuf::FieldDescriptor* list = nullptr;
  for (int i = 0; i < d->field_count() && !list; ++i) {
    if (d->field(i)->is_repeated() &&
        d->field(i)->cpp_type() ==
            google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE)
      list = d->field(i);
  }
  if (!list) return std::nullopt;
  const nlohmann::ordered_json reply =
      nlohmann::ordered_json::parse(ToJson(message), nullptr, false);
  if (reply.is_discarded() || !reply.contains(list->json_name()))
    return std::nullopt;
  const nlohmann::ordered_json& items = reply[list->json_name()];
  std::vector<std::string> columns;
  std::vector<Row> rows;
  for (const nlohmann::ordered_json& item : items) {
    Row row;
    Flatten(item, "", row, columns);
    rows.push_back(std::move(row));
  }
  std::string out;
  for (size_t c = 0; c < columns.size(); ++c)
    out += (c ? "," : "") + Quote(columns[c]);
  out += "\r\n";
  for (const Row& row : rows) {
    for (size_t c = 0; c < columns.size(); ++c) {
      auto it = row.find(columns[c]);
      out += (c ? "," : "") + Quote(it == row.end() ? "" : it->second);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace lges::gateway
