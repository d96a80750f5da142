#include "program.h"

#include <algorithm>
#include <climits>
#include <stdexcept>

namespace skim {

namespace {

const int32_t FORMAT = 1;

class Reader {
 public:
  Reader(const int32_t* words, size_t count) : words_(words), count_(count) {}

  int32_t next(const char* what) {
    if (at_ >= count_) throw std::runtime_error(std::string("spec program ends before ") + what);
    return words_[at_++];
  }

  int32_t count(const char* what) {
    int32_t value = next(what);
    if (value < 0 || static_cast<size_t>(value) > count_) throw std::runtime_error(std::string("spec program has a bad count of ") + what);
    return value;
  }

  bool done() const { return at_ == count_; }

 private:
  const int32_t* words_;
  size_t count_;
  size_t at_ = 0;
};

// Reads the notes; false when one of them names a position that does not fit in the bits.
bool readRules(Reader& in, std::vector<MaskRule>& rules) {
  bool fits = true;
  int32_t count = in.count("rules");
  for (int32_t index = 0; index < count; index += 1) {
    MaskRule rule{in.next("rule kind"), 0, 0, 0};
    int32_t positions = in.count("rule positions");
    if (positions == 0) throw std::runtime_error("spec program has a syntax note without positions");
    for (int32_t at = 0; at < positions; at += 1) {
      int32_t position = in.next("rule position");
      if (position < 1 || position > 63) {
        fits = false;
        continue;
      }
      const uint64_t bit = uint64_t{1} << position;
      if (at == 0) rule.first = bit;
      if ((rule.mask & bit) == 0) rule.count += 1;
      rule.mask |= bit;
    }
    rules.push_back(rule);
  }
  return fits;
}

Element readElement(Reader& in, int32_t codeLists) {
  Element element;
  element.mandatory = in.next("requirement") != 0;
  element.repeat = in.next("repeat");
  element.notUsed = in.next("not used") != 0;
  element.type = in.next("type");
  element.min = in.next("minimum length");
  element.max = in.next("maximum length");
  element.codeList = in.next("code list");
  element.text = false;
  if (element.codeList < -1 || element.codeList >= codeLists) throw std::runtime_error("spec program refers to a code list it does not define");
  int32_t components = in.count("components");
  element.mandatoryComponents = 0;
  for (int32_t index = 0; index < components; index += 1) {
    element.components.push_back(readElement(in, codeLists));
    if (element.components.back().mandatory && index < 63) element.mandatoryComponents |= uint64_t{1} << (index + 1);
  }
  element.judgeable = readRules(in, element.maskRules) && components <= 63;
  element.text = components == 0 && (element.type == AN || element.type == ID);
  return element;
}

}  // namespace

bool CodeList::containsLonger(const uint8_t* value, size_t length) const {
  for (const std::string& code : longer) {
    if (code.size() == length && std::equal(code.begin(), code.end(), value)) return true;
  }
  return false;
}

int32_t tagCode(const uint8_t* text, size_t length) {
  if (length < 2 || length > 3) return -1;
  int32_t code = 0;
  for (size_t index = 0; index < length; index += 1) {
    uint8_t c = text[index];
    int32_t digit = c >= 'A' && c <= 'Z' ? c - 'A' + 10 : c >= '0' && c <= '9' ? c - '0' : -1;
    if (digit < 0) return -1;
    code = code * 36 + digit;
  }
  return length == 2 ? code : 36 * 36 + code;
}

Program decodeProgram(const int32_t* words, size_t count) {
  Reader in(words, count);
  if (in.next("format") != FORMAT) throw std::runtime_error("spec program is not in the format this addon reads");
  Program program;
  program.hierarchical = in.next("hierarchical flag") != 0;
  program.trailerTag = in.next("trailer tag");
  program.hierarchyTag = in.next("hierarchy tag");
  int32_t loops = in.count("loops");
  int32_t segments = in.count("segment definitions");
  int32_t codeLists = in.count("code lists");
  for (int32_t index = 0; index < loops; index += 1) {
    Loop loop;
    int32_t slots = in.count("slots");
    for (int32_t slot = 0; slot < slots; slot += 1) {
      Slot decoded;
      decoded.loop = in.next("slot kind") != 0;
      decoded.tag = in.next("slot tag");
      decoded.mandatory = in.next("slot requirement") != 0;
      int32_t max = in.next("slot maximum");
      decoded.max = max < 0 ? INT32_MAX : max;
      decoded.notUsed = in.next("slot not used") != 0;
      decoded.ref = in.next("slot reference");
      loop.body.push_back(decoded);
    }
    program.loops.push_back(std::move(loop));
  }
  for (int32_t index = 0; index < segments; index += 1) {
    SegmentDef segment;
    int32_t elements = in.count("elements");
    segment.mandatoryElements = 0;
    segment.notesHeldFor = ~uint64_t{0};
    for (int32_t element = 0; element < elements; element += 1) {
      segment.elements.push_back(readElement(in, codeLists));
      if (segment.elements.back().mandatory && element < 63) segment.mandatoryElements |= uint64_t{1} << (element + 1);
    }
    segment.judgeable = readRules(in, segment.maskRules) && elements <= 63;
    program.segments.push_back(std::move(segment));
  }
  for (int32_t index = 0; index < codeLists; index += 1) {
    CodeList list;
    int32_t codes = in.count("codes");
    for (int32_t code = 0; code < codes; code += 1) {
      int32_t length = in.count("code length");
      std::string text;
      for (int32_t character = 0; character < length; character += 1) text.push_back(static_cast<char>(in.next("code character")));
      const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
      if (text.size() <= 7) list.packed.push_back(packCode(bytes, text.size()));
      else list.longer.push_back(text);
    }
    std::sort(list.packed.begin(), list.packed.end());
    program.codeLists.push_back(std::move(list));
  }
  if (!in.done()) throw std::runtime_error("spec program has words after its code lists");
  program.tagNumbers.assign(TAG_CODES, -1);
  int32_t tags = 0;
  for (const Loop& loop : program.loops) {
    for (const Slot& slot : loop.body) {
      if (slot.tag < 0 || slot.tag >= TAG_CODES) throw std::runtime_error("spec program has a slot whose tag is not a tag code");
      if (program.tagNumbers[slot.tag] < 0) program.tagNumbers[slot.tag] = tags++;
    }
  }
  for (Loop& loop : program.loops) {
    const int32_t size = static_cast<int32_t>(loop.body.size());
    loop.firstSlot.assign(tags, -1);
    loop.nextSlot.assign(size, -1);
    loop.mandatoryFrom.assign(size + 1, size);
    for (int32_t index = size - 1; index >= 0; index -= 1) {
      const int32_t number = program.tagNumbers[loop.body[index].tag];
      loop.nextSlot[index] = loop.firstSlot[number];
      loop.firstSlot[number] = index;
      loop.mandatoryFrom[index] = loop.body[index].mandatory ? index : loop.mandatoryFrom[index + 1];
    }
  }
  if (program.trailerTag < 0 || program.trailerTag >= TAG_CODES) throw std::runtime_error("spec program's trailer is not a tag code");
  for (const Loop& loop : program.loops) {
    if (loop.body.empty()) throw std::runtime_error("spec program has an empty loop");
  }
  for (const Loop& loop : program.loops) {
    for (const Slot& slot : loop.body) {
      size_t limit = slot.loop ? program.loops.size() : program.segments.size();
      if (slot.ref < 0 || static_cast<size_t>(slot.ref) >= limit) throw std::runtime_error("spec program refers to a loop or segment it does not define");
      if (slot.loop && program.loops[slot.ref].body[0].loop) throw std::runtime_error("spec program has a loop that starts with a loop");
    }
  }
  return program;
}

}  // namespace skim
