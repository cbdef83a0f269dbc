#include "export/XlsxExport.hpp"

#include "core/Text.hpp"
#include "export/PlainText.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace plenary::exporting {

namespace {

// A workbook not yet closed is freed without writing anything; closing writes and frees it.
struct WorkbookFree {
    void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookFree>;

constexpr std::size_t kSheetNameMax = 31;
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60; // wider text wraps
constexpr std::size_t kWrapFrom = 50; // a column whose texts run longer than this wraps

std::size_t utf16Units(char32_t c) {
    return c > 0xFFFF ? 2 : 1;
}

// Characters as Excel counts them (UTF-16 units).
std::size_t excelLength(std::string_view text) {
    std::size_t n = 0;
    for (const char32_t c : core::decodeUtf8(text))
        n += utf16Units(c);
    return n;
}

// Characters, for a column's width: a plain count is near enough.
std::size_t displayLength(std::string_view text) {
    std::size_t n = 0;
    for (const char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return n;
}

// Excel reads "_x0041_" in a stored string as the escaped character "A"; a literal one is kept by
// escaping its underscore as _x005F_.
std::string keepLiteralEscapes(std::string_view text) {
    auto isHex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && isHex(text[i + 2]) &&
            isHex(text[i + 3]) && isHex(text[i + 4]) && isHex(text[i + 5]) && text[i + 6] == '_') {
            out += "_x005F_";
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string lowerForNames(std::string_view text) {
    std::string out;
    for (const char32_t c : core::decodeUtf8(text))
        core::appendUtf8(out, core::toLower(c));
    return out;
}

// At most `max` characters of `text`, whole characters only.
std::string firstChars(std::string_view text, std::size_t max) {
    std::string out;
    std::size_t n = 0;
    for (const char32_t c : core::decodeUtf8(text)) {
        if (n++ == max) break;
        core::appendUtf8(out, c);
    }
    return out;
}

std::string cleanSheetName(std::string_view raw) {
    std::string name;
    for (const char32_t c : core::decodeUtf8(core::forDocument(raw))) {
        if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\')
            continue;
        core::appendUtf8(name, c < 0x20 ? U' ' : c); // a tab or a line break reads as a space
    }
    name = core::trim(name);
    while (!name.empty() && name.front() == '\'')
        name.erase(0, 1);
    name = firstChars(name, kSheetNameMax);
    while (!name.empty() && (name.back() == '\'' || name.back() == ' '))
        name.pop_back();
    return name;
}

void check(lxw_error error, const std::filesystem::path& file, const char* what) {
    if (error != LXW_NO_ERROR)
        throw std::runtime_error("cannot write the Excel file " + file.string() + " (" + what +
                                 "): " + lxw_strerror(error));
}

// The value a decimal cell shows, so the sheet holds what the CSV file says (0.666667, not
// 0.6666666666666666 shown with six digits).
double shownValue(const core::ReportCell& cell) {
    const std::string text = cell.display();
    double value = cell.number;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string decimalFormat(int digits) {
    return digits <= 0 ? std::string("0") : "0." + std::string(static_cast<std::size_t>(digits), '0');
}

class SheetWriter {
public:
    SheetWriter(lxw_workbook* workbook, const std::filesystem::path& file) : m_workbook(workbook), m_file(file) {
        m_header = workbook_add_format(workbook);
        format_set_bold(m_header);
        format_set_bottom(m_header, LXW_BORDER_THIN);
        format_set_bg_color(m_header, 0xE8ECF0);
        format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
        format_set_text_wrap(m_header);
        m_text = topFormat();
        m_wrapped = topFormat();
        format_set_text_wrap(m_wrapped);
        m_integer = topFormat();
    }

    void write(const core::ReportTable& table, const std::string& name) {
        lxw_worksheet* sheet = workbook_add_worksheet(m_workbook, name.c_str());
        if (sheet == nullptr)
            throw std::runtime_error("cannot write the Excel file " + m_file.string() + ": cannot add the sheet \"" +
                                     name + "\"");
        const auto columns = table.columns.size();
        std::vector<std::size_t> widest(columns, 0);
        std::vector<bool> text(columns, false);
        for (std::size_t c = 0; c < columns; ++c) {
            widest[c] = displayLength(table.columns[c]);
            check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), cellText(table.columns[c]).c_str(),
                                         m_header),
                  m_file, "header");
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            for (std::size_t c = 0; c < table.rows[r].size() && c < columns; ++c) {
                const auto& cell = table.rows[r][c];
                if (cell.kind == core::ReportCell::Kind::Text) text[c] = true;
                widest[c] = std::max(widest[c], longestLine(cell.display()));
            }
        // Widths first: a long text column wraps, so its cells take the wrapping format.
        std::vector<bool> wrap(columns, false);
        for (std::size_t c = 0; c < columns; ++c) {
            wrap[c] = text[c] && widest[c] > kWrapFrom;
            const double width = std::clamp(static_cast<double>(widest[c]) + 2, kMinWidth, kMaxWidth);
            check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr),
                  m_file, "column width");
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            for (std::size_t c = 0; c < table.rows[r].size() && c < columns; ++c)
                writeCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), table.rows[r][c], wrap[c]);
        worksheet_freeze_panes(sheet, 1, 0);
        if (columns > 0)
            check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                       static_cast<lxw_col_t>(columns - 1)),
                  m_file, "filter");
    }

