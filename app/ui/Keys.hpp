#pragma once

// Key indices as ImGui 1.86 receives them from its GLFW backend (io.KeysDown[] is indexed by
// GLFW key codes). The headless harness uses the same map, so tests press the same keys.
namespace plenary::ui::keys {

inline constexpr int Tab = 258;
inline constexpr int Enter = 257;
inline constexpr int Escape = 256;
inline constexpr int Backspace = 259;
inline constexpr int Delete = 261;
inline constexpr int Right = 262;
inline constexpr int Left = 263;
inline constexpr int Down = 264;
inline constexpr int Up = 265;
inline constexpr int PageUp = 266;
inline constexpr int PageDown = 267;
inline constexpr int Home = 268;
inline constexpr int End = 269;
inline constexpr int Insert = 260;
inline constexpr int Space = 32;
inline constexpr int A = 65;
inline constexpr int C = 67;
inline constexpr int V = 86;
inline constexpr int X = 88;
inline constexpr int Y = 89;
inline constexpr int Z = 90;
inline constexpr int D = 68;
inline constexpr int E = 69;
inline constexpr int F = 70;
inline constexpr int K = 75;
inline constexpr int L = 76;
inline constexpr int M = 77;
inline constexpr int R = 82;
inline constexpr int T = 84;
inline constexpr int Minus = 45;
inline constexpr int Equal = 61;
inline constexpr int KeypadSubtract = 333;
inline constexpr int KeypadAdd = 334;
inline constexpr int F1 = 290;
inline constexpr int F2 = 291;
inline constexpr int F3 = 292;
inline constexpr int F5 = 294;
inline constexpr int F6 = 295;
inline constexpr int F7 = 296;
inline constexpr int F9 = 298;
inline constexpr int F11 = 300;
inline constexpr int KeypadEnter = 335;
inline constexpr int LeftControl = 341;

// Fills io.KeyMap the way imgui_impl_glfw does.
void mapKeys();

} // namespace plenary::ui::keys
