#include "ui/Headless.hpp"

#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Theme.hpp"

#include <imgui.h>

namespace plenary::ui {

Headless::Headless(std::function<void()> drawFrame, int width, int height)
    : m_drawFrame(std::move(drawFrame)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Like the OpenGL 3.2+ renderer of the real window: draw lists may exceed 64k vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    keys::mapKeys();
    const auto& loaded = loadFonts(1.0f);
    // No GPU: build the atlas in memory and give it a dummy texture id.
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    applyTheme(Theme::Light, loaded.bodySize);
    trace::enable(true);
    io.MousePos = ImVec2(-1.0f, -1.0f);
}

Headless::~Headless() {
    trace::enable(false);
    ImGui::DestroyContext();
}

void Headless::frame(int count) {
    for (int i = 0; i < count; ++i) {
        ImGui::NewFrame();
        m_drawFrame();
        ImGui::Render();
        trace::endFrame(); // what tests query is the frame just drawn
    }
}

bool Headless::click(std::string_view name) {
    for (const auto& item : trace::items()) {
        if (item.name != name) continue;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((item.min.x + item.max.x) / 2.0f, (item.min.y + item.max.y) / 2.0f);
        frame(); // hover
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame(); // let the click's consequences draw
        return true;
    }
    return false;
}

void Headless::pressKey(int key, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    frame();
}

void Headless::type(std::string_view utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
    frame();
}

bool Headless::hasItem(std::string_view name) const {
    for (const auto& item : trace::items())
        if (item.name == name) return true;
    return false;
}

bool Headless::hasText(std::string_view needle) const {
    for (const auto& text : trace::texts())
        if (text.find(needle) != std::string::npos) return true;
    return false;
}

} // namespace plenary::ui
