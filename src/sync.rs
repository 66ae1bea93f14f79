//! Several instances on one PostgreSQL: each listens for the changes the others commit
//! (`NOTIFY liveblog_changes, 'blog:seq'`) and catches up from the change log. What is
//! announced while an instance is not listening is not lost: after every reconnect,
//! and every few seconds besides, it compares sequence numbers with the database.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use tokio_util::sync::CancellationToken;

use crate::domain::BlogId;
use crate::newsroom::Newsroom;
use crate::store::NOTIFY_CHANNEL;

/// How often an instance checks the change log even without a notification.
pub const RESYNC_INTERVAL: Duration = Duration::from_secs(5);
/// How long to wait before listening again after the database went away.
const RECONNECT_DELAY: Duration = Duration::from_secs(1);

/// Follows the other instances' changes until shutdown.
pub async fn follow_other_instances(
    url: String,
    newsroom: Arc<Newsroom>,
    shutdown: CancellationToken,
) {
    while !shutdown.is_cancelled() {
        if let Err(error) = listen(&url, &newsroom, &shutdown).await {
            tracing::warn!(%error, "not hearing other instances; trying again");
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(RECONNECT_DELAY) => {}
            }
        }
    }
}

async fn listen(
    url: &str,
    newsroom: &Newsroom,
    shutdown: &CancellationToken,
) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(NOTIFY_CHANNEL).await?;
    // Listening from here on; whatever came before is in the change log.
    catch_up_all(newsroom).await;
    let mut resync = tokio::time::interval(RESYNC_INTERVAL);
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => return Ok(()),
            _ = resync.tick() => catch_up_all(newsroom).await,
            received = listener.try_recv() => match received? {
                Some(notification) => match announced_blog(notification.payload()) {
                    Some(blog) => {
                        if let Err(error) = newsroom.catch_up(blog).await {
                            tracing::warn!(%error, "could not catch up with another instance");
                        }
                    }
                    None => tracing::warn!(payload = notification.payload(), "unreadable change notice"),
                },
                // The connection dropped and came back: notices may have been missed.
                None => catch_up_all(newsroom).await,
            },
        }
    }
}

async fn catch_up_all(newsroom: &Newsroom) {
    if let Err(error) = newsroom.catch_up_all().await {
        tracing::warn!(%error, "could not compare with the change log");
    }
}

/// The page named in a `blog:seq` notice.
fn announced_blog(payload: &str) -> Option<BlogId> {
    let (blog, seq) = payload.split_once(':')?;
    seq.parse::<u64>().ok()?;
    blog.parse().ok().map(BlogId)
}

#[cfg(test)]
mod tests {
    use super::announced_blog;
    use crate::domain::BlogId;

    #[test]
    fn notices_name_a_page_and_a_number() {
        assert_eq!(announced_blog("3:17"), Some(BlogId(3)));
        for bad in ["", "3", "a:1", "3:b", "3:-1"] {
            assert_eq!(announced_blog(bad), None, "{bad}");
        }
    }
}
