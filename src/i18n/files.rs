//! Messages for files fardplan writes (exports, PDFs, folders): what went wrong in words, and
//! what to do about it, instead of the operating system's English error text alone.

use super::Lang;
use std::io::ErrorKind;

/// Writing `path` (a file, or a folder when `folder`) failed with `e`.
pub fn cannot_write(lang: Lang, path: &str, folder: bool, e: &std::io::Error) -> String {
    let sv = lang == Lang::Sv;
    // (what is wrong, what to do), Swedish then English.
    let [what, fix] = match e.kind() {
        ErrorKind::NotFound => [
            ["mappen finns inte", "the folder does not exist"],
            ["skapa den först eller välj en annan sökväg", "create it first or choose another path"],
        ],
        ErrorKind::PermissionDenied => [
            ["du saknar behörighet att skriva där", "you may not write there"],
            ["välj en mapp där du får skriva", "choose a folder you can write to"],
        ],
        ErrorKind::StorageFull => [
            ["disken är full", "the disk is full"],
            ["frigör utrymme och försök igen", "free some space and try again"],
        ],
        ErrorKind::ReadOnlyFilesystem => [
            ["filsystemet är skrivskyddat", "the file system is read-only"],
            ["välj en annan plats", "choose another place"],
        ],
        ErrorKind::IsADirectory => [["det är en mapp", "it is a folder"], ["ange ett filnamn", "give a file name"]],
        ErrorKind::NotADirectory | ErrorKind::AlreadyExists if folder => [
            ["det finns redan en fil med det namnet", "a file with that name already exists"],
            ["välj ett annat mappnamn", "choose another folder name"],
        ],
        _ => [["", ""], ["kontrollera sökvägen och försök igen", "check the path and try again"]],
    }
    .map(|pair| pair[usize::from(!sv)]);
    // The system's own text stays, for whoever has to dig further.
    let detail = if what.is_empty() { e.to_string() } else { format!("{what} ({e})") };
    match (sv, folder) {
        (true, false) => format!("kan inte skriva {path}: {detail} — {fix}"),
        (true, true) => format!("kan inte skapa mappen {path}: {detail} — {fix}"),
        (false, false) => format!("cannot write {path}: {detail} — {fix}"),
        (false, true) => format!("cannot create the folder {path}: {detail} — {fix}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Error;

    #[test]
    fn says_what_is_wrong_and_what_to_do() {
        let missing = Error::from(ErrorKind::NotFound);
        assert!(
            cannot_write(Lang::Sv, "/x/y.pdf", false, &missing)
                .starts_with("kan inte skriva /x/y.pdf: mappen finns inte")
        );
        assert!(cannot_write(Lang::En, "/x/y.pdf", false, &missing).contains("create it first"));
        let denied = Error::from(ErrorKind::PermissionDenied);
        assert!(
            cannot_write(Lang::Sv, "/p", true, &denied).starts_with("kan inte skapa mappen /p: du saknar behörighet")
        );
        let other = Error::other("boom");
        assert_eq!(cannot_write(Lang::En, "f", false, &other), "cannot write f: boom — check the path and try again");
    }
}
