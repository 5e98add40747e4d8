#include "CICU.h"
#include "icu.h"

#if LICU_HAVE_ICU

#include <stdlib.h>
#include <string.h>

/* UTF-16 -> UTF-8 into the caller's buffer; returns the UTF-8 length (may exceed cap). */
static int32_t to_utf8(const UChar *s, int32_t n, char *buf, int32_t cap, UErrorCode *st) {
  if (U_FAILURE(*st)) return 0;
  int32_t m = 0;
  u_strToUTF8(buf, cap, &m, s, n, st);
  if (*st == U_BUFFER_OVERFLOW_ERROR || *st == U_STRING_NOT_TERMINATED_WARNING) *st = U_ZERO_ERROR;
  return m;
}

/* The UTF-16 text of a formatted number into a stack buffer, then UTF-8. */
static int32_t number_result_utf8(const UFormattedNumber *r, char *buf, int32_t cap,
                                  UErrorCode *st) {
  UChar tmp[128];
  int32_t n = unumf_resultToString(r, tmp, 128, st);
  if (*st == U_BUFFER_OVERFLOW_ERROR) {
    UChar *big = malloc(((size_t)n + 1) * sizeof(UChar));
    if (!big) return 0;
    *st = U_ZERO_ERROR;
    n = unumf_resultToString(r, big, n + 1, st);
    int32_t m = to_utf8(big, n, buf, cap, st);
    free(big);
    return m;
  }
  return to_utf8(tmp, n, buf, cap, st);
}

/* ---- plural rules ---------------------------------------------------------------- */


LICUPluralRules *licu_plural_open(const char *locale, int32_t ordinal, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UPluralRules *r =
      uplrules_openForType(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, &st);
  *status = st;
  if (U_FAILURE(st) || !r) return NULL;
  LICUPluralRules *h = malloc(sizeof *h);
  if (!h) {
    uplrules_close(r);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  h->rules = r;
  return h;
}

void licu_plural_close(LICUPluralRules *h) {
  if (!h) return;
  uplrules_close(h->rules);
  free(h);
}

int32_t licu_plural_keywords(const LICUPluralRules *h, char *buf, int32_t cap,
                             int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UEnumeration *e = uplrules_getKeywords(h->rules, &st);
  int32_t used = 0;
  if (U_SUCCESS(st)) {
    const char *kw;
    int32_t len;
    while ((kw = uenum_next(e, &len, &st)) != NULL && U_SUCCESS(st)) {
      if (used > 0) {
        if (used < cap) buf[used] = ' ';
        used++;
      }
      if (used + len < cap) memcpy(buf + used, kw, (size_t)len);
      used += len;
    }
    uenum_close(e);
  }
  if (used < cap) buf[used] = 0;
  *status = st;
  return used;
}

int32_t licu_plural_select_formatted(const LICUPluralRules *rules, LICUNumberFormatter *fmt,
                                     double value, char *keyword, int32_t keyword_cap,
                                     char *text, int32_t text_cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  unumf_formatDouble(fmt->fmt, value, fmt->result, &st);
  UChar kw[32];
  int32_t n = uplrules_selectFormatted(rules->rules, fmt->result, kw, 32, &st);
  if (U_SUCCESS(st)) u_UCharsToChars(kw, keyword, n < keyword_cap ? n + 1 : keyword_cap);
  int32_t len = number_result_utf8(fmt->result, text, text_cap, &st);
  *status = st;
  return len;
}

/* ---- numbers ---------------------------------------------------------------------- */

LICUNumberFormatter *licu_number_open(const char *locale, const uint16_t *skeleton,
                                      int32_t skeleton_len, int32_t *status,
                                      int32_t *error_offset) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError perr;
  memset(&perr, 0, sizeof perr);
  UNumberFormatter *f = unumf_openForSkeletonAndLocaleWithError(
      (const UChar *)skeleton, skeleton_len, locale, &perr, &st);
  *error_offset = perr.offset;
  if (U_FAILURE(st) || !f) {
    // ICU returns a formatter even when the skeleton fails: it is ours to close.
    if (f) unumf_close(f);
    *status = st;
    return NULL;
  }
  UFormattedNumber *r = unumf_openResult(&st);
  *status = st;
  if (U_FAILURE(st)) {
    unumf_close(f);
    return NULL;
  }
  LICUNumberFormatter *h = malloc(sizeof *h);
  if (!h) {
    unumf_close(f);
    unumf_closeResult(r);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  h->fmt = f;
  h->result = r;
  return h;
}

void licu_number_close(LICUNumberFormatter *h) {
  if (!h) return;
  unumf_closeResult(h->result);
  unumf_close(h->fmt);
  free(h);
}

int32_t licu_number_format_double(LICUNumberFormatter *h, double value, char *buf, int32_t cap,
                                  int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  unumf_formatDouble(h->fmt, value, h->result, &st);
  int32_t n = number_result_utf8(h->result, buf, cap, &st);
  *status = st;
  return n;
}

int32_t licu_number_format_int64(LICUNumberFormatter *h, int64_t value, char *buf, int32_t cap,
                                 int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  unumf_formatInt(h->fmt, value, h->result, &st);
  int32_t n = number_result_utf8(h->result, buf, cap, &st);
  *status = st;
  return n;
}

/* ---- dates ------------------------------------------------------------------------ */

static LICUDateFormatter *wrap_date(UDateFormat *f, UErrorCode st, int32_t *status) {
  *status = st;
  if (U_FAILURE(st) || !f) return NULL;
  LICUDateFormatter *h = malloc(sizeof *h);
  if (!h) {
    udat_close(f);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  h->fmt = f;
  h->calendar = NULL;
  h->text = NULL;
  return h;
}

static int32_t zone_utf16(const char *zone, UChar *buf, int32_t cap) {
  int32_t n = 0;
  UErrorCode st = U_ZERO_ERROR;
  u_strFromUTF8(buf, cap, &n, zone, -1, &st);
  return U_FAILURE(st) ? 0 : n;
}

LICUDateFormatter *licu_date_open_styles(const char *locale, int32_t date_style,
                                         int32_t time_style, const char *zone,
                                         int32_t *status) {
  UChar tz[64];
  int32_t tzlen = zone_utf16(zone, tz, 64);
  UErrorCode st = U_ZERO_ERROR;
  UDateFormat *f = udat_open((UDateFormatStyle)time_style, (UDateFormatStyle)date_style, locale,
                             tz, tzlen, NULL, 0, &st);
  return wrap_date(f, st, status);
}

LICUDateFormatter *licu_date_open_skeleton(const char *locale, const uint16_t *skeleton,
                                           int32_t skeleton_len, const char *zone,
                                           int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UDateTimePatternGenerator *g = udatpg_open(locale, &st);
  if (U_FAILURE(st)) {
    *status = st;
    return NULL;
  }
  UChar pattern[256];
  int32_t plen = udatpg_getBestPattern(g, (const UChar *)skeleton, skeleton_len, pattern, 256, &st);
  udatpg_close(g);
  if (U_FAILURE(st)) {
    *status = st;
    return NULL;
  }
  UChar tz[64];
  int32_t tzlen = zone_utf16(zone, tz, 64);
  UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, tz, tzlen, pattern, plen, &st);
  return wrap_date(f, st, status);
}

LICUDateFormatter *licu_date_open_pattern(const char *locale, const uint16_t *pattern,
                                          int32_t pattern_len, const char *zone,
                                          int32_t *status) {
  UChar tz[64];
  int32_t tzlen = zone_utf16(zone, tz, 64);
  UErrorCode st = U_ZERO_ERROR;
  UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, tz, tzlen,
                             (const UChar *)pattern, pattern_len, &st);
  return wrap_date(f, st, status);
}

