#include "ui/ExportDialog.hpp"

#include "core/Text.hpp"
#include "session/Paths.hpp"
#include "ui/AppState.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace plenary::ui {

namespace fs = std::filesystem;

fs::path ExportDialog::sessionFile() {
    if (!m_state.ui().exportFile.empty()) return m_state.ui().exportFile;
    if (const auto* w = m_state.workshop()) return w->path();
    return {};
}

fs::path ExportDialog::target() {
    const fs::path file = sessionFile();
    fs::path folder = session::expandHome(core::trim(m_folder));
    // A program's working folder means nothing to the person at the screen: a relative folder is
    // read from the workshop's own, and an empty one is the workshop's.
    if (folder.is_relative()) folder = file.parent_path() / folder;
    return session::defaultExportPath(file, m_options, folder.lexically_normal());
}

void ExportDialog::exportNow() {
    const fs::path to = target();
    try {
        // What is being typed anywhere goes into the file first, so the report has every word.
        m_state.flushTyping();
        std::vector<fs::path> written;
        if (!m_state.ui().exportFile.empty())
            written = session::exportSessionFile(m_state.ui().exportFile, m_options, to);
        else
            written = session::exportSession(m_state.data(), m_options, to);
        const auto& info = session::exportFormatInfo(m_options.format);
        m_result = m_options.format == session::ExportFormat::Csv
                       ? session::info("Wrote " + std::to_string(written.size()) + " tables to " + to.string())
                       : session::info(std::string("Wrote ") + info.name + ": " + to.string());
    } catch (const std::exception& e) {
        m_result = session::error(e.what());
    }
}

void ExportDialog::draw() {
    auto& ui = m_state.ui();
    if (!ui.showExport) {
        m_justOpened = true;
        return;
    }
    const fs::path file = sessionFile();
    if (file.empty()) {
        ui.showExport = false;
        return;
    }
    if (m_justOpened || file != m_for) {
        // Beside the workshop, unless another folder was chosen for this one already.
        if (file != m_for) m_folder = file.parent_path().string();
        m_for = file;
        m_result = {};
        ImGui::SetNextWindowFocus();
    }
    m_justOpened = false;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x / 2,
                                   viewport->WorkPos.y + viewport->WorkSize.y / 2),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x - 2 * em, 46.0f * em), 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, viewport->WorkSize.y - 2 * em));
    if (ImGui::Begin("Export the report", &ui.showExport,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize))
        drawContent();
    ImGui::End();
}

void ExportDialog::drawContent() {
    const float em = ImGui::GetFontSize();
    widgets::textColoured(palette::muted(), sessionFile().filename().string(), false);
    ImGui::Spacing();
    const auto& formats = session::exportFormats();
    // ↑/↓ choose the format while no field has the keyboard (a clicker-free room still gets there).
    if (!ImGui::GetIO().WantTextInput && ImGui::IsWindowFocused()) {
        auto at = std::find_if(formats.begin(), formats.end(),
                               [&](const auto& f) { return f.format == m_options.format; });
        if (ImGui::IsKeyPressed(keys::Down) && at + 1 != formats.end()) m_options.format = (at + 1)->format;
        if (ImGui::IsKeyPressed(keys::Up) && at != formats.begin()) m_options.format = (at - 1)->format;
    }
    for (const auto& f : formats) {
        ImGui::PushID(f.key);
        ImGui::PushFont(fonts().bold);
        if (widgets::selectable(f.name, m_options.format == f.format, (std::string("format:") + f.key).c_str()))
            m_options.format = f.format;
        ImGui::PopFont();
        ImGui::Indent(1.5f * em);
        widgets::textColoured(palette::muted(), f.purpose);
        ImGui::Unindent(1.5f * em);
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const bool json = m_options.format == session::ExportFormat::Json;
    if (json) {
        bool never = false;
        ImGui::BeginDisabled();
        widgets::checkbox("Replace names by role and city (anonymised)", &never, "anonymise");
        ImGui::EndDisabled();
        widgets::textColoured(palette::muted(), "JSON is the whole session, to import again: it is never anonymised.");
    } else {
        widgets::checkbox("Replace names by role and city (anonymised)", &m_options.anonymise, "anonymise");
    }
    if (m_options.format == session::ExportFormat::Csv)
        widgets::checkbox("Byte-order mark for Excel", &m_options.bom, "bom");
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    widgets::text("Folder");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enterInFolder =
        widgets::inputText("##folder", "folder", &m_folder, ImGuiInputTextFlags_EnterReturnsTrue, "export-folder");
    const fs::path to = target();
    widgets::textColoured(palette::muted(),
                          (m_options.format == session::ExportFormat::Csv ? "Writes the folder " : "Writes ") +
                              to.string());
    ImGui::Spacing();
    const bool enter = enterInFolder || (!ImGui::GetIO().WantTextInput && ImGui::IsWindowFocused() &&
                                         ImGui::IsKeyPressed(keys::Enter, false));
    if (widgets::button("Export (Enter)", "export") || enter) exportNow();
    ImGui::SameLine();
    if (widgets::button("Close (Esc)", "close-export")) m_state.ui().showExport = false;
    if (!m_result.text.empty()) {
        ImGui::Spacing();
        widgets::textColoured(palette::forMessage(m_result), m_result.text);
    }
}

} // namespace plenary::ui
