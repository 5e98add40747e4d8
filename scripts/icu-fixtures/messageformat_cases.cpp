// Ground-truth generator for Tests/LetterKitTests/Fixtures/messageformat.json.
//
// Every expected value is computed by the system ICU4C (72.x) through
// icu::MessageFormat with *named* arguments. The default time zone is UTC.
// `{xs, list}` / `{xs, list, or}` / `{xs, list, unit}` is not ICU syntax: for those
// cases the list is formatted with icu::ListFormatter (AND/OR/UNITS, WIDE), the
// placeholder is replaced by `{xs}`, and the formatted list is passed as a string.
//
// Build and run through generate.sh (see README.md). Writes the JSON to stdout;
// diagnostics (rejected patterns, bad cases) go to stderr and make the exit status 1.

#include <unicode/calendar.h>
#include <unicode/fmtable.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>
#include <unicode/uversion.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <regex>
#include <string>
#include <vector>

using icu::Formattable;
using icu::Locale;
using icu::UnicodeString;

namespace {

enum class Kind { Number, String, Date, List };

struct Arg {
    std::string name;
    Kind kind;
    std::string text;               // number as written, string, or ISO date
    std::vector<std::string> items; // lists
};

struct Case {
    std::string id;
    std::string locale;   // BCP 47
    std::string pattern;  // UTF-8
    std::vector<Arg> args;
};

Arg N(const char* name, const char* number) { return {name, Kind::Number, number, {}}; }
Arg S(const char* name, const char* value) { return {name, Kind::String, value, {}}; }
Arg T(const char* name, const char* iso) { return {name, Kind::Date, iso, {}}; }
Arg L(const char* name, std::vector<std::string> items) { return {name, Kind::List, "", std::move(items)}; }

std::vector<Case> cases;

void add(const std::string& id, const char* locale, const char* pattern, std::vector<Arg> args) {
    cases.push_back({id, locale, pattern, std::move(args)});
}

// Replace every character that is not [a-z0-9] by '-' for ids built from values.
std::string slug(const std::string& s) {
    std::string out;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
        else if (c == '.') out += 'p';  // 1.5 -> 1p5
        else out += '-';
    }
    return out;
}

