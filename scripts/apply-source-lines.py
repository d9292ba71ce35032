#!/usr/bin/env python3
"""Write docs/audits/source-lines.toml into policies/*.toml (issue 9, traceable rules).

For each measure: `source_lines = "…"` right after its `clause = ` line, and, where the
mapping gives one, a `[measure.reading]` table (text, numbers) before the measure's first
sub-table. Document readings (`[documents]`) are appended to the text of every measure of
that document except those in `except`. Safe to run again: existing source_lines and
reading tables of a mapped measure are replaced. Run from the repository root.
"""
import glob
import json
import re
import sys
import tomllib

MAP = "docs/audits/source-lines.toml"


def q(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    m = tomllib.load(open(MAP, "rb"))
    measures = m["measures"]
    docs = dict(m.get("documents", {}))
    skip = set(docs.pop("except", []))
    seen = set()
    for path in sorted(glob.glob("policies/*.toml")):
        doc = path.split("/")[-1][: -len(".toml")]
        lines = open(path, encoding="utf-8").read().split("\n")
        out = []
        i = 0
        current = None
        pending_reading = None
        while i < len(lines):
            line = lines[i]
            if line.strip() == "[[measure]]":
                current = None
                pending_reading = None
            mid = re.match(r'^id = "([^"]+)"', line)
            if mid and current is None:
                current = mid.group(1)
                if current not in measures:
                    sys.exit(f"{path}: measure {current} is not in {MAP}")
                seen.add(current)
                entry = measures[current]
                texts = []
                if entry.get("reading"):
                    texts.append(entry["reading"])
                if doc in docs and current not in skip:
                    texts.append(docs[doc])
                pending_reading = (
                    ("".join(texts), entry.get("numbers", [])) if texts else None
                )
            if current and line.startswith("source_lines = "):
                i += 1
                continue
            if current and line.strip() == "[measure.reading]":
                # drop an existing reading table (up to the next table header or blank line)
                i += 1
                while i < len(lines) and lines[i].strip() and not lines[i].startswith("["):
                    i += 1
                while i < len(lines) and not lines[i].strip():
                    i += 1
                continue
            if current and line.startswith("[measure.") and pending_reading:
                text, numbers = pending_reading
                # keep a comment that introduces the amount/conditions next to them
                comments = []
                while out and out[-1].startswith("#"):
                    comments.insert(0, out.pop())
                out.append("[measure.reading]")
                out.append(f"text = {q(text)}")
                if numbers:
                    out.append(f"numbers = {q(numbers)}")
                out.append("")
                out.extend(comments)
                pending_reading = None
            out.append(line)
            if current and line.startswith("clause = "):
                out.append(f"source_lines = {q(measures[current]['source_lines'])}")
            i += 1
        open(path, "w", encoding="utf-8").write("\n".join(out))
    missing = sorted(set(measures) - seen)
    if missing:
        print("in the mapping but not in policies/ (left out):", ", ".join(missing))


if __name__ == "__main__":
    main()
