#pragma once

#include "core/Model.hpp"

#include <string>
#include <vector>

// Template data (templates/*.json): formats, the practice catalog and benchmark sets. Parsed from
// text here; reading the files is the store's job. Every parser throws JsonError naming the file
// and the field.
namespace plenary::core {

struct RingTemplate {
    std::string key;
    std::string name;
    std::string colour;
};

struct RoundTemplate {
    int number = 0;
    std::string name;
    std::string prompt;
    int minutes = 30; // the round's planned time
};

struct FormatTemplate {
    std::string key;
    std::string name;
    Format format = Format::UrbanAcademy;
    std::string language = "en";
    std::string description;
    std::vector<Phase> phases;       // Urban Academy
    std::vector<RingTemplate> rings; // Social Olympics
    std::vector<RoundTemplate> rounds;
    std::string scale;
    double threshold = 0.6;
    int dotBudget = 0;
};

FormatTemplate parseFormatTemplate(std::string json, std::string source);

struct CatalogPractice {
    std::string id;
    std::string title;
    std::string city;
    std::string country;
    std::string theme;
    std::string targetGroup;
    std::string link;
    std::string summary;
    std::string source;
};

std::vector<CatalogPractice> parsePracticeCatalog(std::string json, std::string source);

struct BenchmarkDimension {
    std::string key;
    std::string name;
    std::vector<std::string> statements;
};

struct BenchmarkSet {
    std::string name;
    std::string source;
    std::vector<BenchmarkDimension> dimensions;
};

BenchmarkSet parseBenchmarkSet(std::string json, std::string source);

// A new, empty workshop shaped by the template: phases or rings, scale and threshold copied in.
SessionData sessionFromTemplate(const FormatTemplate& format, const std::string& title);

} // namespace plenary::core
