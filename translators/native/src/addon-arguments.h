// N-API plumbing both addons share: arguments in, numbers out; a bad argument throws a TypeError naming it.
// Each addon reads its standard's delimiters itself.
#pragma once
#include <node_api.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "program.h"
#include "skim-run.h"

namespace skim {

void throwType(napi_env env, const char* message);

bool int32Array(napi_env env, napi_value value, int32_t*& data, size_t& length);

bool bytesOf(napi_env env, napi_value value, uint8_t*& data, size_t& length);

bool latin1(napi_env env, napi_value value, std::string& text);

napi_value number(napi_env env, int32_t value);

napi_value boolean(napi_env env, bool value);

// Where a run's delimiters are among its arguments, and how many arguments it takes before its own.
const size_t RUN_DELIMITERS = 4;
const size_t RUN_ARGUMENTS = 8;

// A run's arguments, `count` of them (RUN_ARGUMENTS and the addon's own after them) into `argv`: (program,
// Uint8Array, start, end, delimiters, final, identifier, Int32Array out of 7 or more), with 0 <= start <= end
// <= length. Reads all but the delimiters, argv[RUN_DELIMITERS]; false when one is missing or bad.
bool runArguments(napi_env env, napi_callback_info info, size_t count, napi_value* argv, Run& run);

// A segment check's arguments into `argv`: (program, definition index, string, delimiters). Reads all but
// the delimiters, argv[3]; false when one is missing or bad.
bool segmentArguments(napi_env env, napi_callback_info info, napi_value* argv, const Program*& program, const SegmentDef*& definition, std::string& text);

// compileProgram(Int32Array) -> the program, freed with the last reference to it.
napi_value CompileProgram(napi_env env, napi_callback_info info);

}  // namespace skim
