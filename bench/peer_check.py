#!/usr/bin/env python3
"""The Python peer of `nianbao check` (bench/run.sh): json.load of each report (converted once
by bench/tojson.lua) and the five arithmetic checks of FORMAT.md (T3.ROW_TOTAL,
T3.RESULT_TOTAL, T3.BALANCE, T4.TOTAL, VALUE.INVALID); no narrative rules. Prints one line
per finding and a summary per file, like nianbao check.

    python3 bench/peer_check.py FILE.json...
"""
import json
import sys


def usable(v):
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def check(doc):
    out = []
    rows = {r["key"]: r for r in doc["requests"]}
    for r in doc["requests"]:
        for c, v in enumerate(r["values"]):
            if v is not False and not usable(v):
                out.append(("VALUE.INVALID", r["key"], c + 1))
        vals = r["values"]
        if all(usable(v) for v in vals) and sum(vals[:6]) != vals[6]:
            out.append(("T3.ROW_TOTAL", r["key"], 7))
    results = [r for r in doc["requests"] if r["result"]]
    total = rows["total"]["values"]
    new, over, fwd = rows["new"]["values"], rows["carried_over"]["values"], rows["carried_forward"]["values"]
    for c in range(7):
        col = [r["values"][c] for r in results]
        if usable(total[c]) and all(usable(v) for v in col) and sum(col) != total[c]:
            out.append(("T3.RESULT_TOTAL", "total", c + 1))
        four = (new[c], over[c], total[c], fwd[c])
        if all(usable(v) for v in four) and new[c] + over[c] != total[c] + fwd[c]:
            out.append(("T3.BALANCE", "", c + 1))
    for g in doc["appeals"]:
        vals = g["values"]
        for c, v in enumerate(vals):
            if v is not False and not usable(v):
                out.append(("VALUE.INVALID", g["key"], c + 1))
        if all(usable(v) for v in vals) and sum(vals[:4]) != vals[4]:
            out.append(("T4.TOTAL", g["key"], 5))
    return out


def main(paths):
    code = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        findings = check(doc)
        for f_id, row, col in findings:
            print(f"{path}: 错误 {f_id} ({row}) 第{col}列")
        print(f"{path}: {'未通过' if findings else '通过'}（{len(findings)} 个错误）")
        code = code or (1 if findings else 0)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
