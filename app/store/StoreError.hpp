#pragma once

#include <stdexcept>
#include <string>

namespace plenary::store {

// Why a session file could not be opened or written. Each kind has its own one-line message.
enum class StoreErrorKind {
    Missing,
    NotDatabase,
    ForeignDatabase,
    NewerVersion,
    Damaged,
    ReadOnly,
    AlreadyOpen,
    AlreadyExists,
    Invalid,
    Io,
};

class StoreError : public std::runtime_error {
public:
    StoreError(StoreErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    StoreErrorKind kind() const { return m_kind; }

private:
    StoreErrorKind m_kind;
};

} // namespace plenary::store
