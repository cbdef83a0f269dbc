#pragma once

#include <filesystem>
#include <string>

namespace plenary::ui {

// Reads the current OpenGL back buffer and writes it as a PNG; returns an error line or "".
std::string saveScreenshot(const std::filesystem::path& path, int width, int height);

} // namespace plenary::ui
