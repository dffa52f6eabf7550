// Content-defined chunking: determinism, coverage of the input, size bounds, seed keying
// and resistance to shifted content.
#include "TestSupport.h"
#include "chunk/Chunker.h"

#include <QSet>
#include <QtTest>

using namespace obnam;

namespace {
QList<QByteArray> chunksOf(const Chunker &c, const QByteArray &data)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype n =
            c.cut(reinterpret_cast<const uchar *>(data.constData()) + pos, data.size() - pos);
        out.append(data.mid(pos, n));
        pos += n;
    }
    return out;
}
} // namespace

class TestChunker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concatenationIsInputAndSizesAreBounded()
    {
        const auto params = ChunkerParams::forAverage(8192);
        const Chunker c(QByteArray(32, 'k'), params);
        const QByteArray data = test::randomData(2 * 1024 * 1024 + 17, 3);
        const auto chunks = chunksOf(c, data);
        QByteArray joined;
        for (int i = 0; i < chunks.size(); ++i) {
            joined.append(chunks[i]);
            QVERIFY(chunks[i].size() <= qsizetype(params.maxSize));
            if (i + 1 < chunks.size())
                QVERIFY(chunks[i].size() >= qsizetype(params.minSize));
        }
        QCOMPARE(joined, data);
        // Normalized chunking keeps the mean near the target.
        const double mean = double(data.size()) / chunks.size();
        QVERIFY2(mean > 8192 * 0.6 && mean < 8192 * 1.6, qPrintable(QString::number(mean)));
    }

    void deterministicForASeed()
    {
        const QByteArray data = test::randomData(1 << 20, 4);
        const Chunker a(QByteArray(32, 'k'), ChunkerParams::forAverage(4096));
        const Chunker b(QByteArray(32, 'k'), ChunkerParams::forAverage(4096));
        QCOMPARE(chunksOf(a, data), chunksOf(b, data));
    }

    void seedChangesBoundaries()
    {
        const QByteArray data = test::randomData(1 << 20, 5);
        const Chunker a(QByteArray(32, 'k'), ChunkerParams::forAverage(4096));
        const Chunker b(QByteArray(32, 'l'), ChunkerParams::forAverage(4096));
        QVERIFY(chunksOf(a, data) != chunksOf(b, data));
    }

    void insertionOnlyDisturbsNearbyChunks()
    {
        const Chunker c(QByteArray(32, 'k'), ChunkerParams::forAverage(4096));
        const QByteArray data = test::randomData(1 << 20, 6);
        QByteArray shifted = data;
        shifted.insert(1000, "inserted bytes");
        const auto before = chunksOf(c, data);
        const auto after = chunksOf(c, shifted);
        const QSet<QByteArray> old(before.cbegin(), before.cend());
        int reused = 0;
        for (const QByteArray &chunk : after)
            reused += old.contains(chunk) ? 1 : 0;
        QVERIFY2(reused >= after.size() - 3,
                 qPrintable(QStringLiteral("%1 of %2").arg(reused).arg(after.size())));
    }

    void smallAndEmptyInputs()
    {
        const Chunker c(QByteArray(32, 'k'), ChunkerParams::forAverage(4096));
        QCOMPARE(chunksOf(c, QByteArray()).size(), 0);
        QCOMPARE(chunksOf(c, QByteArray("x")).size(), 1);
        // Constant data has no content boundaries: chunks fall at the maximum size.
        const auto zeros = chunksOf(c, QByteArray(100000, '\0'));
        QCOMPARE(zeros.first().size(), qsizetype(16384));
    }

    void validation()
    {
        QVERIFY(ChunkerParams::forAverage(1 << 20).validate());
        QVERIFY(!ChunkerParams::forAverage(1000).validate()); // not a power of two
        QVERIFY(!ChunkerParams::forAverage(32).validate());   // too small
        QVERIFY(!(ChunkerParams{100, 64, 50}).validate());
        const auto json = ChunkerParams::forAverage(1 << 20).toJson();
        QCOMPARE(ChunkerParams::fromJson(json)->avgSize, quint32(1 << 20));
    }
};

QTEST_GUILESS_MAIN(TestChunker)
#include "tst_chunker.moc"
