//! Reading and changing the access overview: the project's shared images, their members read
//! a few at a time, and removals. Runs through [`run_bulk`], so they stop sending when the
//! session they were started in is gone, and report only through callbacks that must be safe
//! once the page is gone.

use super::bulk::{run_bulk, Outcome, Scope};
use super::SessionState;
use crate::api::access::owned_shared_path;
use crate::api::ApiError;
use crate::model::access::AccessRow;
use crate::model::Image;

/// How many member lists (or removals) are in flight at once.
pub const ACCESS_CONCURRENCY: usize = 6;

/// A listing never follows more pages than this (a server that keeps answering `next` with
/// the same marker must not loop forever).
const MAX_PAGES: usize = 1000;

/// An image whose members could not be read.
#[derive(Debug, Clone)]
pub struct ImageFailure {
    pub image_id: String,
    pub image_name: String,
    pub error: ApiError,
}

/// What one reading of the overview found.
#[derive(Debug, Clone, Default)]
pub struct AccessRead {
    pub rows: Vec<AccessRow>,
    pub failures: Vec<ImageFailure>,
}

/// Lists every shared image the current project owns, following the pages.
async fn owned_shared_images(
    session: SessionState,
    project_id: &str,
) -> Result<Vec<Image>, ApiError> {
    let mut images = Vec::new();
    let mut marker: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let glance = session.glance_for_action()?;
        let page = glance
            .list_images(&owned_shared_path(project_id, marker.as_deref()), None)
            .await?;
        let next = page.next_marker();
        images.extend(page.images);
        if next.is_none() || next == marker {
            break;
        }
        marker = next;
    }
    Ok(images)
}

/// Reads the overview: the images first (an error there is the whole answer), then each
/// image's members, [`ACCESS_CONCURRENCY`] at a time; `progress` hears (read, total).
pub async fn read_access(
    session: SessionState,
    progress: impl Fn(usize, usize),
) -> Result<AccessRead, ApiError> {
    let scope = Scope::current(&session).ok_or_else(ApiError::aborted)?;
    let images = owned_shared_images(session, &scope.project_id).await?;
    progress(0, images.len());
    let run = run_bulk(
        session,
        scope,
        images,
        ACCESS_CONCURRENCY,
        progress,
        |glance, image: Image| async move { glance.members(&image.id).await },
    )
    .await;
    let mut read = AccessRead::default();
    for (image, outcome) in run.outcomes {
        let name = image.name.clone().unwrap_or_default();
        match outcome {
            Outcome::Done(members) => read.rows.extend(members.into_iter().map(|m| AccessRow {
                image_id: image.id.clone(),
                image_name: name.clone(),
                project_id: m.member_id,
                project_name: None,
                status: m.status,
                created_at: m.created_at,
                updated_at: m.updated_at,
            })),
            Outcome::Failed(error) => read.failures.push(ImageFailure {
                image_id: image.id.clone(),
                image_name: name,
                error,
            }),
            Outcome::NotSent => {}
        }
    }
    Ok(read)
}

/// Removes each row's member from its image, [`ACCESS_CONCURRENCY`] at a time. Each row
/// comes back with Glance's answer, or `None` when it was not sent (session gone).
pub async fn remove_rows(
    session: SessionState,
    rows: Vec<AccessRow>,
) -> Vec<(AccessRow, Option<Result<(), ApiError>>)> {
    let Some(scope) = Scope::current(&session) else {
        return rows.into_iter().map(|r| (r, None)).collect();
    };
    let run = run_bulk(
        session,
        scope,
        rows,
        ACCESS_CONCURRENCY,
        |_, _| {},
        |glance, row: AccessRow| async move {
            glance.remove_member(&row.image_id, &row.project_id).await
        },
    )
    .await;
    run.outcomes
        .into_iter()
        .map(|(row, outcome)| {
            let answer = match outcome {
                Outcome::Done(()) => Some(Ok(())),
                Outcome::Failed(e) => Some(Err(e)),
                Outcome::NotSent => None,
            };
            (row, answer)
        })
        .collect()
}
