//! Sending the data to the image record: the streaming upload (to `/file`, or to `/stage`
//! then the import), Glance's web-download import, and following Glance until the image is
//! active.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::form::FormState;
use super::phase::Phase;
use crate::api::create::Progress;
use crate::api::import::{import_body, DataSource};
use crate::api::stall::stall_limit;
use crate::api::upload::{self, Target, Upload, UploadEnd};
use crate::api::ApiError;
use crate::browser;
use crate::model::ImageStatus;
use crate::state::follow::{image_until_settled, Pace};
use crate::state::import_follow::import_and_follow;
use crate::state::page_alive::PageAlive;
use crate::state::transfer_guard::{TransferKind, TransferSlot};
use crate::state::{use_session, SessionState};

/// How often the image is read after an upload until Glance has processed the data (at most
/// 30 s apart while Glance does not answer).
const WAIT_ACTIVE: Pace = Pace {
    every: Duration::from_millis(500),
    max: Duration::from_secs(30),
};

/// Sends data to a record and moves the page's [`Phase`] along. Created by the page; the
/// upload it runs is registered with the leave guard, and aborted when the page goes.
///
/// Callbacks and loops here run after the page may be gone (an XHR event, an await): they
/// touch the page's values only with `try_*` forms and start nothing once it is.
#[derive(Clone, Copy)]
pub struct Sender {
    phase: RwSignal<Phase>,
    form: FormState,
    session: SessionState,
    running: StoredValue<Option<Upload>, LocalStorage>,
    slot: TransferSlot,
    on_page: StoredValue<PageAlive>,
    stall: Duration,
}

impl Sender {
    /// In the page's component.
    pub fn new(phase: RwSignal<Phase>, form: FormState) -> Self {
        let session = use_session();
        Self {
            phase,
            form,
            session,
            running: StoredValue::new_local(None),
            slot: TransferSlot::new(),
            on_page: StoredValue::new(PageAlive::until_cleanup()),
            stall: stall_limit(session.config().transfer_stall_s),
        }
    }

    /// The stall limit, for the words shown when an upload stalled.
    pub fn stall(&self) -> Duration {
        self.stall
    }

    /// True while the page is shown.
    fn alive(&self) -> bool {
        self.on_page.try_get_value().is_some_and(|p| p.get())
    }

    /// Sends the data the chosen way to record `id` (new, or retried).
    pub fn send(&self, id: String, source: DataSource) {
        if !self.alive() {
            return;
        }
        match source {
            DataSource::Upload => self.upload(id, Target::File),
            DataSource::Stage => self.stage_unless_staged(id),
            DataSource::WebDownload(_) => {
                if let Some(body) = import_body(&source) {
                    self.import(id, body);
                }
            }
        }
    }

    /// glance-direct: stages the file, then imports it; but when Glance already holds the
    /// staged data (status `uploading`: an earlier attempt staged it and only the import call
    /// failed), a retry only imports (staging again is refused with a 409).
    fn stage_unless_staged(&self, id: String) {
        let this = *self;
        let Ok(glance) = self.session.glance_for_action() else {
            return;
        };
        // The form is locked from the click on, not only once the file goes: a second click
        // meanwhile would stage (or import) twice.
        let total = self.form.file().map_or(0, |f| f.size() as u64);
        self.phase.try_set(Phase::Uploading(Progress {
            loaded: 0,
            total,
            elapsed_ms: 0.0,
        }));
        spawn_local(async move {
            let staged = matches!(
                glance.image(&id, None).await,
                Ok(image) if image.status == ImageStatus::Uploading
            );
            if !this.alive() {
                return;
            }
            match import_body(&DataSource::Stage) {
                Some(body) if staged => this.import(id, body),
                _ => this.upload(id, Target::Stage),
            }
        });
    }

    /// Stops the running upload (it then ends as cancelled).
    pub fn cancel(&self) {
        // The abort calls back into `running` at once: no borrow of it may be held then.
        if let Some(cancel) = self
            .running
            .try_with_value(|u| u.as_ref().map(Upload::canceller))
            .flatten()
        {
            cancel();
        }
    }

