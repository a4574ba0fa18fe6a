# clusterscope_embed(<out_var> <symbol> <file>)
# Turns a text file into a C++ source defining
#   extern const std::string_view <symbol>;   (namespace clusterscope::embedded)
# so that reference data and migrations travel inside the binary. The file is read at configure
# time and registered as a configure dependency, so editing it re-runs CMake.
function(clusterscope_embed out_var symbol file)
  file(READ "${file}" content)
  string(FIND "${content}" ")CSEMBED\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )CSEMBED\"")
  endif()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cc")
  set(text "// Generated from ${file} by cmake/Embed.cmake. Do not edit.\n#include <string_view>\nnamespace clusterscope::embedded {\nextern const std::string_view ${symbol};\nconst std::string_view ${symbol} = R\"CSEMBED(${content})CSEMBED\";\n}  // namespace clusterscope::embedded\n")
  # Write through a scratch file so that an unchanged input leaves the source's time stamp alone.
  file(WRITE "${out}.tmp" "${text}")
  file(COPY_FILE "${out}.tmp" "${out}" ONLY_IF_DIFFERENT)
  file(REMOVE "${out}.tmp")
  # ISO C++ only promises 65,536 characters in a literal; g++ takes any length.
  set_source_files_properties("${out}" PROPERTIES COMPILE_OPTIONS "-Wno-overlength-strings")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
