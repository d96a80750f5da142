#include "structure.h"

#include <algorithm>
#include <cstring>

namespace skim {

StructureMatcher::StructureMatcher(const Program& program) : program_(program) { open(0, -1); }

void StructureMatcher::open(int32_t loop, int32_t index) {
  if (frames_.size() <= depth_) frames_.emplace_back();
  Frame& frame = frames_[depth_];
  frame.loop = loop;
  frame.index = index;
  const size_t size = program_.loops[loop].body.size();
  if (frame.counts.size() < size) frame.counts.resize(size);
  std::memset(frame.counts.data(), 0, size * sizeof(int32_t));
  depth_ += 1;
}

bool StructureMatcher::lacksMandatory(const Frame& frame, int32_t from, int32_t to) const {
  const Loop& loop = program_.loops[frame.loop];
  for (int32_t index = loop.mandatoryFrom[from]; index < to; index = loop.mandatoryFrom[index + 1]) {
    if (frame.counts[index] == 0 && loop.body[index].tag != program_.trailerTag) return true;
  }
  return false;
}

int32_t StructureMatcher::place(int32_t tag) {
  const int32_t number = tag >= 0 && tag < TAG_CODES ? program_.tagNumbers[tag] : -1;
  if (number < 0) return -1;
  size_t found = depth_;
  int32_t foundIndex = -1;
  for (size_t level = depth_; level-- > 0 && foundIndex < 0;) {
    const Frame& frame = frames_[level];
    const Loop& loop = program_.loops[frame.loop];
    // Inside a loop its first segment is never matched again: that starts the next repeat, one level up.
    const int32_t from = std::max(frame.index, level == 0 ? 0 : 1);
    int32_t index = loop.firstSlot[number];
    while (index >= 0 && index < from) index = loop.nextSlot[index];
    if (index >= 0) {
      found = level;
      foundIndex = index;
    }
  }
  if (foundIndex < 0) return -1;
  while (depth_ - 1 > found) {
    const Frame& closing = frames_[depth_ - 1];
    if (lacksMandatory(closing, closing.index + 1, static_cast<int32_t>(program_.loops[closing.loop].body.size()))) return -1;
    depth_ -= 1;
  }
  Frame& frame = frames_[found];
  if (lacksMandatory(frame, frame.index + 1, foundIndex)) return -1;
  frame.index = foundIndex;
  const Slot& slot = program_.loops[frame.loop].body[foundIndex];
  const int32_t count = ++frame.counts[foundIndex];
  if (count > slot.max || slot.notUsed) return -1;
  if (!slot.loop) return slot.ref;
  open(slot.ref, 0);
  frames_[depth_ - 1].counts[0] = 1;
  return program_.loops[slot.ref].body[0].ref;
}

bool StructureMatcher::finish() {
  while (depth_ > 0) {
    const Frame& closing = frames_[depth_ - 1];
    if (lacksMandatory(closing, closing.index + 1, static_cast<int32_t>(program_.loops[closing.loop].body.size()))) return false;
    depth_ -= 1;
  }
  return true;
}

}  // namespace skim
