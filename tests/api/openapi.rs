//! The JSON API checked against its own OpenAPI description: every operation it serves
//! is described, what it answers conforms to the described schemas, and every request
//! body the description allows is taken while every one it forbids is refused.

use regex::Regex;
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{DEMO, TestApp, spawn_app};
use crate::json_api::new_token;

/// Whether `value` conforms to `schema`, for the parts of JSON Schema the description
/// uses: `$ref`, `type` (one or several), `properties`, `required`, `items`, `oneOf`,
/// `anyOf`, `allOf`, `if` and `then`, `enum`, `minLength`, `maxLength`, `pattern`,
/// `minimum`, `maximum`, `minItems` and `maxItems`.
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
    if schema.get("type").is_some() && !is_of(value, &types(schema)) {
        return Err(format!("{at}: {value} is not {:?}", types(schema)));
    }
    if let Some(values) = schema["enum"].as_array()
        && !values.contains(value)
    {
        return Err(format!("{at}: {value} is none of {values:?}"));
    }
    if let Some(text) = value.as_str() {
        let length = text.chars().count() as u64;
        if schema["minLength"].as_u64().is_some_and(|min| length < min) {
            return Err(format!("{at}: {value} is shorter than minLength"));
        }
        if schema["maxLength"].as_u64().is_some_and(|max| length > max) {
            return Err(format!("{at}: {value} is longer than maxLength"));
        }
        if let Some(pattern) = schema["pattern"].as_str()
            && !Regex::new(pattern).unwrap().is_match(text)
        {
            return Err(format!("{at}: {value} does not match {pattern}"));
        }
    }
    if let Some(number) = value.as_f64() {
        if schema["minimum"].as_f64().is_some_and(|min| number < min) {
            return Err(format!("{at}: {value} is below the minimum"));
        }
        if schema["maximum"].as_f64().is_some_and(|max| number > max) {
            return Err(format!("{at}: {value} is above the maximum"));
        }
    }
    if let Some(items) = value.as_array() {
        let count = items.len() as u64;
        if schema["minItems"].as_u64().is_some_and(|min| count < min) {
            return Err(format!("{at}: fewer items than minItems"));
        }
        if schema["maxItems"].as_u64().is_some_and(|max| count > max) {
            return Err(format!("{at}: more items than maxItems"));
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
        // A typed object lists every property it has; a part of one (an `if`, a `then`)
        // speaks only of those it names.
        let closed = types(schema).contains(&"object");
        for (name, field) in object {
            match properties.get(name) {
                Some(described) => conforms(field, described, doc, &format!("{at}.{name}"))?,
                None if closed => return Err(format!("{at}.{name} is not described")),
                None => {}
            }
        }
    }
    if let Some(condition) = schema.get("if")
        && conforms(value, condition, doc, at).is_ok()
    {
        conforms(value, &schema["then"], doc, at)?;
    }
    if let (Some(items), Some(schema)) = (value.as_array(), schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, schema, doc, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// The types `schema` names, one or several.
fn types(schema: &Value) -> Vec<&str> {
    match &schema["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether `value` is of one of the JSON Schema types `kinds`.
fn is_of(value: &Value, kinds: &[&str]) -> bool {
    kinds.iter().any(|kind| match *kind {
        "string" => value.is_string(),
        // As JSON Schema has it, 3.0 is an integer as much as 3 is.
        "integer" => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => false,
    })
}

/// The rules of an object that ask for more when one property is filled in: each
/// `if` that names one property and the `then` that must hold when it does.
fn rules(schema: &Value) -> Vec<(&str, &Value, &Value)> {
    let mut rules = Vec::new();
    for rule in schema["allOf"].as_array().into_iter().flatten() {
        if let Some([name]) = rule["if"]["required"].as_array().map(Vec::as_slice) {
            rules.push((name.as_str().unwrap(), &rule["if"], &rule["then"]));
        }
    }
    rules
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

/// The description the server gives of its API.
async fn description(app: &TestApp) -> Value {
    app.get("/api/v1/openapi.json").await.json().await.unwrap()
}

#[tokio::test]
async fn the_api_does_what_its_description_says() {
    let app = spawn_app().await;
    let token = new_token(&app, "checker");
    let doc = description(&app).await;
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
            "post /api/v1/captions",
            "post /api/v1/clips",
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
    let fields = doc["components"]["schemas"]["NewEntry"]["properties"]
        .as_object()
        .unwrap();
    let mut body = json!({
        "title": "Every field", "body": "Text.", "label": "analysis", "author_name": "Sam",
        "author_role": "Live reporter", "image_url": "https://example.org/a.png", "image_alt": "A",
        "image_caption": "C", "image_credit": "D", "key_event": true, "pinned": false,
        "post_url": "https://bsky.app/profile/desk.bsky.social/post/3kq2xyzabc",
        "post_author": "Desk (@desk.bsky.social)", "post_text": "Two lines\nof a post.",
        "tags": ["Harbour", "Évacuation"], "profiles": [],
        "gallery": [{"url": "https://example.org/b.png", "alt": "B", "caption": "C", "credit": "D"}],
    });
    // A clip and its captions, sent first as a client would.
    for (path, field, name, bytes) in [
        (
            "/api/v1/clips",
            "clip",
            "camera.mp4",
            crate::clips::small_video(),
        ),
        (
            "/api/v1/captions",
            "captions",
            "captions.vtt",
            b"WEBVTT\n".to_vec(),
        ),
    ] {
        let form = Form::new().part(field, Part::bytes(bytes).file_name(name));
        let response = app
            .client
            .post(app.url(path))
            .bearer_auth(&token)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "{path}");
        let kept: Value = response.json().await.unwrap();
        let key = if field == "clip" {
            "clip_url"
        } else {
            "clip_captions_url"
        };
        body[key] = kept["url"].clone();
    }
    body["clip_caption"] = json!("The quay");
    body["clip_credit"] = json!("Sam Lee");
    body["poll"] = json!({
        "question": "Should the bridge reopen?",
        "answers": ["Yes", "No", "Not yet"],
        "open_minutes": 60,
    });
    for name in fields.keys() {
        assert!(body.get(name).is_some(), "{name} is untested");
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

/// What these tests send where the description says `format: binary`: a 1x1 PNG.
const IMAGE: &str = "(a PNG image)";

/// Strings that break a pattern in ways anyone can see: empty, blank, two lines, a
/// control character, words with a space and punctuation. Each pattern the description
/// gives must refuse one of them, and the server must refuse it there too.
const PROBES: [&str; 5] = ["", " ", "two\nlines", "bell\u{7}", "Not valid!"];

/// `schema` itself, following `$ref`.
fn resolve<'a>(schema: &'a Value, doc: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            resolve(&doc["components"]["schemas"][name], doc)
        }
        None => schema,
    }
}

/// A value `schema` allows: its example, or else one made from its enum, type and limits.
fn allowed(schema: &Value, doc: &Value) -> Value {
    let schema = resolve(schema, doc);
    if let Some(example) = schema["examples"].get(0).or(schema.get("example")) {
        return example.clone();
    }
    if let Some(one) = schema["enum"]
        .as_array()
        .and_then(|values| values.iter().find(|v| !v.is_null()))
    {
        return one.clone();
    }
    let kind = types(schema).into_iter().find(|kind| *kind != "null");
    match kind {
        Some("object") => minimal(schema, doc),
        Some("array") => {
            let count = schema["minItems"].as_u64().unwrap_or(0) as usize;
            Value::Array(vec![allowed(&schema["items"], doc); count])
        }
        Some("string") if schema["format"] == "binary" => json!(IMAGE),
        Some("string") => json!("x".repeat(schema["minLength"].as_u64().unwrap_or(1) as usize)),
        Some("integer" | "number") => match &schema["minimum"] {
            Value::Null => json!(0),
            minimum => minimum.clone(),
        },
        Some("boolean") => json!(true),
        _ => Value::Null,
    }
}

/// The smallest object `schema` allows: its required properties, and what they need.
fn minimal(schema: &Value, doc: &Value) -> Value {
    let mut body = json!({});
    for name in schema["required"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap();
        body = with(
            &body,
            schema,
            doc,
            name,
            allowed(&schema["properties"][name], doc),
        );
    }
    body
}

/// `body` with `name` set to `value`, and whatever that then needs beside it.
fn with(body: &Value, schema: &Value, doc: &Value, name: &str, value: Value) -> Value {
    let mut body = body.clone();
    body[name] = value;
    let mut changed = true;
    while changed {
        changed = false;
        for (_, condition, then) in rules(schema) {
            if conforms(&body, condition, doc, "").is_ok() {
                for needed in then["required"].as_array().into_iter().flatten() {
                    let needed = needed.as_str().unwrap();
                    if body.get(needed).is_none() {
                        body[needed] = allowed(&schema["properties"][needed], doc);
                        changed = true;
                    }
                }
            }
        }
    }
    body
}

/// Values besides `allowed`'s that `schema` allows: `null` where it may be null, and a
/// whole number written with a fraction of zero (`1.0`), which JSON takes for `1`.
fn also_allowed(schema: &Value, doc: &Value) -> Vec<(String, Value)> {
    let schema = resolve(schema, doc);
    let mut values = Vec::new();
    if types(schema).contains(&"null") {
        values.push(("null".to_owned(), Value::Null));
    }
    if types(schema).contains(&"integer")
        && let Some(whole) = allowed(schema, doc).as_i64()
    {
        values.push((format!("{whole}.0"), json!(whole as f64)));
    }
    values
}

/// Values that break one constraint of `schema` each, with what they break.
fn forbidden(schema: &Value, doc: &Value) -> Vec<(String, Value)> {
    let schema = resolve(schema, doc);
    let kinds = types(schema);
    let mut values = Vec::new();
    if kinds.is_empty() || schema["format"] == "binary" {
        // Parts of a form are all text; what an image is, only the words say.
        return values;
    }
    for wrong in [
        json!("text"),
        json!(12345),
        json!(true),
        json!(["text"]),
        Value::Null,
    ] {
        if !is_of(&wrong, &kinds) {
            values.push((format!("{wrong}, not {kinds:?}"), wrong));
        }
    }
    let example = allowed(schema, doc);
    if let Some(text) = example.as_str() {
        let (min, max) = (schema["minLength"].as_u64(), schema["maxLength"].as_u64());
        if let Some(min) = min.filter(|min| *min > 0) {
            values.push((
                "under minLength".into(),
                json!("x".repeat(min as usize - 1)),
            ));
        }
        if let Some(max) = max {
            let long: String = text
                .chars()
                .chain(std::iter::repeat('x'))
                .take(max as usize + 1)
                .collect();
            values.push(("over maxLength".into(), json!(long)));
        }
        if let Some(allowed) = schema["enum"].as_array() {
            let other = json!("not-one-of-these");
            assert!(!allowed.contains(&other));
            values.push(("outside the enum".into(), other));
        } else if let Some(pattern) = schema["pattern"].as_str() {
            let pattern = Regex::new(pattern).unwrap();
            let within = |probe: &str| {
                let length = probe.chars().count() as u64;
                min.is_none_or(|min| length >= min) && max.is_none_or(|max| length <= max)
            };
            let breaking: Vec<&str> = PROBES
                .into_iter()
                .filter(|probe| within(probe) && !pattern.is_match(probe))
                .collect();
            assert!(!breaking.is_empty(), "no probe breaks {pattern}: add one");
            for probe in breaking {
                values.push((format!("{probe:?}, not matching {pattern}"), json!(probe)));
            }
        }
    }
    if let Some(number) = example.as_f64() {
        if kinds.contains(&"integer") {
            values.push(("a fraction".into(), json!(number + 0.5)));
        }
        if let Some(min) = schema["minimum"].as_i64() {
            values.push(("under the minimum".into(), json!(min - 1)));
        }
        if let Some(max) = schema["maximum"].as_u64() {
            values.push(("over the maximum".into(), json!(max + 1)));
        }
    }
    if example.is_array() {
        let item = allowed(&schema["items"], doc);
        if let Some(max) = schema["maxItems"].as_u64() {
            values.push((
                "over maxItems".into(),
                Value::Array(vec![item; max as usize + 1]),
            ));
        }
        for (why, bad) in forbidden(&schema["items"], doc) {
            values.push((format!("an item {why}"), json!([bad])));
        }
    }
    values
}

/// One request body for an operation: allowed by its description or not, and the
/// properties a refusal must name.
struct Case {
    why: String,
    /// `None` for an empty body.
    body: Option<Value>,
    allowed: bool,
    at_fault: Vec<String>,
}

/// The bodies to send for a request body described by `schema`: the smallest it allows,
/// each property with each value it allows, and one body for each constraint it states,
/// breaking that constraint alone.
fn cases(schema: &Value, doc: &Value) -> Vec<Case> {
    let allow = |why: String, body: Value| Case {
        why,
        body: Some(body),
        allowed: true,
        at_fault: Vec::new(),
    };
    let refuse = |why: String, body: Option<Value>, at_fault: &[&str]| Case {
        why,
        body,
        allowed: false,
        at_fault: at_fault.iter().map(|name| (*name).to_owned()).collect(),
    };
    let schema = resolve(schema, doc);
    let mut cases = vec![refuse("an empty body".into(), None, &[])];
    let Some(properties) = schema["properties"].as_object() else {
        cases.push(allow(
            "the value the schema allows".into(),
            allowed(schema, doc),
        ));
        return cases;
    };
    let smallest = minimal(schema, doc);
    cases.push(allow("the smallest body".into(), smallest.clone()));
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (name, property) in properties {
        let set = |value: Value| with(&smallest, schema, doc, name, value);
        let example = allowed(property, doc);
        cases.push(allow(format!("{name}: {example}"), set(example.clone())));
        for (why, value) in also_allowed(property, doc) {
            cases.push(allow(format!("{name}: {why}"), set(value)));
        }
        for (why, value) in forbidden(property, doc) {
            cases.push(refuse(format!("{name}: {why}"), Some(set(value)), &[name]));
        }
        if required.contains(&name.as_str()) {
            let mut without = smallest.clone();
            without.as_object_mut().unwrap().remove(name);
            cases.push(refuse(format!("without {name}"), Some(without), &[name]));
        }
    }
    for (name, _, then) in rules(schema) {
        let filled = with(
            &smallest,
            schema,
            doc,
            name,
            allowed(&properties[name], doc),
        );
        for needed in then["required"].as_array().into_iter().flatten() {
            let needed = needed.as_str().unwrap();
            let mut alone = filled.clone();
            alone.as_object_mut().unwrap().remove(needed);
            cases.push(refuse(
                format!("{name} without {needed}"),
                Some(alone),
                &[name, needed],
            ));
            for (why, value) in forbidden(&then["properties"][needed], doc) {
                let mut wrong = filled.clone();
                wrong[needed] = value;
                cases.push(refuse(
                    format!("{name} with {needed} {why}"),
                    Some(wrong),
                    &[name, needed],
                ));
            }
        }
    }
    if schema["additionalProperties"] == json!(false) {
        let mut more = smallest;
        more["surprise"] = json!(1);
        cases.push(refuse(
            "a property it does not describe".into(),
            Some(more),
            &["surprise"],
        ));
    }
    cases
}

/// Whether an error answer names one of `fields` (or a part of one, as `summary[0]`).
fn names_one_of(answer: &Value, fields: &[String]) -> bool {
    let named = std::iter::once(&answer["field"])
        .chain(
            answer["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| &e["field"]),
        )
        .filter_map(Value::as_str);
    named.into_iter().any(|named| {
        fields.iter().any(|field| {
            named == field
                || named.starts_with(&format!("{field}["))
                || named.starts_with(&format!("{field}."))
        })
    })
}

/// Sends `body` (none: an empty body) as `media_type` to `method template`: `{slug}` is
/// the demo page, `{id}` an entry made for this request alone, at its first version.
async fn send(
    app: &TestApp,
    token: &str,
    (method, template): (&str, &str),
    media_type: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut path = template.replace("{slug}", DEMO);
    if path.contains("{id}") {
        let made: Value = app
            .client
            .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
            .bearer_auth(token)
            .json(&json!({"title": "To be changed", "body": "Text."}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        path = path.replace("{id}", &made["id"].to_string());
    }
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
    let request = app
        .client
        .request(method, app.url(&path))
        .bearer_auth(token);
    let request = match (media_type, body) {
        ("multipart/form-data", Some(Value::Object(fields))) => {
            let mut form = Form::new();
            for (name, value) in fields {
                form = match value.as_str() {
                    // A clip's field takes a real video, and captions WebVTT.
                    Some(IMAGE) if name == "clip" => form.part(
                        name,
                        Part::bytes(crate::clips::small_video()).file_name("camera.mp4"),
                    ),
                    Some(IMAGE) if name == "captions" => form.part(
                        name,
                        Part::bytes(&b"WEBVTT\n"[..]).file_name("captions.vtt"),
                    ),
                    Some(IMAGE) => form.part(
                        name,
                        Part::bytes(crate::uploads::PNG).file_name("pixel.png"),
                    ),
                    Some(text) => form.text(name, text.to_owned()),
                    None => form.text(name, value.to_string()),
                };
            }
            request.multipart(form)
        }
        ("multipart/form-data", body) => {
            // Not a form: sent as it is, as a client that took the schema for the body's.
            let raw = match body {
                Some(Value::String(text)) => text,
                Some(value) => value.to_string(),
                None => String::new(),
            };
            request
                .header("content-type", "multipart/form-data; boundary=unsent")
                .body(raw)
        }
        (_, body) => request
            .header("content-type", media_type)
            .body(body.map(|b| b.to_string()).unwrap_or_default()),
    };
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn every_body_the_description_allows_is_taken_and_every_one_it_forbids_refused() {
    let app = spawn_app().await;
    let token = new_token(&app, "walker");
    let doc = description(&app).await;
    let mut failures = Vec::new();
    let mut sent = 0;
    for (template, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let content = operation["requestBody"]["content"].as_object();
            for (media_type, described) in content.into_iter().flatten() {
                let schema = &described["schema"];
                for (n, case) in cases(schema, &doc).into_iter().enumerate() {
                    let what = format!("{method} {template} ({media_type}) {}", case.why);
                    let mut body = case.body;
                    if let Some(body) = &body {
                        let judged = conforms(body, schema, &doc, "body");
                        assert_eq!(judged.is_ok(), case.allowed, "{what}: {body} {judged:?}");
                    }
                    // The schema cannot know which addresses are taken: each page the
                    // walk opens has one of its own.
                    if (method.as_str(), template.as_str()) == ("post", "/api/v1/live")
                        && !case.at_fault.iter().any(|field| field == "slug")
                        && let Some(Value::String(slug)) =
                            body.as_mut().and_then(|body| body.get_mut("slug"))
                    {
                        slug.push_str(&format!("-{n}"));
                    }
                    let (status, answer) =
                        send(&app, &token, (method, template), media_type, body).await;
                    sent += 1;
                    let listed = operation["responses"].get(status.as_str()).is_some();
                    let problem = if case.allowed {
                        (!status.is_success()).then(|| "allowed, but refused".to_owned())
                    } else if !status.is_client_error() || !listed {
                        Some("forbidden, but not answered with a 4xx it lists".to_owned())
                    } else if let Err(why) = conforms(
                        &answer,
                        response_schema(&doc, template, method, status),
                        &doc,
                        "answer",
                    ) {
                        Some(why)
                    } else if !case.at_fault.is_empty() && !names_one_of(&answer, &case.at_fault) {
                        Some(format!("refused without naming {:?}", case.at_fault))
                    } else {
                        None
                    };
                    if let Some(problem) = problem {
                        failures.push(format!("{what}: {problem}: {status} {answer}"));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {sent} requests went against the description:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
