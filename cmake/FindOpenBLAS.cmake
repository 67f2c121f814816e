# FindOpenBLAS: OpenBLAS's CBLAS interface (cblas.h + libopenblas).
#
# Defines the imported target OpenBLAS::OpenBLAS and OpenBLAS_FOUND,
# OpenBLAS_INCLUDE_DIR, OpenBLAS_LIBRARY. Set OpenBLAS_ROOT to point at a
# non-system installation.
#
# Note [Why our own Find module]: Debian's libopenblas-dev ships an
# OpenBLASConfig.cmake that only sets variables with hard-coded paths (no
# imported target), and CMake's FindBLAS neither finds cblas.h nor tells
# OpenBLAS from the reference BLAS. An exported target must name its
# dependencies as targets, so ndpp finds the files itself and wraps them in one.
# The installed ndppConfig.cmake ships this file next to itself.

if(TARGET OpenBLAS::OpenBLAS)
  # Someone (a newer OpenBLAS config, or the consumer) already made the target.
  set(OpenBLAS_FOUND TRUE)
  return()
endif()

# Debian's cblas.h lives in /usr/include/<multiarch>/, which find_path searches
# through CMAKE_LIBRARY_ARCHITECTURE; the suffixes cover OpenBLAS's own
# `make install` and other distributions.
find_path(OpenBLAS_INCLUDE_DIR NAMES cblas.h
  PATH_SUFFIXES openblas openblas-pthread openblas-openmp openblas64)
find_library(OpenBLAS_LIBRARY NAMES openblas openblas_pthread openblasp openblaso)
mark_as_advanced(OpenBLAS_INCLUDE_DIR OpenBLAS_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OpenBLAS
  REQUIRED_VARS OpenBLAS_LIBRARY OpenBLAS_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "ndpp needs OpenBLAS (CBLAS). On Debian/Ubuntu: apt-get install libopenblas-dev")

if(OpenBLAS_FOUND)
  add_library(OpenBLAS::OpenBLAS UNKNOWN IMPORTED)
  set_target_properties(OpenBLAS::OpenBLAS PROPERTIES
    IMPORTED_LOCATION "${OpenBLAS_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${OpenBLAS_INCLUDE_DIR}")
endif()
