#pragma once

// Helpers shared by the random tests: where the golden files are, how to
// read their seeds, and bit-pattern comparison of floats.

#include <bit>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <json.hpp>
#include <ndpp/random/seed_sequence.hpp>

#ifndef NDPP_TEST_GOLDEN_DIR
#error "NDPP_TEST_GOLDEN_DIR must name tests/golden (absolute path)"
#endif

namespace ndpp_test {

inline std::string random_golden_dir() {
    return std::string(NDPP_TEST_GOLDEN_DIR) + "/random/";
}

// The seeds make_golden.py covers, by file stem.
inline const std::vector<std::string>& golden_seed_names() {
    static const std::vector<std::string> names = {"0", "1", "42", "12345", "2p63p7", "list_1_2_3"};
    return names;
}

inline const json::value& golden_seed_file(const std::string& name) {
    // Parsed once per process (std::map: references stay valid).
    static std::map<std::string, json::value> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        it = cache.emplace(name, json::parse_file(random_golden_dir() + "seed_" + name + ".json")).first;
    }
    return it->second;
}

// The SeedSequence entropy a golden file was made with: a Python int (as a
// decimal string) or a list of ints.
inline nd::random::SeedSequence golden_seed(const json::value& doc) {
    const auto& s = doc["seed"];
    if (s.is_array()) {
        std::vector<nd::random::big_uint> seq;
        for (const auto& v : s.items()) seq.emplace_back(v.str());
        return nd::random::SeedSequence(seq);
    }
    return nd::random::SeedSequence(nd::random::big_uint(s.str()));
}

inline std::vector<std::uint64_t> u64_list(const json::value& arr) {
    std::vector<std::uint64_t> out;
    for (const auto& v : arr.items()) out.push_back(v.as_u64());
    return out;
}
inline std::vector<std::int64_t> i64_list(const json::value& arr) {
    std::vector<std::int64_t> out;
    for (const auto& v : arr.items()) out.push_back(v.as_i64());
    return out;
}

// Float values as bit patterns, so that comparisons are exact (and -0.0 or
// NaN payloads would show).
inline std::vector<std::uint64_t> bits_of(const std::vector<double>& v) {
    std::vector<std::uint64_t> out;
    for (double x : v) out.push_back(std::bit_cast<std::uint64_t>(x));
    return out;
}
inline std::vector<std::uint64_t> bits_of(const std::vector<float>& v) {
    std::vector<std::uint64_t> out;
    for (float x : v) out.push_back(std::bit_cast<std::uint32_t>(x));
    return out;
}

}  // namespace ndpp_test
