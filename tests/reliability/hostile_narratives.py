#!/usr/bin/env python3
"""Writes the hostile narratives: data files that load fine but once made a rule or a
renderer quadratic, cubic or crash. Each is the seed report with section 六 replaced by the
text (many_headings: 10,001 subsections of 一). Used by tests/reliability/hostile_text.sh and
bench/same_findings.sh, so that both read the same cases.
Usage: hostile_narratives.py SEED OUTDIR [PREFIX]   (files OUTDIR/PREFIXNAME.lua)"""
import sys

seed_path, out = sys.argv[1], sys.argv[2]
prefix = sys.argv[3] if len(sys.argv) > 3 else ""
seed = open(seed_path, encoding="utf-8").read()
old = 'other_matters = "2024 年度未收取政府信息公开处理费。",'
assert old in seed, "the seed's section 六 changed: update hostile_narratives.py"
N = 200000
cases = {
    "fees_digit_run": "收取" + "1" * N,
    "fees_many": "收取1" * (N // 3),
    "fees_decimals": "收取费用" + "1" * (N // 2) + "." + "2" * (N // 2),
    "style_spaces": "年" + " " * N + "1",
    "shares_zhan": "占" * (N // 3),
    "shares_dots": ("占" + "." * 117) * (N // 120),
    "requests_quotes": "“" * (N // 3),
    "requests_open_quotes": ("“" + "a" * 20) * (N // 23),
    # TEXT.HEADINGS: "(%d+)个部分" tried at every digit of a run (quadratic: a hang)
    "headings_digit_run": "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况组成" + "1" * N,
    # gbt9704 rewrote a dotted date that its own number guard reads as a decimal: exit 3
    "dotted_dates": "于2024.1.1发布，2024.12.31.止。" * 1000,
    # one unpack of its code points overflowed the stack in gbt9704
    "long_ascii_run": "a" * 1000000,
    # TEXT.STYLE: the ideographic and no-break spaces beside 、。 (which begin like them)
    "spaces_ideographic": "收到申请、答复。2024\u3000年度共3\u3000件，\u3000。2024年办结、共3件。",
    "spaces_nobreak": "收到申请、答复。2024\u00a0年度共3\u00a0件，\u00a0、2024年办结、共3件。",
}


def write(name, text):
    with open("%s/%s%s.lua" % (out, prefix, name), "w", encoding="utf-8") as f:
        f.write(text)


for name, text in cases.items():
    write(name, seed.replace(old, 'other_matters = "%s",' % text))
i = seed.index("overview = {")
j = seed.index("\n  },", i)
items = "".join('    { heading = "小节%d", text = "正文。" },\n' % k for k in range(10001))
write("many_headings", seed[:i] + "overview = {\n" + items + seed[j + 1:])
