// A segment's elements walked as both standards write them: from just after the tag, each led by the element
// separator, up to the terminator. How one element is judged is the standard's own.
#pragma once
#include <cstddef>
#include <cstdint>

#include "program.h"

namespace skim {

// A position as its bit; 0 beyond 63, which no judgeable definition reaches.
inline uint64_t bit(size_t position) { return position < 64 ? uint64_t{1} << position : 0; }

// Scans a segment's elements from just after its tag up to its terminator, which must be there (its kind
// ends every loop). `judge(element, start, present)` reads one element from just after its separator: given
// its definition (nullptr beyond the segment's last), it returns where the element ends, or nullptr when it
// is not clean, and says whether it holds data. Returns the terminator's place, or nullptr when the segment
// is not clean; `presence` has the bits of the elements that hold data.
template <typename Kinds, typename Judge>
inline const uint8_t* scanElements(const SegmentDef& definition, const Kinds& kinds, const uint8_t* at, uint64_t& presence, Judge judge) {
  if (!definition.judgeable) return nullptr;
  const Element* elements = definition.elements.data();
  const size_t count = definition.elements.size();
  presence = 0;
  size_t position = 0;
  const uint8_t* p = at;
  for (;;) {
    const typename Kinds::Kind separator = kinds[*p];
    if (separator == Kinds::TERMINATOR) break;
    if (separator != Kinds::ELEMENT) return nullptr;
    position += 1;
    bool present;
    p = judge(position <= count ? &elements[position - 1] : nullptr, p + 1, present);
    if (p == nullptr) return nullptr;
    // Within 63: only a defined element holds data, and a judgeable definition has at most 63.
    if (present) presence |= uint64_t{1} << position;
  }
  return (presence & definition.mandatoryElements) == definition.mandatoryElements ? p : nullptr;
}

}  // namespace skim
