#pragma once
// A year's sector figures as the record computes them, beside the figures
// Estyn printed (PublishedYear), each with how the two stand. Published
// figures are never used to fill the record; they only say where the record
// falls short or where the printed page cannot be right.

#include <optional>
#include <string>
#include <vector>

#include "analytics/notes.h"
#include "analytics/reports.h"
#include "analytics/themed.h"

namespace lges::analytics {

// Numbered as ReconciliationState in the proto.
enum class Agreement {
  kUnspecified = 0,
  kAgree,
  kRecordIncomplete,      // The record lacks records, so gives less.
  kPublishedInconsistent, // The printed figure contradicts the page's others.
  kDisagree,              // They differ, and the record lacks nothing known.
  kNotPublished
};

struct FigureCheck {
  SectorFigure figure = SectorFigure::kUnspecified;
  int computed = 0;
  std::optional<int> published;
  Agreement state = Agreement::kNotPublished;
  std::optional<Note> why;  // Unset when they agree or nothing was printed.
};

struct ThemeCheck {
  std::string theme_id;  // Empty if the printed statement matches no theme.
  int computed = 0;      // Providers with the theme, per the record.
  std::optional<int> published;
  std::string as_printed;  // Empty for a theme the page did not print.
  Agreement state = Agreement::kNotPublished;
};

struct Reconciliation {
  int academic_year = 0;
  const PublishedYear* published = nullptr;  // Into the snapshot; may be null.
  std::vector<FigureCheck> figures;  // Every SectorFigure, in page order.
  std::vector<ThemeCheck> themes;  // Printed order, then unprinted themes.
  std::vector<Note> missing;  // What the record lacks for the year.
  // Figures and themes neither agreeing nor unpublished.
  int disagreements() const;
};

// Compares `summary` (with its year's unfiltered `stats`) with `published`
// (nullptr when nothing is recorded as printed). `authorities` is the number
// of local authorities in the record.
Reconciliation Reconcile(const SectorSummary& summary, const YearStats& stats,
                         int authorities, const PublishedYear* published);

}  // namespace lges::analytics
