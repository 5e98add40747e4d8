/* CMeCab: MeCab (the morphological analyzer) for Swift, loaded at run time.
 *
 * libmecab is opened with dlopen when first asked for, so letter builds and runs on a
 * machine without it; only `letter readings` needs it. No MeCab header is needed to
 * build either: the few functions used are looked up by name.
 *
 * Only plain C types and opaque handles appear here. Strings are UTF-8 with explicit
 * lengths where they come from Swift; errors are written into a caller's buffer. */
#ifndef CMECAB_H
#define CMECAB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct LMeCabTagger LMeCabTagger;

/* Opens the MeCab library (`library`: a file name dlopen searches for, such as
 * "libmecab.so.2", or a path). Returns 1 on success (also when it was already open),
 * 0 with the reason in `error` otherwise. Once one library is open it stays open. */
int lmecab_load(const char *library, char *error, size_t error_size);

/* A tagger over the dictionary in `dicdir` that writes each node as `node_format`
 * (MeCab's format syntax), unknown words as `unknown_format`, and `EOS\n` after each
 * analysis. No mecabrc is read. NULL with the reason in `error` on failure. */
LMeCabTagger *lmecab_open(const char *dicdir, const char *node_format,
                          const char *unknown_format, char *error, size_t error_size);

void lmecab_close(LMeCabTagger *tagger);

/* The `n` best analyses of `text` (not NUL-terminated: `length` bytes), each ending with
 * `EOS\n`, as one NUL-terminated string owned by the tagger (valid until its next call).
 * NULL with the reason in `error` on failure. A tagger is for one thread at a time. */
const char *lmecab_nbest(LMeCabTagger *tagger, const char *text, size_t length, size_t n,
                         char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
