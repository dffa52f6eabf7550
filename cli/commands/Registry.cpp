#include "Commands.h"

namespace obnam::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> all;
    all.push_back(makeInitCommand());
    all.push_back(makeBackupCommand());
    all.push_back(makeListCommand());
    all.push_back(makeListFilesCommand());
    all.push_back(makeRestoreCommand());
    all.push_back(makeResolveCommand());
    all.push_back(makeShowGenerationCommand());
    all.push_back(makeGenInfoCommand());
    all.push_back(makeDiffCommand());
    all.push_back(makeVersionsCommand());
    all.push_back(makeFindCommand());
    all.push_back(makeCheckCommand());
    all.push_back(makeForgetCommand());
    all.push_back(makePruneCommand());
    all.push_back(makeRepairCommand());
    all.push_back(makeUnlockCommand());
    all.push_back(makeScheduleCommand());
    all.push_back(makeKeyCommand());
    all.push_back(makeConfigCommand());
    all.push_back(makeChunkifyCommand());
    return all;
}

} // namespace obnam::cli
