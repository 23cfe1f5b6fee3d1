//! `leaflint server`: a language server over stdio (the Language Server Protocol, through
//! `lsp-server` and `lsp-types`, as rust-analyzer does).
//!
//! When a `.ftl` file of a locale tree is opened, changed or saved, the server checks that
//! file's path in every locale — open buffers as they are in the editor, the other files from
//! disk — and publishes the findings of every open file of that path: exact ranges (in UTF-16
//! code units, the protocol's default), rule ids, severities, and the reference message as
//! related information. The configuration (`leaflint.toml`) is read again for every check, so a
//! change to it applies at once. Findings with a safe fix (see [`crate::diagnostic::Fix`]) offer
//! it as a quick fix.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, Location, NumberOrString, Position, PublishDiagnosticsParams, Range,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Url,
    WorkspaceEdit,
};

use crate::check::{check_tree_path, CheckOptions};
use crate::diagnostic::Severity;
use crate::outcome::Finding;
use crate::project::{parse_locale_tag, FileRef, LocaleSource, Tree};

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("language server protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("cannot encode a message: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the editor closed the connection")]
    Closed,
    #[error("the input/output threads failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves one editor over stdin and stdout until it says `exit`.
pub fn run() -> Result<(), ServerError> {
    let (connection, threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    threads.join()?;
    Ok(())
}

/// An open document: its text as the editor has it.
#[derive(Debug)]
struct Document {
    uri: Url,
    text: String,
}

#[derive(Debug, Default)]
struct State {
    /// Open documents by canonical path.
    documents: HashMap<PathBuf, Document>,
}

/// Serves one connection: the handshake, then requests and notifications until `exit`.
pub fn serve(connection: &Connection) -> Result<(), ServerError> {
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    connection.initialize(serde_json::to_value(capabilities)?)?;
    let mut state = State::default();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = answer(&state, request);
                send(connection, Message::Response(response))?;
            }
            Message::Notification(n) => {
                for publish in notified(&mut state, n) {
                    let note = Notification::new(
                        PublishDiagnostics::METHOD.to_string(),
                        serde_json::to_value(publish)?,
                    );
                    send(connection, Message::Notification(note))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Err(ServerError::Closed)
}

fn send(connection: &Connection, message: Message) -> Result<(), ServerError> {
    connection
        .sender
        .send(message)
        .map_err(|_| ServerError::Closed)
}

/// The canonical path of a `file:` URI (the path itself when it does not exist yet).
fn path_of(uri: &Url) -> Option<PathBuf> {
    let path = uri.to_file_path().ok()?;
    Some(std::fs::canonicalize(&path).unwrap_or(path))
}

/// Handles a notification; returns the diagnostics to publish.
fn notified(state: &mut State, n: Notification) -> Vec<PublishDiagnosticsParams> {
    let changed: Option<PathBuf> = match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            serde_json::from_value::<DidOpenTextDocumentParams>(n.params)
                .ok()
                .and_then(|p| {
                    let path = path_of(&p.text_document.uri)?;
                    state.documents.insert(
                        path.clone(),
                        Document {
                            uri: p.text_document.uri,
                            text: p.text_document.text,
                        },
                    );
                    Some(path)
                })
        }
        DidChangeTextDocument::METHOD => {
            serde_json::from_value::<DidChangeTextDocumentParams>(n.params)
                .ok()
                .and_then(|p| {
                    let path = path_of(&p.text_document.uri)?;
                    // Full synchronisation: the last change holds the whole text.
                    let text = p.content_changes.into_iter().last()?.text;
                    let doc = state.documents.get_mut(&path)?;
                    doc.text = text;
                    Some(path)
                })
        }
        DidSaveTextDocument::METHOD => {
            serde_json::from_value::<DidSaveTextDocumentParams>(n.params)
                .ok()
                .and_then(|p| path_of(&p.text_document.uri))
        }
        DidCloseTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                return Vec::new();
            };
            let Some(path) = path_of(&p.text_document.uri) else {
                return Vec::new();
            };
            state.documents.remove(&path);
            // The closed file's findings go; its path's other open files are checked against
            // what is on disk now.
            let mut out = vec![PublishDiagnosticsParams {
                uri: p.text_document.uri,
                diagnostics: Vec::new(),
                version: None,
            }];
            out.extend(check_path(state, &path));
            return out;
        }
        // A configuration or termbase changed on disk: check every open file again.
        DidChangeWatchedFiles::METHOD => {
            let paths: Vec<PathBuf> = state.documents.keys().cloned().collect();
            let mut out: Vec<PublishDiagnosticsParams> = Vec::new();
            for p in paths {
                if !out
                    .iter()
                    .any(|o| path_of(&o.uri).as_deref() == Some(p.as_path()))
                {
                    out.extend(check_path(state, &p));
                }
            }
            return out;
        }
        _ => None,
    };
    changed.map_or_else(Vec::new, |path| check_path(state, &path))
}

