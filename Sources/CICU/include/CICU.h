/* CICU: a small C interface over the system ICU (libicu-dev), for Swift.
 *
 * Only plain C types and opaque handles appear here. ICU's own headers are included
 * by the .c files alone: Debian's ICU renames every function with a version suffix
 * through macros Swift cannot import, and its C types clash with the ICU module that
 * Foundation carries.
 *
 * Conventions: strings are UTF-8 (char) or UTF-16 (uint16_t) with explicit lengths;
 * `status` is ICU's UErrorCode as int32_t (0 = success, < 0 a warning, > 0 an error);
 * functions that fill a buffer return the length they need, which may exceed `cap`. */
#ifndef CICU_H
#define CICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status -------------------------------------------------------------------- */

/* ICU's name for a status code ("U_ILLEGAL_ARGUMENT_ERROR"). */
const char *licu_error_name(int32_t status);

/* ---- locales ------------------------------------------------------------------- */

/* BCP 47 tag -> ICU locale ID. Returns the ID length; *parsed is how many bytes of the
 * tag were understood (less than its length: the tag is malformed). */
int32_t licu_locale_for_tag(const char *tag, char *buf, int32_t cap, int32_t *parsed,
                            int32_t *status);
/* ICU locale ID -> BCP 47 tag. */
int32_t licu_locale_to_tag(const char *locale, char *buf, int32_t cap, int32_t *status);
/* The language subtag of a locale ID ("ja" for "ja_JP@calendar=japanese"). */
int32_t licu_locale_language(const char *locale, char *buf, int32_t cap, int32_t *status);
/* Adds likely subtags: "und_JP" -> "ja_Jpan_JP". */
int32_t licu_locale_add_likely(const char *locale, char *buf, int32_t cap, int32_t *status);
/* 1 if `language` is an ISO 639 code ICU knows of. */
int32_t licu_is_iso_language(const char *language);
/* 1 if `region` is an ISO 3166 code ICU knows of. */
int32_t licu_is_iso_country(const char *region);
/* The display name of a locale in a display locale, UTF-8 ("日本語" for ja in ja). */
int32_t licu_locale_display_name(const char *locale, const char *display, char *buf, int32_t cap,
                                 int32_t *status);
/* The language code whose English display name equals `name` (case-insensitive). */
int32_t licu_language_for_english_name(const char *name, char *buf, int32_t cap);

/* The value of a keyword in an ICU locale ID ("calendar" of "ja@calendar=japanese"), or
 * an empty string. */
int32_t licu_locale_keyword(const char *locale, const char *key, char *buf, int32_t cap,
                            int32_t *status);
/* Every value ICU knows for a locale keyword ("calendar", "collation", "numbers"), as
 * ICU's keyword values ("gregorian", "phonebook", "latn") or, with bcp47 = 1, as BCP 47
 * writes them ("gregory", "phonebk"), separated by spaces. */
int32_t licu_keyword_values(const char *key, int32_t bcp47, char *buf, int32_t cap,
                            int32_t *status);

/* ---- collation ----------------------------------------------------------------- */

typedef struct LICUCollator LICUCollator;

enum {
  LICU_STRENGTH_PRIMARY = 0,
  LICU_STRENGTH_SECONDARY = 1,
  LICU_STRENGTH_TERTIARY = 2,
  LICU_STRENGTH_QUATERNARY = 3,
  LICU_STRENGTH_IDENTICAL = 15,
};

/* Opens a collator for an ICU locale ID. NULL on failure (status says why). A
 * U_USING_DEFAULT_WARNING status means ICU had no data for the locale. */
LICUCollator *licu_coll_open(const char *locale, int32_t *status);
void licu_coll_close(LICUCollator *coll);
/* The locale whose data was found (ICU's "valid" locale): "root" if none. */
int32_t licu_coll_valid_locale(const LICUCollator *coll, char *buf, int32_t cap);
void licu_coll_set_strength(LICUCollator *coll, int32_t strength, int32_t *status);
void licu_coll_set_shifted(LICUCollator *coll, int32_t on, int32_t *status);
void licu_coll_set_numeric(LICUCollator *coll, int32_t on, int32_t *status);
/* Script reordering (ISO 15924 codes as ICU's UScriptCode values). */
int32_t licu_coll_get_reorder(const LICUCollator *coll, int32_t *codes, int32_t cap,
                              int32_t *status);
void licu_coll_set_reorder(LICUCollator *coll, const int32_t *codes, int32_t n,
                           int32_t *status);