    fn upload(&self, id: String, target: Target) {
        let this = *self;
        let phase = self.phase;
        let Some(file) = self.form.file() else {
            phase.try_set(Phase::Done);
            return;
        };
        let Some(s) = self.session.get_untracked() else {
            return;
        };
        let Ok(base) = s.image_endpoint.clone() else {
            return;
        };
        let started = browser::now_ms() as f64;
        phase.try_set(Phase::Uploading(Progress {
            loaded: 0,
            total: file.size() as u64,
            elapsed_ms: 0.0,
        }));
        let id_at_end = id.clone();
        let on_progress = move |loaded: f64, total: f64| {
            phase.try_set(Phase::Uploading(Progress {
                loaded: loaded as u64,
                total: total as u64,
                elapsed_ms: browser::now_ms() as f64 - started,
            }));
        };
        let on_end = move |end: UploadEnd| {
            this.slot.ended();
            this.running.try_set_value(None);
            match end {
                UploadEnd::Done if target == Target::Stage => {
                    if let Some(body) = import_body(&DataSource::Stage) {
                        this.import(id_at_end, body);
                    }
                }
                UploadEnd::Done => this.wait_active(id_at_end),
                UploadEnd::Cancelled => {
                    phase.try_set(Phase::Cancelled);
                }
                UploadEnd::Stalled => {
                    phase.try_set(Phase::Stalled);
                }
                UploadEnd::Failed(e) => {
                    this.session.report(&e);
                    phase.try_set(Phase::Failed(e));
                }
            }
        };
        let started = upload::start(
            &base,
            &s.token,
            &id,
            target,
            &file,
            self.stall,
            on_progress,
            on_end,
        );
        match started {
            Ok(u) => {
                let kind = match target {
                    Target::File => TransferKind::Upload,
                    Target::Stage => TransferKind::Stage,
                };
                self.slot.started(kind, u.canceller());
                self.running.try_set_value(Some(u));
            }
            Err(e) => {
                phase.try_set(Phase::Failed(e));
            }
        }
    }

    /// Starts the import and follows it while the page is shown (Glance goes on regardless).
    fn import(&self, id: String, body: serde_json::Value) {
        let (session, phase) = (self.session, self.phase);
        let Some(on_page) = self.on_page.try_get_value().filter(PageAlive::get) else {
            return;
        };
        phase.try_set(Phase::Importing(ImageStatus::Queued));
        spawn_local(async move {
            let result = import_and_follow(session, on_page, &id, &body, move |status| {
                phase.try_set(Phase::Importing(status));
            })
            .await;
            match result {
                Ok(true) => {
                    phase.try_set(Phase::Done);
                }
                Ok(false) => {}
                Err(e) => {
                    phase.try_set(Phase::Failed(e));
                }
            }
        });
    }

    /// Follows the image until Glance has processed the data, then shows the result: active,
    /// killed (Glance's verdict), or still without data (the upload's answer was not Glance's);
    /// a slow Glance only slows the follower down.
    fn wait_active(&self, id: String) {
        let (session, phase) = (self.session, self.phase);
        phase.try_set(Phase::WaitingActive);
        let Some(on_page) = self.on_page.try_get_value().filter(PageAlive::get) else {
            return;
        };
        spawn_local(async move {
            match image_until_settled(session, on_page, id, WAIT_ACTIVE, |_| {}).await {
                None => {}
                Some(Ok(image)) if image.status == ImageStatus::Killed => {
                    // No task to quote: the page says "Glance did not say why" in the UI
                    // language, and the status badge shows the killed image.
                    phase.try_set(Phase::Failed(ApiError::task("", None)));
                }
                Some(Ok(image)) if image.status == ImageStatus::Active => {
                    phase.try_set(Phase::Done);
                }
                // Settled without data (`queued`: an answer of success that was not Glance's,
                // say a proxy's page): not "active"; Retry sends the file again.
                Some(Ok(image)) => {
                    let status = image.status.as_str();
                    phase.try_set(Phase::Failed(ApiError::no_data_after_upload(status)));
                }
                Some(Err(e)) => {
                    phase.try_set(Phase::Failed(e));
                }
            }
        });
    }
}