int32_t licu_date_skeleton_pattern(const char *locale, const uint16_t *skeleton,
                                   int32_t skeleton_len, uint16_t *buf, int32_t cap,
                                   int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UDateTimePatternGenerator *g = udatpg_open(locale, &st);
  int32_t n = 0;
  if (U_SUCCESS(st)) {
    n = udatpg_getBestPattern(g, (const UChar *)skeleton, skeleton_len, (UChar *)buf, cap, &st);
    udatpg_close(g);
  }
  *status = st;
  return n;
}

void licu_date_close(LICUDateFormatter *h) {
  if (!h) return;
  licu_date_free_scratch(h);
  udat_close(h->fmt);
  free(h);
}

/* ---- lists ------------------------------------------------------------------------ */

struct LICUListFormatter {
  UListFormatter *fmt;
};

LICUListFormatter *licu_list_open(const char *locale, int32_t type, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UListFormatterType t =
      type == LICU_LIST_OR ? ULISTFMT_TYPE_OR : type == LICU_LIST_UNITS ? ULISTFMT_TYPE_UNITS
                                                                       : ULISTFMT_TYPE_AND;
  UListFormatter *f = ulistfmt_openForType(locale, t, ULISTFMT_WIDTH_WIDE, &st);
  *status = st;
  if (U_FAILURE(st) || !f) return NULL;
  LICUListFormatter *h = malloc(sizeof *h);
  if (!h) {
    ulistfmt_close(f);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  h->fmt = f;
  return h;
}

void licu_list_close(LICUListFormatter *h) {
  if (!h) return;
  ulistfmt_close(h->fmt);
  free(h);
}

int32_t licu_list_format(const LICUListFormatter *h, const uint16_t *const *strings,
                         const int32_t *lengths, int32_t count, char *buf, int32_t cap,
                         int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = ulistfmt_format(h->fmt, (const UChar *const *)strings, lengths, count, NULL, 0, &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
    *status = st;
    return 0;
  }
  UChar *tmp = malloc(((size_t)n + 1) * sizeof(UChar));
  if (!tmp) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return 0;
  }
  st = U_ZERO_ERROR;
  n = ulistfmt_format(h->fmt, (const UChar *const *)strings, lengths, count, tmp, n + 1, &st);
  int32_t m = to_utf8(tmp, n, buf, cap, &st);
  free(tmp);
  *status = st;
  return m;
}

#endif
