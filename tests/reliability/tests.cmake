# Reliability tests (issue 7): hostile data, invalid values, memory faults, atomic output.
add_test(NAME reliability/hostile
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/hostile.sh $<TARGET_FILE:nianbao>)
add_test(NAME reliability/invalid
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/invalid.sh $<TARGET_FILE:nianbao>)
