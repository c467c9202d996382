//! Running a "share with projects" plan: the visibility changes first, then every
//! (image, project) pair, each with bounded concurrency; one result line per image changed or
//! skipped and per pair, and what to retry.

use crate::components::bulk_report::{add_result, ReportTo};
use crate::components::ItemResult;
use crate::i18n::{failure_text, Words};
use crate::model::share_plan::{retry_plan, Pair, SharePlan};
use crate::model::Visibility;
use crate::state::bulk::{run_bulk, BulkRun, Outcome, Scope};
use crate::state::SessionState;

/// How many requests are in flight at the same time.
const CONCURRENT_REQUESTS: usize = 5;

/// What a run leaves: its result lines and the plan for "Retry failed" (empty when all went).
pub struct ShareResult {
    pub lines: Vec<ItemResult>,
    pub retry: SharePlan,
    /// Whether the page (the dialog) was still shown when the last answer came.
    pub shown: bool,
}

/// Runs `plan` in `scope`. `progress` hears (answered, total) over both steps. When the dialog
/// is gone (or the session changed) the summary goes to the notice area through `report`.
pub async fn run_share(
    session: SessionState,
    scope: Scope,
    plan: SharePlan,
    report: &ReportTo,
    progress: impl Fn(usize, usize) + Copy,
) -> ShareResult {
    let total = plan.make_shared.len() + plan.pairs.len();
    let first = plan.make_shared.len();
    progress(0, total);
    let mut lines: Vec<ItemResult> = plan
        .skipped
        .iter()
        .map(|i| {
            let words = Words::new(|t| t.share_many_skipped.to_string());
            line(i.name.clone(), false, words)
        })
        .collect();

    let changed = run_bulk(
        session,
        scope.clone(),
        plan.make_shared.clone(),
        CONCURRENT_REQUESTS,
        |done, _| progress(done, total),
        |glance, image| async move { glance.set_visibility(&image.id, &Visibility::Shared).await },
    )
    .await;
    let mut visibility_failed = Vec::new();
    for (image, outcome) in &changed.outcomes {
        let text = match outcome {
            Outcome::Done(_) => {
                let words = Words::new(|t| t.share_many_made_shared.to_string());
                lines.push(line(image.name.clone(), true, words));
                continue;
            }
            Outcome::Failed(e) => {
                let e = e.clone();
                Words::new(move |t| t.share_many_not_made_shared.fill(&[&&failure_text(t, &e)]))
            }
            Outcome::NotSent => Words::new(|t| t.not_sent.to_string()),
        };
        visibility_failed.push(image.id.clone());
        lines.push(line(image.name.clone(), false, text));
    }

    let pairs: Vec<Pair> = plan
        .pairs
        .iter()
        .filter(|p| !visibility_failed.contains(&p.image_id))
        .cloned()
        .collect();
    let added = run_bulk(
        session,
        scope.clone(),
        pairs,
        CONCURRENT_REQUESTS,
        |done, _| progress(first + done, total),
        |glance, pair| async move { glance.add_member(&pair.image_id, &pair.project_id).await },
    )
    .await;
    let mut pairs_failed = Vec::new();
    for (pair, outcome) in &added.outcomes {
        let (ok, text, again) = add_result(outcome);
        if again {
            pairs_failed.push(pair.clone());
        }
        lines.push(line(pair.label(), ok, text));
    }

    // One report for both steps: the pairs, stopped early if either step was.
    let whole = BulkRun {
        outcomes: added.outcomes,
        interrupted: changed.interrupted.or(added.interrupted),
    };
    let (done, total) = (whole.done_count(), plan.pairs.len());
    let summary = Words::new(move |t| t.share_many_summary.fill(total, &[&done, &total]));
    let shown = report.deliver(scope, &whole, summary, |_, pair| pair.label());
    ShareResult {
        lines,
        retry: retry_plan(&plan, &visibility_failed, &pairs_failed),
        shown,
    }
}

fn line(label: String, ok: bool, text: Words) -> ItemResult {
    ItemResult { label, ok, text }
}
