#!/usr/bin/env python3
"""A toy RAG target for `llmeval run --target command --target-command "python3 rag_target.py"`.
Reads one JSON request per line on stdin, writes one JSON reply per line on stdout (see docs/targets.md)."""
import json, re, sys

DOCS = {
    "install": "Install Tidewater on Ubuntu with `sudo apt install tidewater-server` after adding the apt repository.",
    "port": "The server listens on port 8420 by default; set `listen_port` in the [server] section to change it.",
    "retention": "Each backup job keeps 7 daily, 4 weekly and 12 monthly snapshots by default.",
    "restore": "Restore one file with `tidewater restore --snapshot <id> --path <file> --target <dir>`.",
}

def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))

for line in sys.stdin:                      # one request per line, until llmeval closes stdin
    request = json.loads(line)
    try:
        ranked = sorted(DOCS, key=lambda k: -len(words(DOCS[k]) & words(request["user_input"])))[:2]
        reply = {"id": request["id"], "response": DOCS[ranked[0]],
                 "retrieved_contexts": [DOCS[k] for k in ranked], "retrieved_context_ids": ranked}
    except Exception as e:                  # a per-question failure: report it, keep serving
        reply = {"id": request.get("id"), "error": str(e)}
    print(json.dumps(reply), flush=True)    # flush: llmeval waits for the line
    print(f"answered {request['id']}", file=sys.stderr)  # stderr is shown with a [target] prefix
