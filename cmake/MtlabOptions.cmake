# One INTERFACE target carries the language standard, warnings and Qt strictness for every target.
add_library(mtlab_options INTERFACE)
add_library(mtlab::options ALIAS mtlab_options)
target_compile_features(mtlab_options INTERFACE cxx_std_20)
target_compile_options(mtlab_options INTERFACE -Wall -Wextra -Wpedantic
    $<$<BOOL:${MTLAB_WERROR}>:-Werror>)
target_compile_definitions(mtlab_options INTERFACE
    QT_NO_CONTEXTLESS_CONNECT QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
set(CMAKE_CXX_EXTENSIONS OFF)
