#ifndef SYMBIOSE_CMALLOC_SHIM_H
#define SYMBIOSE_CMALLOC_SHIM_H

/* glibc's allocator settings (mallopt); absent elsewhere, where nothing is set. */
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#endif
