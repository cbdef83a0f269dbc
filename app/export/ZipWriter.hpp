#pragma once

#include <deque>
#include <memory>
#include <string>

struct zip;
struct zip_source;

// A zip archive built in memory with libzip (a Word file is one): entries added in order, then the
// archive's bytes. Throws std::runtime_error with libzip's message when it fails.
namespace plenary::exporting {

class ZipWriter {
public:
    ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Adds an entry (deflated). Content is kept until finish(), when libzip reads it.
    void add(const std::string& name, std::string content);

    // Writes the archive and returns its bytes; the writer is done after it.
    std::string finish();

private:
    struct SourceFree {
        void operator()(zip_source* source) const;
    };
    struct ArchiveDiscard {
        void operator()(zip* archive) const;
    };
    std::unique_ptr<zip_source, SourceFree> m_buffer; // our reference to the archive's bytes
    std::unique_ptr<zip, ArchiveDiscard> m_archive;
    std::deque<std::string> m_contents; // stable addresses: entries point into them
};

} // namespace plenary::exporting