/// Where a file sits in a locale tree: the tree's root and the file's path relative to its
/// locale directory. The root is the nearest directory above the file whose child on the way
/// to it is named as a locale (`sv`, `zh-CN`) and that holds another locale directory or a
/// configuration file.
fn locate(path: &Path) -> Option<(PathBuf, String)> {
    let mut child = path;
    for dir in path.ancestors().skip(1) {
        let name = child.file_name()?.to_str()?;
        if child != path && parse_locale_tag(name).is_some() {
            let has_config = crate::config::FILE_NAMES
                .iter()
                .any(|c| dir.join(c).is_file());
            // Locale directories beside it, of which one is the default reference (`en`,
            // `en-GB`): `/tmp` beside `/usr` is no tree, though both are language subtags.
            let locales: Vec<String> = std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .flatten()
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                        .filter_map(|e| e.file_name().to_str().map(str::to_string))
                        .filter(|n| parse_locale_tag(n).is_some())
                        .collect()
                })
                .unwrap_or_default();
            let english = |n: &String| n == "en" || n.starts_with("en-") || n.starts_with("en_");
            let other_locale = locales.len() >= 2 && locales.iter().any(english);
            if has_config || other_locale {
                let rel = path.strip_prefix(child).ok()?;
                let rel: Vec<&str> = rel
                    .components()
                    .map(|c| c.as_os_str().to_str())
                    .collect::<Option<_>>()?;
                return Some((dir.to_path_buf(), rel.join("/")));
            }
        }
        child = dir;
    }
    None
}

/// Replaces the files of `tree` that are open in the editor by their buffers (and adds open
/// files not yet saved), rebuilding the symbol index of each locale that changed.
fn overlay(tree: &mut Tree, documents: &HashMap<PathBuf, Document>) {
    for locale in &mut tree.locales {
        let dir = std::fs::canonicalize(&locale.dir).unwrap_or_else(|_| locale.dir.clone());
        let mut files = std::mem::take(&mut locale.files);
        let mut changed = false;
        for f in &mut files {
            let open = f
                .disk_path()
                .and_then(|p| documents.get(&std::fs::canonicalize(p).unwrap_or(p.to_path_buf())));
            if let Some(doc) = open {
                *f = FileRef::in_memory(
                    f.rel.clone(),
                    f.path.clone(),
                    doc.text.clone().into_bytes(),
                );
                changed = true;
            }
        }
        for (path, doc) in documents {
            let Ok(rel) = path.strip_prefix(&dir) else {
                continue;
            };
            let Some(rel) = rel
                .components()
                .map(|c| c.as_os_str().to_str())
                .collect::<Option<Vec<&str>>>()
                .map(|parts| parts.join("/"))
            else {
                continue;
            };
            if rel.ends_with(".ftl") && !files.iter().any(|f| f.rel == rel) {
                files.push(FileRef::in_memory(
                    rel,
                    path.display().to_string(),
                    doc.text.clone().into_bytes(),
                ));
                changed = true;
            }
        }
        if changed {
            let tag = std::mem::take(&mut locale.tag);
            *locale = LocaleSource::new(
                tag,
                locale.langid.clone(),
                locale.dir.clone(),
                files,
                std::mem::take(&mut locale.problems),
                std::mem::take(&mut locale.out_of_scope),
            );
        } else {
            locale.files = files;
        }
    }
}

