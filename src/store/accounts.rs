//! Accounts, sessions and API tokens. Passwords, session cookies and tokens are kept
//! only as hashes.

use chrono::{DateTime, Utc};

use super::rows::{self, flag, time_text};
use super::{Store, StoreError, StoredSession};
use crate::domain::{TokenScope, User};

impl Store {
    pub async fn user_count(&self) -> Result<usize, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(self.pool())
            .await?;
        Ok(usize::try_from(rows::integer(&row, "n")?).unwrap_or(0))
    }

    pub async fn add_user(&self, user: User) -> Result<(), StoreError> {
        insert_user(self.pool(), &user)
            .await
            .map_err(StoreError::taken_as("name"))
    }

    pub async fn find_user(&self, name: &str) -> Result<Option<User>, StoreError> {
        let row =
            sqlx::query("SELECT name, role, password_hash, language FROM users WHERE name = $1")
                .bind(name)
                .fetch_optional(self.pool())
                .await?;
        row.as_ref().map(rows::user).transpose()
    }

    /// Every account, by name.
    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        sqlx::query("SELECT name, role, password_hash, language FROM users ORDER BY name")
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(rows::user)
            .collect()
    }

    /// Removes an account and ends its sessions, in one transaction.
    pub async fn remove_user(&self, name: &str) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM sessions WHERE user_name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM users WHERE name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        super::found(&done)?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password hash and ends every session of the account.
    pub async fn set_password(&self, name: &str, password_hash: &str) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE name = $2")
            .bind(password_hash)
            .bind(name)
            .execute(&mut *tx)
            .await?;
        super::found(&done)?;
        sqlx::query("DELETE FROM sessions WHERE user_name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user: &str,
        csrf_token: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, last_seen) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user)
        .bind(csrf_token)
        .bind(time_text(at))
        .bind(time_text(at))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Sets the language `user` reads the newsroom's pages in.
    pub async fn set_user_language(&self, user: &str, language: &str) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE users SET language = $1 WHERE name = $2")
            .bind(language)
            .bind(user)
            .execute(self.pool())
            .await?;
        super::found(&done)
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<StoredSession>, StoreError> {
        let row = sqlx::query(
            "SELECT s.user_name, u.role, u.language, s.csrf_token, s.last_seen FROM sessions s \
             JOIN users u ON u.name = s.user_name WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(StoredSession {
            user: rows::string(&row, "user_name")?,
            role: rows::role(&rows::string(&row, "role")?)?,
            csrf_token: rows::string(&row, "csrf_token")?,
            last_seen: rows::time(&row, "last_seen")?,
            language: rows::string(&row, "language")?,
        }))
    }

    pub async fn touch_session(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
            .bind(time_text(at))
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Records a new API token by its hash, with what it may do.
    pub async fn add_token(
        &self,
        name: &str,
        token_hash: &str,
        scope: &TokenScope,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO api_tokens (name, token_hash, created_at, page_slug, read_only) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(name)
        .bind(token_hash)
        .bind(time_text(Utc::now()))
        .bind(scope.page.clone())
        .bind(flag(scope.read_only))
        .execute(self.pool())
        .await
        .map_err(StoreError::taken_as("name"))?;
        Ok(())
    }

    /// The name and scope of the token with this hash, if it has not been revoked.
    pub async fn token_by_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<(String, TokenScope)>, StoreError> {
        let row =
            sqlx::query("SELECT name, page_slug, read_only FROM api_tokens WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(self.pool())
                .await?;
        row.as_ref()
            .map(|r| Ok((rows::string(r, "name")?, rows::token_scope(r)?)))
            .transpose()
    }

    /// Revokes a token at once; `false` if there was none by that name.
    pub async fn revoke_token(&self, name: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM api_tokens WHERE name = $1")
            .bind(name)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }
}

/// Adds `user`, created now: for `add_user` and for an import alike.
pub(super) async fn insert_user<'c, E>(db: E, user: &User) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO users (name, role, password_hash, created_at, language) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&user.name)
    .bind(user.role.as_str())
    .bind(&user.password_hash)
    .bind(time_text(Utc::now()))
    .bind(&user.language)
    .execute(db)
    .await?;
    Ok(())
}
