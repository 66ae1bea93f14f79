//! The whole record out and in, for `liveblog export` and `import`.

use super::accounts::insert_user;
use super::entries::reinsert_entry;
use super::pages::{reading_order, status_text};
use super::rows::{self, draft_columns, flag, time_text};
use super::{Backend, Store, StoreError};
use crate::domain::UnreadableDraft;
use crate::dump::{ApiTokenDump, BlogDump, Dump};

/// What `liveblog export` takes out: the dump, and the drafts' rows it had to leave
/// out because they cannot be read, each to be named.
#[derive(Debug)]
pub struct Export {
    pub dump: Dump,
    pub left_out: Vec<UnreadableDraft>,
}

impl Store {
    /// Everything in the store, for `liveblog export`. A draft's row that cannot be
    /// read is left out and named, never allowed to stop the export.
    pub async fn export(&self) -> Result<Export, StoreError> {
        let mut blogs: Vec<BlogDump> = self
            .every_page()
            .await?
            .into_iter()
            .map(|r| BlogDump {
                blog: r.blog,
                last_seq: r.last_seq,
                entries: r.entries,
            })
            .collect();
        for blog in &mut blogs {
            blog.entries.sort_by_key(|e| e.id);
        }
        let users =
            sqlx::query("SELECT name, role, password_hash, language FROM users ORDER BY name")
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(rows::user)
                .collect::<Result<_, _>>()?;
        let (drafts, left_out): (Vec<_>, Vec<_>) = sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts ORDER BY id"
        ))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(rows::draft_or_unreadable)
        .partition(Result::is_ok);
        let drafts = drafts.into_iter().filter_map(Result::ok).collect();
        let left_out = left_out.into_iter().filter_map(Result::err).collect();
        let api_tokens =
            sqlx::query(
                "SELECT name, token_hash, created_at, page_slug, read_only FROM api_tokens ORDER BY name",
            )
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|row| {
                    Ok(ApiTokenDump {
                        name: rows::text(row, "name")?,
                        token_hash: rows::text(row, "token_hash")?,
                        scope: rows::token_scope(row)?,
                        created_at: rows::time(row, "created_at")?,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
        Ok(Export {
            dump: Dump::new(blogs, users, drafts, api_tokens),
            left_out,
        })
    }

    /// Writes a dump into this store, which must be empty, in one transaction: all of it
    /// or none of it. Ids and sequence numbers are kept.
    pub async fn import(&self, dump: &Dump) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM blogs) + (SELECT COUNT(*) FROM users) \
                 + (SELECT COUNT(*) FROM drafts) + (SELECT COUNT(*) FROM api_tokens) AS n",
        )
        .fetch_one(&mut *tx)
        .await?;
        if rows::integer(&row, "n")? != 0 {
            return Err(StoreError::Incompatible(
                "the store is not empty; import only into a new one".into(),
            ));
        }
        for page in &dump.blogs {
            let blog = &page.blog;
            let summary =
                serde_json::to_string(&blog.summary).expect("a list of strings always serialises");
            sqlx::query(
                "INSERT INTO blogs (id, slug, title, description, summary, time_zone, status, created_at, last_seq, \
                 reading_order, embed_origins, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(blog.id.0)
            .bind(blog.slug.as_str())
            .bind(&blog.title)
            .bind(&blog.description)
            .bind(summary)
            .bind(blog.time_zone.name())
            .bind(status_text(blog.status))
            .bind(time_text(blog.created_at))
            .bind(page.last_seq as i64)
            .bind(reading_order(blog.oldest_first))
            .bind(blog.embed_origins.join(" "))
            .bind(&blog.language)
            .execute(&mut *tx)
            .await?;
            for entry in &page.entries {
                reinsert_entry(&mut tx, blog.id, entry).await?;
            }
        }
        for user in &dump.users {
            insert_user(&mut *tx, user).await?;
        }
        for draft in &dump.drafts {
            let input = serde_json::to_string(&draft.input)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let sent_back = draft.sent_back.as_ref();
            sqlx::query(
                "INSERT INTO drafts (id, blog_id, input, created_by, submitted, review_note, \
                 reviewed_by, publish_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(draft.id.0)
            .bind(draft.blog.0)
            .bind(input)
            .bind(&draft.created_by)
            .bind(flag(draft.submitted))
            .bind(sent_back.map(|s| s.note.clone()))
            .bind(sent_back.map(|s| s.by.clone()))
            .bind(draft.publish_at.map(time_text))
            .bind(time_text(draft.updated_at))
            .execute(&mut *tx)
            .await?;
        }
        for token in &dump.api_tokens {
            sqlx::query(
                "INSERT INTO api_tokens (name, token_hash, created_at, page_slug, read_only) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&token.name)
            .bind(&token.token_hash)
            .bind(time_text(token.created_at))
            .bind(token.scope.page.clone())
            .bind(flag(token.scope.read_only))
            .execute(&mut *tx)
            .await?;
        }
        if self.backend() == Backend::Postgres {
            // Ids given explicitly do not move PostgreSQL's counters: move them past.
            for table in ["blogs", "entries", "drafts"] {
                let sql = format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                );
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
