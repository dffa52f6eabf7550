#pragma once

#include "backend/Backend.h"

#include <QObject>

#include <functional>
#include <memory>

namespace obnam::test {

// The behaviour every Backend must show, as one Qt Test class. Each backend's test
// executable runs it with a factory that returns a fresh, empty backend per test function.
class BackendConformance : public QObject
{
    Q_OBJECT

public:
    using Factory = std::function<std::shared_ptr<Backend>()>;
    explicit BackendConformance(Factory factory, QObject *parent = nullptr);

private Q_SLOTS:
    void init();
    void cleanup();

    void putThenGet();
    void getMissingIsNotFound();
    void createOnlyRefusesExisting();
    void overwriteReplaces();
    void emptyObject();
    void largeObject();
    void getRange();
    void largeRangesAtAnyOffset();
    void shortRangeIsCorrupt();
    void statGivesSize();
    void listByPrefixIsSortedAndComplete();
    void listOfEmptyPrefixIsEmpty();
    void removeDeletes();
    void removeMissingIsNotFound();
    void invalidNamesAreRefused_data();
    void invalidNamesAreRefused();
    void invalidPrefixesAreRefused();
    void manyWritesInFlight();

private:
    Factory m_factory;
    std::shared_ptr<Backend> m_backend;
};

} // namespace obnam::test
