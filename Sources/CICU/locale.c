#include "CICU.h"
#include "icu.h"

#if !LICU_HAVE_ICU
#error "letter needs ICU's development files (unicode/ucol.h): install them with 'apt-get install libicu-dev'."
#else

#include <string.h>
#include <strings.h>

const char *licu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t licu_locale_for_tag(const char *tag, char *buf, int32_t cap, int32_t *parsed,
                            int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_forLanguageTag(tag, buf, cap, parsed, &st);
  *status = st;
  return n;
}

int32_t licu_locale_to_tag(const char *locale, char *buf, int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_toLanguageTag(locale, buf, cap, 0, &st);
  *status = st;
  return n;
}

int32_t licu_locale_language(const char *locale, char *buf, int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_getLanguage(locale, buf, cap, &st);
  *status = st;
  return n;
}

int32_t licu_locale_add_likely(const char *locale, char *buf, int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_addLikelySubtags(locale, buf, cap, &st);
  *status = st;
  return n;
}

static int in_list(const char *const *list, const char *code) {
  for (; *list; list++)
    if (strcmp(*list, code) == 0) return 1;
  return 0;
}

int32_t licu_is_iso_language(const char *language) {
  return in_list(uloc_getISOLanguages(), language);
}

int32_t licu_is_iso_country(const char *region) {
  return in_list(uloc_getISOCountries(), region);
}

int32_t licu_language_for_english_name(const char *name, char *buf, int32_t cap) {
  const char *const *langs = uloc_getISOLanguages();
  UChar display[128];
  char utf8[256];
  for (; *langs; langs++) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayLanguage(*langs, "en", display, 128, &st);
    if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) continue;
    int32_t m = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(utf8, (int32_t)sizeof utf8, &m, display, n, &st);
    if (U_FAILURE(st) || m >= (int32_t)sizeof utf8) continue;
    utf8[m] = 0;
    if (strcasecmp(utf8, name) == 0 && strcmp(utf8, *langs) != 0) {
      int32_t len = (int32_t)strlen(*langs);
      if (len < cap) memcpy(buf, *langs, (size_t)len + 1);
      return len;
    }
  }
  return 0;
}

int32_t licu_locale_display_name(const char *locale, const char *display, char *buf, int32_t cap,
                                 int32_t *status) {
  UChar name[256];
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_getDisplayName(locale, display, name, 256, &st);
  if (U_FAILURE(st)) {
    *status = st;
    return 0;
  }
  int32_t m = 0;
  st = U_ZERO_ERROR;
  u_strToUTF8(buf, cap, &m, name, n < 256 ? n : 256, &st);
  *status = st == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : st;
  return m;
}

int32_t licu_locale_keyword(const char *locale, const char *key, char *buf, int32_t cap,
                            int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_getKeywordValue(locale, key, buf, cap, &st);
  if (st == U_STRING_NOT_TERMINATED_WARNING) st = U_ZERO_ERROR;
  *status = st == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : st;
  return U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR ? 0 : n;
}

/* Writes the values of an enumeration, space-separated; returns the length. */
static int32_t join_values(UEnumeration *e, const char *key, int32_t bcp47, char *buf,
                           int32_t cap, UErrorCode *st) {
  int32_t used = 0;
  const char *v;
  int32_t len;
  while (U_SUCCESS(*st) && (v = uenum_next(e, &len, st)) != NULL) {
    if (bcp47) {
      const char *t = uloc_toUnicodeLocaleType(key, v);
      if (t) {
        v = t;
        len = (int32_t)strlen(t);
      }
    }
    if (used > 0) {
      if (used < cap) buf[used] = ' ';
      used++;
    }
    if (used + len < cap) memcpy(buf + used, v, (size_t)len);
    used += len;
  }
  if (used < cap) buf[used] = 0;
  return used;
}

int32_t licu_keyword_values(const char *key, int32_t bcp47, char *buf, int32_t cap,
                            int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UEnumeration *e = NULL;
  if (strcmp(key, "calendar") == 0) {
    e = ucal_getKeywordValuesForLocale("calendar", "", 0, &st);
  } else if (strcmp(key, "collation") == 0) {
    e = ucol_getKeywordValues("collation", &st);
  } else if (strcmp(key, "numbers") == 0) {
    e = unumsys_openAvailableNames(&st);
  } else {
    st = U_ILLEGAL_ARGUMENT_ERROR;
  }
  int32_t n = 0;
  if (U_SUCCESS(st) && e) n = join_values(e, key, bcp47, buf, cap, &st);
  if (e) uenum_close(e);
  *status = st;
  return n;
}

#endif
