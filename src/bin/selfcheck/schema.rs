//! `selfcheck schema`: the answers file's JSON Schema.

/// The JSON Schema of an answers file, made from the fact list so it cannot drift.
pub fn answers_schema() -> serde_json::Value {
    use serde_json::json;
    use wugong::fact::FactKind;
    let mut props = serde_json::Map::new();
    for f in wugong::Fact::ALL.iter().filter(|f| !f.is_derived()) {
        let mut p = match f.kind() {
            FactKind::Bool => json!({"type": ["boolean", "null"]}),
            FactKind::Count(unit) => {
                json!({"type": ["integer", "null"], "minimum": 0, "description": unit})
            }
            FactKind::Money => {
                json!({"type": ["string", "integer", "null"], "pattern": "^[0-9]+(\\.[0-9]{1,2})?$", "minimum": 0, "description": "yuan, as text"})
            }
            FactKind::Date => {
                json!({"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"})
            }
            FactKind::Choice(opts) => {
                json!({"enum": opts.iter().map(|o| serde_json::Value::from(*o)).chain([serde_json::Value::Null]).collect::<Vec<_>>()})
            }
            FactKind::Region => {
                json!({"enum": wugong::region::all().iter().map(|r| serde_json::Value::from(r.code)).chain([serde_json::Value::Null]).collect::<Vec<_>>()})
            }
        };
        p["title"] = json!(format!("{} — {}", f.label_zh(), f.label_en()));
        props.insert(f.name().to_string(), p);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "务工自查 answers",
        "description": "A worker's answers. Leave a fact out, or set it to null, when it is not known.",
        "type": "object",
        "additionalProperties": false,
        "properties": props,
    })
}
