#include "ui/Window.hpp"

#include "store/Paths.hpp"
#include "ui/AppState.hpp"
#include "ui/Fonts.hpp"
#include "ui/MainScreen.hpp"
#include "ui/Screenshot.hpp"
#include "ui/Theme.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdlib>
#include <iostream>

namespace plenary::ui {

namespace fs = std::filesystem;

namespace {

void noDisplay() {
    std::cerr << "plenary: no display found — to see Plenary without a screen, run: "
                 "xvfb-run -a -s \"-screen 0 1920x1080x24\" plenary --screenshot out.png FILE\n";
}

// Frames drawn after each event before sleeping again: ImGui settles hover and layout in two.
constexpr int kSettleFrames = 3;
// Frames rendered before a screenshot is taken (first frames lay out windows and fonts).
constexpr int kScreenshotFrames = 4;

} // namespace

int runWindow(const WindowOptions& options) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        noDisplay();
        return 1;
    }
    glfwSetErrorCallback([](int, const char* description) { std::cerr << "plenary: " << description << "\n"; });
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
    // Settings live in the user's config folder, never in the working directory.
    std::string iniPath;
    if (options.screenshot) {
        io.IniFilename = nullptr;
    } else {
        std::error_code ec;
        fs::create_directories(store::configFolder(), ec);
        iniPath = (store::configFolder() / "imgui.ini").string();
        io.IniFilename = iniPath.c_str();
    }
    float scaleX = 1.0f, scaleY = 1.0f;
    glfwGetWindowContentScale(window, &scaleX, &scaleY);
    const auto& loaded = loadFonts(scaleY > 0.0f ? scaleY : 1.0f);
    applyTheme(Theme::Light, loaded.bodySize);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    AppState state(store::sessionsFolder());
    if (!loaded.problem.empty()) state.setMessage(loaded.problem);
    if (options.file) state.openSession(*options.file, options.readOnly);
    MainScreen screen(state);

    int exitCode = 0;
    int settle = kSettleFrames;
    int frame = 0;
    while (!glfwWindowShouldClose(window)) {
        // Sleep until something happens: a projector laptop runs on battery for hours.
        if (settle <= 0 && !options.screenshot) {
            glfwWaitEvents();
            settle = kSettleFrames;
        } else {
            glfwPollEvents();
        }
        --settle;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        screen.draw();
        ImGui::Render();
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
                std::cerr << "Saved " << options.screenshot->string() << " (" << width << "×" << height << ")\n";
            }
            break;
        }
        glfwSwapBuffers(window);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

} // namespace plenary::ui
