//! Newsroom accounts: passwords (argon2id), sign-in sessions and their CSRF tokens.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rand::RngExt;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};

use crate::domain::{Role, Slug, TokenScope, User, UserName};
use chrono::Utc;

use crate::store::{Store, StoreError};

/// How long a session lasts without being used.
pub const SESSION_IDLE_TIMEOUT: Duration = Duration::from_secs(12 * 60 * 60);
/// A session's last use is written down at most this often.
const SESSION_TOUCH_INTERVAL: Duration = Duration::from_secs(60);
/// The shortest password an account may have.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password we hash (argon2 takes any length; a megabyte is an attack).
pub const MAX_PASSWORD_CHARS: usize = 200;
/// How many password hashes are worked out at once. Each takes about 19 MiB and tens of
/// milliseconds of a core; a flood of sign-in attempts waits here instead of
/// exhausting memory.
const HASHING_AT_ONCE: usize = 2;
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(HASHING_AT_ONCE);

/// The user created on first start.
pub const FIRST_ADMIN: &str = "admin";

/// A signed-in person.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: String,
    pub role: Role,
    /// The language the person reads the newsroom's pages in.
    pub language: String,
    /// Every form this person submits must carry this token.
    pub csrf_token: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    BadPassword(String),
    /// There is already an account (or a token) by that name.
    #[error("that name is already taken")]
    NameTaken,
    #[error("no such account or token")]
    NotFound,
    /// The record cannot be read or written just now (the database is away).
    #[error("the record is unavailable: {0}")]
    Unavailable(String),
    /// The record holds something this build cannot read.
    #[error("the record holds what this build cannot read: {0}")]
    Broken(String),
    #[error("password hashing failed")]
    Hashing,
}

impl From<StoreError> for AccountError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Taken(_) => AccountError::NameTaken,
            StoreError::NotFound => AccountError::NotFound,
            StoreError::Unavailable(why) => AccountError::Unavailable(why),
            StoreError::Stale | StoreError::Repeated => {
                AccountError::Unavailable(error.to_string())
            }
            StoreError::Corrupt(why) | StoreError::Incompatible(why) => AccountError::Broken(why),
        }
    }
}

/// Accounts and sessions, kept in the store so every instance knows them. A session is
/// known by the SHA-256 of its cookie, so the cookie itself is never kept.
pub struct Accounts {
    store: Arc<Store>,
}

/// A new random token: 32 bytes from the operating system's generator, as hex.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    hex::encode(bytes)
}

fn digest(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

fn session_key(token: &str) -> String {
    hex::encode(digest(token))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (digest(a), digest(b));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AccountError::BadPassword(format!(
            "A password needs at least {MIN_PASSWORD_CHARS} characters."
        )));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(AccountError::BadPassword(format!(
            "A password may have at most {MAX_PASSWORD_CHARS} characters."
        )));
    }
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|_| AccountError::Hashing)
}

fn verify_password(password: &str, hash: &str) -> bool {
    if password.chars().count() > MAX_PASSWORD_CHARS {
        return false;
    }
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

impl Accounts {
    pub fn new(store: Arc<Store>) -> Accounts {
        Accounts { store }
    }

    /// On first start, creates the `admin` account: with `password` if given, otherwise
    /// with a generated one, which is returned so it can be shown once.
    pub async fn ensure_first_admin(
        &self,
        password: Option<&str>,
    ) -> Result<Option<String>, AccountError> {
        if self.store.user_count().await? > 0 {
            return Ok(None);
        }
        let generated = password.is_none().then(|| {
            rand::rng()
                .sample_iter(Alphanumeric)
                .take(20)
                .map(char::from)
                .collect::<String>()
        });
        let password = password
            .or(generated.as_deref())
            .expect("a password was given or generated")
            .to_owned();
        let admin = UserName::parse(FIRST_ADMIN).expect("the first admin's name is a user name");
        match self.add_user(&admin, Role::Admin, &password).await {
            // Another instance starting at the same moment made it first.
            Err(AccountError::NameTaken) => Ok(None),
            Err(other) => Err(other),
            Ok(()) => Ok(generated),
        }
    }

    /// Creates an account.
    pub async fn add_user(
        &self,
        name: &UserName,
        role: Role,
        password: &str,
    ) -> Result<(), AccountError> {
        let password = password.to_owned();
        let _turn = HASHING.acquire().await.map_err(|_| AccountError::Hashing)?;
        let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|_| AccountError::Hashing)??;
        let user = User {
            name: name.as_str().to_owned(),
            role,
            password_hash,
            language: crate::words::LANGUAGES[0].to_owned(),
        };
        self.store.add_user(user).await?;
        Ok(())
    }

    /// Sets the language `user` reads the newsroom's pages in: one of
    /// [`crate::words::LANGUAGES`].
    pub async fn set_language(&self, user: &str, language: &str) -> Result<(), AccountError> {
        Ok(self.store.set_user_language(user, language).await?)
    }

    /// Every account.
    pub async fn users(&self) -> Result<Vec<User>, AccountError> {
        Ok(self.store.users().await?)
    }

    /// Removes an account; its sessions end at once.
    pub async fn remove_user(&self, name: &str) -> Result<(), AccountError> {
        Ok(self.store.remove_user(name).await?)
    }

    /// Gives an account a new password; every session of it ends at once.
    pub async fn change_password(&self, name: &str, password: &str) -> Result<(), AccountError> {
        let password = password.to_owned();
        let _turn = HASHING.acquire().await.map_err(|_| AccountError::Hashing)?;
        let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|_| AccountError::Hashing)??;
        Ok(self.store.set_password(name, &password_hash).await?)
    }

    /// Checks a name and password and, when they match, opens a session. Returns the
    /// cookie value and the session.
    pub async fn sign_in(
        &self,
        name: &str,
        password: &str,
    ) -> Result<Option<(String, Session)>, AccountError> {
        let user = self.store.find_user(name).await?;
        // An unknown name costs as much time as a wrong password: no hint either way.
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let password = password.to_owned();
        let _turn = HASHING.acquire().await.map_err(|_| AccountError::Hashing)?;
        let matches = tokio::task::spawn_blocking(move || {
            verify_password(&password, hash.as_deref().unwrap_or(&DECOY_HASH))
        })
        .await
        .unwrap_or(false);
        let Some(user) = user.filter(|_| matches) else {
            return Ok(None);
        };
        let token = random_token();
        let session = Session {
            user: user.name,
            role: user.role,
            language: user.language,
            csrf_token: random_token(),
        };
        self.store
            .create_session(
                &session_key(&token),
                &session.user,
                &session.csrf_token,
                Utc::now(),
            )
            .await?;
        Ok(Some((token, session)))
    }

    /// The session a cookie belongs to, if it is open and has not been idle too long.
    pub async fn session(&self, token: &str) -> Result<Option<Session>, AccountError> {
        self.session_seen(token, true).await
    }

    /// The same, for a request that is not the person's doing (a page refreshing part of
    /// itself in the background) when `counts_as_use` is false: it does not keep the
    /// session from ending after its idle time.
    pub async fn session_seen(
        &self,
        token: &str,
        counts_as_use: bool,
    ) -> Result<Option<Session>, AccountError> {
        let key = session_key(token);
        let Some(stored) = self.store.session(&key).await? else {
            return Ok(None);
        };
        let now = Utc::now();
        let idle = (now - stored.last_seen).to_std().unwrap_or_default();
        if idle > SESSION_IDLE_TIMEOUT {
            self.store.delete_session(&key).await?;
            return Ok(None);
        }
        if counts_as_use && idle > SESSION_TOUCH_INTERVAL {
            self.store.touch_session(&key, now).await?;
        }
        Ok(Some(Session {
            user: stored.user,
            role: stored.role,
            language: stored.language,
            csrf_token: stored.csrf_token,
        }))
    }

    /// Ends a session at once, on every instance.
    pub async fn sign_out(&self, token: &str) -> Result<(), AccountError> {
        Ok(self.store.delete_session(&session_key(token)).await?)
    }
}

