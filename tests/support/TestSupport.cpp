#include "TestSupport.h"

namespace obnam::test {

QByteArray randomData(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(size, Qt::Uninitialized);
    qsizetype i = 0;
    for (; i + 4 <= size; i += 4) {
        const quint32 v = rng.generate();
        memcpy(out.data() + i, &v, 4);
    }
    for (; i < size; ++i)
        out[i] = char(rng.generate() & 0xff);
    return out;
}

} // namespace obnam::test
