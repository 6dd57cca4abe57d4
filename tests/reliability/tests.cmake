# Reliability tests (issue 7): hostile data, invalid values, memory faults, atomic output.
add_test(NAME reliability/hostile
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/hostile.sh $<TARGET_FILE:nianbao>)
add_test(NAME reliability/invalid
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/invalid.sh $<TARGET_FILE:nianbao>)

# Memory faults: every allocation failed in turn (its own malloc cannot share a process with
# AddressSanitizer's, so this one is left out of the NB_SANITIZE build).
if(NOT NB_SANITIZE)
  add_executable(failalloc ${CMAKE_CURRENT_LIST_DIR}/failalloc.c ${CMAKE_CURRENT_LIST_DIR}/failalloc_main.c)
  target_link_libraries(failalloc PRIVATE nbcore)
  target_link_options(failalloc PRIVATE -rdynamic)
  set(NB_SEED ${CMAKE_SOURCE_DIR}/reports/yanjin-commerce-2024.lua)
  set(NB_FA ${CMAKE_CURRENT_BINARY_DIR}/failalloc)
  add_test(NAME reliability/failalloc-check COMMAND failalloc ${NB_FA}-check check ${NB_SEED})
  add_test(NAME reliability/failalloc-render COMMAND failalloc ${NB_FA}-render render ${NB_SEED} -o OUT)
  # the importer on a published text report and on a published HTML page (gumbo)
  add_test(NAME reliability/failalloc-import COMMAND failalloc ${NB_FA}-import
           import ${CMAKE_SOURCE_DIR}/../shared/000_49be5e48092c958c.txt -o OUT --force)
  add_test(NAME reliability/failalloc-import-html COMMAND failalloc ${NB_FA}-import-html
           import ${CMAKE_SOURCE_DIR}/../shared/real-reports/08-pingtan-zone-2024.html -o OUT --force)
  add_test(NAME reliability/failalloc-check-once COMMAND failalloc --once 37 ${NB_FA}-check-once check ${NB_SEED})
  add_test(NAME reliability/failalloc-render-once COMMAND failalloc --once 41 ${NB_FA}-render-once render ${NB_SEED} -o OUT)
endif()

# Atomic output: script error, write error, kill -9 during the write.
add_test(NAME reliability/atomic
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/atomic.sh $<TARGET_FILE:nianbao>)

# valgrind of the main commands (not in the sanitizer build: the two do not mix).
if(NOT NB_SANITIZE)
  add_test(NAME reliability/valgrind
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/valgrind.sh $<TARGET_FILE:nianbao>)
endif()

# Hostile text that loads (rules), hostile pages and texts for the importer, a looping user
# rule, an endless standard input (issue 11).
add_test(NAME reliability/hostile-text
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/hostile_text.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(reliability/hostile-text PROPERTIES TIMEOUT 900)
