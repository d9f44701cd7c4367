//! Reading the text of files a person picks with a file input or drops on an element.
//!
//! The scorer's import and the committee's loader both need it; the hook owns the file readers
//! (a `Reading` dropped before it calls back cancels the read) and the three event handlers.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, FileReader, HtmlInputElement};
use yew::prelude::*;

use crate::core::interchange::decode_text;

/// What is called once per file: its place in the order the files were chosen (counted across
/// batches: reads finish in any order), its name, and its text or why it could not be had.
pub type OnFile = Rc<dyn Fn(u32, String, Result<String, String>)>;

/// The handlers to attach: `onchange` of a file input, `ondrop` and `ondragover` of a drop zone.
pub struct FileDrop {
    pub on_change: Callback<Event>,
    pub on_drop: Callback<DragEvent>,
    pub on_dragover: Callback<DragEvent>,
}

/// Reads the first file (or every file, with `multiple`), refusing any larger than `max_bytes`
/// before reading it.
/// The readers still in flight, each with a flag it sets when done (dropping a reader cancels it).
type Readers = Rc<RefCell<Vec<(Rc<Cell<bool>>, Reading)>>>;

/// A file being read as bytes. Dropped before it is done, the read is cancelled and its callback
/// never called. (What gloo's `FileReader` guard did, with one handler for both outcomes rather
/// than two event listeners, and its error messages: about 1 KB less of the widget's wasm.)
struct Reading {
    reader: FileReader,
    _on_end: Closure<dyn FnMut()>,
}

impl Drop for Reading {
    fn drop(&mut self) {
        // (Without its handler first: `abort` fires `loadend` at once.)
        self.reader.set_onloadend(None);
        if self.reader.ready_state() != FileReader::DONE {
            self.reader.abort();
        }
    }
}

/// Reads `file`, then calls `done` with its bytes or why it could not be read, in the words of
/// gloo's `FileReadError` ("FileReader cannot read contents of blob: ...").
fn read_bytes(file: &web_sys::File, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) -> Reading {
    let reader = FileReader::new().unwrap_throw();
    let on_end = {
        let reader = reader.clone();
        Closure::once(crate::web::once(move || {
            done(match reader.error() {
                None => Ok(js_sys::Uint8Array::new(&reader.result().unwrap_throw()).to_vec()),
                Some(e) => Err(match e.name().as_str() {
                    "NotFoundError" => "FileReader cannot find blob: ",
                    "NotReadableError" => "FileReader cannot read contents of blob: ",
                    "SecurityError" => "FileReader encountered a security exception: ",
                    // (Another name: said as such, so the file is answered and a batch waiting on it ends.)
                    _ => "FileReader could not read the file: ",
                }
                .to_string()
                    + &e.message()),
            })
        }))
    };
    reader.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    reader.read_as_array_buffer(file).unwrap_throw();
    Reading { reader, _on_end: on_end }
}

#[hook]
pub fn use_file_drop(multiple: bool, max_bytes: Option<usize>, on_file: OnFile) -> FileDrop {
    // Readers in flight, each with a flag its callback sets, so finished ones can be let go.
    let readers: Readers = use_mut_ref(Vec::new);
    let chosen = use_mut_ref(|| 0u32);
    let read = Rc::new(move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let count = if multiple { files.length() } else { files.length().min(1) };
        readers.borrow_mut().retain(|(done, _)| !done.get());
        for file in (0..count).filter_map(|i| files.get(i)) {
            let name = file.name();
            let place = chosen.replace_with(|n| n.wrapping_add(1));
            if let Some(max) = max_bytes.filter(|max| file.size() > *max as f64) {
                // As a whole number (a file's size is one): f64's Display would bring the float
                // formatter into the widget for this message.
                on_file(place, name, Err(format!("the file is {} bytes; the limit is {max}", file.size() as u64)));
                continue;
            }
            let (on_file, done) = (on_file.clone(), Rc::new(Cell::new(false)));
            let finished = done.clone();
            // As bytes, decoded as the command-line tool decodes a file (`decode_text`): the
            // browser's own text reading puts replacement characters where bytes are not text.
            let reader = read_bytes(&file, move |result| {
                finished.set(true);
                on_file(
                    place,
                    name,
                    result.map_err(|e| format!("could not be read ({e})")).and_then(|bytes| decode_text(&bytes)),
                );
            });
            readers.borrow_mut().push((done, reader));
        }
    });
    let on_change = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read(input.files());
            // Choosing the same file again must read it again.
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        read(e.data_transfer().and_then(|d| d.files()));
    });
    FileDrop { on_change, on_drop, on_dragover: Callback::from(|e: DragEvent| e.prevent_default()) }
}
