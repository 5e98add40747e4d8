// Batch oracle: formats many messages with the system ICU4C's icu::MessageFormat (named
// arguments, default time zone UTC) and prints ICU's output, one line per case.
//
// Input (stdin), one case a line, fields separated by U+001F, arguments by U+001E:
//   locale US pattern US name RS type RS value US name RS type RS value ...
// type: i (int64, decimal text), d (double, as strtod reads it), s (UTF-8 string),
//       t (date: milliseconds since 1970-01-01T00:00:00Z, as strtod reads it).
// Newlines and the two separators never occur inside a field.
// Output: "ok<TAB>text" or "error<TAB>ICU's status name" per case, in order; a newline
// in ICU's output is written as U+2424 (the generator keeps patterns on one line).
//
// Build: g++ -std=c++17 -O1 -o mf_batch mf_batch.cpp $(pkg-config --cflags --libs icu-i18n icu-uc)
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using icu::Formattable;
using icu::UnicodeString;

static std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

int main() {
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("UTC"));
    std::string line;
    while (std::getline(std::cin, line)) {
        std::vector<std::string> f = split(line, '\x1f');
        if (f.size() < 2) { std::printf("error\tmalformed case\n"); continue; }
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale locale = icu::Locale::forLanguageTag(f[0].c_str(), status);
        std::vector<UnicodeString> names;
        std::vector<Formattable> values;
        bool bad = false;
        for (size_t k = 2; k < f.size(); k++) {
            std::vector<std::string> a = split(f[k], '\x1e');
            if (a.size() != 3) { bad = true; break; }
            names.push_back(UnicodeString::fromUTF8(a[0]));
            const std::string& v = a[2];
            switch (a[1][0]) {
            case 'i': values.emplace_back(int64_t(std::strtoll(v.c_str(), nullptr, 10))); break;
            case 'd': values.emplace_back(std::strtod(v.c_str(), nullptr)); break;
            case 's': values.emplace_back(UnicodeString::fromUTF8(v)); break;
            case 't': values.emplace_back(std::strtod(v.c_str(), nullptr), Formattable::kIsDate); break;
            default: bad = true;
            }
        }
        if (bad || U_FAILURE(status)) { std::printf("error\tmalformed case\n"); continue; }
        UParseError perr;
        icu::MessageFormat mf(UnicodeString::fromUTF8(f[1]), locale, perr, status);
        UnicodeString out;
        if (U_SUCCESS(status))
            mf.format(names.data(), values.data(), int32_t(values.size()), out, status);
        if (U_FAILURE(status)) { std::printf("error\t%s\n", u_errorName(status)); continue; }
        std::string text;
        out.toUTF8String(text);
        std::string clean;
        for (char c : text) {
            if (c == '\n') clean += "\xe2\x90\xa4"; else clean += c;
        }
        std::printf("ok\t%s\n", clean.c_str());
    }
    return 0;
}
