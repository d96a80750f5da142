// Whether an X12 segment certainly has nothing wrong in its elements under its definition: the same
// conservative judgement as the element checks of translators/x12/validator, made in one pass over the
// bytes. Anything unusual (29 February, exponents, binary data) is left to those checks by answering no.
#pragma once
#include <cstddef>
#include <cstdint>

#include "byte-kinds.h"
#include "program.h"

namespace skim {

// Scans a segment's elements from just after its tag up to its terminator, which must be there (its kind
// ends every loop). Returns the terminator's place, or nullptr when the segment is not clean.
const uint8_t* scanX12Segment(const Program& program, const SegmentDef& definition, const ByteKinds& kinds, const X12Delimiters& delimiters, const uint8_t* at);

}  // namespace skim
