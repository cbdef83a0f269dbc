#include "session/FolderListing.hpp"

#include "core/Text.hpp"
#include "session/Paths.hpp"

#include <algorithm>

namespace plenary::session {

namespace fs = std::filesystem;

namespace {

std::u32string lowered(std::string_view text) {
    std::u32string out;
    for (const char32_t c : core::decodeUtf8(text))
        out.push_back(core::toLower(c));
    return out;
}

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// ".csv" matches "people.CSV": spreadsheets saved on Windows often shout.
bool endsWithIgnoringCase(std::string_view name, std::string_view ending) {
    if (name.size() < ending.size()) return false;
    const auto tail = name.substr(name.size() - ending.size());
    return std::equal(tail.begin(), tail.end(), ending.begin(),
                      [](char a, char b) { return asciiLower(a) == asciiLower(b); });
}

} // namespace

FolderListing listFolder(const fs::path& folder, std::string_view extension) {
    FolderListing listing;
    listing.folder = folder;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        listing.problem = "Cannot read the folder " + folder.string() + ": " + ec.message();
        return listing;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            listing.problem = "Cannot read all of " + folder.string() + ": " + ec.message();
            break;
        }
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        std::error_code statError;
        // Follows links: a link to a folder is entered like a folder; a broken link is left out.
        const auto status = fs::status(it->path(), statError);
        if (statError) continue;
        if (fs::is_directory(status))
            listing.entries.push_back({name, true});
        else if (fs::is_regular_file(status) && endsWithIgnoringCase(name, extension))
            listing.entries.push_back({name, false});
    }
    // Sorted once per listing, so each name is lowered once rather than at every comparison.
    std::vector<std::pair<std::u32string, FolderEntry>> keyed;
    keyed.reserve(listing.entries.size());
    for (auto& entry : listing.entries)
        keyed.emplace_back(lowered(entry.name), std::move(entry));
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (a.second.folder != b.second.folder) return a.second.folder;
        if (a.first != b.first) return a.first < b.first;
        return a.second.name < b.second.name; // "Notes" and "notes": always the same order
    });
    listing.entries.clear();
    for (auto& [key, entry] : keyed)
        listing.entries.push_back(std::move(entry));
    return listing;
}

fs::path startingFolder(std::string_view typed, const std::string& lastFolder) {
    std::error_code ec;
    const std::string trimmed = core::trim(typed);
    if (!trimmed.empty()) {
        const fs::path path = expandHome(trimmed);
        if (fs::is_directory(path, ec)) return path;
        if (fs::is_directory(path.parent_path(), ec)) return path.parent_path();
    }
    if (!lastFolder.empty() && fs::is_directory(expandHome(lastFolder), ec)) return expandHome(lastFolder);
    return homeFolder();
}

} // namespace plenary::session
