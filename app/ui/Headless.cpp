#include "ui/Headless.hpp"

#include "ui/ContextLocal.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Theme.hpp"

#include <imgui.h>

namespace plenary::ui {

Headless::Headless(std::function<void()> drawFrame, int width, int height)
    : m_drawFrame(std::move(drawFrame)) {
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context); // another harness may be current
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Like the OpenGL 3.2+ renderer of the real window: draw lists may exceed 64k vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    keys::mapKeys();
    const auto& loaded = loadFonts(1.0f, true); // presentation mode's too: tests draw it
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
    ImGui::SetCurrentContext(m_context);
    releaseContext(m_context);
    ImGui::DestroyContext(m_context);
}

void Headless::frame(int count) {
    ImGui::SetCurrentContext(m_context);
    for (int i = 0; i < count; ++i) {
        ImGui::NewFrame();
        m_drawFrame();
        ImGui::Render();
        trace::endFrame(); // what tests query is the frame just drawn
    }
}

bool Headless::click(std::string_view name) {
    ImGui::SetCurrentContext(m_context);
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
    pressKey(key, Modifiers{ctrl, shift, false});
}

void Headless::pressKey(int key, Modifiers modifiers) {
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = modifiers.ctrl;
    io.KeyShift = modifiers.shift;
    io.KeyAlt = modifiers.alt;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    io.KeyAlt = false;
    frame();
}

bool Headless::drag(std::string_view from, std::string_view to) {
    const auto start = itemRect(from);
    const auto end = itemRect(to);
    if (!start || !end) return false;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 a((start->min.x + start->max.x) / 2.0f, (start->min.y + start->max.y) / 2.0f);
    const ImVec2 b((end->min.x + end->max.x) / 2.0f, (end->min.y + end->max.y) / 2.0f);
    io.MousePos = a;
    frame();
    io.MouseDown[0] = true;
    frame();
    // ImGui starts a drag once the mouse has moved past its threshold while held.
    for (int step = 1; step <= 6; ++step) {
        const float t = static_cast<float>(step) / 6.0f;
        io.MousePos = ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    frame(); // let the drop's consequences draw
    return true;
}

bool Headless::wheel(std::string_view item, float steps) {
    const auto rect = itemRect(item);
    if (!rect) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((rect->min.x + rect->max.x) / 2.0f, (rect->min.y + rect->max.y) / 2.0f);
    frame();
    io.MouseWheel = steps;
    frame();
    io.MouseWheel = 0.0f;
    frame();
    return true;
}

std::optional<Headless::Rect> Headless::itemRect(std::string_view name) const {
    ImGui::SetCurrentContext(m_context);
    for (const auto& item : trace::items())
        if (item.name == name) return Rect{item.min, item.max};
    return std::nullopt;
}

std::vector<trace::Text> Headless::textItems(std::string_view needle) const {
    ImGui::SetCurrentContext(m_context);
    std::vector<trace::Text> found;
    for (const auto& text : trace::textItems())
        if (text.text.find(needle) != std::string::npos) found.push_back(text);
    return found;
}

void Headless::type(std::string_view utf8) {
    ImGui::SetCurrentContext(m_context);
    ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
    frame();
}

bool Headless::hasItem(std::string_view name) const {
    ImGui::SetCurrentContext(m_context);
    for (const auto& item : trace::items())
        if (item.name == name) return true;
    return false;
}

bool Headless::hasText(std::string_view needle) const {
    ImGui::SetCurrentContext(m_context);
    for (const auto& text : trace::texts())
        if (text.find(needle) != std::string::npos) return true;
    return false;
}

} // namespace plenary::ui
