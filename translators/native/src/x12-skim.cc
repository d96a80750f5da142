// The X12 fast path: transaction sets, ST to SE, read from the bytes and judged clean or not in one pass
// each (segments, structure, elements, the HL numbering), one after another while they are of one kind. A
// clean set needs nothing more from the TypeScript validator; any other is read and validated there,
// segment by segment.
#include <node_api.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "program.h"
#include "structure.h"
#include "x12-elements.h"

namespace skim {

namespace {

enum Outcome : int32_t { CLEAN = 0, NOT_CLEAN = 1, INCOMPLETE = 2 };

// Why a run of sets stopped: at a segment that is not an ST of the run's kind, at a set that is not clean,
// at bytes that may continue in the next chunk, or because the caller's room for sets is full.
enum Stop : int32_t { OTHER = 0, STOPPED_NOT_CLEAN = 1, STOPPED_INCOMPLETE = 2, FULL = 3 };

bool isWhiteSpace(uint8_t c) { return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09 || c == 0x1a || c == 0x00; }

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

struct SetSpan {
  // Where the ST's terminator is; the body starts after it.
  size_t headerEnd;
  size_t trailerStart;
  size_t trailerEnd;
  size_t segments;
};

// A tag's characters as base-36 digits; -1 for a byte that cannot be in a tag.
const struct TagDigits {
  int8_t of[256];
  TagDigits() {
    for (int byte = 0; byte < 256; byte += 1) of[byte] = byte >= 'A' && byte <= 'Z' ? byte - 'A' + 10 : byte >= '0' && byte <= '9' ? byte - '0' : -1;
  }
} TAG_DIGITS;

Outcome skimSet(const Program& program, const uint8_t* bytes, size_t start, size_t end, const X12Delimiters& delimiters, bool final, SetSpan& span) {
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

// N-API plumbing: arguments in, numbers out; a bad argument throws a TypeError naming it.

void throwType(napi_env env, const char* message) { napi_throw_type_error(env, nullptr, message); }

bool int32Array(napi_env env, napi_value value, int32_t*& data, size_t& length) {
  napi_typedarray_type type;
  void* raw;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, &length, &raw, &buffer, &offset) != napi_ok || type != napi_int32_array) return false;
  data = static_cast<int32_t*>(raw);
  return true;
}

bool bytesOf(napi_env env, napi_value value, uint8_t*& data, size_t& length) {
  napi_typedarray_type type;
  void* raw;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, &length, &raw, &buffer, &offset) != napi_ok || type != napi_uint8_array) return false;
  data = static_cast<uint8_t*>(raw);
  return true;
}

bool programOf(napi_env env, napi_value value, Program*& program) {
  void* raw;
  if (napi_get_value_external(env, value, &raw) != napi_ok) return false;
  program = static_cast<Program*>(raw);
  return true;
}

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

napi_value number(napi_env env, int32_t value) {
  napi_value result;
  napi_create_int32(env, value, &result);
  return result;
}

napi_value CompileProgram(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int32_t* words;
  size_t length;
  if (argc < 1 || !int32Array(env, argv[0], words, length)) {
    throwType(env, "compileProgram takes an Int32Array");
    return nullptr;
  }
  Program* program;
  try {
    program = new Program(decodeProgram(words, length));
  } catch (const std::exception& error) {
    napi_throw_error(env, "ERR_SPEC_PROGRAM", error.what());
    return nullptr;
  }
  napi_value external;
  napi_create_external(
      env, program, [](napi_env, void* data, void*) { delete static_cast<Program*>(data); }, nullptr, &external);
  return external;
}

// Whether the segment at `position` is an ST whose ST01 is `setId`; false when the bytes end first.
bool startsSet(const uint8_t* bytes, size_t position, size_t end, const X12Delimiters& delimiters, const std::string& setId) {
  const size_t length = 3 + setId.size() + 1;
  if (end - position < length) return false;
  const uint8_t* at = bytes + position;
  if (at[0] != 'S' || at[1] != 'T' || at[2] != delimiters.element || std::memcmp(at + 3, setId.data(), setId.size()) != 0) return false;
  const int32_t after = at[3 + setId.size()];
  return after == delimiters.element || after == delimiters.terminator;
}

