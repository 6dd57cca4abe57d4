"""Read a .docx with python-docx (Debian python3-docx) and compare its three tables with the
numbers that tests/docx/expect.lua printed from the data file.
Usage: tables.py FILE.docx EXPECT.txt   (exit 1 with a message on the first difference)"""
import sys
import docx

path, expect_path = sys.argv[1], sys.argv[2]
with open(expect_path, encoding="utf-8") as f:
    t3_line, t4_line = f.read().splitlines()[:2]
want3 = [row.split(" ") for row in t3_line.split(" | ")]
want4 = t4_line.split(" ")
fail = []

def cell_text(c):
    return c.text if c.text != "" else "_"

d = docx.Document(path)
if len(d.tables) != 3:
    sys.exit(f"{path}: {len(d.tables)} tables, want 3")
t2, t3, t4 = d.tables

# table 三: 3 header rows, then 25 rows whose last 7 grid cells are the numbers
if len(want3) != 25 or any(len(r) != 7 for r in want3):
    sys.exit(f"{expect_path}: want 25 x 7 numbers for table 三")
rows = t3.rows
if len(rows) != 3 + 25:
    fail.append(f"table 三 has {len(rows)} rows, want 28")
for i, want in enumerate(want3):
    got = [cell_text(c) for c in rows[3 + i].cells[-7:]]
    if got != want:
        fail.append(f"table 三 row {i + 1}: {got} != {want}")
# the official merges: corner 3x3, 申请人情况 over 7 columns, 三、本年度办理结果 down 22 rows
first = rows[0].cells
if not (first[0]._tc is first[2]._tc and rows[2].cells[0]._tc is first[0]._tc):
    fail.append("table 三: the corner cell is not merged 3 x 3")
if not all(c._tc is first[3]._tc for c in first[3:10]):
    fail.append("table 三: 申请人情况 does not span the 7 number columns")
result_col = [rows[r].cells[0]._tc for r in range(5, 27)]
if not all(tc is result_col[0] for tc in result_col) or rows[27].cells[0]._tc is result_col[0]:
    fail.append("table 三: 三、本年度办理结果 is not merged down its 22 rows")
if rows[5].cells[0].text.replace("\n", "") != "三、本年度办理结果":
    fail.append(f"table 三: row 6 starts with {rows[5].cells[0].text!r}")

# table 四: 3 header rows and one row of 15 numbers
if len(t4.rows) != 4:
    fail.append(f"table 四 has {len(t4.rows)} rows, want 4")
got4 = [cell_text(c) for c in t4.rows[-1].cells]
if got4 != want4:
    fail.append(f"table 四: {got4} != {want4}")
head = t4.rows[0].cells
if not (head[0]._tc is head[4]._tc and head[5]._tc is head[14]._tc and head[4]._tc is not head[5]._tc):
    fail.append("table 四: 行政复议 / 行政诉讼 do not span 5 and 10 columns")
if not (t4.rows[1].cells[0]._tc is t4.rows[2].cells[0]._tc):
    fail.append("table 四: 结果维持 of 行政复议 is not merged down two rows")

# table 二: 4 columns, its block headers across all of them
if len(t2.columns) != 4 or not (t2.rows[0].cells[0]._tc is t2.rows[0].cells[3]._tc):
    fail.append("table 二: want 4 columns with its block header across them")

if fail:
    print(f"{path}:")
    for f in fail:
        print("  " + f)
    sys.exit(1)
print(f"ok {path}: 3 tables, table 三 25 x 7 and table 四 15 numbers in official order")
