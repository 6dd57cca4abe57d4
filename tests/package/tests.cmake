# The Debian package: built with cpack into a temporary folder and taken apart with dpkg-deb
# (Depends, Recommends, files, the man page, the examples). Skipped (77) without dpkg-deb/groff.
add_test(NAME package/deb COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(package/deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
