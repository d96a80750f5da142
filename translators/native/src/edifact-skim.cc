// The EDIFACT fast path: messages, UNH to UNT, read from the bytes and judged clean or not in one pass each
// (segments, structure, data elements, the syntax level's characters), one after another while their UNH
// names one message type, version and release. A clean message needs nothing more from the TypeScript
// validator; any other is read and validated there, segment by segment. UNH and UNT are the envelope
// reader's, which checks them itself: here they are only placed.
#include <node_api.h>

#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>

#include "edifact-elements.h"
#include "program.h"
#include "structure.h"

namespace skim {

namespace {

enum Outcome : int32_t { CLEAN = 0, NOT_CLEAN = 1, INCOMPLETE = 2 };

// Why a run of messages stopped: at a segment that is not a UNH of the run's message, at a message that is
// not clean, at bytes that may continue in the next chunk, or because the caller's room for messages is full.
enum Stop : int32_t { OTHER = 0, STOPPED_NOT_CLEAN = 1, STOPPED_INCOMPLETE = 2, FULL = 3 };

// What the lexer skips between segments.
bool isWhiteSpace(uint8_t c) { return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09 || c == 0x1a || c == 0x00; }

// Whether the terminator at `at` is released: an odd run of release characters before it, counted back no
// further than `from`. The byte before such a run is never a release character, so the run's parity is the
// same from any segment's start before it.
bool isReleased(const uint8_t* from, const uint8_t* at, const EdifactDelimiters& delimiters) {
  if (delimiters.release < 0) return false;
  size_t run = 0;
  while (at - run > from && at[-1 - static_cast<ptrdiff_t>(run)] == delimiters.release) run += 1;
  return run % 2 == 1;
}

// The last terminator in [from, end) that no release character releases, or `from` when there is none:
// every segment starting before it has its own terminator in the bytes, there or before, which a scan
// that stops at the first one it does not pass over as data finds without looking past the end.
const uint8_t* lastTerminator(const uint8_t* from, const uint8_t* end, const EdifactDelimiters& delimiters) {
  for (const uint8_t* at = end; at-- > from;) {
    if (*at == delimiters.terminator && !isReleased(from, at, delimiters)) return at;
  }
  return from;
}

// The terminator of a segment read as it stands (UNH, UNT), from just after its tag; nullptr when one of its
// characters is not of the syntax level, or when a line break inside would have to be taken out first, as
// the lexer does (a line break is never data to the kinds).
const uint8_t* plainEnd(const EdifactKinds& kinds, const uint8_t* p) {
  for (;; p += 1) {
    const EdifactKinds::Kind kind = kinds[*p];
    if (kind == EdifactKinds::TERMINATOR) return p;
    if (kind == EdifactKinds::BAD) return nullptr;
    if (kind == EdifactKinds::RELEASE) {
      p += 1;
      if (kinds.released(*p) == EdifactKinds::BAD) return nullptr;
    }
  }
}

struct MessageSpan {
  // Where the UNH's terminator is; the body starts after it.
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

// `limit` is the last terminator in the bytes (lastTerminator).
Outcome skimMessage(const Program& program, const uint8_t* bytes, size_t start, const uint8_t* limit, const EdifactKinds& kinds, bool final, MessageSpan& span) {
  StructureMatcher matcher(program);
  const Outcome shortOfData = final ? NOT_CLEAN : INCOMPLETE;
  const uint8_t* text = bytes + start;
  size_t segments = 0;
  for (;;) {
    while (text < limit && isWhiteSpace(*text)) text += 1;
    if (text >= limit) return shortOfData;
    // A tag, and the byte after it that tells whether it is one; the terminator may come sooner.
    if (limit - text < 3) return NOT_CLEAN;
    const int32_t first = TAG_DIGITS.of[text[0]];
    const int32_t second = TAG_DIGITS.of[text[1]];
    const int32_t third = TAG_DIGITS.of[text[2]];
    const EdifactKinds::Kind after = kinds[text[3]];
    if (first < 0 || second < 0 || third < 0 || (after != EdifactKinds::ELEMENT && after != EdifactKinds::TERMINATOR)) return NOT_CLEAN;
    const int32_t tag = 36 * 36 + (first * 36 + second) * 36 + third;
    segments += 1;
    // The run starts each message at its UNH (startsMessage). Another envelope segment inside (UNB, UNG, UNE,
    // UNZ, UNH again) ends the message for the envelope reader: the structure never places one, so the
    // message is not clean here either.
    const int32_t definition = matcher.place(tag);
    if (definition < 0) return NOT_CLEAN;
    const bool trailer = tag == program.trailerTag;
    // UNH and UNT are made into segments as they stand, their characters checked; the envelope reader checks the rest.
    const uint8_t* terminator = segments == 1 || trailer ? plainEnd(kinds, text + 3) : scanEdifactSegment(program, program.segments[definition], kinds, text + 3);
    if (terminator == nullptr) return NOT_CLEAN;
    if (segments == 1) span.headerEnd = terminator - bytes;
    if (trailer) {
      if (!matcher.finish()) return NOT_CLEAN;
      span.trailerStart = text - bytes;
      span.trailerEnd = terminator - bytes;
      span.segments = segments;
      return CLEAN;
    }
    text = terminator + 1;
  }
}

enum Start { STARTS, DOES_NOT_START, UNDECIDED };

// Whether the segment at `position` is a UNH whose S009 is written exactly `identifier`, its message
// reference without release characters; UNDECIDED when the bytes end first.
Start startsMessage(const uint8_t* bytes, size_t position, size_t end, const EdifactDelimiters& delimiters, const std::string& identifier) {
  const uint8_t* at = bytes + position;
  const uint8_t* const stop = bytes + end;
  for (const char expected : {'U', 'N', 'H'}) {
    if (at == stop) return UNDECIDED;
    if (*at++ != expected) return DOES_NOT_START;
  }
  if (at == stop) return UNDECIDED;
  if (*at++ != delimiters.element) return DOES_NOT_START;
  for (;; at += 1) {
    if (at == stop) return UNDECIDED;
    if (*at == delimiters.element) break;
    if (*at == delimiters.terminator || static_cast<int32_t>(*at) == delimiters.release) return DOES_NOT_START;
  }
  at += 1;
  for (const char expected : identifier) {
    if (at == stop) return UNDECIDED;
    if (*at++ != static_cast<uint8_t>(expected)) return DOES_NOT_START;
  }
  if (at == stop) return UNDECIDED;
  return *at == delimiters.element || *at == delimiters.terminator ? STARTS : DOES_NOT_START;
}

// N-API plumbing: arguments in, numbers out; a bad argument throws a TypeError naming it.

void throwType(napi_env env, const char* message) { napi_throw_type_error(env, nullptr, message); }

bool typedArray(napi_env env, napi_value value, napi_typedarray_type expected, void*& data, size_t& length) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  return napi_get_typedarray_info(env, value, &type, &length, &data, &buffer, &offset) == napi_ok && type == expected;
}

bool int32Array(napi_env env, napi_value value, int32_t*& data, size_t& length) {
  void* raw;
  if (!typedArray(env, value, napi_int32_array, raw, length)) return false;
  data = static_cast<int32_t*>(raw);
  return true;
}

bool bytesOf(napi_env env, napi_value value, uint8_t*& data, size_t& length) {
  void* raw;
  if (!typedArray(env, value, napi_uint8_array, raw, length)) return false;
  data = static_cast<uint8_t*>(raw);
  return true;
}

bool programOf(napi_env env, napi_value value, Program*& program) {
  void* raw;
  if (napi_get_value_external(env, value, &raw) != napi_ok) return false;
  program = static_cast<Program*>(raw);
  return true;
}

// Element, component, repetition, release, terminator; -1 for no repetition separator or release character.
bool delimitersOf(napi_env env, napi_value value, EdifactDelimiters& delimiters) {
  int32_t* words;
  size_t length;
  if (!int32Array(env, value, words, length) || length != 5) return false;
  for (size_t index = 0; index < 5; index += 1) {
    if (words[index] > 0xff || (words[index] < 0 && index != 2 && index != 3)) return false;
  }
  delimiters = {static_cast<uint8_t>(words[0]), static_cast<uint8_t>(words[1]), words[2] < 0 ? -1 : words[2], words[3] < 0 ? -1 : words[3], static_cast<uint8_t>(words[4])};
  return true;
}

bool latin1(napi_env env, napi_value value, std::string& text) {
  size_t length;
  if (napi_get_value_string_latin1(env, value, nullptr, 0, &length) != napi_ok) return false;
  text.assign(length + 1, '\0');
  napi_get_value_string_latin1(env, value, text.data(), length + 1, &length);
  text.resize(length);
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

// skimEdifactMessages(program, bytes, start, end, delimiters, allowed, final, identifier, out) -> how many
// clean messages follow one another from the UNH at `start`. out[0] is why the run stopped (Stop), out[1]
// where: the UNH of the message that stopped it, or the segment after the last clean message; then five
// numbers per clean message: UNH start, UNH terminator, UNT start, UNT terminator, segments UNH to UNT.
napi_value SkimEdifactMessages(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Program* program;
  uint8_t* bytes;
  size_t size;
  int64_t start, end;
  EdifactDelimiters delimiters;
  uint8_t* allowed;
  size_t allowedLength;
  bool final;
  std::string identifier;
  int32_t* out;
  size_t outLength;
  if (argc < 9 || !programOf(env, argv[0], program) || !bytesOf(env, argv[1], bytes, size) || napi_get_value_int64(env, argv[2], &start) != napi_ok ||
      napi_get_value_int64(env, argv[3], &end) != napi_ok || !delimitersOf(env, argv[4], delimiters) || !bytesOf(env, argv[5], allowed, allowedLength) || allowedLength != 256 ||
      napi_get_value_bool(env, argv[6], &final) != napi_ok || !latin1(env, argv[7], identifier) || !int32Array(env, argv[8], out, outLength) || outLength < 7 || start < 0 ||
      end < start || static_cast<size_t>(end) > size || end > INT32_MAX) {
    throwType(env,
              "skimEdifactMessages takes (program, Uint8Array, start, end, Int32Array(5) delimiters, Uint8Array(256) allowed, final, identifier, Int32Array out of 7 or more) "
              "with 0 <= start <= end <= length");
    return nullptr;
  }
  // Made for each call: a few hundred instructions, where a call reads many messages.
  const EdifactKinds kinds(delimiters, allowed);
  const size_t room = (outLength - 2) / 5;
  const size_t limit = static_cast<size_t>(end);
  size_t position = static_cast<size_t>(start);
  const uint8_t* last = lastTerminator(bytes + position, bytes + limit, delimiters);
  int32_t messages = 0;
  Stop stop = OTHER;
  for (;;) {
    while (position < limit && isWhiteSpace(bytes[position])) position += 1;
    const Start starts = startsMessage(bytes, position, limit, delimiters, identifier);
    if (starts != STARTS) {
      // The next segment may be a UNH still arriving.
      stop = starts == UNDECIDED && !final ? STOPPED_INCOMPLETE : OTHER;
      break;
    }
    if (static_cast<size_t>(messages) == room) {
      stop = FULL;
      break;
    }
    MessageSpan span{};
    const Outcome outcome = skimMessage(*program, bytes, position, last, kinds, final, span);
    if (outcome != CLEAN) {
      stop = outcome == INCOMPLETE ? STOPPED_INCOMPLETE : STOPPED_NOT_CLEAN;
      break;
    }
    int32_t* record = out + 2 + 5 * messages;
    record[0] = static_cast<int32_t>(position);
    record[1] = static_cast<int32_t>(span.headerEnd);
    record[2] = static_cast<int32_t>(span.trailerStart);
    record[3] = static_cast<int32_t>(span.trailerEnd);
    record[4] = static_cast<int32_t>(span.segments);
    messages += 1;
    position = span.trailerEnd + 1;
  }
  out[0] = stop;
  out[1] = static_cast<int32_t>(position);
  return number(env, messages);
}

// edifactSegmentClean(program, definition, text, delimiters) -> whether the segment (latin1 text as the
// lexer made it, no terminator) certainly has no data element problem under segment definition `definition`.
napi_value EdifactSegmentClean(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Program* program;
  int32_t definition;
  std::string text;
  EdifactDelimiters delimiters;
  if (argc < 4 || !programOf(env, argv[0], program) || napi_get_value_int32(env, argv[1], &definition) != napi_ok || definition < 0 ||
      static_cast<size_t>(definition) >= program->segments.size() || !latin1(env, argv[2], text) || !delimitersOf(env, argv[3], delimiters)) {
    throwType(env, "edifactSegmentClean takes (program, definition index, string, Int32Array(5) delimiters)");
    return nullptr;
  }
  const size_t length = text.size();
  // The text has no terminator: a NUL after it stands for one, and the segment is clean only when the scan
  // ends there. A second NUL is there for a release character at the very end to release.
  text.append(2, '\0');
  delimiters.terminator = 0;
  const bool separatorsAreText = delimiters.element != 0 && delimiters.component != 0 && delimiters.repetition != 0 && delimiters.release != 0;
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // The tag runs to the first separator, as the lexer reads it; released characters in it would be read
  // otherwise when the elements are split.
  size_t tagLength = 0;
  while (tagLength < length && bytes[tagLength] != delimiters.element && bytes[tagLength] != delimiters.component) {
    if (static_cast<int32_t>(bytes[tagLength]) == delimiters.release) break;
    tagLength += 1;
  }
  uint8_t everything[256];
  std::memset(everything, 1, sizeof everything);
  const bool clean = separatorsAreText && (tagLength == length || bytes[tagLength] == delimiters.element) &&
                     scanEdifactSegment(*program, program->segments[definition], EdifactKinds(delimiters, everything), bytes + tagLength) == bytes + length;
  napi_value result;
  napi_get_boolean(env, clean, &result);
  return result;
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor functions[] = {
      {"compileProgram", nullptr, CompileProgram, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"skimEdifactMessages", nullptr, SkimEdifactMessages, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"edifactSegmentClean", nullptr, EdifactSegmentClean, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}

}  // namespace

}  // namespace skim

NAPI_MODULE(NODE_GYP_MODULE_NAME, skim::Init)