/* UScriptCode for a 4-letter ISO 15924 code ("Latn"), or -1. Also "others" -> Zzzz. */
int32_t licu_script_code(const char *name);
/* The script of a code point (UScriptCode). */
int32_t licu_script_of(uint32_t cp);

/* Writes the sort key of a UTF-8 string; returns its length (more than cap: call again
 * with a larger buffer). The key ends with a 0 byte, which the length counts. */
int32_t licu_coll_sort_key_utf8(const LICUCollator *coll, const char *s, int32_t len,
                                uint8_t *buf, int32_t cap);
/* -1, 0 or 1. */
int32_t licu_coll_compare_utf8(const LICUCollator *coll, const char *a, int32_t alen,
                               const char *b, int32_t blen);

/* ---- index characters ---------------------------------------------------------- */

/* The locale's index exemplar characters (CLDR exemplarCharacters[index]), UTF-8,
 * one per line, in the set's code point order. */
int32_t licu_index_characters(const char *locale, char *buf, int32_t cap, int32_t *status);

/* ---- transliteration ----------------------------------------------------------- */

typedef struct LICUTransliterator LICUTransliterator;

/* Opens a system transliterator by ID ("Katakana-Hiragana", "Fullwidth-Halfwidth"). */
LICUTransliterator *licu_trans_open(const char *id, int32_t *status);
void licu_trans_close(LICUTransliterator *trans);
/* Transliterates UTF-16 text; returns the output length. */
int32_t licu_trans_utf16(const LICUTransliterator *trans, const uint16_t *src, int32_t len,
                         uint16_t *buf, int32_t cap, int32_t *status);

/* ---- plural rules ---------------------------------------------------------------- */

typedef struct LICUPluralRules LICUPluralRules;
typedef struct LICUNumberFormatter LICUNumberFormatter;

/* ordinal = 0: cardinal rules (one, other, ...); 1: ordinal rules (1st, 2nd, ...). */
LICUPluralRules *licu_plural_open(const char *locale, int32_t ordinal, int32_t *status);
void licu_plural_close(LICUPluralRules *rules);
/* The categories the locale's rules use, UTF-8, separated by spaces ("one other"). */
int32_t licu_plural_keywords(const LICUPluralRules *rules, char *buf, int32_t cap,
                             int32_t *status);
/* The category of a number as formatted by `fmt` (so 1.0 and 1 may differ), written to
 * `keyword` (UTF-8, NUL-terminated); the formatted number is written to `text` (UTF-8)
 * and its length returned. */
int32_t licu_plural_select_formatted(const LICUPluralRules *rules, LICUNumberFormatter *fmt,
                                     double value, char *keyword, int32_t keyword_cap,
                                     char *text, int32_t text_cap, int32_t *status);

/* ---- number formatting --------------------------------------------------------------- */

/* A number formatter from an ICU number skeleton ("", "percent scale/100",
 * "currency/JPY", "precision-integer"). Not thread-safe: it reuses one result object. */
LICUNumberFormatter *licu_number_open(const char *locale, const uint16_t *skeleton,
                                      int32_t skeleton_len, int32_t *status,
                                      int32_t *error_offset);
void licu_number_close(LICUNumberFormatter *fmt);
/* Formatting functions write UTF-8 and return its length (more than `cap`: call again
 * with a larger buffer). */
int32_t licu_number_format_double(LICUNumberFormatter *fmt, double value, char *buf,
                                  int32_t cap, int32_t *status);
int32_t licu_number_format_int64(LICUNumberFormatter *fmt, int64_t value, char *buf,
                                 int32_t cap, int32_t *status);

/* ---- number formats as MessageFormat makes them ------------------------------------ */

/* ICU's NumberFormat for a MessageFormat style: what `{n}`, `{n, number}`, `#` and the
 * integer, percent, currency and pattern styles use (a DecimalFormat), or a rule-based
 * format for spellout, ordinal and duration (`text` names a rule set, or is empty). For
 * LICU_NUMFMT_PATTERN `text` is the DecimalFormat pattern, exactly as written. */
typedef struct LICUNumberFormat LICUNumberFormat;

enum {
  LICU_NUMFMT_DEFAULT = 0,
  LICU_NUMFMT_INTEGER = 1,
  LICU_NUMFMT_PERCENT = 2,
  LICU_NUMFMT_CURRENCY = 3,
  LICU_NUMFMT_PATTERN = 4,
  LICU_NUMFMT_SPELLOUT = 5,
  LICU_NUMFMT_ORDINAL = 6,
  LICU_NUMFMT_DURATION = 7,
};

