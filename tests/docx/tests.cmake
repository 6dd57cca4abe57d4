# Word (.docx) and PDF output: the package, its XML, the tables read back by python-docx,
# hostile text, the -o extension (docx); LibreOffice's A4 PDF of the seed (docx_pdf, one
# conversion). Both skip (exit 77) when python3-docx or LibreOffice is not installed.
add_test(NAME docx COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/docx/run.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(docx PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
add_test(NAME docx_pdf COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/docx/pdf.sh $<TARGET_FILE:nianbao>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(docx_pdf PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
