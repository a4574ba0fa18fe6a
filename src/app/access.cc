// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The access rules, all of them (docs/http_api.md, "Roles"): which role sees which subject, in
// which form, and which answers are exports for the audit log.
#include "clusterscope/app/access.h"

#include "store_helpers.h"
#include <fmt/format.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::app {
namespace {

// Subjects that are lists of enterprises by nature: never for viewers; a park editor sees its
// own park's rows in full.
bool IsEnterpriseList(Subject subject) {
  switch (subject) {
    case Subject::kCultivation:
    case Subject::kEnterprises:
    case Subject::kHistory:
    case Subject::kQuality:
      return true;
    default:
      return false;
  }
}

// Why `subject` is refused.
Status Refusal(Subject subject) {
  switch (subject) {
    case Subject::kCultivation:
      return Status::Of(Status::Code::kPermissionDenied,
                        core::Say(text::kCultivationNotForViewers));
    case Subject::kChanges:
      return Status::Of(Status::Code::kPermissionDenied, core::Say(text::kAuditLogForAnalysts));
    default:
      return Status::Of(Status::Code::kPermissionDenied,
                        core::Say(text::kEnterpriseDataForAnalysts));
  }
}

}  // namespace

Form Access::FormFor(const Caller& caller) {
  return caller.role == model::Role::kAdmin || caller.role == model::Role::kAnalyst
             ? Form::kFull
             : Form::kPublished;
}

bool Access::NamesEnterprises(Subject subject, Form form) {
  // The audit log holds registry fields, but reading it is the admins' own review, not a
  // release of statistics: not logged again (it would log itself).
  if (IsEnterpriseList(subject)) return true;
  if (form != Form::kFull) return false;
  // In full, these name enterprises: rankings, enterprises' alerts, who serves a link.
  return subject == Subject::kMonthlyReport || subject == Subject::kAlerts ||
         subject == Subject::kChains;
}

Result<Grant> Access::Open(Subject subject, std::string_view what, std::string_view detail,
                           Form wanted) {
  const Caller& who = caller();
  Form form = wanted == Form::kPublished ? Form::kPublished : FormFor(who);
  std::string park;
  if (IsEnterpriseList(subject)) {
    if (!model::SeesEnterprises(who.role)) {
      return Error(Refusal(subject));
    }
    form = Form::kFull;
    if (who.role == model::Role::kParkEditor) park = who.park;
  } else if (subject == Subject::kChanges && FormFor(who) != Form::kFull) {
    return Error(Refusal(subject));
  }
  if (NamesEnterprises(subject, form)) {
    CLUSTERSCOPE_RETURN_IF_ERROR(RecordExport(store(), actor(), "enterprise", what, detail));
  }
  return Grant(subject, form, std::move(park), who);
}

Status Access::CheckEdits(std::string_view park) const {
  const Caller& who = caller();
  if (!model::EditsEnterprises(who.role)) {
    return Status::Of(Status::Code::kPermissionDenied, core::Say(text::kViewersDoNotChange));
  }
  if (who.role == model::Role::kParkEditor && park != who.park) {
    return Status::Of(Status::Code::kPermissionDenied,
                      core::Say(text::kParkEditorChangesOwnPark, who.park));
  }
  return Status::Ok();
}

Status Access::CheckManagesUsers() const {
  if (!model::ManagesUsers(caller().role))
    return Status::Of(Status::Code::kPermissionDenied, core::Say(text::kAdminsOnly));
  return Status::Ok();
}

}  // namespace clusterscope::app
