//! The smallest typst `World` that renders one document: a fixed template as the main file,
//! the document's data as `/doc.json`, the bundled fonts, and nothing else (no packages, no
//! files from disk, no clock).

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The template: reads `/doc.json` and lays it out.
const TEMPLATE: &str = include_str!("template.typ");

/// The bundled fonts (SIL Open Font License 1.1, see `fonts/OFL.txt`): Noto Sans for Latin,
/// Cyrillic and Greek; Noto Naskh Arabic for Arabic and Persian.
const FONT_FILES: [&[u8]; 5] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf"),
];

/// What every render shares: the standard library, the fonts and their book.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    data: FileId,
}

/// Built once; `None` only if a constant path were invalid, which `render` reports.
static SHARED: LazyLock<Option<Shared>> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    let id = |path: &str| {
        VirtualPath::new(path)
            .ok()
            .map(|p| RootedPath::new(VirtualRoot::Project, p).intern())
    };
    Some(Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: id("/main.typ")?,
        data: id("/doc.json")?,
    })
});

/// One render: the template and one document's JSON.
pub(crate) struct DocWorld {
    shared: &'static Shared,
    main: Source,
    data: Bytes,
}

impl DocWorld {
    pub(crate) fn new(json: Vec<u8>) -> Option<Self> {
        let shared = SHARED.as_ref()?;
        Some(Self {
            shared,
            main: Source::new(shared.main, TEMPLATE.to_owned()),
            data: Bytes::new(json),
        })
    }

    /// Names of the bundled font families (for tests and the README).
    pub(crate) fn families() -> Vec<String> {
        let mut names: Vec<String> = SHARED
            .iter()
            .flat_map(|s| s.fonts.iter())
            .map(|f| f.info().family.clone())
            .collect();
        names.dedup();
        names
    }
}

#[cfg(test)]
/// Does a bundled font of `family` (regular weight included) have a glyph for `c`?
pub(crate) fn covers(family: &str, c: char) -> bool {
    SHARED
        .iter()
        .flat_map(|s| s.fonts.iter())
        .any(|f| f.info().family == family && f.info().coverage.contains(u32::from(c)))
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data {
            Ok(self.data.clone())
        } else if id == self.shared.main {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// No clock: the same document gives the same PDF (good for ETags), and the template
    /// never asks for today's date.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
