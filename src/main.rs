//! The web app's entry point, built by Trunk. It only mounts the app; everything else lives in
//! the library (`scorecard::web`).

fn main() {
    scorecard::web::embed::start_page();
}
