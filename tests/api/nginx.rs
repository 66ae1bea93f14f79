//! `deploy/nginx.conf`, run as it is with only the addresses changed: two instances on
//! one PostgreSQL behind nginx, a reader's live stream through the proxy, and an editor
//! whose requests land on either instance.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;

use crate::helpers::{
    DEMO, SseReader, TestApp, TestDatabase, free_port, new_client, spawn_app_with,
};

struct Nginx {
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: the master process then stops its workers too.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}

fn start_nginx(a: &TestApp, b: &TestApp, port: u16) -> Nginx {
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/nginx.conf")).unwrap();
    let config = example
        .replace("server 127.0.0.1:3001;", &format!("server {};", a.addr))
        .replace("server 127.0.0.1:3002;", &format!("server {};", b.addr))
        .replace(
            "listen 127.0.0.1:8080;",
            &format!("listen 127.0.0.1:{port};"),
        );
    assert_ne!(config, example);
    let dir = tempfile::tempdir().unwrap();
    // The HTTPS side is not tried here (the browser tests go through it), but nginx
    // needs its certificate and a port of its own to start.
    let config = config
        .replace(
            "listen 127.0.0.1:8443 ssl",
            &format!("listen 127.0.0.1:{} ssl", free_port()),
        )
        .replace("/etc/liveblog/tls", dir.path().to_str().unwrap());
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args([
            "-subj",
            "/CN=localhost",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
        ])
        .current_dir(dir.path())
        .stderr(Stdio::null())
        .status()
        .expect("openssl is installed (scripts/test installs it)");
    assert!(made.success());
    let conf = dir.path().join("nginx.conf");
    std::fs::write(&conf, config).unwrap();
    let globals = format!(
        "daemon off; pid {0}/nginx.pid; error_log {0}/error.log;",
        dir.path().display()
    );
    let child = Command::new("nginx")
        .arg("-p")
        .arg(dir.path())
        .arg("-c")
        .arg(&conf)
        .args(["-g", &globals])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx is installed (scripts/test installs it)");
    Nginx { child, _dir: dir }
}

#[tokio::test]
async fn two_instances_behind_nginx_serve_one_live_page() {
    let db = TestDatabase::create().await;
    let url = db.url.clone();
    let mut a = spawn_app_with(move |s| s.store.database_url = Some(url)).await;
    let url = db.url.clone();
    let mut b = spawn_app_with(move |s| s.store.database_url = Some(url)).await;
    let port = free_port();
    let _nginx = start_nginx(&a, &b, port);
    // A client that talks to nginx only.
    let mut proxy = a.with_client(new_client());
    proxy.addr = format!("127.0.0.1:{port}").parse().unwrap();

    let mut ready = false;
    for _ in 0..50 {
        if proxy
            .client
            .get(proxy.url("/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == StatusCode::OK)
        {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "nginx answers");

    proxy.login().await;
    let start = proxy.current_seq().await;
    let mut readers = Vec::new();
    for _ in 0..4 {
        let request = proxy.client.get(proxy.url(&format!("/live/{DEMO}/events")));
        readers.push(SseReader::open(request.header("Last-Event-ID", start.to_string())).await);
    }
    for n in 1..=6u64 {
        let title = format!("Through nginx {n}");
        let response = proxy
            .publish(DEMO, &[("title", title.as_str()), ("body", "x")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "post {n}");
        for reader in &mut readers {
            let event = reader.next().await;
            assert_eq!(
                event.id,
                Some(start + n),
                "every reader, every post, in order, at once"
            );
        }
    }
    drop(readers);
    a.stop().await;
    b.stop().await;
    db.drop().await;
}