void defineCases() {
    // ---- plural: en, ja -------------------------------------------------------
    const char* enPlural = "{n, plural, =0 {no files} one {# file} other {# files}}";
    for (const char* n : {"0", "1", "2", "1.5"})
        add("en-plural-" + slug(n), "en", enPlural, {N("n", n)});
    add("en-plural-grouping-1234", "en", enPlural, {N("n", "1234")});
    add("en-plural-no-exact-zero", "en", "{n, plural, one {# file} other {# files}}", {N("n", "0")});
    add("en-plural-exact-beats-one", "en", "{n, plural, =1 {exactly one} one {# one} other {# other}}", {N("n", "1")});

    const char* jaPlural = "{n, plural, other {#件のファイル}}";
    for (const char* n : {"0", "1", "2"})
        add("ja-plural-" + slug(n), "ja", jaPlural, {N("n", n)});
    add("ja-plural-unused-one-arm", "ja", "{n, plural, one {one arm} other {# 件}}", {N("n", "1")});
    add("ja-plural-exact-zero", "ja", "{n, plural, =0 {なし} other {#件}}", {N("n", "0")});

    // ---- plural: ru, pl ----------------------------------------------------------
    const char* ruPlural =
        "{n, plural, =0 {нет файлов} one {# файл} few {# файла} many {# файлов} other {# файла}}";
    const char* plPlural =
        "{n, plural, =0 {brak plików} one {# plik} few {# pliki} many {# plików} other {# pliku}}";
    for (const char* n : {"0", "1", "2", "5", "11", "21", "22", "25", "1.5"}) {
        add("ru-plural-" + slug(n), "ru", ruPlural, {N("n", n)});
        add("pl-plural-" + slug(n), "pl", plPlural, {N("n", n)});
    }

    // ---- offset plural ------------------------------------------------------------
    const char* offsetPlural =
        "{n, plural, offset:1 =0 {nobody signed} =1 {{who} signed} "
        "one {{who} and # other signed} other {{who} and # others signed}}";
    for (const char* n : {"0", "1", "2", "3"})
        add("en-plural-offset-" + slug(n), "en", offsetPlural, {N("n", n), S("who", "Ann")});

    // ---- selectordinal --------------------------------------------------------------
    const char* ordinal = "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}";
    for (const char* n : {"1", "2", "3", "4", "11", "12", "13", "21", "22", "23", "101", "111"})
        add("en-selectordinal-" + slug(n), "en", ordinal, {N("n", n)});

    // ---- select and nesting -----------------------------------------------------------
    const char* sel = "{g, select, female {She signed} male {He signed} other {They signed}}";
    for (const char* g : {"female", "male", "other", "unknown"})
        add("en-select-" + slug(g), "en", sel, {S("g", g)});
    const char* pluralInSelect =
        "{g, select, female {{n, plural, one {She has # book} other {She has # books}}} "
        "other {{n, plural, one {They have # book} other {They have # books}}}}";
    add("en-plural-in-select-female-1", "en", pluralInSelect, {S("g", "female"), N("n", "1")});
    add("en-plural-in-select-other-3", "en", pluralInSelect, {S("g", "x"), N("n", "3")});
    const char* selectInPlural =
        "{n, plural, one {{g, select, female {her book} other {their book}}} "
        "other {{g, select, female {her # books} other {their # books}}}}";
    add("en-select-in-plural-female-1", "en", selectInPlural, {N("n", "1"), S("g", "female")});
    add("en-select-in-plural-other-4", "en", selectInPlural, {N("n", "4"), S("g", "male")});
    add("en-plural-in-plural", "en",
        "{a, plural, one {# letter} other {# letters}} with {b, plural, one {# page} other {# pages}}",
        {N("a", "2"), N("b", "1")});
    add("en-plural-nested-hash-inner", "en",
        "{a, plural, other {# outer: {b, plural, other {# inner}}}}", {N("a", "2"), N("b", "7")});

    // ---- apostrophes ---------------------------------------------------------------
    add("en-apos-doubled", "en", "I''m {who}", {S("who", "Ann")});
    add("en-apos-lone-before-letter", "en", "I'm {who}", {S("who", "Ann")});
    add("en-apos-quoted-brace", "en", "Use '{' and '}' around {who}", {S("who", "Ann")});
    add("en-apos-quoted-span", "en", "This is '{who}' not {who}", {S("who", "Ann")});
    add("en-apos-doubled-inside-span", "en", "'{it''s}' {who}", {S("who", "Ann")});
    add("en-apos-at-end", "en", "the signatories'", {});
    add("en-apos-doubled-at-end", "en", "the signatories''", {});
    add("en-apos-unterminated-span", "en", "a '{b} c", {});
    add("en-apos-before-pipe-literal", "en", "a'|b", {});
    add("en-apos-hash-in-plural", "en", "{n, plural, other {'#' is #}}", {N("n", "5")});
    add("en-hash-outside-plural", "en", "{who} is #1", {S("who", "Ann")});
    add("en-apos-hash-outside-plural", "en", "'#' {who}", {S("who", "Ann")});
    add("en-apos-in-plural-arm", "en", "{n, plural, one {it''s # file} other {they're # files}}", {N("n", "2")});
    add("ja-apos-quoted-brace", "ja", "'{'{who}'}'さん", {S("who", "佐藤")});

    // ---- plain and numeric arguments -----------------------------------------------------
    add("en-simple-arg", "en", "Dear {title} {name},", {S("title", "Dr."), S("name", "Ann Lee")});
    add("en-simple-number", "en", "{n}", {N("n", "1234.5")});
    add("de-simple-number", "de", "{n}", {N("n", "1234.5")});

    struct NumStyle { const char* slug; const char* pattern; };
    const NumStyle enStyles[] = {
        {"number", "{n, number}"},
        {"integer", "{n, number, integer}"},
        {"precision-integer", "{n, number, ::precision-integer}"},
        {"group-off", "{n, number, ::group-off}"},
        {"currency-jpy", "{n, number, ::currency/JPY}"},
        {"currency-usd", "{n, number, ::currency/USD}"},
        {"compact-short", "{n, number, ::compact-short}"},
    };
    for (const char* loc : {"en", "ja", "de"})
        for (const auto& st : enStyles)
            add(std::string(loc) + "-number-" + st.slug, loc, st.pattern, {N("n", "1234567.891")});
    for (const char* loc : {"en", "ja", "de"}) {
        add(std::string(loc) + "-number-percent-style", loc, "{n, number, percent}", {N("n", "0.256")});
        add(std::string(loc) + "-number-skeleton-percent-no-scale", loc, "{n, number, ::percent}", {N("n", "0.25")});
        add(std::string(loc) + "-number-skeleton-percent-scale", loc, "{n, number, ::percent scale/100}", {N("n", "0.25")});
    }
    add("en-number-integer-half-even-2p5", "en", "{n, number, integer}", {N("n", "2.5")});
    add("en-number-integer-half-even-3p5", "en", "{n, number, integer}", {N("n", "3.5")});
    add("en-number-default-max-3-fraction", "en", "{n, number}", {N("n", "0.123456")});
    add("en-number-compact-short-small", "en", "{n, number, ::compact-short}", {N("n", "999")});
    add("en-number-currency-usd-integer-arg", "en", "{n, number, ::currency/USD}", {N("n", "5")});

    // ---- dates ---------------------------------------------------------------------
    struct DateStyle { const char* slug; const char* pattern; };
    const DateStyle dateStyles[] = {
        {"date-short", "{d, date, short}"},
        {"date-medium", "{d, date, medium}"},
        {"date-long", "{d, date, long}"},
        {"date-full", "{d, date, full}"},
        {"date-skeleton-ymmmd", "{d, date, ::yMMMd}"},
    };
    for (const char* loc : {"en", "ja", "de"}) {
        for (const auto& st : dateStyles)
            add(std::string(loc) + "-" + st.slug, loc, st.pattern, {T("d", "2025-04-23")});
        add(std::string(loc) + "-datetime-date-long", loc, "{d, date, long}", {T("d", "2025-04-23T23:30:00Z")});
        add(std::string(loc) + "-datetime-time-short", loc, "{d, time, short}", {T("d", "2025-04-23T23:30:00Z")});
        add(std::string(loc) + "-datetime-date-and-time", loc, "{d, date, medium} {d, time, short}",
            {T("d", "2025-04-23T23:30:00Z")});
    }
    add("en-date-only-time-short-midnight", "en", "{d, time, short}", {T("d", "2025-04-23")});
    add("ja-japanese-date-long", "ja-u-ca-japanese", "{d, date, long}", {T("d", "2025-04-23")});
    add("ja-japanese-date-full", "ja-u-ca-japanese", "{d, date, full}", {T("d", "2025-04-23")});
    add("ja-japanese-date-short", "ja-u-ca-japanese", "{d, date, short}", {T("d", "2025-04-23")});
    add("ja-japanese-date-medium", "ja-u-ca-japanese", "{d, date, medium}", {T("d", "2025-04-23")});
    add("ja-japanese-date-long-heisei", "ja-u-ca-japanese", "{d, date, long}", {T("d", "2019-04-30")});
    add("ja-japanese-date-long-reiwa-first-year", "ja-u-ca-japanese", "{d, date, long}", {T("d", "2019-05-01")});

    // ---- lists (extension; computed with ListFormatter) -------------------------------------
    struct ListStyle { const char* slug; const char* placeholder; };
    const ListStyle listStyles[] = {
        {"and", "{xs, list}"}, {"or", "{xs, list, or}"}, {"unit", "{xs, list, unit}"}};
    const std::vector<std::vector<std::string>> lists = {{"A"}, {"A", "B"}, {"A", "B", "C"}};
    for (const char* loc : {"en", "ja"})
        for (const auto& st : listStyles)
            for (const auto& xs : lists) {
                std::string pattern = std::string(loc) == "en"
                    ? std::string("Signed by ") + st.placeholder + "."
                    : std::string(st.placeholder) + "が署名しました。";
                cases.push_back({std::string(loc) + "-list-" + st.slug + "-" + std::to_string(xs.size()),
                                 loc, pattern, {L("xs", xs)}});
            }
    add("en-list-and-realistic", "en", "Signed by {xs, list}.",
        {L("xs", {"Kyoto YWCA", "Peace Boat", "Japan NGO Network"})});
    add("ja-list-and-realistic", "ja", "{xs, list}が署名しました。",
        {L("xs", {"京都YWCA", "ピースボート", "日本NGOネットワーク"})});

    // ---- realistic letter messages ----------------------------------------------------
    const char* coord =
        "{count, plural, one {# coordinating organization} other {# coordinating organizations}}";
    add("en-letter-coordinators-1", "en", coord, {N("count", "1")});
    add("en-letter-coordinators-12", "en", coord, {N("count", "12")});
    add("ja-letter-others-2", "ja", "その他{count}団体", {N("count", "2")});
    add("ja-letter-others-1234", "ja", "その他{count}団体", {N("count", "1234")});
    add("en-letter-salutation", "en", "Dear {title} {name},",
        {S("title", "Foreign Minister"), S("name", "Takeshi Iwaya")});
    add("ja-letter-salutation", "ja", "{title} {name} 殿", {S("title", "外務大臣"), S("name", "岩屋毅")});
    const char* andOthers =
        "{count, plural, =0 {} one {and # other organization} other {and # other organizations}}";
    add("en-letter-and-others-0", "en", andOthers, {N("count", "0")});
    add("en-letter-and-others-1", "en", andOthers, {N("count", "1")});
    add("en-letter-and-others-2", "en", andOthers, {N("count", "2")});
    add("en-letter-dateline", "en", "Tokyo, {date, date, long}", {T("date", "2025-04-23")});
    add("ja-letter-dateline-japanese", "ja-u-ca-japanese", "{date, date, long}", {T("date", "2025-04-23")});
    add("en-letter-ordinal-session", "en",
        "the {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} session of the {body}",
        {N("n", "62"), S("body", "General Assembly")});
}