/// A token automation signed with: its name, for the log and the entries' authors, and
/// what it may do.
#[derive(Debug, Clone)]
pub struct ApiToken {
    pub name: String,
    pub scope: TokenScope,
}

/// API tokens: what automation signs with. A token is 32 random bytes, shown once and
/// kept only as its SHA-256.
impl Accounts {
    /// Makes a token named `name` that may do what `scope` says, and returns it; it
    /// cannot be shown again.
    pub async fn create_token(
        &self,
        name: &str,
        scope: &TokenScope,
    ) -> Result<String, AccountError> {
        let name = crate::domain::parse_token_name(name).map_err(AccountError::BadPassword)?;
        let name = name.as_str();
        if let Some(page) = &scope.page {
            Slug::parse(page).map_err(|why| {
                AccountError::BadPassword(format!(
                    "The page {page:?} is no live page's address. {why}"
                ))
            })?;
        }
        let token = format!("lb_{}", random_token());
        self.store
            .add_token(name, &session_key(&token), scope)
            .await?;
        Ok(token)
    }

    /// The token presented, with what it may do, if it is one of ours and not revoked.
    pub async fn token(&self, token: &str) -> Result<Option<ApiToken>, AccountError> {
        Ok(self
            .store
            .token_by_hash(&session_key(token))
            .await?
            .map(|(name, scope)| ApiToken { name, scope }))
    }

    pub async fn revoke_token(&self, name: &str) -> Result<bool, AccountError> {
        Ok(self.store.revoke_token(name).await?)
    }
}

/// An argon2id hash of a random password nobody has, so that signing in with an
/// unknown name takes as long as with a wrong password.
static DECOY_HASH: LazyLock<String> = LazyLock::new(|| {
    // An empty hash would let an unknown name fail at once, which is the very leak
    // the decoy closes: it must be a real one.
    hash_password(&random_token()).expect("argon2 hashes a 64-character password")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hashed_with_argon2id_and_verified() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("wrong horse battery", &hash));
        assert!(hash_password("short").is_err());
    }

    #[test]
    fn the_decoy_hash_parses_and_matches_nothing_typed() {
        assert!(PasswordHash::new(&DECOY_HASH).is_ok());
        assert!(!verify_password("", &DECOY_HASH));
    }

    #[tokio::test]
    async fn sessions_open_and_close() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(None, dir.path()).await.unwrap();
        let accounts = Accounts::new(Arc::new(store));
        let generated = accounts.ensure_first_admin(None).await.unwrap().unwrap();
        assert_eq!(generated.len(), 20);
        assert!(accounts.ensure_first_admin(None).await.unwrap().is_none());

        assert!(
            accounts
                .sign_in("admin", "not it at all")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            accounts
                .sign_in("nobody", &generated)
                .await
                .unwrap()
                .is_none()
        );
        let (token, session) = accounts
            .sign_in("admin", &generated)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(session.role, Role::Admin);
        assert!(accounts.session(&token).await.unwrap().is_some());
        assert!(accounts.session("not a token").await.unwrap().is_none());
        accounts.sign_out(&token).await.unwrap();
        assert!(accounts.session(&token).await.unwrap().is_none());
    }

    #[test]
    fn secrets_compare_by_value() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("", "a"));
    }
}
