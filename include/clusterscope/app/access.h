// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Who may see what, decided in one place for every front end (docs/http_api.md, "Roles").
// Enterprise-level statistics are confidential by law: only admins, analysts and a park's
// editors see enterprise rows, the editors only their own park's; everyone else gets the
// published form (disclosure control, no enterprise named). Every answer that names enterprises
// leaves an `export` row in the audit log, on the command line as over HTTP.
//
// A front end asks Access for a Grant on a subject before it asks a service for the answer;
// services that return enterprise rows or district figures take the Grant, and only Access makes
// one, so no front end can skip the rules. The grant comes first so that a front end that keeps
// answers (the HTTP server's cache) still records each export.
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/app/service.h"
#include "clusterscope/core/status.h"

namespace clusterscope::app {

// What is asked for, as the access rules know it.
enum class Subject {
  kSystem,         // the cluster system and its enterprise counts
  kIndicators,     // any grouping's indicators, the cockpit, the clusters against a benchmark
  kMonthlyReport,  // the monthly report (in full: enterprise rankings)
  kAlerts,         // the month's alerts (in full: enterprises' alerts)
  kTargets,        // the targets and their progress
  kChainOverview,  // the chains' statuses, completeness and figures: no enterprise named
  kChains,         // the chains link by link (in full: the enterprises serving each link)
  kProjects,       // the investment pipeline
  kCultivation,    // the cultivation ladders: enterprises by name
  kEnterprises,    // enterprise rows: search, list, profile, designations
  kHistory,        // an enterprise's monthly figures with every revision
  kChanges,        // the audit log
  kQuality,        // the data-quality warnings, enterprise by enterprise
};

// The form of an answer: in full (enterprise names, rankings, small groups) or published
// (disclosure control applied, no enterprise named).
enum class Form { kFull, kPublished };

// Leave to answer one subject for one caller, in one form. Made only by Access::Open.
class Grant {
 public:
  Subject subject() const { return subject_; }
  Form form() const { return form_; }
  bool full() const { return form_ == Form::kFull; }
  // The park whose enterprises alone the caller sees (a park editor), or empty for all.
  const std::string& park() const { return park_; }
  const Caller& caller() const { return caller_; }

 private:
  friend class Access;
  Grant(Subject subject, Form form, std::string park, Caller caller)
      : subject_(subject), form_(form), park_(std::move(park)), caller_(std::move(caller)) {}

  Subject subject_;
  Form form_;
  std::string park_;
  Caller caller_;
};

class Access : public Service {
 public:
  using Service::Service;

  // The form `caller` gets answers about the district in: full for admins and analysts,
  // published for park editors (district-wide) and viewers.
  static Form FormFor(const Caller& caller);

  // Leave for the caller to see `subject`, in `wanted` form at most. PermissionDenied if the
  // role may not see it at all. When the granted form names enterprises, an `export` row is
  // written to the audit log: entity "enterprise", key `what` (a route or a command), `detail`
  // which (a period, a credit code, a query).
  Result<Grant> Open(Subject subject, std::string_view what, std::string_view detail,
                     Form wanted = Form::kFull);

  // Whether an answer on `subject` in `form` names enterprises (and so is an export).
  static bool NamesEnterprises(Subject subject, Form form);

  // PermissionDenied unless the caller may change enterprise data of `park` (empty: an
  // enterprise of no park): admins and analysts any, a park editor its own park's.
  Status CheckEdits(std::string_view park) const;
  // PermissionDenied unless the caller is an admin (users).
  Status CheckManagesUsers() const;
};

}  // namespace clusterscope::app
