# Fuzz targets (issue 7). In every build the seed corpus and the inputs that once crashed
# (regressions/) are replayed through the targets; with -DNB_FUZZ=ON and clang the libFuzzer
# binaries are built too (tools/fuzz.sh configures that build and runs them).
set(NB_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
# The literal reader's target also takes the loader's data files (tools/fuzz.sh does the same).
set(NB_FUZZ_ALSO_literal ${NB_FUZZ_DIR}/corpus/load ${NB_FUZZ_DIR}/regressions/load)
foreach(target load import rules datafile literal docx)
  add_executable(replay_${target} ${NB_FUZZ_DIR}/replay.c ${NB_FUZZ_DIR}/fuzz_${target}.c)
  target_link_libraries(replay_${target} PRIVATE nbcore)
  add_test(NAME fuzz/replay-${target}
           COMMAND replay_${target} ${NB_FUZZ_DIR}/corpus/${target} ${NB_FUZZ_DIR}/regressions/${target}
                   ${NB_FUZZ_ALSO_${target}}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  if(NB_FUZZ)
    add_executable(fuzz_${target} ${NB_FUZZ_DIR}/fuzz_${target}.c)
    target_link_libraries(fuzz_${target} PRIVATE nbcore)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  endif()
endforeach()
