# The reviewer's commands: the summary page in Chromium (skipped, 77, without chromium) and
# the properties of aggregate over generated reports.
add_test(NAME review/summary-browser COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/summary_browser.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(review/summary-browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240)
