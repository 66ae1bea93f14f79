//! The JSON API checked against its own OpenAPI description: every operation it serves
//! is described, and what it answers conforms to the described schemas.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, spawn_app};

/// Whether `value` conforms to `schema`, for the parts of JSON Schema the description
/// uses: `$ref`, `type` (one or several), `properties`, `required`, `items`, `oneOf`,
/// `anyOf`, `allOf`.
fn conforms(value: &Value, schema: &Value, doc: &Value, at: &str) -> Result<(), String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return conforms(value, &doc["components"]["schemas"][name], doc, at);
    }
    for (key, all) in [("oneOf", false), ("anyOf", false), ("allOf", true)] {
        if let Some(options) = schema[key].as_array() {
            let results: Vec<_> = options
                .iter()
                .map(|s| conforms(value, s, doc, at))
                .collect();
            let ok = if all {
                results.iter().all(Result::is_ok)
            } else {
                results.iter().any(Result::is_ok)
            };
            if !ok {
                return Err(format!("{at}: {value} matches no {key} of {schema}"));
            }
        }
    }
    if let Some(kinds) = schema.get("type") {
        let kinds: Vec<&str> = match kinds {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let matches = kinds.iter().any(|kind| match *kind {
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "null" => value.is_null(),
            _ => false,
        });
        if !matches {
            return Err(format!("{at}: {value} is not {kinds:?}"));
        }
    }
    if let (Some(object), Some(properties)) = (value.as_object(), schema["properties"].as_object())
    {
        for required in schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(required) {
                return Err(format!("{at}: {required} is required but missing"));
            }
        }
        for (name, field) in object {
            let described = properties
                .get(name)
                .ok_or_else(|| format!("{at}.{name} is not described"))?;
            conforms(field, described, doc, &format!("{at}.{name}"))?;
        }
    }
    if let (Some(items), Some(schema)) = (value.as_array(), schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, schema, doc, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// The schema the description gives for `status` of `method path`.
fn response_schema<'a>(doc: &'a Value, path: &str, method: &str, status: StatusCode) -> &'a Value {
    let responses = &doc["paths"][path][method]["responses"];
    let response = &responses[status.as_str()];
    assert!(
        !response.is_null(),
        "{method} {path} answered {status}, which is not described"
    );
    &response["content"]["application/json"]["schema"]
}

