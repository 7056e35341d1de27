// libFuzzer entry point for the ccda target; the work is done in the FuzzTargets library.
#include <stddef.h>
#include <stdint.h>

int soaplint_fuzz_ccda(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return soaplint_fuzz_ccda(data, size); }
