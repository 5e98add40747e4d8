#include "CICU.h"
#include "icu.h"

#if LICU_HAVE_ICU

#include <stdlib.h>
#include <string.h>

struct LICUTransliterator {
  UTransliterator *trans;
};

LICUTransliterator *licu_trans_open(const char *id, int32_t *status) {
  UChar uid[128];
  int32_t n = 0;
  UErrorCode st = U_ZERO_ERROR;
  u_strFromUTF8(uid, 128, &n, id, -1, &st);
  if (U_FAILURE(st)) {
    *status = st;
    return NULL;
  }
  UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &st);
  *status = st;
  if (U_FAILURE(st) || !t) return NULL;
  LICUTransliterator *h = malloc(sizeof *h);
  if (!h) {
    utrans_close(t);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  h->trans = t;
  return h;
}

void licu_trans_close(LICUTransliterator *h) {
  if (!h) return;
  utrans_close(h->trans);
  free(h);
}

int32_t licu_trans_utf16(const LICUTransliterator *h, const uint16_t *src, int32_t len,
                         uint16_t *buf, int32_t cap, int32_t *status) {
  /* utrans_transUChars works in place: copy the source into the buffer first. */
  if (len > cap) {
    *status = U_BUFFER_OVERFLOW_ERROR;
    return len * 2 + 16;
  }
  memcpy(buf, src, (size_t)len * sizeof(UChar));
  int32_t textLength = len, limit = len;
  UErrorCode st = U_ZERO_ERROR;
  utrans_transUChars(h->trans, (UChar *)buf, &textLength, cap, 0, &limit, &st);
  *status = st;
  return textLength;
}

#endif
