# cmake -DIN=FILE -DOUT=FILE.cc -DNAME=kSymbol -P embed.cmake
# Writes FILE's bytes into a C++ source as lges::gateway::NAME (an array)
# and NAME##Size, so the binary carries them.
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT}
  "// Generated from ${IN} by gateway/embed.cmake; do not edit.\n"
  "#include <cstddef>\n\n"
  "namespace lges::gateway {\n\n"
  "extern const unsigned char ${NAME}[] = {\n${bytes}\n};\n"
  "extern const size_t ${NAME}Size = sizeof(${NAME});\n\n"
  "}  // namespace lges::gateway\n")
