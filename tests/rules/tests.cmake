# Tests of the rules, profiles, overrides and the documentation examples (area: rules).
add_test(NAME rules/lua COMMAND nianbao run ${CMAKE_CURRENT_LIST_DIR}/test_rules.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME rules/cli COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME rules/docs COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/docs.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# nianbao draft: a drafted narrative triggers no TEXT.* rule (generated reports), the rest stays
add_test(NAME rules/draft COMMAND nianbao run ${CMAKE_CURRENT_LIST_DIR}/test_draft.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(rules/draft PROPERTIES TIMEOUT 300)
# faults injected one at a time into the real reports (../shared): each found at its place,
# the clean reports raise only the findings judged right
add_test(NAME rules/faults2 COMMAND nianbao run ${CMAKE_CURRENT_LIST_DIR}/faults2.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(rules/faults2 PROPERTIES TIMEOUT 300)
# correct rewordings of the real reports' sentences raise no TEXT.* finding (false positives);
# the same sentences with a wrong count are still found
add_test(NAME rules/falsepos COMMAND nianbao run ${CMAKE_CURRENT_LIST_DIR}/falsepos.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(rules/falsepos PROPERTIES TIMEOUT 300)
