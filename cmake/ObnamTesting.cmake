# obnam_add_test(Name [SOURCES ...] [LIBS ...] [LABELS ...])
# Builds tests/tst_<name>.cpp (lower case) into test_<name> and registers it with CTest.
# Tests run on Qt's offscreen platform so that no display is needed.
function(obnam_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    string(TOLOWER "${name}" lower)
    set(target test_${lower})
    add_executable(${target} tst_${lower}.cpp ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE obnam_defaults obnam_testsupport Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${target})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 600)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
