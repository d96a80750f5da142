// A transaction set's compiled spec as the skimmer walks it, decoded once from the flat Int32Array that
// translators/native/encode-program.ts writes (the layout is described there).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace skim {

// X12's data types, then EDIFACT's (a, an, n), which count and allow characters differently.
enum Type : int32_t { AN = 0, ID = 1, R = 2, DT = 3, TM = 4, B = 5, N = 6, EDIFACT_A = 7, EDIFACT_AN = 8, EDIFACT_N = 9 };

// A syntax note over positions 1 to 63, as bits: the positions it names, and the first of them.
struct MaskRule {
  // 'P', 'R', 'E', 'C' or 'L', as the syntax notes write them.
  int32_t kind;
  uint64_t mask;
  uint64_t first;
  int count;
};

struct Element {
  bool mandatory;
  // 0 for unbounded.
  int32_t repeat;
  bool notUsed;
  int32_t type;
  int32_t min;
  int32_t max;
  // Index into Program::codeLists, or -1 when any value of the type will do.
  int32_t codeList;
  std::vector<Element> components;
  // A simple AN or ID element: its bytes need only be measured, not counted by kind.
  bool text;
  std::vector<MaskRule> maskRules;
  // The components that must have a value, as bits by position.
  uint64_t mandatoryComponents;
  // False when a note or component lies beyond position 63: such a composite is left to the element checks.
  bool judgeable;
};

struct SegmentDef {
  std::vector<Element> elements;
  // The elements that must have a value, as bits by position.
  uint64_t mandatoryElements;
  std::vector<MaskRule> maskRules;
  // The presence of elements last found to satisfy every note: segments of one tag nearly always give
  // the same elements, and the notes need not be gone through again for them.
  mutable uint64_t notesHeldFor;
  // False when a note or element lies beyond position 63: such a segment is left to the element checks.
  bool judgeable;
};

struct Slot {
  bool loop;
  // The segment's tag code, or the loop's trigger.
  int32_t tag;
  bool mandatory;
  int32_t max;
  bool notUsed;
  // SegmentDef index for a segment; Loop index for a loop.
  int32_t ref;
};

struct Loop {
  std::vector<Slot> body;
  // By tag number (Program::tagNumbers): the first slot taking that tag, -1 for none; by slot: the next
  // slot taking the same tag. Finding a tag's slot is then one or two steps, not a walk of the body.
  std::vector<int32_t> firstSlot;
  std::vector<int32_t> nextSlot;
  // For each slot index and one past the last: the first mandatory slot from there (the body's size when none).
  std::vector<int32_t> mandatoryFrom;
};

// Up to seven bytes as one number, the length in the top byte.
inline uint64_t packCode(const uint8_t* value, size_t length) {
  uint64_t packed = static_cast<uint64_t>(length) << 56;
  for (size_t index = 0; index < length && index < 7; index += 1) packed |= static_cast<uint64_t>(value[index]) << (8 * (6 - index));
  return packed;
}

// Codes of up to seven bytes packed into one number each, sorted for binary search;
// longer codes kept as strings.
struct CodeList {
  std::vector<uint64_t> packed;
  std::vector<std::string> longer;

  bool contains(const uint8_t* value, size_t length) const {
    if (length > 7) return containsLonger(value, length);
    const uint64_t code = packCode(value, length);
    // Most lists are a handful of codes, which a walk finds sooner than a search.
    if (packed.size() <= 16) return std::find(packed.begin(), packed.end(), code) != packed.end();
    return std::binary_search(packed.begin(), packed.end(), code);
  }

  bool containsLonger(const uint8_t* value, size_t length) const;
};

struct Program {
  bool hierarchical;
  int32_t trailerTag;
  int32_t hierarchyTag;
  std::vector<Loop> loops;
  std::vector<SegmentDef> segments;
  std::vector<CodeList> codeLists;
  // The tags the structure names, numbered from 0 by tag code; -1 for any other tag.
  std::vector<int32_t> tagNumbers;
};

// How many tag codes there are: two-character tags, then three-character ones.
const int32_t TAG_CODES = 36 * 36 + 36 * 36 * 36;

// Throws std::runtime_error naming what is malformed.
Program decodeProgram(const int32_t* words, size_t count);


// A tag of two or three capital letters or digits as one number; -1 for anything else.
int32_t tagCode(const uint8_t* text, size_t length);

}  // namespace skim