/// Checks the path of the file at `path` in every locale and returns the diagnostics of every
/// open file of that path (an empty list for a file that has none now).
fn check_path(state: &State, path: &Path) -> Vec<PublishDiagnosticsParams> {
    let Some(doc) = state.documents.get(path) else {
        return Vec::new();
    };
    let Some((root, rel)) = locate(path) else {
        // Not in a locale tree: nothing to compare it with.
        return vec![PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics: Vec::new(),
            version: None,
        }];
    };
    let mut opts = CheckOptions {
        paths: vec![root.clone()],
        ..CheckOptions::default()
    };
    let inputs = crate::config::RunInputs {
        config: None,
        isolated: false,
        project: None,
        baseline: None,
        write_baseline: None,
        output: None,
        changed_since: None,
        termbases: &[],
    };
    let problem = |message: String| {
        vec![PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics: vec![Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("leaflint".into()),
                message,
                ..Diagnostic::default()
            }],
            version: None,
        }]
    };
    if let Err(e) = crate::config::prepare(&mut opts, &inputs) {
        return problem(format!("leaflint cannot check this tree: {e}"));
    }
    let mut tree = match Tree::load(&root, &opts.load) {
        Ok(t) => t,
        Err(e) => return problem(format!("leaflint cannot read this tree: {e}")),
    };
    overlay(&mut tree, &state.documents);
    let outcome = check_tree_path(&tree, &opts.settings, &opts.filters, &rel);
    // Every open file of this path, in each locale.
    let mut out = Vec::new();
    for locale in &tree.locales {
        let dir = std::fs::canonicalize(&locale.dir).unwrap_or_else(|_| locale.dir.clone());
        let file = rel.split('/').fold(dir, |p, part| p.join(part));
        let Some(open) = state.documents.get(&file) else {
            continue;
        };
        let diagnostics = outcome
            .findings
            .iter()
            .filter(|f| f.locale == locale.tag && f.rel == rel)
            .map(|f| diagnostic(f, &open.text, &state.documents))
            .collect();
        out.push(PublishDiagnosticsParams {
            uri: open.uri.clone(),
            diagnostics,
            version: None,
        });
    }
    out
}

/// The protocol position of a 1-based line and character column of `text`: the column in
/// UTF-16 code units.
fn position(text: &str, line: usize, column: usize) -> Position {
    let line0 = line.saturating_sub(1);
    let units: usize = text
        .split('\n')
        .nth(line0)
        .map(|l| {
            l.chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf16)
                .sum()
        })
        .unwrap_or(0);
    Position {
        line: u32::try_from(line0).unwrap_or(u32::MAX),
        character: u32::try_from(units).unwrap_or(u32::MAX),
    }
}

