#pragma once

namespace plenary::store {

enum class OpenMode { ReadWrite, ReadOnly };

} // namespace plenary::store
