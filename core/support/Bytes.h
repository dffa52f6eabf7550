#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>

namespace obnam {

// Little-endian serialisation for the repository's binary structures.
class ByteWriter
{
public:
    void u8(quint8 v) { m_data.append(char(v)); }
    void u32(quint32 v)
    {
        const quint32 le = qToLittleEndian(v);
        m_data.append(reinterpret_cast<const char *>(&le), sizeof le);
    }
    void u64(quint64 v)
    {
        const quint64 le = qToLittleEndian(v);
        m_data.append(reinterpret_cast<const char *>(&le), sizeof le);
    }
    void raw(QByteArrayView bytes) { m_data.append(bytes); }
    void reserve(qsizetype n) { m_data.reserve(n); }
    const QByteArray &data() const { return m_data; }
    QByteArray take() { return std::move(m_data); }

private:
    QByteArray m_data;
};

// Bounds-checked reader for bytes that may be hostile: every read checks what is left, and
// the first failure sticks, so a parser can read a whole record and check ok() once.
class ByteReader
{
public:
    explicit ByteReader(QByteArrayView data)
        : m_data(data)
    {}

    bool ok() const { return m_ok; }
    qsizetype remaining() const { return m_ok ? m_data.size() - m_pos : 0; }
    bool atEnd() const { return m_ok && m_pos == m_data.size(); }

    quint8 u8()
    {
        const QByteArrayView b = take(1);
        return b.isEmpty() ? 0 : quint8(b[0]);
    }
    quint32 u32() { return fromLe<quint32>(take(4)); }
    quint64 u64() { return fromLe<quint64>(take(8)); }
    QByteArray raw(qsizetype n) { return take(n).toByteArray(); }

private:
    QByteArrayView take(qsizetype n)
    {
        if (!m_ok || n < 0 || n > m_data.size() - m_pos) {
            m_ok = false;
            return {};
        }
        const QByteArrayView out = m_data.sliced(m_pos, n);
        m_pos += n;
        return out;
    }
    template <typename T> static T fromLe(QByteArrayView b)
    {
        return b.size() == sizeof(T) ? qFromLittleEndian<T>(b.data()) : T(0);
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

// Lower-case hex of raw bytes (ids, digests), as object names and messages spell them.
inline QString hex(const QByteArray &raw)
{
    return QString::fromLatin1(raw.toHex());
}

} // namespace obnam