// skimX12Sets(program, bytes, start, end, delimiters, final, setId, out) -> how many clean sets follow one
// another from the ST at `start`. out[0] is why the run stopped (Stop), out[1] where: the ST of the set that
// stopped it, or the segment after the last clean set; then five numbers per clean set: ST start, ST
// terminator, SE start, SE terminator, segments ST to SE.
napi_value SkimX12Sets(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Program* program;
  uint8_t* bytes;
  size_t size;
  int64_t start, end;
  X12Delimiters delimiters;
  bool final;
  size_t setIdLength;
  int32_t* out;
  size_t outLength;
  if (argc < 8 || !programOf(env, argv[0], program) || !bytesOf(env, argv[1], bytes, size) || napi_get_value_int64(env, argv[2], &start) != napi_ok ||
      napi_get_value_int64(env, argv[3], &end) != napi_ok || !delimitersOf(env, argv[4], delimiters) || napi_get_value_bool(env, argv[5], &final) != napi_ok ||
      napi_get_value_string_latin1(env, argv[6], nullptr, 0, &setIdLength) != napi_ok || !int32Array(env, argv[7], out, outLength) || outLength < 7 || start < 0 ||
      end < start || static_cast<size_t>(end) > size || end > INT32_MAX) {
    throwType(env, "skimX12Sets takes (program, Uint8Array, start, end, Int32Array(4) delimiters, final, set id, Int32Array out of 7 or more) with 0 <= start <= end <= length");
    return nullptr;
  }
  std::string setId(setIdLength + 1, '\0');
  napi_get_value_string_latin1(env, argv[6], setId.data(), setIdLength + 1, &setIdLength);
  setId.resize(setIdLength);
  const size_t room = (outLength - 2) / 5;
  size_t position = static_cast<size_t>(start);
  int32_t sets = 0;
  Stop stop = OTHER;
  for (;;) {
    while (position < static_cast<size_t>(end) && isWhiteSpace(bytes[position])) position += 1;
    if (!startsSet(bytes, position, static_cast<size_t>(end), delimiters, setId)) {
      // The next segment may be an ST still arriving.
      stop = !final && static_cast<size_t>(end) - position < 4 + setId.size() ? STOPPED_INCOMPLETE : OTHER;
      break;
    }
    if (static_cast<size_t>(sets) == room) {
      stop = FULL;
      break;
    }
    SetSpan span{};
    const Outcome outcome = skimSet(*program, bytes, position, static_cast<size_t>(end), delimiters, final, span);
    if (outcome != CLEAN) {
      stop = outcome == INCOMPLETE ? STOPPED_INCOMPLETE : STOPPED_NOT_CLEAN;
      break;
    }
    int32_t* record = out + 2 + 5 * sets;
    record[0] = static_cast<int32_t>(position);
    record[1] = static_cast<int32_t>(span.headerEnd);
    record[2] = static_cast<int32_t>(span.trailerStart);
    record[3] = static_cast<int32_t>(span.trailerEnd);
    record[4] = static_cast<int32_t>(span.segments);
    sets += 1;
    position = span.trailerEnd + 1;
  }
  out[0] = stop;
  out[1] = static_cast<int32_t>(position);
  return number(env, sets);
}

// x12SegmentClean(program, definition, text, delimiters) -> whether the segment (latin1 text, no
// terminator) certainly has no element problem under segment definition `definition`.
napi_value X12SegmentClean(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Program* program;
  int32_t definition;
  X12Delimiters delimiters;
  size_t length;
  if (argc < 4 || !programOf(env, argv[0], program) || napi_get_value_int32(env, argv[1], &definition) != napi_ok || definition < 0 ||
      static_cast<size_t>(definition) >= program->segments.size() || napi_get_value_string_latin1(env, argv[2], nullptr, 0, &length) != napi_ok ||
      !delimitersOf(env, argv[3], delimiters)) {
    throwType(env, "x12SegmentClean takes (program, definition index, string, Int32Array(4) delimiters)");
    return nullptr;
  }
  std::string text(length + 1, '\0');
  napi_get_value_string_latin1(env, argv[2], text.data(), length + 1, &length);
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // The text has no terminator: the NUL after it (a control character, never data) stands for one, and
  // the segment is clean only when the scan ends there.
  delimiters.terminator = 0;
  size_t tagLength = 0;
  while (tagLength < length && bytes[tagLength] != delimiters.element) tagLength += 1;
  const bool separatorsAreText = delimiters.element != 0 && delimiters.component != 0 && delimiters.repetition != 0;
  const bool clean = separatorsAreText && scanX12Segment(*program, program->segments[definition], ByteKinds(delimiters), delimiters, bytes + tagLength) == bytes + length;
  napi_value result;
  napi_get_boolean(env, clean, &result);
  return result;
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
