#pragma once

#include <functional>
#include <string>

namespace plenary::session {

// What the data side tells the person at the screen. The level decides how it is drawn: an
// import that worked is not an error.
struct Message {
    enum class Level { Info, Warning, Error };
    Level level = Level::Info;
    std::string text;
    bool operator==(const Message&) const = default;
};

using Reporter = std::function<void(Message)>;

inline Message info(std::string text) {
    return {Message::Level::Info, std::move(text)};
}
inline Message warning(std::string text) {
    return {Message::Level::Warning, std::move(text)};
}
inline Message error(std::string text) {
    return {Message::Level::Error, std::move(text)};
}

} // namespace plenary::session
