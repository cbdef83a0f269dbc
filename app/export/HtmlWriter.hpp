#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

// Writes HTML (and the SVG inside it) so that user text can only ever be text: every text node and
// attribute value is escaped, element and attribute names are literals checked at compile time,
// and the only way to a URL attribute is link(), which takes web and mail addresses only. Nothing
// here builds markup by concatenating user text.
namespace plenary::exporting {

// & < > " ' as entities, after core::forDocument (valid UTF-8, no control characters but tab and
// line break). Safe in a text node and in a quoted attribute value.
std::string escapeHtml(std::string_view text);


// An element or attribute name from our own code. consteval: a name that is not a plain
// [a-zA-Z][a-zA-Z0-9-]* word, or that is an event handler (on…), a URL attribute (href, src…),
// script, or style (stylesheet() is the one way to CSS), does not compile.
class HtmlName {
public:
    template <std::size_t N>
    consteval HtmlName(const char (&name)[N]) : m_name(name, N - 1) {
        if (!valid(m_name)) throw "not an allowed HTML name"; // a compile error in consteval
    }
    constexpr std::string_view view() const { return m_name; }

private:
    static constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
    static constexpr bool equalsFolded(std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (lower(a[i]) != lower(b[i])) return false;
        return true;
    }
    static constexpr bool valid(std::string_view name) {
        if (name.empty()) return false;
        for (std::size_t i = 0; i < name.size(); ++i) {
            const char c = lower(name[i]);
            const bool letter = c >= 'a' && c <= 'z';
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '-'))) return false;
        }
        if (name.size() >= 2 && lower(name[0]) == 'o' && lower(name[1]) == 'n') return false;
        for (const std::string_view banned : {"script", "href", "src", "srcset", "srcdoc", "action",
                                              "formaction", "data", "poster", "background",
                                              "iframe", "object", "embed", "base", "link", "style"})
            if (equalsFolded(name, banned)) return false;
        return true;
    }
    std::string_view m_name;
};

struct HtmlAttribute {
    HtmlName name;
    std::string value; // any text: escaped when written
};

class HtmlWriter {
public:
    // Closes the element it was made for when it goes out of scope.
    class Element {
    public:
        Element(Element&& other) noexcept : m_writer(other.m_writer), m_depth(other.m_depth) {
            other.m_writer = nullptr;
        }
        Element(const Element&) = delete;
        Element& operator=(const Element&) = delete;
        Element& operator=(Element&&) = delete;
        ~Element() {
            if (m_writer) m_writer->closeTo(m_depth - 1);
        }

    private:
        friend class HtmlWriter;
        explicit Element(HtmlWriter& writer) : m_writer(&writer), m_depth(writer.m_open.size()) {}
        HtmlWriter* m_writer;
        std::size_t m_depth; // the open elements' count with this one open
    };

    void doctype();
    void open(HtmlName tag, std::initializer_list<HtmlAttribute> attributes = {});
    // open() now, close() when the returned guard is destroyed.
    [[nodiscard]] Element scoped(HtmlName tag, std::initializer_list<HtmlAttribute> attributes = {});
    void close();
    // An element that holds nothing: HTML's void elements (meta, br) and SVG shapes (rect, line).
    void empty(HtmlName tag, std::initializer_list<HtmlAttribute> attributes = {});
    // <tag>text</tag>
    void element(HtmlName tag, std::string_view text, std::initializer_list<HtmlAttribute> attributes = {});

    void text(std::string_view text);
    // Text whose line breaks matter: a single line break becomes <br>.
    void textWithBreaks(std::string_view text);
    // Paragraphs split at blank lines, each a <p> (with the class, if any); nothing for empty text.
    void paragraphs(std::string_view text, std::string_view cssClass = {});
    // An <a href> for a web or mail address (core::isWebAddress); anything else is written as plain text
    // so that it can be read but not followed. The label defaults to the address itself.
    void link(std::string_view url, std::string_view label = {});
    // <style>…</style> with the stylesheet as given, except that it holds no '<' (written as the
    // CSS escape "\3C "), so nothing in it can end the element early.
    void stylesheet(std::string_view css);

    // Closes whatever is still open and hands over the document.
    std::string finish();

private:
    void writeAttributes(std::initializer_list<HtmlAttribute> attributes);
    void closeTo(std::size_t depth);

    std::string m_out;
    std::vector<std::string_view> m_open; // names of the open elements: literals, so views are safe
};

} // namespace plenary::exporting
