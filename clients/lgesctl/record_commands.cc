// lgesctl commands on stored records: providers, key messages, follow-up
// events.
#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

int GetProvider(const std::string& code, LgesClient& client, Io io) {
  pb::GetProviderRequest req;
  req.set_name("providers/" + code);
  pb::Provider p;
  if (std::optional<int> done = FailedOrPrinted(client.GetProvider(req, &p),
                                                "get provider " + code, p, io))
    return *done;
  Section s;
  s.facts = {{"code", p.code()},
             {"kind", KindLabel(p.kind())},
             {"name (en)", p.name_en()},
             {"name (cy)", p.name_cy()}};
  if (!p.corporate_name().empty())
    s.facts.push_back({"corporate name", p.corporate_name()});
  View view{p.name_en() + " (" + p.code() + ")", {s}, {}};
  if (p.memberships_size() > 0) {
    const std::map<std::string, std::string> names = ProviderNames(client);
    Section members;
    members.heading = "Members over time";
    members.table.columns = {
        {"CODE", false, true},
        {"MEMBER"},
        {"FROM", false, false, "", true},
        {"TO", false, false, "", true}};
    for (const pb::Membership& m : p.memberships())
      members.table.rows.push_back(
          {m.authority_code(), LabelOr(names, m.authority_code()),
           DateLabel(m.valid_from()), DateLabel(m.valid_to())});
    view.sections.push_back(members);
  }
  return Show(view, io);
}

}  // namespace

int Providers(const Args& args, LgesClient& client, Io io) {
  const std::string verb = args.words.size() > 1 ? args.words[1] : "list";
  if (verb == "get" && args.words.size() == 3)
    return GetProvider(args.words[2], client, io);
  if (verb != "list" || args.words.size() > 2)
    return UsageError("expected 'providers list' or 'providers get CODE'", io,
                      "providers");
  pb::ListProvidersRequest req;
  pb::ProviderKind kind = pb::PROVIDER_KIND_UNSPECIFIED;
  if (args.Has("kind") && !ParseProviderKind(args.Flag("kind"), &kind)) {
    return UsageError(
        "--kind must be local-authority, school-improvement-service or "
        "partnership-service",
        io, "providers");
  }
  req.set_kind(kind);
  pb::ListProvidersResponse all;
  if (std::optional<int> done = FailedOrPrinted(
          ListAll(client, &LgesClient::ListProviders, req, &all),
          "list providers", all, io))
    return *done;
  Section s;
  s.table.columns = {
      {"CODE"}, {"KIND", true}, {"NAME (EN)", true}, {"NAME (CY)", true}};
  for (const pb::Provider& p : all.providers())
    s.table.rows.push_back(
        {p.code(), KindLabel(p.kind()), p.name_en(), p.name_cy()});
  return Show({"", {s}, {std::to_string(all.total_size()) + " providers"}}, io);
}

int FollowUpEvents(const Args& args, LgesClient& client, Io io) {
  pb::ListFollowUpEventsRequest req;
  req.set_provider_code(args.Flag("provider"));
  pb::ListFollowUpEventsResponse all;
  if (std::optional<int> done = FailedOrPrinted(
          ListAll(client, &LgesClient::ListFollowUpEvents, req, &all),
          "list follow-up events", all, io))
    return *done;
  const std::map<std::string, std::string> names = ProviderNames(client);
  Section s;
  s.table.columns = {{"DATE", false, false, "", true},
                     {"CODE", false, true},
                     {"AUTHORITY"}, {"STEP", true},
                     {"CERTAINTY"}, {"DESCRIPTION", true}};
  for (const pb::FollowUpEvent& e : all.follow_up_events()) {
    const std::string certainty = CertaintyLabel(e.provenance().certainty());
    s.table.rows.push_back(
        {DateLabel(e.date()), e.provider_code(),
         LabelOr(names, e.provider_code()), FollowUpKindLabel(e.kind()),
         certainty == "sourced" ? "" : certainty, e.description()});
  }
  return Show({"",
        {s},
        {std::to_string(all.follow_up_events_size()) + " follow-up events"}},
       io);
}

}  // namespace lges::cli
