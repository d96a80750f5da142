#include "addon-arguments.h"

#include <climits>
#include <stdexcept>

namespace skim {

namespace {

bool typedArray(napi_env env, napi_value value, napi_typedarray_type expected, void*& data, size_t& length) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  return napi_get_typedarray_info(env, value, &type, &length, &data, &buffer, &offset) == napi_ok && type == expected;
}

bool programOf(napi_env env, napi_value value, const Program*& program) {
  void* raw;
  if (napi_get_value_external(env, value, &raw) != napi_ok) return false;
  program = static_cast<const Program*>(raw);
  return true;
}

}  // namespace

void throwType(napi_env env, const char* message) { napi_throw_type_error(env, nullptr, message); }

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

napi_value boolean(napi_env env, bool value) {
  napi_value result;
  napi_get_boolean(env, value, &result);
  return result;
}

bool runArguments(napi_env env, napi_callback_info info, size_t count, napi_value* argv, Run& run) {
  size_t argc = count;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  uint8_t* bytes;
  size_t size;
  int64_t start, end;
  size_t outLength;
  if (argc < count || !programOf(env, argv[0], run.program) || !bytesOf(env, argv[1], bytes, size) || napi_get_value_int64(env, argv[2], &start) != napi_ok ||
      napi_get_value_int64(env, argv[3], &end) != napi_ok || napi_get_value_bool(env, argv[5], &run.final) != napi_ok || !latin1(env, argv[6], run.identifier) ||
      !int32Array(env, argv[7], run.out, outLength) || outLength < 7 || start < 0 || end < start || static_cast<size_t>(end) > size || end > INT32_MAX) {
    return false;
  }
  run.bytes = bytes;
  run.start = static_cast<size_t>(start);
  run.end = static_cast<size_t>(end);
  run.room = (outLength - 2) / 5;
  return true;
}

bool segmentArguments(napi_env env, napi_callback_info info, napi_value* argv, const Program*& program, const SegmentDef*& definition, std::string& text) {
  size_t argc = 4;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int32_t index;
  if (argc < 4 || !programOf(env, argv[0], program) || napi_get_value_int32(env, argv[1], &index) != napi_ok || index < 0 ||
      static_cast<size_t>(index) >= program->segments.size() || !latin1(env, argv[2], text)) {
    return false;
  }
  definition = &program->segments[index];
  return true;
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

}  // namespace skim
