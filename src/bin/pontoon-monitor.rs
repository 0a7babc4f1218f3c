//! `pontoon-monitor`: the supervisor each running container keeps (see
//! src/monitor). A binary of its own so that it maps and relocates only
//! the code supervising needs.

fn main() {
    pontoon::monitor_main()
}
