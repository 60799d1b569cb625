use std::process::ExitCode;

fn main() -> ExitCode {
    ngayhoi::cli::main()
}
