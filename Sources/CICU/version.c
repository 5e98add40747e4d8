#include "CICU.h"
#include "icu.h"

#if LICU_HAVE_ICU

#include <string.h>

#include <unicode/uversion.h>

/* Writes a version as "72.1" (NUL-terminated if it fits); returns its length. */
static int32_t put_version(const UVersionInfo v, char *buf, int32_t cap) {
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, text);
  int32_t n = (int32_t)strlen(text);
  if (n < cap) memcpy(buf, text, (size_t)n + 1);
  return n;
}

int32_t licu_icu_version(char *buf, int32_t cap) {
  UVersionInfo v;
  u_getVersion(v);
  return put_version(v, buf, cap);
}

int32_t licu_cldr_version(char *buf, int32_t cap, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UVersionInfo v;
  ulocdata_getCLDRVersion(v, &st);
  *status = st;
  if (U_FAILURE(st)) return 0;
  return put_version(v, buf, cap);
}

#endif
