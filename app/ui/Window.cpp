#include "ui/Window.hpp"

#include "session/Paths.hpp"
#include "ui/AppState.hpp"
#include "ui/BenchProbe.hpp"
#include "ui/ContextLocal.hpp"
#include "ui/Fonts.hpp"
#include "ui/FramePacer.hpp"
#include "ui/Keys.hpp"
#include "ui/MainScreen.hpp"
#include "ui/Screenshot.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include <unistd.h>

namespace plenary::ui {

namespace fs = std::filesystem;

namespace {

void noDisplay() {
    std::cerr << "plenary: no display found — to see Plenary without a screen, run: "
                 "xvfb-run -a -s \"-screen 0 1920x1080x24\" plenary --screenshot out.png FILE\n";
}

// A copy of a workshop file in a private temporary folder, removed with it.
class ScratchCopy {
public:
    explicit ScratchCopy(const fs::path& original) {
        std::error_code ec;
        m_folder = fs::temp_directory_path(ec) / ("plenary-screenshot-" + std::to_string(::getpid()));
        fs::create_directories(m_folder, ec);
        m_path = m_folder / original.filename();
        fs::copy_file(original, m_path, fs::copy_options::overwrite_existing, ec);
        m_copied = !ec;
    }
    ~ScratchCopy() {
        std::error_code ec;
        fs::remove_all(m_folder, ec);
    }
    ScratchCopy(const ScratchCopy&) = delete;
    ScratchCopy& operator=(const ScratchCopy&) = delete;
    const fs::path& path() const { return m_path; }
    bool copied() const { return m_copied; }

private:
    fs::path m_folder;
    fs::path m_path;
    bool m_copied = false;
};

// Set by GLFW when the window was exposed or resized (its callbacks take no state of ours).
bool g_exposed = false;

// What a frame would put on screen: the vertices, indices and draw commands of every list.
std::uint64_t drawDataHash(const ImDrawData* data) {
    std::uint64_t h = hashBytes(&data->DisplaySize, sizeof data->DisplaySize, 0);
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        h = hashBytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.size_in_bytes()), h);
        h = hashBytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.size_in_bytes()), h);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const std::uint64_t fields[] = {reinterpret_cast<std::uintptr_t>(cmd.TextureId), cmd.VtxOffset,
                                            cmd.IdxOffset, cmd.ElemCount};
            h = hashBytes(fields, sizeof fields, h);
            h = hashBytes(&cmd.ClipRect, sizeof cmd.ClipRect, h);
        }
    }
    return h;
}
// Frames rendered before a screenshot is taken (first frames lay out windows and fonts).
constexpr int kScreenshotFrames = 4;

// ImGui 1.86's GLFW backend reads keys by their place on a US keyboard, so on a German keyboard
// the key labelled Z would redo and on a French one nothing would undo. Letters and + − are
// translated to what the key is labelled before ImGui sees them (as ImGui 1.87 later does itself).
// A clicker (or xdotool) may press and release a key between two frames, and ImGui 1.86 reads a key
// as held or not at each frame: such a tap would never be seen — PageDown "needing two presses".
// A release that comes before any frame saw its key pressed is held back until that frame is done.
struct KeyTaps {
    std::array<bool, GLFW_KEY_LAST + 1> unseen{}; // pressed since the last frame began
    struct Held {
        int key, scancode, mods;
    };
    std::vector<Held> releases;
};
KeyTaps g_taps;

// After a frame: the keys it saw pressed may now be released.
void releaseTappedKeys(GLFWwindow* window) {
    g_taps.unseen.fill(false);
    auto releases = std::move(g_taps.releases);
    g_taps.releases.clear();
    for (const auto& r : releases)
        ImGui_ImplGlfw_KeyCallback(window, r.key, r.scancode, GLFW_RELEASE, r.mods);
}

void translatedKeyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (key >= GLFW_KEY_SPACE && key <= GLFW_KEY_GRAVE_ACCENT) {
        if (const char* name = glfwGetKeyName(key, scancode); name && name[0] != '\0' && name[1] == '\0') {
            const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
            if (c >= 'a' && c <= 'z')
                key = GLFW_KEY_A + (c - 'a');
            else if (c == '=' || c == '+')
                key = GLFW_KEY_EQUAL;
            else if (c == '-')
                key = GLFW_KEY_MINUS;
        }
    }
    if (key >= 0 && key <= GLFW_KEY_LAST) {
        if (action == GLFW_PRESS) g_taps.unseen[static_cast<std::size_t>(key)] = true;
        if (action == GLFW_RELEASE && g_taps.unseen[static_cast<std::size_t>(key)]) {
            g_taps.releases.push_back({key, scancode, mods});
            return;
        }
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// F11: full screen on the monitor chosen in the settings, and back to the window it was.
class Fullscreen {
public:
    explicit Fullscreen(GLFWwindow* window) : m_window(window) {}
    void toggle(int monitorIndex) {
        if (glfwGetWindowMonitor(m_window)) {
            glfwSetWindowMonitor(m_window, nullptr, m_x, m_y, m_width, m_height, 0);
            return;
        }
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        if (count == 0) return;
        GLFWmonitor* monitor = monitors[std::clamp(monitorIndex, 0, count - 1)];
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwGetWindowPos(m_window, &m_x, &m_y);
        glfwGetWindowSize(m_window, &m_width, &m_height);
        glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    }

private:
    GLFWwindow* m_window;
    int m_x = 0, m_y = 0, m_width = 1280, m_height = 720;
};

// True while ImGui keeps a window hidden for a frame to measure it before showing it (a dropdown
// or a popup that was just opened).
bool windowAppearing() {
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (window->Active &&
            (window->HiddenFramesCannotSkipItems > 0 || window->HiddenFramesCanSkipItems > 0))
            return true;
    return false;
}

// Returns true when what is on screen changes by it (full screen, new fonts).
bool handleRequests(AppState& state, GLFWwindow* window, Fullscreen& fullscreen, float displayScale) {
    auto& requests = state.requests();
    bool changed = false;
    if (requests.toggleFullscreen) {
        requests.toggleFullscreen = false;
        fullscreen.toggle(state.settings().monitor);
        changed = true;
    }
    if (requests.rebuildFonts) {
        // Fonts are rebuilt between frames, never inside one.
        requests.rebuildFonts = false;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        const bool stage = fonts().stage() || state.ui().presentation;
        const auto& loaded = loadFonts(displayScale * state.settings().scale, stage);
        applyTheme(state.settings().darkTheme ? Theme::Dark : Theme::Light, loaded.bodySize);
        ImGui_ImplOpenGL3_CreateFontsTexture();
        ImGui::GetIO().Fonts->ClearTexData(); // the GPU has the pixels: 16+ MiB less to keep
        changed = true;
    }
    if (requests.quit) glfwSetWindowShouldClose(window, GLFW_TRUE);
    if (!state.ui().showHelp) return changed; // the monitor list is read only by the help's F11 choice
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    state.ui().monitors.clear();
    for (int i = 0; i < count; ++i)
        state.ui().monitors.emplace_back(glfwGetMonitorName(monitors[i]));
    return changed;
}

} // namespace

