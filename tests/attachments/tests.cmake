# Tests of PDF and Word attachments (tests/attachments/): the converter's child process and
# limits, the ZIP reader, page clean-up (units.lua); PDF and .docx fixtures made here from
# the project's HTML output by Chromium and LibreOffice, imported back (run.sh).
add_test(NAME attachments/units COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/attachments/units.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(attachments/units PROPERTIES TIMEOUT 120)
add_test(NAME attachments/cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/attachments/run.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(attachments/cli PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
add_test(NAME attachments/variants COMMAND nianbao run ${CMAKE_CURRENT_SOURCE_DIR}/attachments/variants.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(attachments/variants PROPERTIES TIMEOUT 120)
