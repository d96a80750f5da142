#include "x12-elements.h"

#include <algorithm>

#include "scan-elements.h"

namespace skim {

ByteKinds::ByteKinds(const X12Delimiters& delimiters) {
  for (int byte = 0; byte < 256; byte += 1) {
    kinds_[byte] = byte >= '0' && byte <= '9' ? DIGIT : byte == '.' ? POINT : byte == '-' ? MINUS : byte < 0x20 || byte == 0x7f ? BAD : OTHER;
  }
  kinds_[delimiters.element] = ELEMENT;
  kinds_[delimiters.component] = COMPONENT;
  if (delimiters.repetition >= 0) kinds_[delimiters.repetition] = REPETITION;
  if (delimiters.terminator >= 0) kinds_[delimiters.terminator] = TERMINATOR;
}

namespace {

// A value being read: where it starts, and how many of its bytes are digits, points, minus signs and others.
struct Value {
  const uint8_t* start;
  uint32_t counts[4];

  void reset(const uint8_t* at) {
    start = at;
    counts[0] = counts[1] = counts[2] = counts[3] = 0;
  }
};

int twoDigits(const uint8_t* value) { return (value[0] - '0') * 10 + (value[1] - '0'); }

// A day that exists in every year; 29 February is left to the element checks.
bool monthAndDay(const uint8_t* value) {
  static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month = twoDigits(value);
  int day = twoDigits(value + 2);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1];
}

// A non-empty AN or ID value, within its lengths and codes; delimiters and control characters never reach here.
bool textClean(const Program& program, const Element& element, const uint8_t* start, const uint8_t* end) {
  const int64_t length = end - start;
  if (length < element.min || length > element.max) return false;
  return element.codeList < 0 || program.codeLists[element.codeList].contains(start, static_cast<size_t>(length));
}

// A non-empty value of the type, within its lengths and codes; delimiters and control characters never reach here.
bool simpleClean(const Program& program, const Element& element, const Value& value, const uint8_t* end) {
  const uint32_t length = static_cast<uint32_t>(end - value.start);
  const uint32_t digits = value.counts[ByteKinds::DIGIT];
  const uint32_t points = value.counts[ByteKinds::POINT];
  const uint32_t minus = value.counts[ByteKinds::MINUS];
  const uint32_t others = value.counts[ByteKinds::OTHER];
  const int64_t min = std::max(element.min, 1);
  const int64_t max = element.max;
  auto within = [&](uint32_t size) { return size >= min && size <= max; };
  // A sign is allowed only in front of a number.
  const bool signedNumber = others == 0 && (minus == 0 || (minus == 1 && value.start[0] == '-'));
  switch (element.type) {
    case AN:
      return within(length);
    case ID:
      return within(length) && (element.codeList < 0 || program.codeLists[element.codeList].contains(value.start, length));
    case N:
      return signedNumber && points == 0 && within(digits);
    case R:
      return signedNumber && points <= 1 && digits > 0 && within(digits);
    case DT:
      if (digits != length || !within(length)) return false;
      return (length == 8 && monthAndDay(value.start + 4)) || (length == 6 && monthAndDay(value.start + 2));
    case TM:
      if (digits != length || !within(length) || (length != 4 && length != 6 && length != 7 && length != 8)) return false;
      return twoDigits(value.start) <= 23 && twoDigits(value.start + 2) <= 59 && (length == 4 || twoDigits(value.start + 4) <= 59);
    default:
      return false;
  }
}

bool rulesHold(const std::vector<MaskRule>& rules, uint64_t presence) {
  for (const MaskRule& rule : rules) {
    const int given = __builtin_popcountll(presence & rule.mask);
    const bool first = (presence & rule.first) != 0;
    switch (rule.kind) {
      case 'P':
        if (given > 0 && given < rule.count) return false;
        break;
      case 'R':
        if (given == 0) return false;
        break;
      case 'E':
        if (given > 1) return false;
        break;
      case 'C':
        if (first && given < rule.count) return false;
        break;
      case 'L':
        if (first && given == 1) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// Counts the kinds of a value's bytes; false when one of them cannot be data (a separator, a control character).
bool countKinds(const ByteKinds& kinds, const uint8_t* start, const uint8_t* end, Value& value) {
  value.reset(start);
  for (const uint8_t* p = start; p < end; p += 1) {
    const ByteKinds::Kind kind = kinds[*p];
    if (kind > ByteKinds::OTHER) return false;
    value.counts[kind] += 1;
  }
  return true;
}

bool valueClean(const Program& program, const Element& element, const ByteKinds& kinds, const uint8_t* start, const uint8_t* end) {
  Value value;
  return countKinds(kinds, start, end, value) && simpleClean(program, element, value, end);
}

// A composite's components, which may all be empty.
bool compositeClean(const Program& program, const Element& element, const ByteKinds& kinds, uint8_t separator, const uint8_t* start, const uint8_t* end) {
  if (!element.judgeable) return false;
  uint64_t presence = 0;
  size_t position = 0;
  for (const uint8_t* part = start;; ) {
    const uint8_t* stop = std::find(part, end, separator);
    position += 1;
    if (stop != part) {
      if (position > element.components.size()) return false;
      const Element& component = element.components[position - 1];
      if (component.notUsed || !valueClean(program, component, kinds, part, stop)) return false;
      presence |= bit(position);
    }
    if (stop == end) break;
    part = stop + 1;
  }
  if ((presence & element.mandatoryComponents) != element.mandatoryComponents) return false;
  return element.maskRules.empty() || rulesHold(element.maskRules, presence);
}

bool singleClean(const Program& program, const Element& element, const ByteKinds& kinds, const X12Delimiters& delimiters, const uint8_t* start, const uint8_t* end) {
  if (start == end) return true;
  if (!element.components.empty()) return compositeClean(program, element, kinds, delimiters.component, start, end);
  return valueClean(program, element, kinds, start, end);
}

// A whole element that is not a plain simple value: a composite, or one with repetitions.
bool elementClean(const Program& program, const Element& element, const ByteKinds& kinds, const X12Delimiters& delimiters, const uint8_t* start, const uint8_t* end) {
  if (start == end) return !element.mandatory;
  if (element.notUsed) return false;
  if (delimiters.repetition < 0 || element.repeat == 1) return singleClean(program, element, kinds, delimiters, start, end);
  // Each repetition is judged alone, and an empty one is no error.
  int32_t count = 0;
  for (const uint8_t* part = start;; ) {
    const uint8_t* stop = std::find(part, end, static_cast<uint8_t>(delimiters.repetition));
    count += 1;
    if ((element.repeat > 0 && count > element.repeat) || !singleClean(program, element, kinds, delimiters, part, stop)) return false;
    if (stop == end) return true;
    part = stop + 1;
  }
}

// One element from just after its separator to the next element separator or the terminator; `element` is
// null beyond the segment's last. Returns where it ends, or nullptr when it is not clean; `present` says
// whether it holds any data.
inline const uint8_t* scanElement(const Program& program, const Element* element, const ByteKinds& kinds, const X12Delimiters& delimiters, const uint8_t* start, bool& present) {
  const uint8_t* p = start;
  // The hot loops, which the terminator ends: text is only measured, numbers are counted by kind.
  Value value;
  value.reset(start);
  ByteKinds::Kind kind;
  if (element != nullptr && element->text) {
    while ((kind = kinds[*p]) <= ByteKinds::OTHER) p += 1;
  } else {
    while ((kind = kinds[*p]) <= ByteKinds::OTHER) {
      value.counts[kind] += 1;
      p += 1;
    }
  }
  const bool plain = kind == ByteKinds::ELEMENT || kind == ByteKinds::TERMINATOR;
  if (!plain) {
    // Components or repetitions: the element is read to its end and judged as a whole.
    while ((kind = kinds[*p]) != ByteKinds::ELEMENT && kind != ByteKinds::TERMINATOR) {
      if (kind == ByteKinds::BAD) return nullptr;
      p += 1;
    }
  }
  present = p != start;
  if (!present) return element != nullptr && element->mandatory ? nullptr : p;
  if (element == nullptr) return nullptr;
  bool clean;
  if (!plain || !element->components.empty()) clean = elementClean(program, *element, kinds, delimiters, start, p);
  else if (element->text) clean = !element->notUsed && textClean(program, *element, start, p);
  else clean = !element->notUsed && simpleClean(program, *element, value, p);
  return clean ? p : nullptr;
}

}  // namespace

const uint8_t* scanX12Segment(const Program& program, const SegmentDef& definition, const ByteKinds& kinds, const X12Delimiters& delimiters, const uint8_t* at) {
  uint64_t presence;
  const uint8_t* end = scanElements(definition, kinds, at, presence, [&](const Element* element, const uint8_t* start, bool& present) {
    return scanElement(program, element, kinds, delimiters, start, present);
  });
  if (end == nullptr) return nullptr;
  if (!definition.maskRules.empty() && presence != definition.notesHeldFor) {
    if (!rulesHold(definition.maskRules, presence)) return nullptr;
    definition.notesHeldFor = presence;
  }
  return end;
}

}  // namespace skim
