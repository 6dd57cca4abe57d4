# Tests of the interactive prompt (area: repl): piped sessions against expected output,
# the Lua side (printer, completion, help) inside the host, and a terminal test under tmux.
file(GLOB NB_REPL_SESSIONS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/sessions/*.in)
foreach(session ${NB_REPL_SESSIONS})
  get_filename_component(name ${session} NAME_WE)
  add_test(NAME repl/session/${name}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_session.sh $<TARGET_FILE:nianbao> ${session}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(repl/session/${name} PROPERTIES TIMEOUT 30)
endforeach()

add_test(NAME repl/prompt COMMAND nianbao run ${CMAKE_CURRENT_LIST_DIR}/test_prompt.lua
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

add_test(NAME repl/tmux COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/tmux.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(repl/tmux PROPERTIES TIMEOUT 180 SKIP_RETURN_CODE 77)

add_test(NAME repl/libedit-on-demand COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/libedit_on_demand.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(repl/libedit-on-demand PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
