/* Test-only: holds a file open the way a PDF viewer does (others may read it, nobody may
 * delete or replace it) until the file named second exists. Used by test-wine.sh to check
 * that saving over an open PDF gives a clear message and loses nothing. */
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3)
        return 2;
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return 1;
    while (GetFileAttributesW(argv[2]) == INVALID_FILE_ATTRIBUTES)
        Sleep(100);
    CloseHandle(h);
    return 0;
}
