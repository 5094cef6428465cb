# Checks that every source file of a tree names its licence in its first lines:
#   cmake -DROOT=<tree> -P CheckSpdx.cmake
# C++ sources, CMake files, scripts and Python: "SPDX-License-Identifier: Apache-2.0" (see
# LICENSE). The fixtures of tests/structure are trees of their own and are left out.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED ROOT)
    message(FATAL_ERROR "CheckSpdx.cmake needs -DROOT=...")
endif()
set(folders app bench cmake core packaging scripts tests ui)
set(patterns *.h *.cpp *.cmake *.py CMakeLists.txt)
set(globs ${ROOT}/CMakeLists.txt ${ROOT}/.ci/run ${ROOT}/scripts/*)
foreach(folder IN LISTS folders)
    foreach(pattern IN LISTS patterns)
        list(APPEND globs ${ROOT}/${folder}/${pattern})
    endforeach()
endforeach()
file(GLOB_RECURSE sources RELATIVE ${ROOT} ${globs})
list(FILTER sources EXCLUDE REGEX "^tests/structure/fixtures/")
list(REMOVE_DUPLICATES sources)

set(missing 0)
foreach(source IN LISTS sources)
    file(STRINGS ${ROOT}/${source} head LIMIT_COUNT 3)
    if(NOT head MATCHES "SPDX-License-Identifier: Apache-2\\.0")
        message("${source} has no \"SPDX-License-Identifier: Apache-2.0\" line at its top")
        math(EXPR missing "${missing} + 1")
    endif()
endforeach()
if(missing GREATER 0)
    message(FATAL_ERROR "${missing} source file(s) without an SPDX line")
endif()
list(LENGTH sources count)
message("Every one of ${count} source files names its licence")
