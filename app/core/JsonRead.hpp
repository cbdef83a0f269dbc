#pragma once

#include <cereal/archives/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Reading JSON (templates, the session interchange) through cereal's JSON archive, with errors
// that name the file, the line or the field — never an abort. cereal's json.hpp makes rapidjson's
// assertions throw cereal::RapidJSONException; JsonIn turns them into JsonError with a path.
namespace plenary::core {

struct JsonError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct JsonLimits {
    std::size_t maxBytes = 4u << 20;
    int maxDepth = 32;
};

// Rejects oversize, too deeply nested or malformed text, naming line and column, before the
// recursive parser sees it. The root must be an object.
void checkJsonText(std::string_view text, std::string_view source, const JsonLimits& limits);

class JsonIn {
public:
    // Checks the text with checkJsonText first; throws JsonError.
    JsonIn(std::string text, std::string source, const JsonLimits& limits = {});
    ~JsonIn();
    JsonIn(const JsonIn&) = delete;
    JsonIn& operator=(const JsonIn&) = delete;

    // Calls onField(key) for each member of the root object. onField reads the member's value
    // with one of the functions below and returns false for an unknown key.
    void readRoot(const std::function<bool(std::string_view)>& onField);

    // The value of the current member or array element.
    void readObject(const std::function<bool(std::string_view)>& onField);
    void readArray(const std::function<void(std::size_t)>& onElement);
    void read(std::string& value);
    void read(std::int64_t& value);
    void read(int& value);
    void read(double& value);
    void read(bool& value);
    void read(std::vector<std::string>& values);

    // Throws a JsonError naming the current path.
    [[noreturn]] void fail(std::string_view message) const;
    std::string where() const;

private:
    void loopMembers(const std::function<bool(std::string_view)>& onField);
    template <class F> void guarded(F&& body);

    std::string m_source;
    std::istringstream m_stream;
    std::unique_ptr<cereal::JSONInputArchive> m_archive;
    std::vector<std::string> m_path;
};

} // namespace plenary::core
