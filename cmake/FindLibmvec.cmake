# FindLibmvec: glibc's vector math library (libmvec), optional.
#
# GCC turns loops over std::exp, std::sin, ... into calls to libmvec's SIMD
# variants (_ZGVdN4v_exp and friends) when glibc's math.h declares them, so a
# program that vectorises such a loop must link it. Defines the imported
# target Libmvec::Libmvec when found; ndpp links it only if the target exists
# ($<TARGET_NAME_IF_EXISTS:...>), so systems without glibc lose nothing.

if(TARGET Libmvec::Libmvec)
  set(Libmvec_FOUND TRUE)
  return()
endif()

find_library(Libmvec_LIBRARY NAMES mvec)
mark_as_advanced(Libmvec_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Libmvec REQUIRED_VARS Libmvec_LIBRARY)

if(Libmvec_FOUND)
  add_library(Libmvec::Libmvec UNKNOWN IMPORTED)
  set_target_properties(Libmvec::Libmvec PROPERTIES IMPORTED_LOCATION "${Libmvec_LIBRARY}")
endif()
