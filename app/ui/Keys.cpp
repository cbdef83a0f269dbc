#include "ui/Keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace plenary::ui::keys {

static_assert(Tab == GLFW_KEY_TAB && Enter == GLFW_KEY_ENTER && PageDown == GLFW_KEY_PAGE_DOWN &&
              F11 == GLFW_KEY_F11 && Z == GLFW_KEY_Z && KeypadEnter == GLFW_KEY_KP_ENTER &&
              F5 == GLFW_KEY_F5 && F9 == GLFW_KEY_F9 && Equal == GLFW_KEY_EQUAL && Minus == GLFW_KEY_MINUS &&
              KeypadAdd == GLFW_KEY_KP_ADD && L == GLFW_KEY_L && D == GLFW_KEY_D && T == GLFW_KEY_T);

void mapKeys() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = Left;
    io.KeyMap[ImGuiKey_RightArrow] = Right;
    io.KeyMap[ImGuiKey_UpArrow] = Up;
    io.KeyMap[ImGuiKey_DownArrow] = Down;
    // PageUp/PageDown are the clicker's keys and belong to the program (next/previous phase):
    // left unmapped, ImGui's keyboard navigation never takes them to move focus off the capture
    // line (where a half-typed question waits) onto a button.
    io.KeyMap[ImGuiKey_PageUp] = -1;
    io.KeyMap[ImGuiKey_PageDown] = -1;
    io.KeyMap[ImGuiKey_Home] = Home;
    io.KeyMap[ImGuiKey_End] = End;
    io.KeyMap[ImGuiKey_Insert] = Insert;
    io.KeyMap[ImGuiKey_Delete] = Delete;
    io.KeyMap[ImGuiKey_Backspace] = Backspace;
    io.KeyMap[ImGuiKey_Space] = Space;
    io.KeyMap[ImGuiKey_Enter] = Enter;
    io.KeyMap[ImGuiKey_Escape] = Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = KeypadEnter;
    io.KeyMap[ImGuiKey_A] = A;
    io.KeyMap[ImGuiKey_C] = C;
    io.KeyMap[ImGuiKey_V] = V;
    io.KeyMap[ImGuiKey_X] = X;
    io.KeyMap[ImGuiKey_Y] = Y;
    io.KeyMap[ImGuiKey_Z] = Z;
}

} // namespace plenary::ui::keys
