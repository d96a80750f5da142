// The X12 fast path: transaction sets, ST to SE, read from the bytes and judged clean or not in one pass
// each (segments, structure, elements, the HL numbering), one after another while they are of one kind. A
// clean set needs nothing more from the TypeScript validator; any other is read and validated there,
// segment by segment.
#include <node_api.h>

#include <cstring>
#include <string>

#include "addon-arguments.h"
#include "program.h"
#include "skim-run.h"
#include "structure.h"
#include "x12-elements.h"

namespace skim {

namespace {

// A number as counting writes it (1, 2, … 999999999, no leading zero), or -1 for any other text.
int64_t counting(const uint8_t* text, size_t length) {
  if (length == 0 || length > 9 || text[0] == '0') return -1;
  int64_t value = 0;
  for (size_t index = 0; index < length; index += 1) {
    if (text[index] < '0' || text[index] > '9') return -1;
    value = value * 10 + (text[index] - '0');
  }
  return value;
}

// Element `position` of a segment (1-based), empty when the segment stops before it.
void elementAt(const uint8_t* text, size_t length, uint8_t separator, size_t position, const uint8_t*& start, size_t& size) {
  const uint8_t* end = text + length;
  const uint8_t* at = text;
  for (size_t passed = 0; passed < position; passed += 1) {
    at = static_cast<const uint8_t*>(std::memchr(at, separator, end - at));
    if (at == nullptr) {
      start = end;
      size = 0;
      return;
    }
    at += 1;
  }
  const uint8_t* stop = static_cast<const uint8_t*>(std::memchr(at, separator, end - at));
  start = at;
  size = (stop == nullptr ? end : stop) - at;
}

Outcome skimSet(const Program& program, const uint8_t* bytes, size_t start, size_t end, const X12Delimiters& delimiters, bool final, UnitSpan& span) {
  if (delimiters.terminator < 0) return NOT_CLEAN;
  // A file keeps its delimiters: the table is made again only when they change, and copied here so that
  // the scan does not look up the thread's own copy for every segment.
  thread_local X12Delimiters lastDelimiters{0, 0, -2, -2};
  thread_local ByteKinds lastKinds(lastDelimiters);
  if (delimiters.element != lastDelimiters.element || delimiters.component != lastDelimiters.component || delimiters.repetition != lastDelimiters.repetition ||
      delimiters.terminator != lastDelimiters.terminator) {
    lastDelimiters = delimiters;
    lastKinds = ByteKinds(delimiters);
  }
  const ByteKinds kinds = lastKinds;
  StructureMatcher matcher(program);
  const int32_t stTag = tagCode(reinterpret_cast<const uint8_t*>("ST"), 2);
  const Outcome shortOfData = final ? NOT_CLEAN : INCOMPLETE;
  int64_t levels = 0;
  size_t position = start;
  size_t segments = 0;
  for (;;) {
    while (position < end && isWhiteSpace(bytes[position])) position += 1;
    const uint8_t* text = bytes + position;
    size_t tagLength = 0;
    int32_t code = 0;
    while (tagLength < 3 && position + tagLength < end) {
      const int32_t digit = TAG_DIGITS.of[text[tagLength]];
      if (digit < 0) break;
      code = code * 36 + digit;
      tagLength += 1;
    }
    // The byte after the tag tells whether it is one.
    if (position + tagLength >= end) return shortOfData;
    const ByteKinds::Kind after = kinds[text[tagLength]];
    const int32_t tag = tagLength == 2 ? code : tagLength == 3 ? 36 * 36 + code : -1;
    if (tag < 0 || (after != ByteKinds::ELEMENT && after != ByteKinds::TERMINATOR)) return NOT_CLEAN;
    // BIN data may hold terminators; ST again means SE was missing.
    if ((tagLength == 3 && std::memcmp(text, "BIN", 3) == 0) || (segments > 0 && tag == stTag) || (segments == 0 && tag != stTag)) return NOT_CLEAN;
    segments += 1;
    const uint8_t* stop = static_cast<const uint8_t*>(std::memchr(text + tagLength, delimiters.terminator, end - position - tagLength));
    if (stop == nullptr) return shortOfData;
    const int32_t definition = matcher.place(tag);
    if (definition < 0 || scanX12Segment(program, program.segments[definition], kinds, delimiters, text + tagLength) != stop) return NOT_CLEAN;
    const size_t length = stop - text;
    if (segments == 1) span.headerEnd = stop - bytes;
    if (program.hierarchical && tag == program.hierarchyTag) {
      // Levels numbered 1, 2, 3 … in order, each parent one already given; anything else is for the validator.
      const uint8_t* value;
      size_t size;
      elementAt(text, length, delimiters.element, 1, value, size);
      if (counting(value, size) != levels + 1) return NOT_CLEAN;
      elementAt(text, length, delimiters.element, 2, value, size);
      const int64_t parent = counting(value, size);
      if (size > 0 && !(parent >= 1 && parent <= levels)) return NOT_CLEAN;
      levels += 1;
    }
    if (tag == program.trailerTag) {
      if (!matcher.finish()) return NOT_CLEAN;
      span.trailerStart = position;
      span.trailerEnd = stop - bytes;
      span.segments = segments;
      return CLEAN;
    }
    position = stop + 1 - bytes;
  }
}

// Element, component, repetition, terminator; -1 for no repetition separator, or for a terminator longer than a byte.
bool delimitersOf(napi_env env, napi_value value, X12Delimiters& delimiters) {
  int32_t* words;
  size_t length;
  if (!int32Array(env, value, words, length) || length != 4) return false;
  for (size_t index = 0; index < 4; index += 1) {
    if (words[index] > 0xff || (words[index] < 0 && index < 2)) return false;
  }
  delimiters = {static_cast<uint8_t>(words[0]), static_cast<uint8_t>(words[1]), words[2] < 0 ? -1 : words[2], words[3] < 0 ? -1 : words[3]};
  return true;
}

// Whether the segment at `position` is an ST whose ST01 is `setId`.
Start startsSet(const uint8_t* bytes, size_t position, size_t end, const X12Delimiters& delimiters, const std::string& setId) {
  const size_t length = 3 + setId.size() + 1;
  if (end - position < length) return UNDECIDED;
  const uint8_t* at = bytes + position;
  if (at[0] != 'S' || at[1] != 'T' || at[2] != delimiters.element || std::memcmp(at + 3, setId.data(), setId.size()) != 0) return DOES_NOT_START;
  const int32_t after = at[3 + setId.size()];
  return after == delimiters.element || after == delimiters.terminator ? STARTS : DOES_NOT_START;
}

// skimX12Sets(program, bytes, start, end, delimiters, final, setId, out) -> how many clean sets follow one
// another from the ST at `start` (skimRun): their ST01 is `setId`, their records ST start, ST terminator, SE
// start, SE terminator, segments ST to SE.
napi_value SkimX12Sets(napi_env env, napi_callback_info info) {
  napi_value argv[RUN_ARGUMENTS];
  Run run;
  X12Delimiters delimiters;
  if (!runArguments(env, info, RUN_ARGUMENTS, argv, run) || !delimitersOf(env, argv[RUN_DELIMITERS], delimiters)) {
    throwType(env, "skimX12Sets takes (program, Uint8Array, start, end, Int32Array(4) delimiters, final, set id, Int32Array out of 7 or more) with 0 <= start <= end <= length");
    return nullptr;
  }
  const int32_t sets = skimRun(
      run, [&](size_t position) { return startsSet(run.bytes, position, run.end, delimiters, run.identifier); },
      [&](size_t position, UnitSpan& span) { return skimSet(*run.program, run.bytes, position, run.end, delimiters, run.final, span); });
  return number(env, sets);
}

// x12SegmentClean(program, definition, text, delimiters) -> whether the segment (latin1 text, no
// terminator) certainly has no element problem under segment definition `definition`.
napi_value X12SegmentClean(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  const Program* program;
  const SegmentDef* definition;
  std::string text;
  X12Delimiters delimiters;
  if (!segmentArguments(env, info, argv, program, definition, text) || !delimitersOf(env, argv[3], delimiters)) {
    throwType(env, "x12SegmentClean takes (program, definition index, string, Int32Array(4) delimiters)");
    return nullptr;
  }
  const size_t length = text.size();
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // The text has no terminator: the NUL after it (a control character, never data) stands for one, and
  // the segment is clean only when the scan ends there.
  delimiters.terminator = 0;
  size_t tagLength = 0;
  while (tagLength < length && bytes[tagLength] != delimiters.element) tagLength += 1;
  const bool separatorsAreText = delimiters.element != 0 && delimiters.component != 0 && delimiters.repetition != 0;
  return boolean(env, separatorsAreText && scanX12Segment(*program, *definition, ByteKinds(delimiters), delimiters, bytes + tagLength) == bytes + length);
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor functions[] = {
      {"compileProgram", nullptr, CompileProgram, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"skimX12Sets", nullptr, SkimX12Sets, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"x12SegmentClean", nullptr, X12SegmentClean, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}

}  // namespace

}  // namespace skim

NAPI_MODULE(NODE_GYP_MODULE_NAME, skim::Init)