/* A number argument: a double, or an int64 kept exact. */
enum { LICU_VALUE_DOUBLE = 0, LICU_VALUE_INT64 = 1 };

LICUNumberFormat *licu_numfmt_open(const char *locale, int32_t style, const uint16_t *text,
                                   int32_t len, int32_t *status, int32_t *error_offset);
void licu_numfmt_close(LICUNumberFormat *fmt);
/* Formats `d` (kind LICU_VALUE_DOUBLE) or `i` (LICU_VALUE_INT64); writes UTF-8. */
int32_t licu_numfmt_format(LICUNumberFormat *fmt, int32_t kind, double d, int64_t i, char *buf,
                           int32_t cap, int32_t *status);
/* The plural category (0 zero, 1 one, 2 two, 3 few, 4 many, 5 other) of a number as
 * MessageFormat chooses it: from the number as `fmt` shows it when `fmt` is a
 * DecimalFormat, else (fmt NULL, or rule-based) from the number itself. When `text` is
 * not NULL and `fmt` is given, the number as `fmt` shows it is written there too (UTF-8,
 * length in *text_len). */
int32_t licu_plural_category(const LICUPluralRules *rules, LICUNumberFormat *fmt, int32_t kind,
                             double d, int64_t i, char *text, int32_t cap, int32_t *text_len,
                             int32_t *status);

/* ---- date formatting ----------------------------------------------------------------- */

typedef struct LICUDateFormatter LICUDateFormatter;

enum {
  LICU_DATE_NONE = -1,
  LICU_DATE_FULL = 0,
  LICU_DATE_LONG = 1,
  LICU_DATE_MEDIUM = 2,
  LICU_DATE_SHORT = 3,
};

/* A date formatter with a date style and a time style (LICU_DATE_*), in time zone
 * `zone` (an Olson ID such as "UTC"). The locale may carry a calendar
 * ("ja@calendar=japanese"). */
LICUDateFormatter *licu_date_open_styles(const char *locale, int32_t date_style,
                                         int32_t time_style, const char *zone,
                                         int32_t *status);
/* A date formatter from a skeleton ("yMMMd"), through the pattern generator. */
LICUDateFormatter *licu_date_open_skeleton(const char *locale, const uint16_t *skeleton,
                                           int32_t skeleton_len, const char *zone,
                                           int32_t *status);
/* A date formatter from a SimpleDateFormat pattern ("yyyy-MM-dd"), as written. */
LICUDateFormatter *licu_date_open_pattern(const char *locale, const uint16_t *pattern,
                                          int32_t pattern_len, const char *zone,
                                          int32_t *status);
/* The pattern ICU's pattern generator makes of a skeleton (UTF-16; its length). */
int32_t licu_date_skeleton_pattern(const char *locale, const uint16_t *skeleton,
                                   int32_t skeleton_len, uint16_t *buf, int32_t cap,
                                   int32_t *status);
void licu_date_close(LICUDateFormatter *fmt);
/* Formats milliseconds since 1970-01-01T00:00:00Z. Not thread-safe: it reuses one
 * calendar and one buffer per formatter. */
int32_t licu_date_format(LICUDateFormatter *fmt, double millis, char *buf, int32_t cap,
                         int32_t *status);

/* ---- list formatting ----------------------------------------------------------------- */

typedef struct LICUListFormatter LICUListFormatter;

enum { LICU_LIST_AND = 0, LICU_LIST_OR = 1, LICU_LIST_UNITS = 2 };

LICUListFormatter *licu_list_open(const char *locale, int32_t type, int32_t *status);
void licu_list_close(LICUListFormatter *fmt);
/* Joins `count` UTF-16 strings; writes UTF-8. */
int32_t licu_list_format(const LICUListFormatter *fmt, const uint16_t *const *strings,
                         const int32_t *lengths, int32_t count, char *buf, int32_t cap,
                         int32_t *status);

#ifdef __cplusplus
}
#endif
#endif

/* ---- versions (version.c) ------------------------------------------------------ */
#ifndef CICU_VERSION_H
#define CICU_VERSION_H
#ifdef __cplusplus
extern "C" {
#endif

/* The ICU library's version ("72.1"): u_getVersion. */
int32_t licu_icu_version(char *buf, int32_t cap);
/* The version of the CLDR data ICU carries ("42.0"): ulocdata_getCLDRVersion. */
int32_t licu_cldr_version(char *buf, int32_t cap, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
