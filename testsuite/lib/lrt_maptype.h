/* lrt_maptype.h: a map type descriptor for C programs that drive the
   map implementation directly (testsuite/libruntime.c, testsuite/fuzz):
   map[K]uint64 where K is KSIZE bytes of integer kind KKIND, hashed
   and compared by the program's HASH and EQ.  Needs runtime.h's types
   (gotype.h).  */
#ifndef LRT_MAPTYPE_H
#define LRT_MAPTYPE_H

#define LRT_MAP_TYPE(name, ksize, kkind, hash, eq)                        \
  static const GoFuncVal name##_hash_fv = { (void (*) (void)) (hash) };   \
  static const GoFuncVal name##_eq_fv = { (void (*) (void)) (eq) };       \
  static const Type name##_key = { .size = (ksize), .align = (ksize),     \
                                   .fieldAlign = (ksize),                 \
                                   .kind = (kkind) | KindNoPointers,      \
                                   .equal = &name##_eq_fv };              \
  static const Type name##_val = { .size = 8, .align = 8,                 \
                                   .fieldAlign = 8,                       \
                                   .kind = KindUint64 | KindNoPointers }; \
  static const MapType name = {                                           \
    .type = { .size = sizeof (void *), .kind = KindMap },                 \
    .key = &name##_key, .elem = &name##_val, .hasher = &name##_hash_fv,   \
    .keysize = (ksize), .valuesize = 8, .flags = MapReflexiveKey,         \
  }

#endif /* LRT_MAPTYPE_H */
