#pragma once

#include <QFuture>
#include <QPromise>

#include <memory>

namespace obnam {

// A promise that the continuations of a chain of requests share (copies refer to one promise):
// started when made, given its one result by whichever step ends the chain, on any thread.
template <typename T> class SharedPromise
{
public:
    SharedPromise()
        : m_promise(std::make_shared<QPromise<T>>())
    {
        m_promise->start();
    }

    QFuture<T> future() const { return m_promise->future(); }
    void finish(const T &value) const
    {
        m_promise->addResult(value);
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<T>> m_promise;
};

} // namespace obnam
