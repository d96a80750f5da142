// A transaction set's or message's segments placed in its structure as translators/structure places them:
// the innermost open loop first, then the loops around it; a loop's first segment starts a new repeat. Only
// whether every segment finds its place without a problem is decided here; where there is one, the
// TypeScript matcher finds it and says what it is.
#pragma once
#include <cstdint>
#include <vector>

#include "program.h"

namespace skim {

class StructureMatcher {
 public:
  explicit StructureMatcher(const Program& program);

  // The segment definition the tag takes next, or -1 when it cannot be placed without a problem.
  int32_t place(int32_t tag);

  // Whether the loops still open lack nothing mandatory.
  bool finish();

 private:
  struct Frame {
    int32_t loop;
    // Index in the loop's body of the slot last filled; -1 before the first.
    int32_t index;
    std::vector<int32_t> counts;
  };

  void open(int32_t loop, int32_t index);
  bool lacksMandatory(const Frame& frame, int32_t from, int32_t to) const;

  const Program& program_;
  // Frames up to depth_ are open; those above are kept for their counts' storage.
  std::vector<Frame> frames_;
  size_t depth_ = 0;
};

}  // namespace skim