// ---------------------------------------------------------------------------------

bool failed = false;

void fail(const Case& c, const std::string& what) {
    std::fprintf(stderr, "case %s: %s\n", c.id.c_str(), what.c_str());
    failed = true;
}

std::string utf8(const UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

// "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ" -> UDate (ms since epoch, UTC).
bool parseISODate(const std::string& s, UDate& out) {
    static const std::regex re(R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?)");
    std::smatch m;
    if (!std::regex_match(s, m, re)) return false;
    int64_t days = daysFromCivil(std::stoi(m[1]), unsigned(std::stoi(m[2])), unsigned(std::stoi(m[3])));
    int64_t secs = days * 86400;
    if (m[4].matched) secs += std::stoi(m[4]) * 3600 + std::stoi(m[5]) * 60 + std::stoi(m[6]);
    out = double(secs) * 1000.0;
    return true;
}

bool isIntegerText(const std::string& s) {
    return s.find_first_of(".eE") == std::string::npos;
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);  // UTF-8 kept literally
            }
        }
    }
    return out + "\"";
}

std::string jsonArg(const Arg& a) {
    switch (a.kind) {
    case Kind::Number: return a.text;
    case Kind::String:
    case Kind::Date: return jsonString(a.text);
    case Kind::List: {
        std::string out = "[";
        for (size_t i = 0; i < a.items.size(); i++) out += (i ? "," : "") + jsonString(a.items[i]);
        return out + "]";
    }
    }
    return "null";
}