/// A finding as an editor shows it; its fix travels in `data` as ready text edits.
fn diagnostic(f: &Finding, text: &str, documents: &HashMap<PathBuf, Document>) -> Diagnostic {
    let range = Range {
        start: position(text, f.line, f.column),
        end: position(text, f.end_line, f.end_column),
    };
    let related = f.reference.as_ref().and_then(|r| {
        let path = PathBuf::from(&r.file);
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        let uri = Url::from_file_path(&path).ok()?;
        // The reference's position in its own text: the open buffer, or the file on disk.
        let at = match documents.get(&path) {
            Some(d) => position(&d.text, r.line, r.column),
            None => match crate::source::read_text(&path) {
                Ok(t) => position(&t, r.line, r.column),
                Err(_) => Position::new(u32::try_from(r.line.saturating_sub(1)).unwrap_or(0), 0),
            },
        };
        Some(vec![DiagnosticRelatedInformation {
            location: Location::new(uri, Range::new(at, at)),
            message: format!(
                "the reference message in {}{}",
                r.locale,
                f.message_id
                    .as_ref()
                    .map(|m| format!(": `{m}`"))
                    .unwrap_or_default()
            ),
        }])
    });
    let data = f.fix.as_ref().map(|fix| {
        let edits: Vec<TextEdit> = fix
            .edits
            .iter()
            .map(|e| TextEdit {
                range: Range {
                    start: position(text, e.line, e.column),
                    end: position(text, e.end_line, e.end_column),
                },
                new_text: e.replacement.clone(),
            })
            .collect();
        serde_json::json!({ "fix": { "title": fix.title, "edits": edits } })
    });
    Diagnostic {
        range,
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(f.rule.to_string())),
        source: Some("leaflint".into()),
        message: f.message.clone(),
        related_information: related,
        data,
        ..Diagnostic::default()
    }
}

/// Answers a request: code actions; anything else is not supported.
fn answer(state: &State, request: Request) -> Response {
    if request.method != CodeActionRequest::METHOD {
        return Response::new_err(
            request.id,
            ErrorCode::MethodNotFound as i32,
            format!("leaflint does not answer `{}`", request.method),
        );
    }
    let params: CodeActionParams = match serde_json::from_value(request.params) {
        Ok(p) => p,
        Err(e) => {
            return Response::new_err(request.id, ErrorCode::InvalidParams as i32, e.to_string())
        }
    };
    let uri = params.text_document.uri;
    let known = path_of(&uri).is_some_and(|p| state.documents.contains_key(&p));
    let actions: Vec<CodeActionOrCommand> = params
        .context
        .diagnostics
        .into_iter()
        .filter(|_| known)
        .filter(|d| d.source.as_deref() == Some("leaflint"))
        .filter_map(|d| {
            let fix = d.data.as_ref()?.get("fix")?;
            let title = fix.get("title")?.as_str()?.to_string();
            let edits: Vec<TextEdit> = serde_json::from_value(fix.get("edits")?.clone()).ok()?;
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect();
    match serde_json::to_value(actions) {
        Ok(v) => Response::new_ok(request.id, v),
        Err(e) => Response::new_err(request.id, ErrorCode::InternalError as i32, e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_counts_utf16_units_of_its_line() {
        let text = "a = x\nb = 𝔸 中 z\n";
        // `z` is the 9th character of line 2; 𝔸 takes two UTF-16 units.
        assert_eq!(position(text, 2, 9), Position::new(1, 9));
        assert_eq!(position(text, 1, 1), Position::new(0, 0));
        // Past the end: the line's end, not a panic.
        assert_eq!(position(text, 9, 4), Position::new(8, 0));
    }

    #[test]
    fn a_file_is_located_in_the_nearest_tree_of_locale_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("locales");
        for l in ["en", "sv"] {
            std::fs::create_dir_all(root.join(l).join("sub")).unwrap();
        }
        // `en` under `docs/` has no sibling locale: not a tree.
        std::fs::create_dir_all(dir.path().join("docs/en")).unwrap();
        let file = root.join("sv/sub/leaflet.ftl");
        // Directories named like languages without an English reference are no tree.
        std::fs::create_dir_all(dir.path().join("usr/tmp/sv")).unwrap();
        std::fs::create_dir_all(dir.path().join("usr/var")).unwrap();
        assert_eq!(locate(&dir.path().join("usr/tmp/sv/x.ftl")), None);
        assert_eq!(
            locate(&file),
            Some((root.clone(), "sub/leaflet.ftl".to_string()))
        );
        assert_eq!(locate(&dir.path().join("docs/en/a.ftl")), None);
    }
}
