fn main() {
    std::process::exit(fardplan::cli::main());
}
