#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// What a folder holds, for choosing a file inside Plenary (the CSV import): its sub-folders and
// the files of one kind, without a window toolkit's file dialog.
namespace plenary::session {

struct FolderEntry {
    std::string name; // the file or folder name, without the folder
    bool folder = false;
};

struct FolderListing {
    std::filesystem::path folder;
    std::vector<FolderEntry> entries; // folders first, then files; names compared case-insensitively
    std::string problem;              // why the folder could not be read; empty when it could
};

// The sub-folders of folder and its files ending in extension (any case, e.g. ".csv"). Hidden
// entries (a leading '.') are left out. A folder that cannot be read gives a problem, never a throw.
FolderListing listFolder(const std::filesystem::path& folder, std::string_view extension);

// Where a chooser opens: the folder of the path typed so far ("~" read as home), else the last
// folder used, else the home folder; the first of them that is a folder.
std::filesystem::path startingFolder(std::string_view typed, const std::string& lastFolder);

} // namespace plenary::session
