//! `leaflint server` spoken to over stdio as an editor would: the handshake, diagnostics at
//! the right ranges for an open buffer, cleared diagnostics after a change, a code action for
//! an invisible character, shutdown.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_leaflint"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.receive();
            if m["id"] == json!(id) {
                return m;
            }
        }
    }

    fn receive(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within a minute")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

/// rule, start line, start character, end line, end character
fn summary(diagnostics: &[Value]) -> Vec<(String, u64, u64, u64, u64)> {
    let mut out: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            (
                d["code"].as_str().unwrap().to_string(),
                r["start"]["line"].as_u64().unwrap(),
                r["start"]["character"].as_u64().unwrap(),
                r["end"]["line"].as_u64().unwrap(),
                r["end"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Applies LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let units = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut seen = 0;
        let mut at = start;
        for c in text[start..].chars() {
            if seen >= units {
                break;
            }
            seen += c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|b| std::cmp::Reverse(b.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

#[test]
fn an_editor_sees_findings_of_its_buffer_fixes_them_and_applies_a_code_action() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("locales");
    for l in ["en", "sv"] {
        std::fs::create_dir_all(root.join(l)).unwrap();
    }
    std::fs::write(
        root.join("en/leaflet.ftl"),
        "dose = Take 4 mg twice a day.\nstore = Keep the bottle dry.\n",
    )
    .unwrap();
    // On disk the translation is right; the editor's buffer is not.
    let sv = root.join("sv/leaflet.ftl");
    std::fs::write(
        &sv,
        "dose = Ta 4 mg två gånger om dagen.\nstore = Förvara flaskan torrt.\n",
    )
    .unwrap();
    let sv = std::fs::canonicalize(&sv).unwrap();
    let uri = format!("file://{}", sv.display());

    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"], 1);
    assert_eq!(init["result"]["capabilities"]["codeActionProvider"], true);
    c.notify("initialized", json!({}));

    // `40 mg` where en has `4 mg`; a zero-width space inside `flaskan`, after a 𝔸 (two UTF-16
    // units) so that the column must count units, not characters or bytes.
    let broken = "dose = Ta 40 mg två gånger om dagen.\nstore = 𝔸 Förvara flas\u{200B}kan torrt.\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "fluent", "version": 1, "text": broken}}),
    );
    let d = c.diagnostics_for(&uri);
    assert_eq!(
        summary(&d),
        [
            ("invisible-character".to_string(), 1, 23, 1, 24),
            ("numeric-mismatch".to_string(), 0, 10, 0, 15),
        ],
        "{d:#?}"
    );
    let numeric = d.iter().find(|x| x["code"] == "numeric-mismatch").unwrap();
    assert_eq!(numeric["severity"], 1);
    assert_eq!(numeric["source"], "leaflint");
    let related = &numeric["relatedInformation"][0]["location"];
    assert!(related["uri"]
        .as_str()
        .unwrap()
        .ends_with("/en/leaflet.ftl"));
    assert_eq!(related["range"]["start"]["line"], 0);

    // The number fixed: only the invisible character is left.
    let fixed_number = broken.replace("40 mg", "4 mg");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed_number}]}),
    );
    let d = c.diagnostics_for(&uri);
    assert_eq!(
        summary(&d),
        [("invisible-character".to_string(), 1, 23, 1, 24)],
        "{d:#?}"
    );

    // The code action removes the character and nothing else.
    let answer = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": d[0]["range"],
            "context": {"diagnostics": d},
        }),
    );
    let actions = answer["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{answer:#?}");
    assert_eq!(actions[0]["title"], "remove the zero-width space");
    assert_eq!(actions[0]["kind"], "quickfix");
    let edits = actions[0]["edit"]["changes"][&uri].as_array().unwrap();
    let applied = apply(&fixed_number, edits);
    assert_eq!(applied, fixed_number.replace('\u{200B}', ""));

    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": applied}]}),
    );
    assert_eq!(c.diagnostics_for(&uri), Vec::<Value>::new());

    // An unknown request is an error answer, not a crash.
    let unknown = c.request("textDocument/hover", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);

    let bye = c.request("shutdown", json!(null));
    assert_eq!(bye["result"], Value::Null);
    c.notify("exit", json!(null));
    let status = c.child.wait().unwrap();
    assert!(status.success());
    // Nothing was written to disk.
    assert_eq!(
        std::fs::read_to_string(&sv).unwrap(),
        "dose = Ta 4 mg två gånger om dagen.\nstore = Förvara flaskan torrt.\n"
    );
}
