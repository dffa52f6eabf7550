#pragma once

#include "support/Result.h"

#include <QString>

// The client's cache directory ($XDG_CACHE_HOME/obnam): downloaded generation databases and
// copies of index objects, which name every file backed up, its owner, link target and
// extended attributes. It is the user's alone.
namespace obnam::cachedir {

// Makes `root` exist with mode 0700 whatever the umask, and marks it with a CACHEDIR.TAG so
// that backup tools (this one included) skip it. A cache an older version made with wider
// modes is put right: every directory in it 0700, every file 0600.
Status preparePrivate(const QString &root);

// Creates `dir` and any missing parents with mode 0700 (an existing one is left as it is).
Status makePrivatePath(const QString &dir);

// The signature line of a CACHEDIR.TAG file (https://bford.info/cachedir/).
inline constexpr char kTagSignature[] = "Signature: 8a477f597d28d172789f06886806bc55";

} // namespace obnam::cachedir
