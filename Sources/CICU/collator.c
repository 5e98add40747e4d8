#include "CICU.h"
#include "icu.h"

#if LICU_HAVE_ICU

#include <stdlib.h>
#include <string.h>

struct LICUCollator {
  UCollator *coll;
};

LICUCollator *licu_coll_open(const char *locale, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UCollator *c = ucol_open(locale, &st);
  *status = st;
  if (U_FAILURE(st) || !c) return NULL;
  LICUCollator *h = malloc(sizeof *h);
  if (!h) {
    ucol_close(c);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  h->coll = c;
  return h;
}

void licu_coll_close(LICUCollator *h) {
  if (!h) return;
  ucol_close(h->coll);
  free(h);
}

int32_t licu_coll_valid_locale(const LICUCollator *h, char *buf, int32_t cap) {
  UErrorCode st = U_ZERO_ERROR;
  const char *loc = ucol_getLocaleByType(h->coll, ULOC_VALID_LOCALE, &st);
  if (U_FAILURE(st) || !loc) loc = "root";
  int32_t n = (int32_t)strlen(loc);
  if (n < cap) memcpy(buf, loc, (size_t)n + 1);
  return n;
}

static void set_attr(LICUCollator *h, UColAttribute a, UColAttributeValue v, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  ucol_setAttribute(h->coll, a, v, &st);
  *status = st;
}

void licu_coll_set_strength(LICUCollator *h, int32_t strength, int32_t *status) {
  set_attr(h, UCOL_STRENGTH, (UColAttributeValue)strength, status);
}

void licu_coll_set_shifted(LICUCollator *h, int32_t on, int32_t *status) {
  set_attr(h, UCOL_ALTERNATE_HANDLING, on ? UCOL_SHIFTED : UCOL_NON_IGNORABLE, status);
}

void licu_coll_set_numeric(LICUCollator *h, int32_t on, int32_t *status) {
  set_attr(h, UCOL_NUMERIC_COLLATION, on ? UCOL_ON : UCOL_OFF, status);
}

int32_t licu_coll_get_reorder(const LICUCollator *h, int32_t *codes, int32_t cap,
                              int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = ucol_getReorderCodes(h->coll, codes, cap, &st);
  *status = st;
  return n;
}

void licu_coll_set_reorder(LICUCollator *h, const int32_t *codes, int32_t n,
                           int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  ucol_setReorderCodes(h->coll, codes, n, &st);
  *status = st;
}

int32_t licu_script_code(const char *name) {
  if (strcmp(name, "others") == 0) return UCOL_REORDER_CODE_OTHERS;
  UScriptCode codes[4];
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uscript_getCode(name, codes, 4, &st);
  return (U_FAILURE(st) || n < 1) ? -1 : (int32_t)codes[0];
}

int32_t licu_script_of(uint32_t cp) {
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript((UChar32)cp, &st);
  return U_FAILURE(st) ? -1 : (int32_t)s;
}

enum { STACK_UNITS = 256 };

/* UTF-8 -> UTF-16 into `stack` or a heap buffer; returns the units (NULL on error). */
static const UChar *to_utf16(const char *s, int32_t len, UChar *stack, UChar **heap,
                             int32_t *out_len) {
  UErrorCode st = U_ZERO_ERROR;
  *heap = NULL;
  if (len < STACK_UNITS) {
    u_strFromUTF8WithSub(stack, STACK_UNITS, out_len, s, len, 0xFFFD, NULL, &st);
    if (U_SUCCESS(st)) return stack;
  }
  /* UTF-16 units never outnumber UTF-8 bytes. */
  *heap = malloc(((size_t)len + 1) * sizeof(UChar));
  if (!*heap) return NULL;
  st = U_ZERO_ERROR;
  u_strFromUTF8WithSub(*heap, len + 1, out_len, s, len, 0xFFFD, NULL, &st);
  if (U_FAILURE(st)) {
    free(*heap);
    *heap = NULL;
    return NULL;
  }
  return *heap;
}

int32_t licu_coll_sort_key_utf8(const LICUCollator *h, const char *s, int32_t len,
                                uint8_t *buf, int32_t cap) {
  UChar stack[STACK_UNITS];
  UChar *heap;
  int32_t ulen = 0;
  const UChar *u = to_utf16(s, len, stack, &heap, &ulen);
  if (!u) return 0;
  int32_t n = ucol_getSortKey(h->coll, u, ulen, buf, cap);
  free(heap);
  return n;
}

int32_t licu_coll_compare_utf8(const LICUCollator *h, const char *a, int32_t alen,
                               const char *b, int32_t blen) {
  UErrorCode st = U_ZERO_ERROR;
  UCollationResult r = ucol_strcollUTF8(h->coll, a, alen, b, blen, &st);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

#endif
