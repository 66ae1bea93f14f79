//! The first page of each page in memory, rendered and compressed once per change and
//! served from memory until the next change: the page nearly every reader asks for.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use tokio::sync::OnceCell;

use super::AppError;
use super::precompressed::Precompressed;
use crate::domain::BlogId;
use crate::read_model::LivePage;

/// Renders a live page's first page for readers at a base URL.
pub type Render = fn(&LivePage, &str) -> Result<String, AppError>;

/// One page's kept first page: the snapshot it shows, and the bytes once they are
/// ready.
struct Kept {
    page: Arc<LivePage>,
    ready: OnceCell<Arc<Precompressed>>,
}

/// The kept first page of every page in the read model. Readers asking at the same
/// moment after a change wait for one rendering rather than each doing their own.
/// A first page goes when its page is no longer in the read model (an ended page let
/// go to make room), at the next page kept.
#[derive(Default)]
pub struct FirstPages {
    kept: RwLock<HashMap<BlogId, Arc<Kept>>>,
}

impl FirstPages {
    /// The first page of `page`, its absolute links made from `base_url` (the public
    /// address, the same for every request), rendered by `render` at most once per
    /// change. `None` when the page is a snapshot older than the kept one: render it
    /// directly.
    pub async fn get(
        &self,
        page: Arc<LivePage>,
        base_url: &str,
        render: Render,
    ) -> Result<Option<Arc<Precompressed>>, AppError> {
        let Some(kept) = self.kept_for(&page) else {
            return Ok(None);
        };
        let compressed = kept
            .ready
            .get_or_try_init(|| async {
                let page = Arc::clone(&kept.page);
                let base_url = base_url.to_owned();
                let rendered = tokio::task::spawn_blocking(move || {
                    let html = render(&page, &base_url)?;
                    Ok::<_, AppError>(Arc::new(Precompressed::new(
                        "text/html; charset=utf-8",
                        html,
                    )))
                })
                .await
                .map_err(|error| AppError::Internal(format!("rendering a page: {error}")))??;
                Ok::<_, AppError>(rendered)
            })
            .await?;
        Ok(Some(Arc::clone(compressed)))
    }

    /// The first page of `page` if it is rendered already for this very snapshot.
    pub fn ready(&self, page: &Arc<LivePage>) -> Option<Arc<Precompressed>> {
        let kept = self.kept.read().unwrap_or_else(|p| p.into_inner());
        let current = kept.get(&page.blog.id)?;
        if !Arc::ptr_eq(&current.page, page) {
            return None;
        }
        current.ready.get().cloned()
    }

    fn kept_for(&self, page: &Arc<LivePage>) -> Option<Arc<Kept>> {
        // Nearly always: the page has not changed since it was kept.
        let current = self
            .kept
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&page.blog.id)
            .cloned();
        if let Some(current) = current {
            if Arc::ptr_eq(&current.page, page) {
                return Some(current);
            }
            // A newer change, or the same change with newer counts of votes.
            if (current.page.last_seq, current.page.made) > (page.last_seq, page.made) {
                return None;
            }
        }
        let mut kept = self.kept.write().unwrap_or_else(|p| p.into_inner());
        // Another reader may have kept this very snapshot meanwhile.
        if let Some(current) = kept.get(&page.blog.id)
            && Arc::ptr_eq(&current.page, page)
        {
            return Some(Arc::clone(current));
        }
        // Only this map and requests in flight hold a snapshot the read model let go.
        kept.retain(|_, other| Arc::strong_count(&other.page) > 1);
        let fresh = Arc::new(Kept {
            page: Arc::clone(page),
            ready: OnceCell::new(),
        });
        kept.insert(page.blog.id, Arc::clone(&fresh));
        Some(fresh)
    }
}
