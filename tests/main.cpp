#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    // `plenary search` and the library keep their index in the user's cache folder: the tests
    // (and the programs they start, which inherit it) use one of their own, removed at the end.
    namespace fs = std::filesystem;
    std::string cache = (fs::temp_directory_path() / "plenary-test-cache-XXXXXX").string();
    const bool own = ::mkdtemp(cache.data()) != nullptr;
    if (own) ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
    doctest::Context context(argc, argv);
    const int result = context.run();
    std::error_code ec;
    if (own) fs::remove_all(cache, ec);
    return result;
}