private:
    lxw_format* topFormat() {
        lxw_format* format = workbook_add_format(m_workbook);
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
        return format;
    }

    lxw_format* decimal(int digits) {
        auto& format = m_decimals[digits];
        if (format == nullptr) {
            format = topFormat();
            format_set_num_format(format, decimalFormat(digits).c_str());
        }
        return format;
    }

    static std::size_t longestLine(std::string_view text) {
        std::size_t longest = 0;
        for (std::size_t start = 0; start <= text.size();) {
            auto end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            longest = std::max(longest, displayLength(text.substr(start, end - start)));
            start = end + 1;
        }
        return longest;
    }

    // Escaped before cutting, so the escapes count towards the limit.
    static std::string cellText(std::string_view text) {
        if (isPlainText(text)) return fitExcelCell(keepLiteralEscapes(text));
        return fitExcelCell(keepLiteralEscapes(core::forDocument(text)));
    }

    void writeCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const core::ReportCell& cell, bool wrap) {
        using Kind = core::ReportCell::Kind;
        switch (cell.kind) {
        case Kind::Text:
            if (cell.text.empty()) return;
            // Always a string, never a formula: "=1+1" stays the text it is.
            check(worksheet_write_string(sheet, row, col, cellText(cell.text).c_str(),
                                         wrap ? m_wrapped : m_text),
                  m_file, "text");
            return;
        case Kind::Integer:
            check(worksheet_write_number(sheet, row, col, cell.number, m_integer), m_file, "number");
            return;
        case Kind::Decimal:
            check(worksheet_write_number(sheet, row, col, shownValue(cell), decimal(cell.digits)), m_file, "number");
            return;
        case Kind::Empty: return;
        }
    }

    lxw_workbook* m_workbook;
    const std::filesystem::path& m_file;
    lxw_format* m_header = nullptr;
    lxw_format* m_text = nullptr;
    lxw_format* m_wrapped = nullptr;
    lxw_format* m_integer = nullptr;
    std::map<int, lxw_format*> m_decimals; // by digits; the workbook owns them
};

} // namespace

std::string fitExcelCell(std::string_view text) {
    if (text.size() <= kExcelCellLimit) return std::string(text); // bytes ≥ UTF-16 units: fits
    if (excelLength(text) <= kExcelCellLimit) return std::string(text);
    const std::size_t room = kExcelCellLimit - excelLength(kExcelCutNote);
    std::string out;
    std::size_t used = 0;
    for (const char32_t c : core::decodeUtf8(text)) {
        if (used + utf16Units(c) > room) break;
        used += utf16Units(c);
        core::appendUtf8(out, c);
    }
    out += kExcelCutNote;
    return out;
}

std::vector<std::string> sheetNames(const std::vector<core::ReportTable>& tables) {
    std::vector<std::string> names;
    // Excel reserves "History" (case aside) in its English versions.
    std::set<std::string> taken = {"history"};
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string base = cleanSheetName(tables[i].title);
        if (base.empty()) base = cleanSheetName(tables[i].key);
        if (base.empty()) base = "Sheet " + std::to_string(i + 1);
        std::string name = base;
        for (int n = 2; taken.count(lowerForNames(name)); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = firstChars(base, kSheetNameMax - suffix.size()) + suffix;
        }
        taken.insert(lowerForNames(name));
        names.push_back(name);
    }
    return names;
}

void writeXlsxTables(const std::vector<core::ReportTable>& tables, const std::string& title,
                     const std::filesystem::path& file) {
    Workbook workbook(workbook_new(file.c_str()));
    if (!workbook) throw std::runtime_error("cannot write the Excel file " + file.string() + ": out of memory");
    // libxlsxwriter keeps the pointers until the workbook is closed: the strings outlive it.
    const std::string cleanTitle = fitExcelCell(core::forDocument(title));
    static char kCreator[] = "Plenary";
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(cleanTitle.c_str());
    properties.author = kCreator;
    check(workbook_set_properties(workbook.get(), &properties), file, "properties");
    SheetWriter writer(workbook.get(), file);
    const auto names = sheetNames(tables);
    for (std::size_t i = 0; i < tables.size(); ++i)
        writer.write(tables[i], names[i]);
    // Closing writes the file and frees the workbook, whatever it returns.
    check(workbook_close(workbook.release()), file, "saving");
}

void writeXlsx(const core::Report& report, const std::filesystem::path& file) {
    writeXlsxTables(core::reportTables(report), report.title, file);
}

} // namespace plenary::exporting
