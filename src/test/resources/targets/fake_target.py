#!/usr/bin/env python3
# A scripted command target for CommandTargetTest. The question text picks the behaviour:
#   "hold ..."  : held back until three are held, then answered in reverse order
#   "crash"     : writes to stderr and exits with code 3 (held questions stay unanswered)
#   "garbage"   : writes a line that is not JSON
#   "fail"      : replies with an "error"
#   "stranger"  : first replies for an id nobody asked, then answers normally
#   anything else: answered at once
import json, sys

held = []

def reply(request):
    q = request["user_input"]
    print(json.dumps({"id": request["id"], "response": "answer to " + q,
                      "retrieved_contexts": ["context for " + q], "retrieved_context_ids": ["doc-" + request["id"]]}), flush=True)

for line in sys.stdin:
    request = json.loads(line)
    q = request["user_input"]
    print("got " + request["id"], file=sys.stderr, flush=True)
    if q.startswith("hold"):
        held.append(request)
        if len(held) == 3:
            for r in reversed(held):
                reply(r)
            held = []
    elif q == "crash":
        print("boom: the index is corrupt", file=sys.stderr, flush=True)
        sys.exit(3)
    elif q == "garbage":
        print("Traceback (most recent call last): oops", flush=True)
    elif q == "fail":
        print(json.dumps({"id": request["id"], "error": "no index loaded"}), flush=True)
    elif q == "stranger":
        print(json.dumps({"id": "nobody", "response": "?"}), flush=True)
        reply(request)
    else:
        reply(request)

print("bye", file=sys.stderr, flush=True)
