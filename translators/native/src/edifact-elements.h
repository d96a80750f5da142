// Whether an EDIFACT segment certainly has nothing wrong in its data elements under its definition: the
// same conservative judgement as translators/edifact/validator/check-elements.ts, made in one pass over the
// bytes, each character checked against the interchange's repertoire on the way. Anything unusual (a
// released character in a number or a coded value, an empty repetition, a line break) is left to those
// checks by answering no.
#pragma once
#include <cstddef>
#include <cstdint>

#include "program.h"

namespace skim {

struct EdifactDelimiters {
  uint8_t element;
  uint8_t component;
  // -1 before syntax version 4, which has no repetition separator.
  int32_t repetition;
  // -1 when the interchange has no release character (level B without UNA).
  int32_t release;
  uint8_t terminator;
};

// What each byte is to the scanner, for one interchange's delimiters and repertoire.
class EdifactKinds {
 public:
  enum Kind : uint8_t { DATA = 0, ELEMENT = 1, COMPONENT = 2, REPETITION = 3, RELEASE = 4, TERMINATOR = 5, BAD = 6 };

  // `allowed` has a byte for each of the 256: not zero when the repertoire certainly allows it as data.
  EdifactKinds(const EdifactDelimiters& delimiters, const uint8_t* allowed);

  Kind operator[](uint8_t byte) const { return kinds_[byte]; }

  // A byte after the release character: data whatever it is, or BAD outside the repertoire.
  Kind released(uint8_t byte) const { return released_[byte]; }

 private:
  Kind kinds_[256];
  Kind released_[256];
};

// Scans a segment's data elements from just after its tag up to its terminator, which must be there and not
// released (its kind ends every loop). Returns the terminator's place, or nullptr when the segment is not clean.
const uint8_t* scanEdifactSegment(const Program& program, const SegmentDef& definition, const EdifactKinds& kinds, const uint8_t* at);

}  // namespace skim
