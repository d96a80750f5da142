// What each byte is to the X12 scanner, for one interchange's delimiters.
#pragma once
#include <cstdint>

namespace skim {

struct X12Delimiters {
  uint8_t element;
  uint8_t component;
  // -1 before version 00402, which has no repetition separator.
  int32_t repetition;
  // -1 when the terminator is longer than a byte: such segments can be judged, not read, here.
  int32_t terminator;
};

// What each byte is to the scanner, for one interchange's delimiters.
class ByteKinds {
 public:
  enum Kind : uint8_t { DIGIT = 0, POINT = 1, MINUS = 2, OTHER = 3, ELEMENT = 4, COMPONENT = 5, REPETITION = 6, BAD = 7, TERMINATOR = 8 };

  explicit ByteKinds(const X12Delimiters& delimiters);

  Kind operator[](uint8_t byte) const { return kinds_[byte]; }

 private:
  Kind kinds_[256];
};

}  // namespace skim
