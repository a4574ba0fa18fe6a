# Warnings for our own targets only: third-party headers are included as SYSTEM.
add_library(clusterscope_warnings INTERFACE)
add_library(clusterscope::warnings ALIAS clusterscope_warnings)
target_compile_options(clusterscope_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${CLUSTERSCOPE_WERROR}>:-Werror>)
