#pragma once

#include "../Command.h"

#include <memory>
#include <vector>

namespace obnam::cli {

// The registry: every subcommand, in the order --help lists them.
std::vector<std::unique_ptr<Command>> allCommands();

std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makeKeyCommand();
std::unique_ptr<Command> makeBackupCommand();
std::unique_ptr<Command> makeListCommand();
std::unique_ptr<Command> makeListFilesCommand();
std::unique_ptr<Command> makeRestoreCommand();
std::unique_ptr<Command> makeResolveCommand();
std::unique_ptr<Command> makeShowGenerationCommand();
std::unique_ptr<Command> makeGenInfoCommand();
std::unique_ptr<Command> makeConfigCommand();
std::unique_ptr<Command> makeChunkifyCommand();
std::unique_ptr<Command> makeDiffCommand();
std::unique_ptr<Command> makeVersionsCommand();
std::unique_ptr<Command> makeFindCommand();
std::unique_ptr<Command> makeCheckCommand();
std::unique_ptr<Command> makeForgetCommand();
std::unique_ptr<Command> makePruneCommand();
std::unique_ptr<Command> makeRepairCommand();
std::unique_ptr<Command> makeUnlockCommand();
std::unique_ptr<Command> makeScheduleCommand();

} // namespace obnam::cli
