#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace obnam::test {

// Deterministic pseudo-random bytes, so a failing test fails the same way again.
QByteArray randomData(qsizetype size, quint32 seed);

} // namespace obnam::test