// Does the pattern use argument `name` as `{name, date...}` or `{name, time...}`?
bool usedAsDate(const std::string& pattern, const std::string& name) {
    std::regex re("\\{\\s*" + name + "\\s*,\\s*(date|time)\\b");
    return std::regex_search(pattern, re);
}

bool looksLikeDate(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2}(T.*)?)");
    return std::regex_match(s, re);
}

bool formatCase(const Case& c, std::string& expected) {
    UErrorCode status = U_ZERO_ERROR;
    Locale locale = Locale::forLanguageTag(c.locale.c_str(), status);
    if (U_FAILURE(status) || locale.isBogus()) {
        fail(c, "bad locale tag " + c.locale);
        return false;
    }

    std::string pattern = c.pattern;
    std::vector<UnicodeString> names;
    std::vector<Formattable> values;
    for (const Arg& a : c.args) {
        names.push_back(UnicodeString::fromUTF8(a.name));
        switch (a.kind) {
        case Kind::Number: {
            char* end = nullptr;
            if (isIntegerText(a.text)) {
                long long v = std::strtoll(a.text.c_str(), &end, 10);
                values.emplace_back(int64_t(v));
            } else {
                double v = std::strtod(a.text.c_str(), &end);
                values.emplace_back(v);
            }
            if (end == nullptr || *end != '\0') { fail(c, "bad number " + a.text); return false; }
            break;
        }
        case Kind::String:
            if (looksLikeDate(a.text) && usedAsDate(c.pattern, a.name)) {
                fail(c, "string argument " + a.name + " would be read as a date");
                return false;
            }
            values.emplace_back(UnicodeString::fromUTF8(a.text));
            break;
        case Kind::Date: {
            UDate d;
            if (!parseISODate(a.text, d)) { fail(c, "bad date " + a.text); return false; }
            if (!usedAsDate(c.pattern, a.name)) {
                fail(c, "date argument " + a.name + " is not used as {" + a.name + ", date|time}");
                return false;
            }
            values.emplace_back(d, Formattable::kIsDate);
            break;
        }
        case Kind::List: {
            std::regex re("\\{\\s*" + a.name + "\\s*,\\s*list\\s*(?:,\\s*(or|unit)\\s*)?\\}");
            std::smatch m;
            if (!std::regex_search(pattern, m, re)) { fail(c, "list placeholder not found"); return false; }
            UListFormatterType type = ULISTFMT_TYPE_AND;
            if (m[1].matched) type = m[1] == "or" ? ULISTFMT_TYPE_OR : ULISTFMT_TYPE_UNITS;
            std::unique_ptr<icu::ListFormatter> lf(
                icu::ListFormatter::createInstance(locale, type, ULISTFMT_WIDTH_WIDE, status));
            if (U_FAILURE(status)) { fail(c, std::string("ListFormatter: ") + u_errorName(status)); return false; }
            std::vector<UnicodeString> items;
            for (const auto& s : a.items) items.push_back(UnicodeString::fromUTF8(s));
            UnicodeString joined;
            lf->format(items.data(), int32_t(items.size()), joined, status);
            if (U_FAILURE(status)) { fail(c, std::string("ListFormatter::format: ") + u_errorName(status)); return false; }
            pattern.replace(size_t(m.position(0)), size_t(m.length(0)), "{" + a.name + "}");
            values.emplace_back(joined);
            break;
        }
        }
    }

    UParseError perr;
    icu::MessageFormat mf(UnicodeString::fromUTF8(pattern), locale, perr, status);
    if (U_FAILURE(status)) {
        fail(c, std::string("ICU rejected the pattern: ") + u_errorName(status) + " at offset " +
                    std::to_string(perr.offset));
        return false;
    }
    UnicodeString out;
    mf.format(names.data(), values.data(), int32_t(values.size()), out, status);
    if (U_FAILURE(status)) {
        fail(c, std::string("format failed: ") + u_errorName(status));
        return false;
    }
    expected = utf8(out);
    return true;
}

}  // namespace

