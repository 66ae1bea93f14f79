//! The command line's work: serve, add a user, export and import, back up and restore. Each command that
//! touches the record opens the same store the server would, from the same flags.

use std::io::{BufRead, Read, Write};

use crate::accounts::Accounts;
use crate::config::{Command, ServeArgs, StoreArgs, TokenCommand, UserCommand};
use crate::domain::{Role, TokenScope, UserName};
use crate::dump::Dump;
use crate::server::{Server, shutdown_signal};
use crate::store::Store;

/// Runs a command; the error is one line for the terminal.
pub async fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Serve(settings) => serve(*settings).await,
        Command::User(UserCommand::Add { name, role, store }) => {
            add_user(&name, &role, &store).await
        }
        Command::User(UserCommand::List { store }) => list_users(&store).await,
        Command::User(UserCommand::Remove { name, store }) => remove_user(&name, &store).await,
        Command::Token(TokenCommand::Create {
            name,
            page,
            read_only,
            store,
        }) => create_token(&name, TokenScope { page, read_only }, &store).await,
        Command::Token(TokenCommand::Revoke { name, store }) => revoke_token(&name, &store).await,
        Command::Export(store) => export(&store).await,
        Command::Import(store) => import(&store).await,
        Command::Backup {
            dest,
            with_contacts,
            store,
        } => backup(&dest, with_contacts, &store).await,
        Command::Restore { src, store } => restore(&src, &store).await,
    }
}

async fn open(store: &StoreArgs) -> Result<std::sync::Arc<Store>, String> {
    Store::open(store.database_url.as_deref(), &store.data_dir)
        .await
        .map(std::sync::Arc::new)
        .map_err(|e| e.to_string())
}

async fn serve(settings: ServeArgs) -> Result<(), String> {
    let server = Server::build(settings).await.map_err(|e| e.to_string())?;
    if let Some(password) = server.generated_admin_password() {
        println!("First start: sign in at /login as \"admin\" with the password {password}");
        println!("(shown once; set LIVEBLOG_ADMIN_PASSWORD to choose it yourself)");
    }
    println!("liveblog is serving at http://{}", server.addr());
    server
        .run(shutdown_signal())
        .await
        .map_err(|e| e.to_string())
}

async fn add_user(name: &str, role: &str, store: &StoreArgs) -> Result<(), String> {
    let name = UserName::parse(name).map_err(|why| format!("cannot add {name:?}: {why}"))?;
    let role = Role::parse(role).ok_or_else(|| format!("unknown role {role:?}"))?;
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']);
    let accounts = Accounts::new(open(store).await?);
    accounts
        .add_user(&name, role, password)
        .await
        .map_err(|e| format!("cannot add {:?}: {e}", name.as_str()))?;
    eprintln!("added {:?} ({})", name.as_str(), role.as_str());
    Ok(())
}

async fn list_users(store: &StoreArgs) -> Result<(), String> {
    let users = Accounts::new(open(store).await?)
        .users()
        .await
        .map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    for user in users {
        writeln!(out, "{}\t{}", user.name, user.role.as_str()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

async fn remove_user(name: &str, store: &StoreArgs) -> Result<(), String> {
    Accounts::new(open(store).await?)
        .remove_user(name)
        .await
        .map_err(|e| format!("cannot remove {name}: {e}"))?;
    eprintln!("removed {name}");
    Ok(())
}

async fn create_token(name: &str, scope: TokenScope, store: &StoreArgs) -> Result<(), String> {
    let accounts = Accounts::new(open(store).await?);
    let token = accounts
        .create_token(name, &scope)
        .await
        .map_err(|e| format!("cannot make the token {name}: {e}"))?;
    println!("{token}");
    Ok(())
}

async fn revoke_token(name: &str, store: &StoreArgs) -> Result<(), String> {
    let accounts = Accounts::new(open(store).await?);
    match accounts
        .revoke_token(name)
        .await
        .map_err(|e| e.to_string())?
    {
        true => {
            eprintln!("revoked {name}");
            Ok(())
        }
        false => Err(format!("there is no token named {name}")),
    }
}

async fn export(store: &StoreArgs) -> Result<(), String> {
    let export = open(store)
        .await?
        .export()
        .await
        .map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&export.dump).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| format!("cannot write the export: {e}"))?;
    for draft in &export.left_out {
        eprintln!(
            "left out draft {} (live page {}): {}",
            draft.id, draft.blog.0, draft.problem
        );
    }
    Ok(())
}

async fn import(store: &StoreArgs) -> Result<(), String> {
    let mut json = String::new();
    std::io::stdin()
        .read_to_string(&mut json)
        .map_err(|e| format!("cannot read the export from standard input: {e}"))?;
    let dump = Dump::parse(&json)?;
    dump.check()
        .map_err(|why| format!("nothing was imported: {why}"))?;
    open(store)
        .await?
        .import(&dump)
        .await
        .map_err(|e| e.to_string())?;
    let entries: usize = dump.blogs.iter().map(|b| b.entries.len()).sum();
    eprintln!(
        "imported {} live pages, {entries} entries, {} users, {} drafts, {} API tokens",
        dump.blogs.len(),
        dump.users.len(),
        dump.drafts.len(),
        dump.api_tokens.len()
    );
    Ok(())
}

async fn backup(
    dest: &std::path::Path,
    with_contacts: bool,
    store: &StoreArgs,
) -> Result<(), String> {
    let contacts = match with_contacts {
        true => crate::backup::Contacts::Kept,
        false => crate::backup::Contacts::LeftOut,
    };
    let done = crate::backup::backup(&*open(store).await?, &store.data_dir, dest, contacts).await?;
    eprintln!(
        "backed up {} rows and {} files into {}",
        done.rows,
        done.files,
        dest.display()
    );
    Ok(())
}

async fn restore(src: &std::path::Path, store: &StoreArgs) -> Result<(), String> {
    let done = crate::backup::restore(&*open(store).await?, &store.data_dir, src).await?;
    eprintln!(
        "restored {} rows and {} files from {}",
        done.rows,
        done.files,
        src.display()
    );
    Ok(())
}
