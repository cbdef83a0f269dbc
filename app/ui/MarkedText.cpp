#include "ui/MarkedText.hpp"

#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"

#include <string>
#include <vector>

namespace plenary::ui::widgets {

namespace {

struct Piece {
    std::string_view text;
    bool marked = false;
};

// The snippet cut at spaces and at the marks' edges, so each piece is drawn in its own font.
std::vector<Piece> piecesOf(const core::Snippet& snippet) {
    std::vector<Piece> pieces;
    const std::string_view text = snippet.text;
    auto addPlain = [&](std::size_t from, std::size_t to) {
        while (from < to) {
            std::size_t space = text.find(' ', from);
            if (space == std::string_view::npos || space >= to) space = to - 1;
            pieces.push_back({text.substr(from, space + 1 - from), false}); // the space stays with its word
            from = space + 1;
        }
    };
    std::size_t at = 0;
    for (const auto& [begin, end] : snippet.marks) {
        if (begin < at || end > text.size()) continue;
        addPlain(at, begin);
        pieces.push_back({text.substr(begin, end - begin), true});
        at = end;
    }
    addPlain(at, text.size());
    return pieces;
}

} // namespace

void markedText(const core::Snippet& snippet, float width) {
    const float start = ImGui::GetCursorPosX();
    const float right = start + width;
    bool first = true;
    auto* drawList = ImGui::GetWindowDrawList();
    const ImU32 highlight = ImGui::GetColorU32(ImVec4(palette::warning().x, palette::warning().y,
                                                      palette::warning().z, 0.25f));
    for (const auto& piece : piecesOf(snippet)) {
        ImFont* font = piece.marked ? fonts().bold : ImGui::GetFont();
        ImGui::PushFont(font);
        const float w = ImGui::CalcTextSize(piece.text.data(), piece.text.data() + piece.text.size()).x;
        if (!first) {
            ImGui::SameLine(0.0f, 0.0f);
            if (ImGui::GetCursorPosX() + w > right && ImGui::GetCursorPosX() > start) ImGui::NewLine();
        }
        if (ImGui::GetCursorPosX() < start) ImGui::SetCursorPosX(start);
        if (piece.marked) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            drawList->AddRectFilled(at, ImVec2(at.x + w, at.y + ImGui::GetTextLineHeight()), highlight,
                                    0.15f * ImGui::GetFontSize());
        }
        ImGui::TextUnformatted(piece.text.data(), piece.text.data() + piece.text.size());
        trace::text(piece.text);
        ImGui::PopFont();
        first = false;
    }
}

} // namespace plenary::ui::widgets
