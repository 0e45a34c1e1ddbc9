// lgesctl key-messages [list] | create | delete ID: the key messages of the
// annual report's sector pages.
#include "absl/strings/numbers.h"
#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

int List(const Args& args, LgesClient& client, Io io) {
  pb::ListKeyMessagesRequest req;
  if (args.Has("year")) {
    std::optional<int> year = YearArg(args.Flag("year"), "--year", io);
    if (!year) return kExitUsage;
    req.set_academic_year(*year);
  }
  pb::ListKeyMessagesResponse all;
  if (std::optional<int> done = FailedOrPrinted(
          ListAll(client, &LgesClient::ListKeyMessages, req, &all),
          "list key messages", all, io))
    return *done;
  Section s;
  s.table.columns = {{"ID"},       {"YEAR"},           {"AREA", true},
                     {"POLARITY"}, {"MESSAGE", true}};
  for (const pb::KeyMessage& m : all.key_messages()) {
    s.table.rows.push_back({m.name().substr(m.name().find('/') + 1),
                            AcademicYearLabel(m.academic_year()), m.area(),
                            PolarityLabel(m.polarity()), m.text()});
  }
  return Show({"", {s}, {std::to_string(all.key_messages_size()) + " key messages"}},
       io);
}

// create YEAR POLARITY TEXT --area=AREA [--position=N] [--request-id=ID]
int Create(const Args& args, LgesClient& client, Io io) {
  std::optional<int> year = YearArg(args.words[2], "YEAR", io);
  if (!year) return kExitUsage;
  const std::string& polarity = args.words[3];
  if (polarity != "going-well" && polarity != "needs-to-improve" &&
      polarity != "lead")
    return UsageError("POLARITY is going-well, needs-to-improve or lead", io,
                      "key-messages");
  int position = 0;
  if (args.Has("position") &&
      (!absl::SimpleAtoi(args.Flag("position"), &position) || position < 1))
    return UsageError("--position is a whole number from 1", io,
                      "key-messages");
  pb::CreateKeyMessageRequest req;
  pb::KeyMessage* m = req.mutable_key_message();
  m->set_academic_year(*year);
  m->set_area(args.Flag("area"));
  m->set_polarity(polarity == "going-well"  ? pb::POLARITY_GOING_WELL
                  : polarity == "lead"      ? pb::POLARITY_LEAD
                                            : pb::POLARITY_NEEDS_TO_IMPROVE);
  m->set_position(position);
  m->set_text(args.words[4]);
  req.set_request_id(args.Flag("request-id"));
  pb::KeyMessage created;
  if (std::optional<int> done =
          FailedOrPrinted(client.CreateKeyMessage(req, &created),
                          "create key message", created, io))
    return *done;
  io.out << "created " << created.name() << " (etag " << created.etag()
         << ")\n";
  return kExitOk;
}

int Delete(const Args& args, const std::string& id, LgesClient& client,
           Io io) {
  pb::DeleteKeyMessageRequest req;
  req.set_name("keyMessages/" + id);
  req.set_etag(args.Flag("etag"));
  pb::DeleteKeyMessageResponse resp;
  if (std::optional<int> done =
          FailedOrPrinted(client.DeleteKeyMessage(req, &resp),
                          "delete key message " + id, resp, io))
    return *done;
  io.out << "deleted keyMessages/" << id << " (dataset version "
         << resp.dataset_version() << ")\n";
  return kExitOk;
}

}  // namespace

int KeyMessages(const Args& args, LgesClient& client, Io io) {
  const std::string verb = args.words.size() > 1 ? args.words[1] : "list";
  if (verb == "list" && args.words.size() <= 2) return List(args, client, io);
  if (verb == "create" && args.words.size() == 5)
    return Create(args, client, io);
  if (verb == "delete" && args.words.size() == 3)
    return Delete(args, args.words[2], client, io);
  return UsageError(
      "expected 'key-messages [list] [--year=YEAR]', 'key-messages create "
      "YEAR going-well|needs-to-improve TEXT --area=AREA' or 'key-messages "
      "delete ID'",
      io, "key-messages");
}

}  // namespace lges::cli
