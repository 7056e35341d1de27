#ifndef SOAPLINT_CSUPPORT_H
#define SOAPLINT_CSUPPORT_H

#include <stddef.h>

/// Finds `needle` in `haystack`; NULL when absent.
const void *soaplint_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Writes all of `buffer` to the file descriptor, retrying short writes; 0 on success, -1 on error.
int soaplint_write_all(int fd, const void *buffer, size_t length);

#endif
