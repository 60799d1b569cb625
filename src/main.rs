// A Windows release build is a GUI program: no console window opens behind the app when a
// secretary starts it from the Start menu. (Debug builds keep their console for developers.)
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // A GUI program has no console, so `ngayhoi export ...` typed in a terminal would print
    // nothing: with arguments, borrow the console of the terminal that started it.
    #[cfg(all(windows, not(debug_assertions)))]
    if std::env::args_os().len() > 1 {
        use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
        // SAFETY: takes no pointers; simply fails (and nothing prints) when there is no
        // parent console, e.g. started from Explorer with a file.
        unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
    ngayhoi::cli::main()
}
