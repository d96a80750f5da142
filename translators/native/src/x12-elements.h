// Whether an X12 segment certainly has nothing wrong in its elements under its definition: the same
// conservative judgement as the element checks of translators/x12/validator, made in one pass over the
// bytes. Anything unusual (29 February, exponents, binary data) is left to those checks by answering no.
#pragma once
#include <cstddef>
#include <cstdint>

#include "program.h"

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

// Scans a segment's elements from just after its tag up to its terminator, which must be there (its kind
// ends every loop). Returns the terminator's place, or nullptr when the segment is not clean.
const uint8_t* scanX12Segment(const Program& program, const SegmentDef& definition, const ByteKinds& kinds, const X12Delimiters& delimiters, const uint8_t* at);

}  // namespace skim
