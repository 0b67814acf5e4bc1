#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Scores any build of `unstuck` on the real pasted captures through its CLI (JSON output), with
# the same checks as tests/diagnosis/tst_real_tickets.cpp, so an older binary can be compared
# with a newer one:  scripts/score-real-tickets.py UNSTUCK tests/fixtures/tickets/real
import glob, json, os, subprocess, sys
binary = sys.argv[1]
corpus = sys.argv[2]
passed = 0; total = 0
for sidecar in sorted(glob.glob(os.path.join(corpus, "*.expect.json"))):
    name = os.path.basename(sidecar)[:-len(".expect.json")]
    path = [p for p in glob.glob(os.path.join(corpus, name + "*")) if not p.endswith(".expect.json")][0]
    exp = json.load(open(sidecar))
    p = subprocess.run([binary, "diagnose", "--from", path, "--format", "json"], capture_output=True, text=True, timeout=60)
    code = p.returncode
    try: r = json.loads(p.stdout)
    except Exception: r = {"components": [], "links": [], "error": p.stderr}
    probs = []
    if code != exp["exit"]: probs.append(f"exit {code}, expected {exp['exit']} ({(r.get('error') or '')[:100]})")
    rc = r.get("rootCause") or {}
    link = rc.get("link") or rc  # the JSON names a link root cause as {"link": {from, to}}
    rid = rc.get("component") or (f"{link['from']}→{link['to']}" if link.get("from") else "")
    if rid != (exp.get("rootCause") or ""): probs.append(f"root cause '{rid}', expected '{exp.get('rootCause')}'")
    def state(i):
        if "→" in i:
            f, t = i.split("→")
            for l in r.get("links", []):
                if l["from"] == f and l["to"] == t: return l["state"], l["summary"]
        for c in r.get("components", []):
            if c["id"] == i: return c["state"], c["summary"]
        return "", ""
    for k, v in exp.get("states", {}).items():
        s, _ = state(k)
        if s != v: probs.append(f"{k} is '{s}', expected '{v}'")
    for u in exp.get("unknowns", []):
        s, summ = state(u["id"])
        if s != "unknown" or u["reason"].lower() not in summ.lower(): probs.append(f"{u['id']} not unknown/{u['reason']}")
        elif "kubectl" not in summ and "aliyun" not in summ: probs.append(f"{u['id']} unknown without command")
    quoted = rc.get("summary", "") + "\n"
    red = r.get("redPath", [])
    for c in r.get("components", []):
        if c["state"] == "failing" or c["id"] in red:
            quoted += c["summary"] + "\n" + "\n".join(e.get("title", "") + "\n" + e.get("value", "") for e in c.get("evidence", []))
    for l in r.get("links", []):
        if l["state"] == "broken":
            quoted += l["summary"] + "\n" + "\n".join(e.get("title", "") + "\n" + e.get("value", "") for e in l.get("evidence", []))
    for q in exp.get("quotes", []):
        if q not in quoted: probs.append(f"does not quote '{q}'")
    # Objects are named as the paste names them: never a stand-in's name, never an empty "/".
    for c in r.get("components", []):
        said = c.get("object", "") + "\n" + c.get("summary", "") + "\n" + "\n".join(
            e.get("title", "") + "\n" + e.get("value", "") + "\n" + e.get("command", "") for e in c.get("evidence", []))
        if "pasted-log" in said or c.get("object") == "/" or " / " in said:
            probs.append(f"{c['id']} names an object the paste does not: {said[:120]}")
    total += 1
    if not probs: passed += 1
    print(("PASS " if not probs else "FAIL ") + name + ("" if not probs else ": " + probs[0]))
print(f"score: {passed} of {total} captures pass")
