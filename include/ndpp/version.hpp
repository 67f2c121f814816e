#pragma once

// ndpp's version. CMakeLists.txt parses these three lines (Note [Version]).
#define NDPP_VERSION_MAJOR 0
#define NDPP_VERSION_MINOR 1
#define NDPP_VERSION_PATCH 0
