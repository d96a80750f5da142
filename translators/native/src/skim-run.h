// What the X12 and EDIFACT fast paths share: a run of transaction sets or messages read from the bytes one
// after another while each starts with a header of the run's kind and is clean, and the bytes and tags each
// reads on the way. Each standard brings how its header is recognised and how one set or message is read.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "program.h"

namespace skim {

// How reading one set or message ended.
enum Outcome : int32_t { CLEAN = 0, NOT_CLEAN = 1, INCOMPLETE = 2 };

// Why a run stopped: at a segment that is not a header of the run's kind, at a set or message that is not
// clean, at bytes that may continue in the next chunk, or because the caller's room for records is full.
enum Stop : int32_t { OTHER = 0, STOPPED_NOT_CLEAN = 1, STOPPED_INCOMPLETE = 2, FULL = 3 };

// Whether the segment at a place is a header of the run's kind; UNDECIDED when the bytes end first.
enum Start { STARTS, DOES_NOT_START, UNDECIDED };

// What both lexers skip between segments: white space, NUL padding and the DOS end-of-file mark.
inline bool isWhiteSpace(uint8_t c) { return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09 || c == 0x1a || c == 0x00; }

// A tag's characters as base-36 digits; -1 for a byte that cannot be in a tag.
inline const struct TagDigits {
  int8_t of[256];
  TagDigits() {
    for (int byte = 0; byte < 256; byte += 1) of[byte] = byte >= 'A' && byte <= 'Z' ? byte - 'A' + 10 : byte >= '0' && byte <= '9' ? byte - '0' : -1;
  }
} TAG_DIGITS;

// A clean set or message, as byte places in the run's bytes.
struct UnitSpan {
  // Where the header's terminator is; the body starts after it.
  size_t headerEnd;
  size_t trailerStart;
  size_t trailerEnd;
  size_t segments;
};

// What a run reads and where it writes: bytes[start, end), the program and the header's identifier (ST01,
// or UNH S009 as written) the run's sets or messages have, and `out`, with room for `room` records after its
// first two numbers.
struct Run {
  const Program* program;
  const uint8_t* bytes;
  size_t start;
  size_t end;
  bool final;
  std::string identifier;
  int32_t* out;
  size_t room;
};

// Reads the run; returns how many clean sets or messages follow one another from `run.start`. out[0] is why
// the run stopped (Stop), out[1] where: the header of the one that stopped it, or the segment after the last
// clean one; then five numbers for each clean one: header start, header terminator, trailer start, trailer
// terminator, segments header to trailer. `starts(position)` says whether a header of the run's kind is at
// `position` (Start); `readOne(position, span)` reads the one it starts (Outcome), filling `span` when clean.
template <typename Starts, typename ReadOne>
int32_t skimRun(const Run& run, Starts starts, ReadOne readOne) {
  size_t position = run.start;
  int32_t count = 0;
  Stop stop = OTHER;
  for (;;) {
    while (position < run.end && isWhiteSpace(run.bytes[position])) position += 1;
    const Start start = starts(position);
    if (start != STARTS) {
      // The next segment may be a header still arriving.
      stop = start == UNDECIDED && !run.final ? STOPPED_INCOMPLETE : OTHER;
      break;
    }
    if (static_cast<size_t>(count) == run.room) {
      stop = FULL;
      break;
    }
    UnitSpan span{};
    const Outcome outcome = readOne(position, span);
    if (outcome != CLEAN) {
      stop = outcome == INCOMPLETE ? STOPPED_INCOMPLETE : STOPPED_NOT_CLEAN;
      break;
    }
    int32_t* record = run.out + 2 + 5 * count;
    record[0] = static_cast<int32_t>(position);
    record[1] = static_cast<int32_t>(span.headerEnd);
    record[2] = static_cast<int32_t>(span.trailerStart);
    record[3] = static_cast<int32_t>(span.trailerEnd);
    record[4] = static_cast<int32_t>(span.segments);
    count += 1;
    position = span.trailerEnd + 1;
  }
  run.out[0] = stop;
  run.out[1] = static_cast<int32_t>(position);
  return count;
}

}  // namespace skim
