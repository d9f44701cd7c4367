//! The hiring committee view's entry point, built by Trunk from committee.html. It only mounts
//! the view; everything else lives in the library (`scorecard::web`).

fn main() {
    scorecard::web::embed::start_committee_page();
}
