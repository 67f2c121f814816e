# Finds ndpp's binary dependencies (OpenBLAS for CBLAS, LAPACKE, glibc's
# libmvec for vector math) and attaches them to a target as INTERFACE usage
# requirements. Included both by the build tree and by the installed
# ndppConfig.cmake, so consumers get the same link line either way.
# Nothing here downloads anything and nothing touches the consumer's flags.

include_guard(GLOBAL)

find_library(NDPP_OPENBLAS_LIBRARY NAMES openblas)
find_path(NDPP_CBLAS_INCLUDE_DIR NAMES cblas.h PATH_SUFFIXES openblas)
find_library(NDPP_LAPACKE_LIBRARY NAMES lapacke)
find_path(NDPP_LAPACKE_INCLUDE_DIR NAMES lapacke.h)
find_library(NDPP_MVEC_LIBRARY NAMES mvec)

foreach(var NDPP_OPENBLAS_LIBRARY NDPP_CBLAS_INCLUDE_DIR NDPP_LAPACKE_LIBRARY NDPP_LAPACKE_INCLUDE_DIR)
  if(NOT ${var})
    message(FATAL_ERROR
      "ndpp: ${var} not found. On Debian: apt-get install libopenblas-dev liblapacke-dev")
  endif()
endforeach()

function(ndpp_link_dependencies target)
  target_include_directories(${target} INTERFACE ${NDPP_CBLAS_INCLUDE_DIR} ${NDPP_LAPACKE_INCLUDE_DIR})
  target_link_libraries(${target} INTERFACE ${NDPP_LAPACKE_LIBRARY} ${NDPP_OPENBLAS_LIBRARY})
  if(NDPP_MVEC_LIBRARY)
    target_link_libraries(${target} INTERFACE ${NDPP_MVEC_LIBRARY})
  endif()
  target_link_libraries(${target} INTERFACE m)
endfunction()
