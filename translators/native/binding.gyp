{
  "targets": [
    {
      "target_name": "skim",
      "sources": ["src/program.cc", "src/structure.cc", "src/addon-arguments.cc", "src/x12-elements.cc", "src/x12-skim.cc"],
      "cflags_cc": ["-O3", "-std=c++17", "-fexceptions", "-Wall", "-Wextra", "-fvisibility=hidden", "-flto"],
      "cflags_cc!": ["-fno-exceptions"],
      "ldflags": ["-O3", "-flto"],
      "conditions": [["target_arch == 'x64'", { "cflags_cc": ["-mpopcnt"] }]]
    },
    {
      "target_name": "edifact_skim",
      "sources": ["src/program.cc", "src/structure.cc", "src/addon-arguments.cc", "src/edifact-elements.cc", "src/edifact-skim.cc"],
      "cflags_cc": ["-O3", "-std=c++17", "-fexceptions", "-Wall", "-Wextra", "-fvisibility=hidden", "-flto"],
      "cflags_cc!": ["-fno-exceptions"],
      "ldflags": ["-O3", "-flto"]
    }
  ]
}
