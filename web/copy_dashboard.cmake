# cmake -DSOURCE=web/src -DECHARTS=.../echarts.min.js -DOUT=build/web -P copy_dashboard.cmake
if(NOT EXISTS "${ECHARTS}")
  message(FATAL_ERROR "${ECHARTS} is missing: run `make setup` (or `npm ci` in web/) first")
endif()
file(REMOVE_RECURSE "${OUT}")
file(COPY "${SOURCE}/" DESTINATION "${OUT}")
file(COPY "${ECHARTS}" DESTINATION "${OUT}/vendor")
file(TOUCH "${OUT}/.copied")
