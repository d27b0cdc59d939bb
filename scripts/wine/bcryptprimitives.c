/* For tests under wine only, never shipped: Rust's standard library takes its random bytes
 * from ProcessPrng in bcryptprimitives.dll (Windows 10 and later), which wine 8 lacks.
 * scripts/wine-run builds this stub and puts it beside the test program. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return RtlGenRandom(data, (ULONG)len);
}
