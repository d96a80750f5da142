// The EDIFACT fast path: messages, UNH to UNT, read from the bytes and judged clean or not in one pass each
// (segments, structure, data elements, the syntax level's characters), one after another while their UNH
// names one message type, version and release. A clean message needs nothing more from the TypeScript
// validator; any other is read and validated there, segment by segment. UNH and UNT are the envelope
// reader's, which checks them itself: here they are only placed.
#include <node_api.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "addon-arguments.h"
#include "edifact-elements.h"
#include "program.h"
#include "skim-run.h"
#include "structure.h"

namespace skim {

namespace {

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

// `limit` is the last terminator in the bytes (lastTerminator).
Outcome skimMessage(const Program& program, const uint8_t* bytes, size_t start, const uint8_t* limit, const EdifactKinds& kinds, bool final, UnitSpan& span) {
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

// Whether the segment at `position` is a UNH whose S009 is written exactly `identifier`, its message
// reference without release characters.
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

// skimEdifactMessages(program, bytes, start, end, delimiters, final, identifier, out, allowed) -> how many
// clean messages follow one another from the UNH at `start` (skimRun): their S009 is written `identifier`,
// their characters all `allowed` (256 bytes, not zero for each the syntax level certainly allows as data),
// their records UNH start, UNH terminator, UNT start, UNT terminator, segments UNH to UNT.
napi_value SkimEdifactMessages(napi_env env, napi_callback_info info) {
  napi_value argv[RUN_ARGUMENTS + 1];
  Run run;
  EdifactDelimiters delimiters;
  uint8_t* allowed;
  size_t allowedLength;
  if (!runArguments(env, info, RUN_ARGUMENTS + 1, argv, run) || !delimitersOf(env, argv[RUN_DELIMITERS], delimiters) || !bytesOf(env, argv[RUN_ARGUMENTS], allowed, allowedLength) ||
      allowedLength != 256) {
    throwType(env,
              "skimEdifactMessages takes (program, Uint8Array, start, end, Int32Array(5) delimiters, final, identifier, Int32Array out of 7 or more, Uint8Array(256) allowed) "
              "with 0 <= start <= end <= length");
    return nullptr;
  }
  // Made for each call: a few hundred instructions, where a call reads many messages.
  const EdifactKinds kinds(delimiters, allowed);
  const uint8_t* last = lastTerminator(run.bytes + run.start, run.bytes + run.end, delimiters);
  const int32_t messages = skimRun(
      run, [&](size_t position) { return startsMessage(run.bytes, position, run.end, delimiters, run.identifier); },
      [&](size_t position, UnitSpan& span) { return skimMessage(*run.program, run.bytes, position, last, kinds, run.final, span); });
  return number(env, messages);
}

// edifactSegmentClean(program, definition, text, delimiters) -> whether the segment (latin1 text as the
// lexer made it, no terminator) certainly has no data element problem under segment definition `definition`.
napi_value EdifactSegmentClean(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  const Program* program;
  const SegmentDef* definition;
  std::string text;
  EdifactDelimiters delimiters;
  if (!segmentArguments(env, info, argv, program, definition, text) || !delimitersOf(env, argv[3], delimiters)) {
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
                     scanEdifactSegment(*program, *definition, EdifactKinds(delimiters, everything), bytes + tagLength) == bytes + length;
  return boolean(env, clean);
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
