# ndpp's binary dependencies, for the build tree: OpenBLAS (CBLAS), LAPACKE and,
# when present, glibc's libmvec. Each is found by the Find module next to this
# file and attached to the ndpp target as an INTERFACE usage requirement, so a
# consumer gets the include directories and the link line from
# target_link_libraries(app PRIVATE ndpp::ndpp) alone. The installed
# ndppConfig.cmake finds the same modules with find_dependency, so the build
# tree and an installation give the same link line.
#
# Nothing here downloads anything or touches the consumer's flags.

find_package(OpenBLAS MODULE REQUIRED)
find_package(LAPACKE MODULE REQUIRED)
find_package(Libmvec MODULE QUIET)

function(ndpp_link_dependencies target)
  # Order matters for static libraries: LAPACKE before the BLAS it calls.
  # libm is named explicitly because header code calls <cmath>; on glibc its
  # linker script already pulls libmvec in as needed, and the explicit
  # Libmvec target covers libcs that do not.
  target_link_libraries(${target} INTERFACE
    LAPACKE::LAPACKE OpenBLAS::OpenBLAS $<TARGET_NAME_IF_EXISTS:Libmvec::Libmvec>)
  if(UNIX AND NOT APPLE)
    target_link_libraries(${target} INTERFACE m)
  endif()
endfunction()
