//! Running one request per item (bulk delete, add members, accept all, …) so that the run may
//! outlive the page that started it, and stops sending as soon as the session it was started
//! in is gone.

use std::future::Future;

use futures::stream::{self, StreamExt};

use super::SessionState;
use crate::api::client::Glance;
use crate::api::ApiError;

/// The user and project a bulk action was started for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub user_id: String,
    pub project_id: String,
}

impl Scope {
    /// The scope of the current session, if logged in.
    pub fn current(session: &SessionState) -> Option<Self> {
        session.get_untracked().map(|s| Self {
            user_id: s.info.user_id.clone(),
            project_id: s.project_id(),
        })
    }
}

/// Why the rest of a bulk action was not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interruption {
    /// The user switched project: the remaining requests would have gone out with the other
    /// project's token (or the old, replaced one).
    ProjectSwitched,
    /// The user logged out (or another user logged in).
    LoggedOut,
}

/// What became of one item.
#[derive(Debug, Clone)]
pub enum Outcome<T> {
    Done(T),
    Failed(ApiError),
    /// Never sent: the run was interrupted before this item's turn.
    NotSent,
}

impl<T> Outcome<T> {
    pub fn is_done(&self) -> bool {
        matches!(self, Outcome::Done(_))
    }
}

/// The items with their outcomes, in the order given, and why the run stopped early.
#[derive(Debug)]
pub struct BulkRun<I, T> {
    pub outcomes: Vec<(I, Outcome<T>)>,
    pub interrupted: Option<Interruption>,
}

impl<I, T> BulkRun<I, T> {
    pub fn done_count(&self) -> usize {
        self.outcomes.iter().filter(|(_, o)| o.is_done()).count()
    }

    pub fn not_sent_count(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::NotSent))
            .count()
    }
}

/// Sends `op` for each item, `concurrency` at a time. Before each request the session is
/// checked: while user and project are those of `scope` the request goes out with the current
/// token (a re-login in the same project is followed); otherwise it is not sent. `progress`
/// hears (answered, total) after each item; it must itself be safe once the page is gone.
pub async fn run_bulk<I, T, F, Fut>(
    session: SessionState,
    scope: Scope,
    items: Vec<I>,
    concurrency: usize,
    progress: impl Fn(usize, usize),
    op: F,
) -> BulkRun<I, T>
where
    I: Clone,
    F: Fn(Glance, I) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let total = items.len();
    let op = &op;
    let scope = &scope;
    let mut answers = stream::iter(items.into_iter().enumerate())
        .map(|(index, item)| async move {
            let now = Scope::current(&session);
            let glance = session.glance();
            let outcome = match (now, glance) {
                (Some(now), Some(glance)) if now == *scope => {
                    match op(glance, item.clone()).await {
                        Ok(value) => Outcome::Done(value),
                        Err(e) => Outcome::Failed(e),
                    }
                }
                (Some(now), _) if now.user_id == scope.user_id => {
                    return (
                        index,
                        item,
                        Outcome::NotSent,
                        Some(Interruption::ProjectSwitched),
                    )
                }
                _ => return (index, item, Outcome::NotSent, Some(Interruption::LoggedOut)),
            };
            (index, item, outcome, None)
        })
        .buffer_unordered(concurrency.max(1));
    let mut outcomes = Vec::with_capacity(total);
    let mut interrupted = None;
    while let Some((index, item, outcome, why)) = answers.next().await {
        interrupted = interrupted.or(why);
        outcomes.push((index, item, outcome));
        progress(outcomes.len(), total);
    }
    outcomes.sort_by_key(|(index, _, _)| *index);
    BulkRun {
        outcomes: outcomes.into_iter().map(|(_, i, o)| (i, o)).collect(),
        interrupted,
    }
}
