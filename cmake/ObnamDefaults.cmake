# One INTERFACE target carries the language level, warnings and Qt safety defines.
# Every target of the project links it, so a rule changes in one place.
add_library(obnam_defaults INTERFACE)
target_compile_features(obnam_defaults INTERFACE cxx_std_20)
target_compile_options(obnam_defaults INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
target_compile_definitions(obnam_defaults INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_NO_KEYWORDS)

if(OBNAM_SANITIZE)
    target_compile_options(obnam_defaults INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(obnam_defaults INTERFACE -fsanitize=address,undefined)
    # Lets tests skip what a sanitizer makes meaningless (memory figures).
    target_compile_definitions(obnam_defaults INTERFACE OBNAM_SANITIZED)
endif()

# Fuzzing (OBNAM_FUZZ, clang only): every library the harnesses link gets libFuzzer's coverage
# instrumentation and ASan+UBSan; the harnesses add -fsanitize=fuzzer themselves (fuzz/).
# QT_FORCE_ASSERTS keeps Qt's Q_ASSERT bounds checks (QByteArray::operator[], sliced()) alive
# in this optimised build, so an out-of-range index aborts even inside an allocation.
if(OBNAM_FUZZ)
    target_compile_options(obnam_defaults INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=all)
    target_link_options(obnam_defaults INTERFACE -fsanitize=address,undefined)
    target_compile_definitions(obnam_defaults INTERFACE QT_FORCE_ASSERTS OBNAM_SANITIZED)
endif()

# Hardening, as Debian builds its packages (dpkg-buildflags with hardening=+all): stack
# protector, fortified libc calls, read-only relocations bound at start, position-independent
# executables. The sanitizer and fuzzing builds instrument instead.
if(NOT OBNAM_SANITIZE AND NOT OBNAM_FUZZ)
    include(CheckPIESupported)
    check_pie_supported()
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    target_compile_options(obnam_defaults INTERFACE -fstack-protector-strong -fstack-clash-protection
        $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
    target_link_options(obnam_defaults INTERFACE -Wl,-z,relro -Wl,-z,now)
endif()
