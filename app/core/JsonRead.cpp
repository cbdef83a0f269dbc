#include "core/JsonRead.hpp"

#include "core/Limits.hpp"
#include "core/Text.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <limits>

namespace plenary::core {
namespace {

struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};

LineColumn lineColumnAt(std::string_view text, std::size_t offset) {
    LineColumn lc;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++lc.column; // count characters, not UTF-8 continuation bytes
        }
    }
    return lc;
}

std::string at(std::string_view source, std::string_view text, std::size_t offset) {
    const auto lc = lineColumnAt(text, offset);
    return std::string(source) + ": line " + std::to_string(lc.line) + ", column " +
           std::to_string(lc.column);
}

// rapidjson's assertion text names the check that failed; say what was expected instead. The
// number getters assert on flags ("data_.f.flags & kInt64Flag"), not on IsInt64().
std::string friendly(std::string_view what) {
    struct Hint {
        std::string_view check;
        std::string_view message;
    };
    static constexpr Hint hints[] = {
        {"IsString", "expected text"},
        {"IsInt64", "expected a whole number"},
        {"IsUint64", "expected a whole number"},
        {"IsInt", "expected a whole number"},
        {"IsUint", "expected a whole number"},
        {"kInt64Flag", "expected a whole number"},
        {"kUint64Flag", "expected a whole number"},
        {"kIntFlag", "expected a whole number"},
        {"kUintFlag", "expected a whole number"},
        {"IsBool", "expected true or false"},
        {"IsNumber", "expected a number"},
        {"IsDouble", "expected a number"},
        {"IsObject", "expected an object { … }"},
        {"IsArray", "expected a list [ … ]"},
        {"No more objects", "missing value"},
    };
    for (const auto& hint : hints)
        if (what.find(hint.check) != std::string_view::npos) return std::string(hint.message);
    return std::string(what);
}

} // namespace

void checkJsonText(std::string_view text, std::string_view source, const JsonLimits& limits) {
    if (text.size() > limits.maxBytes)
        throw JsonError(std::string(source) + ": " + fileTooLargeMessage(text.size(), limits.maxBytes));
    // Nesting is measured before parsing, so a hostile file cannot exhaust the parser's stack.
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[') {
            if (++depth > limits.maxDepth)
                throw JsonError(at(source, text, i) + ": nested more than " +
                                std::to_string(limits.maxDepth) + " levels deep");
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            // A zero written with an exponent (0e30) or with many digits (0.000000000000000000000)
            // sends rapidjson's full-precision reader into undefined behaviour (found by fuzzing):
            // nobody writes one on purpose.
            std::size_t end = i;
            bool nonZero = false;
            int digits = 0;
            while (end < text.size() && (text[end] == '-' || text[end] == '.' || (text[end] >= '0' && text[end] <= '9'))) {
                nonZero = nonZero || (text[end] >= '1' && text[end] <= '9');
                digits += text[end] >= '0' && text[end] <= '9';
                ++end;
            }
            const bool exponent = end < text.size() && (text[end] == 'e' || text[end] == 'E');
            if (!nonZero && (exponent || digits > 10))
                throw JsonError(at(source, text, i) + ": a zero written " +
                                (exponent ? "with an exponent" : "with " + std::to_string(digits) + " digits") +
                                ": write 0");
            // So is a number of very many digits; no figure of a workshop needs more than 24.
            if (digits > 24)
                throw JsonError(at(source, text, i) + ": a number of " + std::to_string(digits) +
                                " digits; at most 24 are read");
            i = end - 1;
        }
    }
    rapidjson::Document document;
    document.Parse(text.data(), text.size());
    if (document.HasParseError())
        throw JsonError(at(source, text, document.GetErrorOffset()) + ": " +
                        rapidjson::GetParseError_En(document.GetParseError()));
    if (!document.IsObject()) throw JsonError(std::string(source) + ": expected an object { … } at the top");
}

namespace {

// The parser hands strings on as C strings, so a NUL written as \u0000 would silently cut the
// text short. Inside strings it is swapped for U+FFFF (a noncharacter no text needs), which read()
// then refuses with the field's path.
void markNuls(std::string& text) {
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c == '\\') {
            if (i + 5 < text.size() && text[i + 1] == 'u' && text.compare(i + 2, 4, "0000") == 0)
                text.replace(i + 2, 4, "FFFF");
            ++i;
        }
    }
}

} // namespace

