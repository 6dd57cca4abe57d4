# Tests of `nianbao import` (tests/import/): the Lua suite (seed, round trips, variants,
# samples, hostile inputs) and the command line (import | check -).
add_test(NAME import/lua COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/run.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/lua PROPERTIES TIMEOUT 180)
add_test(NAME import/cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/import/cli.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/cli PROPERTIES TIMEOUT 60)
# the complete real reports (../shared/real-reports): key numbers and reviewed findings;
# the parts for them (run-on numbers, fee sentence, title spacing, trial-format order)
add_test(NAME import/real COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/real.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/real PROPERTIES TIMEOUT 60)
add_test(NAME import/parts COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/parts.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/parts PROPERTIES TIMEOUT 300) # a hang bound: the cases are large pages, slow under ASan on a busy machine
# the whole report: preamble, signature, page chrome and footers, paragraphs not placed
add_test(NAME import/whole COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/whole.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/whole PROPERTIES TIMEOUT 300)
# the variants of issue 13: Markdown, a 2021 table with the 2019 （六）其他处理 row, a misspelt label,
# PDF text with vertical labels, broken labels, footers and a six-line table 四 header
add_test(NAME import/variants COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/variants.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/variants PROPERTIES TIMEOUT 300)
# tables as agencies lay them out (tables_robust.lua): a note after table 四, fees with
# separators, cells one space apart, group labels run into their first row, empty columns
add_test(NAME import/tables_robust COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/tables_robust.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/tables_robust PROPERTIES TIMEOUT 120)
# headings in other forms or with their text on the same line, missing headings 二/三, title
# forms (year first, last, absent; no blank line), the fee sentence's parts
add_test(NAME import/headings_robust COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/headings_robust.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/headings_robust PROPERTIES TIMEOUT 120)
# more layouts (more_robust.lua): numbers wrapped in narrow PDF cells, subsections of 一 numbered
# "1." "1、" "（1）", the message for a table 三 left out, missing headings and broken labels
add_test(NAME import/more_robust COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/more_robust.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/more_robust PROPERTIES TIMEOUT 120)
# layouts met after the importer was written (unseen.lua): table 四 after an empty first column,
# cells one per line after a long label, a Word title in the page header, ...
add_test(NAME import/unseen COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/unseen.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/unseen PROPERTIES TIMEOUT 120)
# Word's automatic list numbering (numbering.lua): headings and subsections numbered by Word
# (numbering.xml, styles.xml) are found, numbered lists of the narrative stay narrative
add_test(NAME import/numbering COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/numbering.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/numbering PROPERTIES TIMEOUT 120)
# what Word shows of a body (word_body.lua): hidden text, deleted changes, table rows and cells
# left out (and not numbered), paragraphs joined at a deleted mark, a text box inside a
# paragraph, a data table with a table of several rows in a cell
add_test(NAME import/word_body COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/word_body.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/word_body PROPERTIES TIMEOUT 120)
# rows with blank cells in layout text (layout_blanks.lua): numbers placed by the columns they
# stand under, from the complete rows (table 三) or the header (table 四), only when certain
add_test(NAME import/layout_blanks COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/layout_blanks.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/layout_blanks PROPERTIES TIMEOUT 120)
# CMS and Word "Save as HTML" layouts of generated variants (html_round.lua): an empty layout
# column in every row, label merges written as empty cells, a table after part 六
add_test(NAME import/html_round COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/html_round.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/html_round PROPERTIES TIMEOUT 120)
# cells written with a unit ("1025.14万元", "12件"): read when the unit is the column's, the row
# left out and named otherwise, in every front end that reads cells (units.lua)
add_test(NAME import/units COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/units.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/units PROPERTIES TIMEOUT 120)
# whole reports continuing the layouts of ../shared/samples (text_round.lua): signed cells of
# the trial table 二 one per line
add_test(NAME import/text_round COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/text_round.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/text_round PROPERTIES TIMEOUT 120)
# web page layouts of the round of 54 generated whole reports (web_layouts.lua): a portal's
# footer on one line, a report pasted into one <pre>
add_test(NAME import/web_layouts COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/web_layouts.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/web_layouts PROPERTIES TIMEOUT 120)
# whole reports in 60 generated layouts (layouts_gen.lua: web pages of CMS sites, Word
# documents), each imported and compared cell by cell with its reference (layouts_check.lua)
add_test(NAME import/layouts COMMAND sh -c "rm -rf \"$1\" && \"$0\" run tests/import/layouts_gen.lua \"$1\" >/dev/null && \"$0\" run tests/import/layouts_check.lua \"$1\""
         $<TARGET_FILE:nianbao> ${CMAKE_CURRENT_BINARY_DIR}/import-layouts
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/layouts PROPERTIES TIMEOUT 120)
# whole reports of other agencies (corpus.lua, tests/import/corpus/ made by make.sh): as plain
# text and as a PDF's layout text, every cell of tables 二/三/四 against the reference data file
add_test(NAME import/corpus COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/corpus.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/corpus PROPERTIES TIMEOUT 300)
# Word bold from styles (word_bold.lua): a bold lead whose bold comes from a character,
# paragraph or table style or the defaults, turned off in a run, toggled; w:basedOn loops end
add_test(NAME import/word_bold COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/word_bold.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/word_bold PROPERTIES TIMEOUT 120)
# whole reports of agencies never seen (unseen2.lua), generated from one set of numbers: CMS
# cells and <div> tables, marks after numbers, columns in another order, a table transposed,
# Word fields and content controls, a 2019 page; every cell of 二/三/四 compared
add_test(NAME import/unseen2 COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/import/unseen2.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(import/unseen2 PROPERTIES TIMEOUT 120)
