//! The `pontoon` command; everything it does is in the library (src/lib.rs).

fn main() {
    pontoon::cli_main()
}
