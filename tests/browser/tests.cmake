# Browser tests (HTML and Markdown output in headless Chromium); skipped (77) without chromium.
add_test(NAME browser/render COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(browser/render PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240)
