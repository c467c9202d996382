//! Where the result of a bulk action goes once every answer is in.

use leptos::prelude::*;

use crate::api::members::AddOutcome;
use crate::components::ItemResult;
use crate::i18n::{failure_words, refusal_words, Messages, Words};
use crate::lazy_pages::{code_problem_text, PageCodeProblem};
use crate::state::bulk::{BulkRun, Interruption, Outcome, Scope};
use crate::state::notices::Notices;
use crate::state::page_alive::PageAlive;
use crate::state::SessionState;

/// What became of one "add this member": (added, the line's text, whether to offer it again).
/// Glance's 409 (already a member) and 413 (member quota) get plain words; a refusal worth
/// retrying (or a request not sent) is offered again.
pub fn add_result<T>(outcome: &Outcome<T>) -> (bool, Words, bool) {
    match outcome {
        Outcome::Done(_) => (true, Words::new(|t| t.entry_added.to_string()), false),
        Outcome::NotSent => (false, Words::new(|t| t.not_sent.to_string()), true),
        Outcome::Failed(e) => {
            let outcome = AddOutcome::from_status(Some(e.status), &e.message);
            let keep = outcome.keep_in_input();
            let text = match outcome {
                AddOutcome::AlreadyMember => Words::new(|t| t.entry_already_member.to_string()),
                AddOutcome::QuotaExceeded => Words::new(|t| t.entry_quota.to_string()),
                _ => failure_words(e),
            };
            (false, text, keep)
        }
    }
}

/// The per-item line for the page: done (`done_text`), refused (Glance's words) or not sent.
pub fn item_result<T>(label: String, outcome: &Outcome<T>, done_text: Words) -> ItemResult {
    match outcome {
        Outcome::Done(_) => ItemResult {
            label,
            ok: true,
            text: done_text,
        },
        Outcome::Failed(e) => ItemResult {
            label,
            ok: false,
            text: failure_words(e),
        },
        Outcome::NotSent => ItemResult {
            label,
            ok: false,
            text: Words::new(|t| t.not_sent.to_string()),
        },
    }
}

/// Where a bulk action started: whether its page is still shown, and the app's notices for
/// when it is not. Made in the component's body (it registers a cleanup).
#[derive(Clone)]
pub struct ReportTo {
    on_page: PageAlive,
    notices: Option<Notices>,
}

impl ReportTo {
    pub fn new() -> Self {
        Self {
            on_page: PageAlive::until_cleanup(),
            notices: crate::state::notices::use_notices(),
        }
    }

    /// Whether the page that started the action is still shown.
    pub fn page_shown(&self) -> bool {
        self.on_page.get()
    }

    /// When the user left, or a project switch or logout stopped the run, posts a notice at
    /// the top of the page the user is on: `summary`, then each refusal (`label` of its item,
    /// Glance's words, request id) and what was not sent, all said again in the language shown
    /// whenever it is read. Returns whether the page is still shown (then the caller shows its
    /// per-item results there, as always).
    pub fn deliver<I, T>(
        &self,
        scope: Scope,
        run: &BulkRun<I, T>,
        summary: Words,
        label: impl Fn(&'static Messages, &I) -> String + Copy + Send + Sync + 'static,
    ) -> bool
    where
        I: Clone + Send + Sync + 'static,
    {
        let stayed = self.on_page.get();
        if stayed && run.interrupted.is_none() {
            return true;
        }
        let Some(notices) = self.notices else {
            return stayed;
        };
        let mut details: Vec<Words> = run
            .outcomes
            .iter()
            .filter_map(|(item, outcome)| match outcome {
                Outcome::Failed(e) => {
                    let item = item.clone();
                    Some(refusal_words(move |t| label(t, &item), e))
                }
                _ => None,
            })
            .collect();
        let not_sent = run.not_sent_count();
        match run.interrupted {
            Some(Interruption::ProjectSwitched) => details.push(Words::new(move |t| {
                t.not_sent_project_switch.fill(&[&not_sent])
            })),
            Some(Interruption::LoggedOut) => {
                details.push(Words::new(move |t| t.not_sent_logout.fill(&[&not_sent])))
            }
            None => {}
        }
        let ok = run.done_count() == run.outcomes.len();
        notices.post(scope.user_id, ok, summary, details);
        stayed
    }

    /// The action's own code could not be had (split builds), so nothing was sent: says so
    /// beside the action's buttons (`shown_at`) or, when the user has left the page meanwhile,
    /// in the notice area under `summary` (e.g. "Deleted 0 of 3 images."), so a run that never
    /// started is not taken for one that did.
    pub fn code_unavailable(
        &self,
        scope: Scope,
        problem: PageCodeProblem,
        summary: Words,
        shown_at: RwSignal<Option<PageCodeProblem>>,
    ) {
        if self.on_page.get() {
            let _ = shown_at.try_set(Some(problem));
        } else if let Some(notices) = self.notices {
            let detail = Words::new(move |t| code_problem_text(t, problem));
            notices.post(scope.user_id, false, summary, vec![detail]);
        }
    }
}

impl Default for ReportTo {
    fn default() -> Self {
        Self::new()
    }
}

/// What a split-off bulk run (the catalog's bulk actions, "Accept all": their code is fetched
/// on the first run, README "Size") works in and reports to: the session it was started in,
/// and the progress, per-item results and summary of the component that started it.
#[derive(Clone)]
pub struct RunReport {
    pub scope: Scope,
    pub session: SessionState,
    pub progress: RwSignal<Option<(usize, usize)>>,
    pub results: RwSignal<Vec<ItemResult>>,
    pub report: ReportTo,
    /// Called when every answer is in and the page is still shown.
    pub on_done: Callback<()>,
}

impl RunReport {
    /// Once every answer is in: the per-item results on the page (and `on_done`), or, when the
    /// user left or the run was stopped, the summary in the notice area.
    pub fn finish<I, T>(
        &self,
        outcome: &BulkRun<I, T>,
        items: Vec<ItemResult>,
        summary: Words,
        label: impl Fn(&'static Messages, &I) -> String + Copy + Send + Sync + 'static,
    ) where
        I: Clone + Send + Sync + 'static,
    {
        let _ = self.progress.try_set(None);
        if self
            .report
            .deliver(self.scope.clone(), outcome, summary, label)
        {
            let _ = self.results.try_set(items);
            let _ = self.on_done.try_run(());
        }
    }

    /// The run's code could not be had, so nothing was sent ([`ReportTo::code_unavailable`]).
    pub fn code_unavailable(
        &self,
        problem: PageCodeProblem,
        summary: Words,
        shown_at: RwSignal<Option<PageCodeProblem>>,
    ) {
        let _ = self.progress.try_set(None);
        self.report
            .code_unavailable(self.scope.clone(), problem, summary, shown_at);
    }
}