int runWindow(const WindowOptions& options) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        noDisplay();
        return 1;
    }
    // The workshop (templates, settings, the file with its integrity check) is read on a second
    // core while this one creates the window and its OpenGL context: start-up takes the longer of
    // the two, not their sum. Nothing here touches GLFW or ImGui.
    const fs::path settingsFile = options.screenshot ? fs::path{} : session::configFolder() / "settings.json";
    // A screenshot shows a throwaway copy, so that nothing it does (starting a phase) reaches the
    // file itself.
    std::optional<ScratchCopy> scratch;
    if (options.file && options.screenshot) scratch.emplace(*options.file);
    auto loading = std::async(std::launch::async, [&options, &scratch, settingsFile] {
        // The library is read only when it is shown, so opening one file opens no other.
        auto loaded = std::make_unique<AppState>(session::sessionsFolder(), fs::path{}, settingsFile);
        if (scratch && scratch->copied())
            loaded->openSession(scratch->path(), options.readOnly);
        else if (options.file)
            // Without a copy a screenshot only reads (opening it says why it could not be copied).
            loaded->openSession(*options.file, options.readOnly || options.screenshot.has_value());
        return loaded;
    });
    glfwSetErrorCallback(
        [](int, const char* description) { std::cerr << "plenary: " << description << "\n"; });
    if (!glfwInit()) {
        noDisplay();
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "Plenary", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "plenary: cannot create an OpenGL 3 window on this display\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // A blinking cursor in an idle focused field would redraw the screen twice a second.
    io.ConfigInputTextCursorBlink = false;
    // Settings live in the user's config folder, never in the working directory.
    std::string iniPath;
    if (options.screenshot) {
        io.IniFilename = nullptr;
    } else {
        std::error_code ec;
        fs::create_directories(session::configFolder(), ec);
        iniPath = (session::configFolder() / "imgui.ini").string();
        io.IniFilename = iniPath.c_str();
    }
    const auto loadedState = loading.get();
    AppState& state = *loadedState;
    float scaleX = 1.0f, scaleY = 1.0f;
    glfwGetWindowContentScale(window, &scaleX, &scaleY);
    float displayScale = scaleY > 0.0f ? scaleY : 1.0f;
    const auto& loaded = loadFonts(displayScale * state.settings().scale, options.presentation);
    applyTheme(state.settings().darkTheme ? Theme::Dark : Theme::Light, loaded.bodySize);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    keys::mapKeys(); // as the backend does, but PageUp/PageDown stay the program's (ui/Keys.cpp)
    glfwSetKeyCallback(window, translatedKeyCallback);
    ImGui_ImplOpenGL3_Init("#version 130");
    // Upload the font atlas now and free its pixels: the GPU keeps the only copy it needs.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts->ClearTexData();

    if (options.presentation) state.ui().presentation = true;
    if (options.view == "help")
        state.ui().showHelp = true;
    else if (!options.view.empty()) {
        const session::Message opening = state.typedMessage(); // what opening the file said stays
        state.setScreen(options.view);
        state.setMessage(opening);
    }
    if (!loaded.problem.empty()) state.setMessage(session::warning(loaded.problem));
    if (!options.phase.empty()) {
        const auto& phases = state.live().phases();
        for (std::size_t i = 0; i < phases.size(); ++i)
            if (phases[i].key == options.phase) state.live().goToPhase(static_cast<int>(i));
    }
    if (options.round > 0) state.worker().conference().goToRound(options.round);
    // A large library new to the index is read a little each frame, so the window never stalls
    // on it; a screenshot waits for all of it.
    if (!options.screenshot) state.worker().library().setRefreshBudget(0.05);
    if (options.recall) {
        state.ui().showRecall = true;
        state.ui().recallInPresentation = options.presentation;
    }
    if (!options.search.empty()) {
        state.ui().searchQuery = options.search;
        state.setScreen("search");
    }
    MainScreen screen(state);
    Fullscreen fullscreen(window);

    // plenary bench: an idle screen, with the phase timer running unless told otherwise.
    const bool bench = options.benchReport.has_value();
    BenchProbe probe;
    double benchEnd = 0.0;
    if (bench) {
        if (options.benchTimer && !state.animating()) state.live().toggleTimer();
        if (const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER)))
            probe.renderer = renderer;
    }

    // An exposed or resized window must be drawn again even if nothing in it changed.
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { g_exposed = true; });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { g_exposed = true; });
    FramePacer pacer;
    bool hadFocus = false;
    int exitCode = 0;
    int frame = 0;
    while (!glfwWindowShouldClose(window)) {
        // Sleep until something happens: a projector laptop runs on battery for hours.
        if (!pacer.building() && !options.screenshot) {
            if (bench && probe.windowStart == 0.0) {
                // The idle window starts a second after start-up has settled.
                std::this_thread::sleep_for(std::chrono::seconds(1));
                probe.windowStart = monotonicSeconds();
                probe.cpuAtWindowStart = cpuSeconds();
                benchEnd = probe.windowStart + options.benchSeconds;
            }
            auto sleep = pacer.sleepFor(state.animating(), state.secondsToNextTick());
            // Words typed and not yet saved: wake up when they are due.
            if (const auto save = widgets::secondsToTypingSave())
                sleep = std::min(sleep.value_or(*save), *save);
            if (bench) sleep = std::min(sleep.value_or(1e9), std::max(benchEnd - monotonicSeconds(), 0.0));
            if (sleep)
                glfwWaitEventsTimeout(*sleep);
            else
                glfwWaitEvents();
            if (bench && monotonicSeconds() >= benchEnd) break;
            pacer.wake();
        } else {
            glfwPollEvents();
        }
        if (g_exposed) {
            g_exposed = false;
            pacer.exposed();
        }
        // Another window took the keyboard: what was being typed is written now.
        const bool focused = glfwGetWindowAttrib(window, GLFW_FOCUSED) != 0;
        if (hadFocus && !focused) state.flushTyping();
        hadFocus = focused;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        screen.draw();
        ImGui::Render();
        releaseTappedKeys(window);
        if (probe.windowStart > 0.0) ++probe.framesBuilt;
        // Building a frame is cheap; rendering it (on the CPU under software OpenGL) is not.
        if (options.screenshot || pacer.frameBuilt(drawDataHash(ImGui::GetDrawData()), windowAppearing())) {
            int width = 0, height = 0;
            glfwGetFramebufferSize(window, &width, &height);
            glViewport(0, 0, width, height);
            const ImVec4 clear = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
            glClearColor(clear.x, clear.y, clear.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (options.screenshot && ++frame == kScreenshotFrames) {
                const auto error = saveScreenshot(*options.screenshot, width, height);
                if (!error.empty()) {
                    std::cerr << "plenary: " << error << "\n";
                    exitCode = 1;
                } else {
                    std::cerr << "Saved " << options.screenshot->string() << " (" << width << "×" << height
                              << ")\n";
                }
                break;
            }
            glfwSwapBuffers(window);
            if (bench && probe.firstFrameMs < 0.0) {
                glFinish();
                probe.firstFrameMs = secondsSinceProcessStart() * 1000.0;
                if (options.benchSeconds <= 0.0) break;
            } else if (probe.windowStart > 0.0) {
                ++probe.framesShown;
            }
        }
        // Moved to a monitor with another DPI: rebuild the fonts at its scale.
        glfwGetWindowContentScale(window, &scaleX, &scaleY);
        if (scaleY > 0.0f && scaleY != displayScale) {
            displayScale = scaleY;
            state.requests().rebuildFonts = true;
        }
        // Presentation mode's large fonts are made the first time it is used.
        if (state.ui().presentation && !fonts().stage()) state.requests().rebuildFonts = true;
        if (handleRequests(state, window, fullscreen, displayScale)) pacer.exposed();
    }

    // Closing the window writes what was being typed.
    state.flushTyping();
    if (bench) {
        const double seconds = probe.windowStart > 0.0 ? monotonicSeconds() - probe.windowStart : 0.0;
        probe.write(*options.benchReport, seconds, cpuSeconds() - probe.cpuAtWindowStart);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    releaseContext(ImGui::GetCurrentContext());
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

} // namespace plenary::ui
