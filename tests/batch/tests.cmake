# The reviewer's commands: the summary page in Chromium (skipped, 77, without chromium) and
# the properties of aggregate over generated reports.
add_test(NAME batch/summary-browser COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/summary_browser.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(batch/summary-browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240)
add_test(NAME batch/aggregate-property COMMAND bash -c
  "set -e; d=$(mktemp -d); trap 'rm -rf $d' EXIT; mkdir -p $d/data; \"$0\" run bench/gen.lua reports/yanjin-commerce-2024.lua $d 120 0 7 >/dev/null; \"$0\" run tests/batch/aggregate_property.lua $d/data"
  $<TARGET_FILE:nianbao>
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(batch/aggregate-property PROPERTIES TIMEOUT 300)
