# FindLAPACKE: the C interface to LAPACK (lapacke.h + liblapacke).
#
# Defines the imported target LAPACKE::LAPACKE and LAPACKE_FOUND,
# LAPACKE_INCLUDE_DIR, LAPACKE_LIBRARY. Set LAPACKE_ROOT to point at a
# non-system installation. Debian's liblapacke-dev ships no CMake config
# (Note [Why our own Find module] in FindOpenBLAS.cmake). liblapacke.so carries
# its own dependency on liblapack.so, so the target needs no further libraries.

if(TARGET LAPACKE::LAPACKE)
  set(LAPACKE_FOUND TRUE)
  return()
endif()

find_path(LAPACKE_INCLUDE_DIR NAMES lapacke.h PATH_SUFFIXES lapacke openblas)
find_library(LAPACKE_LIBRARY NAMES lapacke)
mark_as_advanced(LAPACKE_INCLUDE_DIR LAPACKE_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LAPACKE
  REQUIRED_VARS LAPACKE_LIBRARY LAPACKE_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "ndpp needs LAPACKE. On Debian/Ubuntu: apt-get install liblapacke-dev")

if(LAPACKE_FOUND)
  add_library(LAPACKE::LAPACKE UNKNOWN IMPORTED)
  set_target_properties(LAPACKE::LAPACKE PROPERTIES
    IMPORTED_LOCATION "${LAPACKE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LAPACKE_INCLUDE_DIR}")
endif()
