#include "edifact-elements.h"

#include "scan-elements.h"

namespace skim {

EdifactKinds::EdifactKinds(const EdifactDelimiters& delimiters, const uint8_t* allowed) {
  for (int byte = 0; byte < 256; byte += 1) {
    // The lexer takes line breaks inside a segment out before anything reads it: such a segment's text is
    // not its bytes.
    const bool data = allowed[byte] != 0 && byte != '\n' && byte != '\r';
    kinds_[byte] = data ? DATA : BAD;
    released_[byte] = kinds_[byte];
  }
  kinds_[delimiters.element] = ELEMENT;
  kinds_[delimiters.component] = COMPONENT;
  if (delimiters.repetition >= 0) kinds_[delimiters.repetition] = REPETITION;
  if (delimiters.release >= 0) kinds_[delimiters.release] = RELEASE;
  kinds_[delimiters.terminator] = TERMINATOR;
}

namespace {

bool isDigit(uint8_t byte) { return static_cast<uint8_t>(byte - '0') < 10; }

// Digits, a sign only in front, and at most one decimal mark ('.' or ',') with a digit on either side: the
// number of digits, which is a numeric value's length, or -1 for anything else.
inline int64_t numericLength(const uint8_t* start, const uint8_t* end) {
  const uint8_t* p = start;
  if (*p == '-') p += 1;
  const uint8_t* whole = p;
  while (p < end && isDigit(*p)) p += 1;
  int64_t digits = p - whole;
  if (digits == 0) return -1;
  if (p == end) return digits;
  if (*p != '.' && *p != ',') return -1;
  const uint8_t* fraction = ++p;
  while (p < end && isDigit(*p)) p += 1;
  if (p == fraction || p != end) return -1;
  return digits + (p - fraction);
}

// A non-empty value of the element's type, within its lengths and codes: bytes[start, end), holding
// `releases` release characters, which are not characters of the value.
inline bool valueClean(const Program& program, const Element& element, const uint8_t* start, const uint8_t* end, uint32_t releases) {
  int64_t length = (end - start) - releases;
  switch (element.type) {
    case EDIFACT_AN:
      break;
    case EDIFACT_A:
      // A release character is never a digit, so a digit among the bytes is one in the value.
      for (const uint8_t* p = start; p < end; p += 1) {
        if (isDigit(*p)) return false;
      }
      break;
    case EDIFACT_N:
      // Neither sign nor decimal mark counts toward the length; a released character in a number is left to the checks.
      length = releases == 0 ? numericLength(start, end) : -1;
      if (length < 0) return false;
      break;
    default:
      return false;
  }
  if (length < element.min || length > element.max) return false;
  if (element.codeList < 0) return true;
  // Codes are compared as written; one with a release character in it is left to the element checks.
  return releases == 0 && program.codeLists[element.codeList].contains(start, static_cast<size_t>(end - start));
}

// An element read in full, from just after its separator: its repetitions, each a simple value or a
// composite's components, release characters and all. Returns where it ends, or nullptr when it is not clean.
const uint8_t* scanElementParts(const Program& program, const Element* element, const EdifactKinds& kinds, const uint8_t* p, bool& present) {
  const bool composite = element != nullptr && !element->components.empty();
  const size_t componentCount = composite ? element->components.size() : 1;
  present = false;
  // The checks judge every repetition of an element with data, an empty one too: whether an empty one
  // fails is known at once, whether it matters only at the element's end.
  bool emptyRepetitionFails = false;
  int32_t repetitions = 0;
  for (;;) {
    repetitions += 1;
    uint64_t given = 0;
    EdifactKinds::Kind kind;
    for (size_t position = 1;; position += 1) {
      const uint8_t* start = p;
      while ((kind = kinds[*p]) == EdifactKinds::DATA) p += 1;
      uint32_t releases = 0;
      while (kind == EdifactKinds::RELEASE) {
        if (kinds.released(p[1]) == EdifactKinds::BAD) return nullptr;
        releases += 1;
        p += 2;
        while ((kind = kinds[*p]) == EdifactKinds::DATA) p += 1;
      }
      if (kind == EdifactKinds::BAD) return nullptr;
      if (p != start) {
        // Data beyond the segment's elements, or beyond a simple element's one value or a composite's components.
        if (element == nullptr || position > componentCount) return nullptr;
        const Element& simple = composite ? element->components[position - 1] : *element;
        if (simple.notUsed || !valueClean(program, simple, start, p, releases)) return nullptr;
        given |= bit(position);
      }
      if (kind != EdifactKinds::COMPONENT) break;
      p += 1;
    }
    if (given == 0) {
      emptyRepetitionFails = emptyRepetitionFails || !composite || element->mandatoryComponents != 0;
    } else {
      present = true;
      // A simple element's value, or a composite's mandatory components, missing beside other data.
      const uint64_t needed = composite ? element->mandatoryComponents : bit(1);
      if ((given & needed) != needed) return nullptr;
    }
    if (kind != EdifactKinds::REPETITION) break;
    p += 1;
  }
  if (!present) return p;
  if (element->notUsed || (composite && !element->judgeable) || emptyRepetitionFails) return nullptr;
  return element->repeat > 0 && repetitions > element->repeat ? nullptr : p;
}

// One data element from just after its separator to the next element separator or the terminator; `element`
// is null beyond the segment's last. Returns where it ends, or nullptr when it is not clean; `present` says
// whether it holds any data. Plain values, and composites of plain values, are read here; anything with a
// release character, a repetition or a character outside the repertoire is read again by scanElementParts.
inline const uint8_t* scanElement(const Program& program, const Element* element, const EdifactKinds& kinds, const uint8_t* start, bool& present) {
  const uint8_t* p = start;
  // The hot loop, which the terminator ends: data is only measured.
  EdifactKinds::Kind kind;
  while ((kind = kinds[*p]) == EdifactKinds::DATA) p += 1;
  const bool ends = kind == EdifactKinds::ELEMENT || kind == EdifactKinds::TERMINATOR;
  if (element == nullptr || (!ends && (kind != EdifactKinds::COMPONENT || element->components.empty()))) {
    return scanElementParts(program, element, kinds, start, present);
  }
  if (ends && element->components.empty()) {
    present = p != start;
    return !present || (!element->notUsed && valueClean(program, *element, start, p, 0)) ? p : nullptr;
  }
  // A composite's components, one after another.
  const Element* components = element->components.data();
  const size_t count = element->components.size();
  uint64_t given = 0;
  const uint8_t* value = start;
  for (size_t position = 1;; position += 1) {
    if (p != value) {
      if (position > count || components[position - 1].notUsed || !valueClean(program, components[position - 1], value, p, 0)) return nullptr;
      given |= bit(position);
    }
    if (kind != EdifactKinds::COMPONENT) break;
    value = ++p;
    while ((kind = kinds[*p]) == EdifactKinds::DATA) p += 1;
    if (kind != EdifactKinds::COMPONENT && kind != EdifactKinds::ELEMENT && kind != EdifactKinds::TERMINATOR) {
      return scanElementParts(program, element, kinds, start, present);
    }
  }
  present = given != 0;
  if (!present) return p;
  const bool clean = !element->notUsed && element->judgeable && (given & element->mandatoryComponents) == element->mandatoryComponents;
  return clean ? p : nullptr;
}

}  // namespace

const uint8_t* scanEdifactSegment(const Program& program, const SegmentDef& definition, const EdifactKinds& kinds, const uint8_t* at) {
  uint64_t presence;
  return scanElements(definition, kinds, at, presence,
                      [&](const Element* element, const uint8_t* start, bool& present) { return scanElement(program, element, kinds, start, present); });
}

}  // namespace skim
