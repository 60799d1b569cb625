/* Test-only stand-in for Windows 10/11's bcryptprimitives.dll, which Wine 8 lacks: Rust's
 * standard library asks it for random bytes (ProcessPrng). Built and placed into the Wine
 * prefix by test-wine.sh only; never shipped (real Windows has the real DLL). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
