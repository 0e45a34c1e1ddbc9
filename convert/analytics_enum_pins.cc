// The analytics enums that go out in replies, pinned to their proto values.
// Milestones have no unspecified value in analytics, so theirs are one
// lower than the proto's; cue kinds share the proto's numbers.
#include "analytics/follow_up.h"
#include "analytics/reconcile.h"
#include "analytics/themes.h"
#include "estyn/lges/v1/analytics.pb.h"

namespace lges::convert {
namespace {

namespace pb = ::estyn::lges::v1;
using analytics::Agreement;
using analytics::CueKind;
using analytics::MilestoneKind;
using analytics::MilestoneState;

constexpr int Shifted(auto value) { return static_cast<int>(value) + 1; }

static_assert(Shifted(MilestoneKind::kImprovementConference) ==
              pb::MILESTONE_KIND_IMPROVEMENT_CONFERENCE);
static_assert(Shifted(MilestoneKind::kProgressConference) ==
              pb::MILESTONE_KIND_PROGRESS_CONFERENCE);
static_assert(Shifted(MilestoneKind::kMonitoringVisit) ==
                  pb::MILESTONE_KIND_MONITORING_VISIT &&
              pb::MILESTONE_KIND_MONITORING_VISIT == pb::MilestoneKind_MAX);

static_assert(Shifted(MilestoneState::kOnTime) == pb::MILESTONE_STATE_ON_TIME);
static_assert(Shifted(MilestoneState::kEarly) == pb::MILESTONE_STATE_EARLY);
static_assert(Shifted(MilestoneState::kLate) == pb::MILESTONE_STATE_LATE);
static_assert(Shifted(MilestoneState::kPending) == pb::MILESTONE_STATE_PENDING);
static_assert(Shifted(MilestoneState::kOverdue) == pb::MILESTONE_STATE_OVERDUE);
static_assert(Shifted(MilestoneState::kMissed) == pb::MILESTONE_STATE_MISSED);
static_assert(Shifted(MilestoneState::kNotNeeded) ==
                  pb::MILESTONE_STATE_NOT_NEEDED &&
              pb::MILESTONE_STATE_NOT_NEEDED == pb::MilestoneState_MAX);

static_assert(static_cast<int>(CueKind::kMention) == pb::CUE_KIND_MENTION);
static_assert(static_cast<int>(CueKind::kAim) == pb::CUE_KIND_AIM);
static_assert(static_cast<int>(CueKind::kSetting) == pb::CUE_KIND_SETTING);
static_assert(static_cast<int>(CueKind::kTopic) == pb::CUE_KIND_TOPIC &&
              pb::CUE_KIND_TOPIC == pb::CueKind_MAX);

static_assert(static_cast<int>(Agreement::kAgree) ==
              pb::RECONCILIATION_STATE_AGREE);
static_assert(static_cast<int>(Agreement::kRecordIncomplete) ==
              pb::RECONCILIATION_STATE_RECORD_INCOMPLETE);
static_assert(static_cast<int>(Agreement::kPublishedInconsistent) ==
              pb::RECONCILIATION_STATE_PUBLISHED_INCONSISTENT);
static_assert(static_cast<int>(Agreement::kDisagree) ==
              pb::RECONCILIATION_STATE_DISAGREE);
static_assert(static_cast<int>(Agreement::kNotPublished) ==
                  pb::RECONCILIATION_STATE_NOT_PUBLISHED &&
              pb::RECONCILIATION_STATE_NOT_PUBLISHED ==
                  pb::ReconciliationState_MAX);

}  // namespace
}  // namespace lges::convert
