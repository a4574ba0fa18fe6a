# Every dependency is a Debian 12 package (see scripts/setup.sh); version floors are Debian's.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt 9.1 REQUIRED)
find_package(tl-expected 1.0 REQUIRED)
find_package(SQLite3 3.40 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(tomlplusplus 3.3 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
# Linear algebra for regional analytics: Eigen (dense and sparse), Spectra (a few eigenvectors).
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
# libzip's CMake config needs the separate zip tools package; its pkg-config file does not.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip>=1.7)
find_package(pugixml 1.13 REQUIRED)
# expat streams an .xlsx sheet (pugixml reads the small parts whole).
find_package(EXPAT 2.5 REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter>=1.1)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash>=0.8)
# The server: Boost.Beast over Asio (header-only; in src/http/listener.cc alone). The tests and
# requests use cpp-httplib's client.
find_package(Boost 1.74 REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)

# libcsv ships neither a CMake config nor a pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
add_library(csv::csv UNKNOWN IMPORTED)
set_target_properties(csv::csv PROPERTIES
  IMPORTED_LOCATION "${CSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")

# GLPK (the attacker's linear programmes in disclosure control) ships no pkg-config file either.
find_path(GLPK_INCLUDE_DIR glpk.h REQUIRED)
find_library(GLPK_LIBRARY glpk REQUIRED)
add_library(glpk::glpk UNKNOWN IMPORTED)
set_target_properties(glpk::glpk PROPERTIES
  IMPORTED_LOCATION "${GLPK_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${GLPK_INCLUDE_DIR}")

# RapidJSON (header-only) writes the large JSON reports as a stream; its config sets a variable only.
find_package(RapidJSON 1.1 REQUIRED)
add_library(rapidjson::rapidjson INTERFACE IMPORTED)
set_target_properties(rapidjson::rapidjson PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}")

if(CLUSTERSCOPE_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED)
endif()
