#include "export/ZipWriter.hpp"

#include <zip.h>

#include <stdexcept>

namespace plenary::exporting {

void ZipWriter::SourceFree::operator()(zip_source* source) const {
    zip_source_free(source);
}

void ZipWriter::ArchiveDiscard::operator()(zip* archive) const {
    zip_discard(archive);
}

namespace {

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    const std::string message = what + ": " + zip_error_strerror(error);
    zip_error_fini(error);
    throw std::runtime_error(message);
}

} // namespace

ZipWriter::ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    m_buffer.reset(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!m_buffer) fail("cannot create a zip buffer", &error);
    m_archive.reset(zip_open_from_source(m_buffer.get(), ZIP_TRUNCATE, &error));
    if (!m_archive) fail("cannot create a zip archive", &error);
    // The archive now holds the buffer and frees it when closed; keep a reference to read it after.
    zip_source_keep(m_buffer.get());
    zip_error_fini(&error);
}

void ZipWriter::add(const std::string& name, std::string content) {
    if (!m_archive) throw std::runtime_error("zip archive already written");
    const std::string& kept = m_contents.emplace_back(std::move(content));
    zip_source_t* source = zip_source_buffer(m_archive.get(), kept.data(), kept.size(), 0);
    if (source == nullptr) throw std::runtime_error("cannot add " + name + " to a zip: " + zip_strerror(m_archive.get()));
    if (zip_file_add(m_archive.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(source); // not taken by the archive when adding fails
        throw std::runtime_error("cannot add " + name + " to a zip: " + zip_strerror(m_archive.get()));
    }
}

std::string ZipWriter::finish() {
    if (!m_archive) throw std::runtime_error("zip archive already written");
    if (zip_close(m_archive.get()) != 0)
        throw std::runtime_error(std::string("cannot write a zip archive: ") + zip_strerror(m_archive.get()));
    (void)m_archive.release(); // zip_close freed it
    m_contents.clear();

    zip_source_t* buffer = m_buffer.get();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(buffer, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0 || zip_source_open(buffer) != 0)
        throw std::runtime_error(std::string("cannot read a zip archive back: ") +
                                 zip_error_strerror(zip_source_error(buffer)));
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    zip_uint64_t done = 0;
    while (done < stat.size) {
        const zip_int64_t n = zip_source_read(buffer, bytes.data() + done, stat.size - done);
        if (n <= 0) break;
        done += static_cast<zip_uint64_t>(n);
    }
    zip_source_close(buffer);
    if (done != stat.size)
        throw std::runtime_error(std::string("cannot read a zip archive back: ") +
                                 zip_error_strerror(zip_source_error(buffer)));
    return bytes;
}

} // namespace plenary::exporting