#[tokio::test]
async fn the_api_does_what_its_description_says() {
    let app = spawn_app().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let token = stdout(&liveblog(
        &["token", "create", "checker", "--data-dir", &dir],
        "",
    ))
    .trim()
    .to_owned();
    let doc: Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    // The checker itself refuses what does not conform.
    let entry_view = json!({"$ref": "#/components/schemas/EntryView"});
    assert!(conforms(&json!({"id": "seven"}), &entry_view, &doc, "bad").is_err());
    assert!(
        conforms(
            &json!({"id": 7, "surprise": true}),
            &entry_view,
            &doc,
            "bad"
        )
        .is_err()
    );

    let mut described: Vec<String> = Vec::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            described.push(format!("{method} {path}"));
        }
    }
    described.sort();
    assert_eq!(
        described,
        [
            "delete /api/v1/live/{slug}/entries/{id}",
            "get /api/v1/live",
            "get /api/v1/live/{slug}",
            "get /api/v1/live/{slug}/entries/{id}",
            "patch /api/v1/live/{slug}",
            "patch /api/v1/live/{slug}/entries/{id}",
            "post /api/v1/images",
            "post /api/v1/live",
            "post /api/v1/live/{slug}/close",
            "post /api/v1/live/{slug}/entries",
            "post /api/v1/live/{slug}/reopen",
        ],
        "every operation the API serves is described, and no other"
    );
    // Every status an operation can answer is described: a token's refusals on every
    // operation that takes one, a body's on every one that takes a body.
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let mut due = Vec::new();
            if operation.get("security").is_some() {
                due.extend(["401", "403", "429", "503"]);
            }
            if operation.get("requestBody").is_some() {
                due.extend(["400", "413", "415", "422"]);
            }
            for status in due {
                assert!(
                    operation["responses"].get(status).is_some(),
                    "{method} {path} describes {status}"
                );
            }
        }
    }

    // Every property the description gives a new entry is taken.
    let fields = doc["components"]["schemas"]["EntryFields"]["properties"]
        .as_object()
        .unwrap();
    let mut body = json!({
        "title": "Every field", "body": "Text.", "label": "analysis", "author_name": "Sam",
        "author_role": "Live reporter", "image_url": "https://example.org/a.png", "image_alt": "A",
        "image_caption": "C", "image_credit": "D", "key_event": true, "pinned": false,
    });
    for name in fields.keys() {
        assert!(
            body.get(name).is_some() || ["version", "correction"].contains(&name.as_str()),
            "{name} is untested"
        );
    }
    let call = |method: Method, path: String, body: Option<Value>, with_token: bool| {
        let mut request = app.client.request(method, app.url(&path));
        if with_token {
            request = request.bearer_auth(&token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send()
    };
    let entries = format!("/api/v1/live/{DEMO}/entries");

    let response = call(Method::POST, entries.clone(), Some(body.clone()), true)
        .await
        .unwrap();
    let status = response.status();
    let created: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED);
    let schema = response_schema(&doc, "/api/v1/live/{slug}/entries", "post", status);
    conforms(&created, schema, &doc, "created").unwrap();
    let one = format!("{entries}/{}", created["id"]);

    body["unknown_field"] = json!(1);
    let mut checks = vec![
        (
            Method::POST,
            entries.clone(),
            Some(body),
            true,
            "/api/v1/live/{slug}/entries",
            "post",
        ),
        (
            Method::POST,
            entries.clone(),
            Some(json!({"title": ""})),
            true,
            "/api/v1/live/{slug}/entries",
            "post",
        ),
        (
            Method::POST,
            entries.clone(),
            Some(json!({"title": "t", "body": "b"})),
            false,
            "/api/v1/live/{slug}/entries",
            "post",
        ),
        (
            Method::GET,
            format!("/api/v1/live/{DEMO}"),
            None,
            false,
            "/api/v1/live/{slug}",
            "get",
        ),
        (
            Method::GET,
            format!("/api/v1/live/{DEMO}?page=2"),
            None,
            false,
            "/api/v1/live/{slug}",
            "get",
        ),
        (
            Method::GET,
            format!("/api/v1/live/{DEMO}?page=x"),
            None,
            false,
            "/api/v1/live/{slug}",
            "get",
        ),
        (
            Method::GET,
            "/api/v1/live/nowhere".into(),
            None,
            false,
            "/api/v1/live/{slug}",
            "get",
        ),
        (
            Method::GET,
            one.clone(),
            None,
            false,
            "/api/v1/live/{slug}/entries/{id}",
            "get",
        ),
        (
            Method::PATCH,
            one.clone(),
            Some(json!({"title": "Patched", "correction": "Better title"})),
            true,
            "/api/v1/live/{slug}/entries/{id}",
            "patch",
        ),
        (
            Method::PATCH,
            one.clone(),
            Some(json!({"title": "Stale", "version": 1})),
            true,
            "/api/v1/live/{slug}/entries/{id}",
            "patch",
        ),
        (
            Method::PATCH,
            format!("{entries}/99999"),
            Some(json!({"title": "x"})),
            true,
            "/api/v1/live/{slug}/entries/{id}",
            "patch",
        ),
    ];
    checks.push((
        Method::DELETE,
        one.clone(),
        None,
        true,
        "/api/v1/live/{slug}/entries/{id}",
        "delete",
    ));
    checks.push((
        Method::GET,
        one,
        None,
        false,
        "/api/v1/live/{slug}/entries/{id}",
        "get",
    ));
    for (method, path, body, with_token, template, verb) in checks {
        let response = call(method.clone(), path.clone(), body, with_token)
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        let schema = response_schema(&doc, template, verb, status);
        if status == StatusCode::NO_CONTENT {
            assert!(text.is_empty());
            continue;
        }
        let value: Value = serde_json::from_str(&text).unwrap();
        conforms(&value, schema, &doc, &format!("{method} {path} {status}")).unwrap();
    }
}
