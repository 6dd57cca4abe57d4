#!/usr/bin/env python3
"""The Python + Jinja2 peer of `nianbao render -f html` (bench/run.sh): one process reads a
report converted once to JSON (bench/tojson.lua, which also laid out the three tables as
grids of merged cells) and renders the page with Jinja2 (Debian python3-jinja2): title,
section headings, paragraphs and the three tables, HTML-escaped, written to OUT.

    python3 bench/peer_render.py FILE.json OUT.html
"""
import json
import sys

import jinja2

TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ doc.title }}</title>
<style>table { border-collapse: collapse } td, th { border: 1px solid #000; padding: 2px 4px }
td.n { text-align: right }</style></head>
<body>
<h1>{{ doc.title }}</h1>
{% for part in doc.narrative %}
<h2>{{ part.heading }}</h2>
{% for p in part.paragraphs %}<p>{{ p }}</p>
{% endfor %}{% endfor %}
{% for t in doc.tables %}
<table>
<caption>{{ t.caption }}</caption>
{% for row in t.rows %}<tr>{% for c in row %}{% if c.header %}<th{% else %}<td class="n"{% endif %}{% if c.colspan > 1 %} colspan="{{ c.colspan }}"{% endif %}{% if c.rowspan > 1 %} rowspan="{{ c.rowspan }}"{% endif %}>{{ c.text }}</{{ 'th' if c.header else 'td' }}>{% endfor %}</tr>
{% endfor %}</table>
{% endfor %}
</body>
</html>
"""


def main(src, out):
    env = jinja2.Environment(autoescape=True)
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    html = env.from_string(TEMPLATE).render(doc=doc)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