int main() {
    if (U_ICU_VERSION_MAJOR_NUM != 72)
        std::fprintf(stderr, "warning: built against ICU %s, the fixture is meant for ICU 72\n", U_ICU_VERSION);
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("UTC"));

    defineCases();

    std::vector<std::string> seen;
    std::string json = "[\n";
    bool first = true;
    for (const Case& c : cases) {
        for (const auto& id : seen)
            if (id == c.id) fail(c, "duplicate id");
        seen.push_back(c.id);
        std::string expected;
        if (!formatCase(c, expected)) continue;
        std::string args = "{";
        for (size_t i = 0; i < c.args.size(); i++)
            args += (i ? ", " : "") + jsonString(c.args[i].name) + ": " + jsonArg(c.args[i]);
        args += "}";
        json += first ? "  " : ",\n  ";
        first = false;
        json += "{\"id\": " + jsonString(c.id) + ", \"locale\": " + jsonString(c.locale) +
                ", \"pattern\": " + jsonString(c.pattern) + ", \"args\": " + args +
                ", \"expected\": " + jsonString(expected) + "}";
    }
    json += "\n]\n";
    std::fputs(json.c_str(), stdout);
    std::fprintf(stderr, "%zu cases\n", cases.size());
    return failed ? 1 : 0;
}
