# Tests of a reviewer's decisions (tests/review/): fingerprints, check --dismiss, FILE.review.lua.
add_test(NAME review/cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/review/run.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(review/cli PROPERTIES TIMEOUT 120)