JsonIn::JsonIn(std::string text, std::string source, const JsonLimits& limits) : m_source(std::move(source)) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // a byte-order mark, as Windows editors write
    checkJsonText(text, m_source, limits);
    markNuls(text);
    m_stream.str(std::move(text));
    try {
        m_archive = std::make_unique<cereal::JSONInputArchive>(m_stream);
    } catch (const cereal::Exception& e) {
        throw JsonError(m_source + ": " + friendly(e.what()));
    }
}

JsonIn::~JsonIn() = default;

std::string JsonIn::where() const {
    std::string path = m_source;
    bool first = true;
    for (const auto& part : m_path) {
        if (!part.empty() && part.front() == '[')
            path += part;
        else {
            path += first ? ": " : ".";
            path += part;
        }
        first = false;
    }
    return path;
}

void JsonIn::fail(std::string_view message) const {
    throw JsonError(where() + ": " + std::string(message));
}

template <class F> void JsonIn::guarded(F&& body) {
    try {
        body();
    } catch (const cereal::Exception& e) {
        fail(friendly(e.what()));
    }
}

void JsonIn::loopMembers(const std::function<bool(std::string_view)>& onField) {
    while (const char* name = m_archive->getNodeName()) {
        const std::string key = name;
        m_path.push_back(key);
        if (!onField(key)) fail("unknown field");
        m_path.pop_back();
    }
}

void JsonIn::readRoot(const std::function<bool(std::string_view)>& onField) {
    loopMembers(onField);
}

void JsonIn::readObject(const std::function<bool(std::string_view)>& onField) {
    try {
        m_archive->startNode();
    } catch (const cereal::Exception&) {
        fail("expected an object { … }");
    }
    if (m_archive->getNodeName() == nullptr) {
        // Empty object or a list: cereal's startNode accepts both, only a list has a size.
        bool isList = true;
        try {
            cereal::size_type size = 0;
            m_archive->loadSize(size);
        } catch (const cereal::Exception&) {
            isList = false;
        }
        if (isList) fail("expected an object { … }");
    }
    loopMembers(onField);
    m_archive->finishNode();
}

void JsonIn::readArray(const std::function<void(std::size_t)>& onElement) {
    cereal::size_type size = 0;
    // startNode on text or a number fails on rapidjson's IsObject() check: say "list", not "object".
    try {
        m_archive->startNode();
        m_archive->loadSize(size);
    } catch (const cereal::Exception&) {
        fail("expected a list [ … ]");
    }
    for (std::size_t i = 0; i < size; ++i) {
        m_path.push_back("[" + std::to_string(i) + "]");
        onElement(i);
        m_path.pop_back();
    }
    m_archive->finishNode();
}

void JsonIn::read(std::string& value) {
    guarded([&] { (*m_archive)(value); });
    if (value.find("\xEF\xBF\xBF") != std::string::npos) fail("contains a NUL character (\\u0000)");
    if (firstInvalidUtf8(value) != std::string::npos) fail("is not valid UTF-8 text");
    if (textTooLong(value)) fail(textTooLongMessage(value));
}

void JsonIn::read(std::int64_t& value) {
    guarded([&] { (*m_archive)(value); });
}

void JsonIn::read(int& value) {
    std::int64_t wide = 0;
    read(wide);
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
        fail("number out of range");
    value = static_cast<int>(wide);
}

void JsonIn::read(double& value) {
    guarded([&] { (*m_archive)(value); });
    // cereal parses NaN and Infinity (kParseNanAndInfFlag); no setting means either.
    if (!std::isfinite(value)) fail("expected a number");
}

void JsonIn::read(bool& value) {
    guarded([&] { (*m_archive)(value); });
}

void JsonIn::read(std::vector<std::string>& values) {
    values.clear();
    readArray([&](std::size_t) {
        std::string item;
        read(item);
        values.push_back(std::move(item));
    });
}

} // namespace plenary::core
