#pragma once
// Every lgesctl command once: its name, help text, examples, the flags it
// takes, and the function that runs it. main() and `lgesctl help` read it.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "clients/lgesctl/commands.h"

namespace lges::cli {

struct CommandSpec {
  std::string name;      // "summary"
  std::string synopsis;  // "summary YEAR"
  std::string purpose;   // One line for the list of commands.
  std::string details;   // What it shows, its words and flags.
  std::vector<std::string> examples;
  std::set<std::string> flags;  // Its own flags, besides the global ones.
  std::function<int(const Args&, LgesClient&, Io)> run;
};

// In the order `lgesctl --help` lists them.
const std::vector<CommandSpec>& Commands();
// nullptr if `name` is no command (old names such as "profile" resolve).
const CommandSpec* FindCommand(const std::string& name);
// Flags every command takes: server, timeout, format, output, actor, help.
const std::set<std::string>& GlobalFlags();

// `lgesctl --help`: usage, the commands, connection and exit codes.
std::string MainHelp();
// `lgesctl help COMMAND`, `lgesctl COMMAND --help`.
std::string CommandHelp(const CommandSpec& command);

}  // namespace lges::cli
