# Install rules and the Debian package (cpack -G DEB). Included from CMakeLists.txt.
# The binary looks for scripts in NB_SHARE_DIR (${CMAKE_INSTALL_FULL_DATADIR}/nianbao), so the
# package installs under the prefix the binary was built for: build with
# -DCMAKE_INSTALL_PREFIX=/usr for a .deb (tools/build-deb.sh does).

install(TARGETS nianbao RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The bundled scripts and templates, as the binary embeds them: readable, and the files
# `nianbao which` names for a user to copy into ~/.config/nianbao and change.
set(NB_SHARE ${CMAKE_INSTALL_DATADIR}/nianbao)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scripts/ DESTINATION ${NB_SHARE}
        FILES_MATCHING PATTERN "*.lua")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates DESTINATION ${NB_SHARE})
# A rule, a profile and a renderer (docs/customizing.md), for --scripts .../examples.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${NB_SHARE}/examples)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md")

# Debian compresses manual pages (gzip -n: no timestamp, the same bytes on every build).
find_program(GZIP_PROGRAM gzip)
if(GZIP_PROGRAM)
  set(NB_MAN_GZ ${CMAKE_BINARY_DIR}/nianbao.1.gz)
  add_custom_command(OUTPUT ${NB_MAN_GZ}
    COMMAND ${GZIP_PROGRAM} -9 -n -c ${PROJECT_SOURCE_DIR}/man/nianbao.1 > ${NB_MAN_GZ}
    DEPENDS ${PROJECT_SOURCE_DIR}/man/nianbao.1 VERBATIM)
  add_custom_target(manpage ALL DEPENDS ${NB_MAN_GZ})
  install(FILES ${NB_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  install(FILES ${PROJECT_SOURCE_DIR}/man/nianbao.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nianbao)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "nianbao developers <nianbao@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # nianbao_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: derived from the libraries the binary links (dpkg-shlibdeps), so a library added
# to the build is declared without editing this file.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libedit (the prompt), gumbo and expat (import) are opened at run time (host/dynlib.c), so
# dpkg-shlibdeps cannot see them
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libedit2, libgumbo1, libexpat1")
# PDF output prints through a browser or LibreOffice, with a CJK font.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "chromium | libreoffice-writer, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "government information disclosure annual report (年报)
nianbao writes, checks and renders the Chinese government information disclosure
annual report (政府信息公开工作年度报告) in the national format: one data file per
agency and year, the arithmetic between the tables and the narrative checked, text,
HTML and Markdown output, local rules and layouts as Lua scripts.")
include(CPack)
