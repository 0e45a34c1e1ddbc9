// lgesctl reconcile: a year's figures beside those Estyn printed.

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

std::string StateLabel(pb::ReconciliationState state, const Io& io) {
  switch (state) {
    case pb::RECONCILIATION_STATE_AGREE: return T(io, "reconcile.state.agree");
    case pb::RECONCILIATION_STATE_RECORD_INCOMPLETE:
      return T(io, "reconcile.state.record_incomplete");
    case pb::RECONCILIATION_STATE_PUBLISHED_INCONSISTENT:
      return T(io, "reconcile.state.published_inconsistent");
    case pb::RECONCILIATION_STATE_DISAGREE:
      return T(io, "reconcile.state.disagree");
    default: return T(io, "reconcile.state.not_published");
  }
}

// A count, or "" where none was printed (CSV leaves the cell empty; the
// state column says why).
template <typename Message>
std::string Published(const Message& m) {
  return m.printed() ? std::to_string(m.published()) : "";
}

Section Figures(const pb::SectorReconciliation& r, const Io& io) {
  Section s;
  s.name = "figures";
  s.heading = T(io, "cli.reconcile.figures");
  s.table.columns = {Col(io, "column.figure", true),
                     Col(io, "column.computed"), Col(io, "column.published"),
                     Col(io, "column.state"), Col(io, "column.why", true)};
  for (const pb::FigureReconciliation& f : r.figures()) {
    s.table.rows.push_back({f.label(), std::to_string(f.computed()),
                            Published(f), StateLabel(f.state(), io),
                            f.explanation()});
  }
  return s;
}

Section Themes(const pb::SectorReconciliation& r, const Io& io) {
  Section s;
  s.name = "themes";
  s.heading = T(io, "cli.reconcile.themes");
  s.table.columns = {Col(io, "column.theme_id", false, true),
                     Col(io, "column.theme", true), Col(io, "column.computed"),
                     Col(io, "column.published"), Col(io, "column.state"),
                     Col(io, "column.as_printed", true)};
  for (const pb::ThemeReconciliation& t : r.themes()) {
    s.table.rows.push_back({t.theme_id(), t.label(),
                            std::to_string(t.computed()), Published(t),
                            StateLabel(t.state(), io), t.as_printed()});
  }
  return s;
}

}  // namespace

int Reconcile(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError(T(io, "cli.usage.reconcile"), io, "reconcile");
  std::optional<int> year = YearArg(args.words[1], T(io, "cli.what.year"), io);
  if (!year) return kExitUsage;
  pb::ReconcileSectorSummaryRequest req;
  req.set_academic_year(*year);
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::SectorReconciliation r;
  if (std::optional<int> done =
          FailedOrPrinted(client.ReconcileSectorSummary(req, &r),
                          T(io, "cli.what.reconciliation"), r, io))
    return *done;
  std::vector<std::string> notes;
  notes.push_back(r.source_url().empty()
                      ? T(io, "cli.reconcile.no_source")
                      : F(io, "cli.reconcile.source", {{"url", r.source_url()}}));
  if (!r.published_note().empty())
    notes.push_back(F(io, "cli.note", {{"text", r.published_note()}}));
  for (const std::string& n : MetaNotes(r.meta(), io.language))
    notes.push_back(n);
  View view{F(io, "cli.reconcile.title", {{"year", r.academic_year_label()}}),
            {},
            notes};
  if (r.missing_size() > 0) {
    Section missing;
    missing.name = "missing";
    missing.heading = T(io, "cli.reconcile.missing");
    for (const std::string& m : r.missing()) missing.items.push_back(m);
    view.sections.push_back(missing);
  }
  view.sections.push_back(Figures(r, io));
  if (r.themes_size() > 0) view.sections.push_back(Themes(r, io));
  return Show(view, io);
}

}  // namespace lges::cli
