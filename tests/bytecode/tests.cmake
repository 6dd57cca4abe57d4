# The build-time rewrite of the bundled scripts' bytecode (tools/bcstrip.c): it keeps every
# byte it is not asked to drop, drops the locals' names, and refuses a chunk it does not know.
add_executable(test_bcstrip ${CMAKE_CURRENT_LIST_DIR}/test_bcstrip.c ${CMAKE_SOURCE_DIR}/tools/bcstrip.c)
target_include_directories(test_bcstrip PRIVATE ${CMAKE_SOURCE_DIR}/tools)
target_link_libraries(test_bcstrip PRIVATE nbcore PkgConfig::CMOCKA)
add_test(NAME bytecode/bcstrip COMMAND test_bcstrip)
