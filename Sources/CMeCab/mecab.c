#include "CMeCab.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MeCab's C API (libmecab 0.996), by the names it exports. Its structures stay opaque
 * here: results are read as formatted text, never through a node's layout. */
typedef void mecab_model_t;
typedef void mecab_t;
typedef void mecab_lattice_t;

enum { MECAB_NBEST = 2 };

static struct {
  void *handle;
  mecab_model_t *(*model_new)(int, char **);
  void (*model_destroy)(mecab_model_t *);
  mecab_t *(*model_new_tagger)(mecab_model_t *);
  mecab_lattice_t *(*model_new_lattice)(mecab_model_t *);
  void (*destroy)(mecab_t *);
  void (*lattice_destroy)(mecab_lattice_t *);
  void (*lattice_clear)(mecab_lattice_t *);
  void (*lattice_set_sentence2)(mecab_lattice_t *, const char *, size_t);
  void (*lattice_set_request_type)(mecab_lattice_t *, int);
  int (*parse_lattice)(mecab_t *, mecab_lattice_t *);
  const char *(*lattice_nbest_tostr)(mecab_lattice_t *, size_t);
  const char *(*lattice_strerror)(mecab_lattice_t *);
  const char *(*strerror)(mecab_t *);
} api;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

static void set_error(char *error, size_t size, const char *text) {
  if (error && size > 0) snprintf(error, size, "%s", text ? text : "unknown error");
}

int lmecab_load(const char *library, char *error, size_t error_size) {
  pthread_mutex_lock(&load_lock);
  if (api.handle) {
    pthread_mutex_unlock(&load_lock);
    return 1;
  }
  void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    set_error(error, error_size, dlerror());
    pthread_mutex_unlock(&load_lock);
    return 0;
  }
#define FIND(field, name)                                                              \
  do {                                                                                 \
    *(void **)(&api.field) = dlsym(h, name);                                           \
    if (!api.field) {                                                                  \
      char text[256];                                                                  \
      snprintf(text, sizeof text, "%s has no function %s (not MeCab 0.996?)", library, \
               name);                                                                  \
      set_error(error, error_size, text);                                              \
      dlclose(h);                                                                      \
      memset(&api, 0, sizeof api);                                                     \
      pthread_mutex_unlock(&load_lock);                                                \
      return 0;                                                                        \
    }                                                                                  \
  } while (0)
  FIND(model_new, "mecab_model_new");
  FIND(model_destroy, "mecab_model_destroy");
  FIND(model_new_tagger, "mecab_model_new_tagger");
  FIND(model_new_lattice, "mecab_model_new_lattice");
  FIND(destroy, "mecab_destroy");
  FIND(lattice_destroy, "mecab_lattice_destroy");
  FIND(lattice_clear, "mecab_lattice_clear");
  FIND(lattice_set_sentence2, "mecab_lattice_set_sentence2");
  FIND(lattice_set_request_type, "mecab_lattice_set_request_type");
  FIND(parse_lattice, "mecab_parse_lattice");
  FIND(lattice_nbest_tostr, "mecab_lattice_nbest_tostr");
  FIND(lattice_strerror, "mecab_lattice_strerror");
  FIND(strerror, "mecab_strerror");
#undef FIND
  api.handle = h;
  pthread_mutex_unlock(&load_lock);
  return 1;
}

struct LMeCabTagger {
  mecab_model_t *model;
  mecab_t *tagger;
  mecab_lattice_t *lattice;
};

LMeCabTagger *lmecab_open(const char *dicdir, const char *node_format,
                          const char *unknown_format, char *error, size_t error_size) {
  if (!api.handle) {
    set_error(error, error_size, "the MeCab library is not loaded");
    return NULL;
  }
  /* Options as separate arguments: a dictionary path may hold spaces. `-r /dev/null`:
   * no mecabrc (a user's ~/.mecabrc could change the output format); `-O ""` clears
   * the dictionary's own output format so that ours is used. */
  size_t d = strlen(dicdir), f = strlen(node_format), u = strlen(unknown_format);
  char *dic = malloc(d + 1), *node = malloc(f + 15), *unk = malloc(u + 14);
  if (!dic || !node || !unk) {
    free(dic), free(node), free(unk);
    set_error(error, error_size, "out of memory");
    return NULL;
  }
  memcpy(dic, dicdir, d + 1);
  snprintf(node, f + 15, "--node-format=%s", node_format);
  snprintf(unk, u + 14, "--unk-format=%s", unknown_format);
  char *argv[] = {"mecab",     "-r",         "/dev/null", "-d",
                  dic,         "-O",         "",          node,
                  unk,         "--bos-format=", "--eos-format=EOS\\n", NULL};
  int argc = (int)(sizeof argv / sizeof argv[0]) - 1;
  mecab_model_t *model = api.model_new(argc, argv);
  free(dic), free(node), free(unk);
  if (!model) {
    set_error(error, error_size, api.strerror(NULL));
    return NULL;
  }
  LMeCabTagger *t = calloc(1, sizeof *t);
  if (!t) {
    api.model_destroy(model);
    set_error(error, error_size, "out of memory");
    return NULL;
  }
  t->model = model;
  t->tagger = api.model_new_tagger(model);
  t->lattice = api.model_new_lattice(model);
  if (!t->tagger || !t->lattice) {
    set_error(error, error_size, api.strerror(NULL));
    lmecab_close(t);
    return NULL;
  }
  return t;
}

void lmecab_close(LMeCabTagger *t) {
  if (!t) return;
  if (t->lattice) api.lattice_destroy(t->lattice);
  if (t->tagger) api.destroy(t->tagger);
  if (t->model) api.model_destroy(t->model);
  free(t);
}

const char *lmecab_nbest(LMeCabTagger *t, const char *text, size_t length, size_t n,
                         char *error, size_t error_size) {
  api.lattice_clear(t->lattice);
  api.lattice_set_request_type(t->lattice, MECAB_NBEST);
  api.lattice_set_sentence2(t->lattice, text, length);
  if (!api.parse_lattice(t->tagger, t->lattice)) {
    set_error(error, error_size, api.lattice_strerror(t->lattice));
    return NULL;
  }
  const char *out = api.lattice_nbest_tostr(t->lattice, n);
  if (!out) set_error(error, error_size, api.lattice_strerror(t->lattice));
  return out;
}
