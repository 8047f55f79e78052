//! Steps 3–5 of the strict key: typographic punctuation to ASCII, control and format characters removed,
//! white space collapsed to single ASCII spaces and trimmed.

/// Maps typographic punctuation to its ASCII twin (step 3). Runs after NFKC, so `″` has already become
/// `′′` and ends as `''`.
fn ascii_punctuation(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        other => other,
    }
}

/// True for the characters of general category Cf (format): zero-width space and joiners, BOM, soft
/// hyphen, bidi marks and the like. A fixed table (Unicode 16) rather than a general-category crate: it is
/// 20 ranges, and the crate would add its whole table to the WebAssembly module.
pub fn is_format(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// Steps 3, 4 and 5 in one scan. White space (the Unicode `White_Space` property, which `char::is_whitespace`
/// implements) is checked first, so tab, line feed and NEL become spaces rather than being removed as controls.
pub(super) fn clean(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() || is_format(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ascii_punctuation(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn collapses_and_trims_white_space_and_drops_invisible_characters() {
        assert_eq!(clean("\u{FEFF} a\t\tb\u{200B}c \n"), "a bc");
        assert_eq!(clean("soft\u{00AD}hyphen"), "softhyphen");
        assert_eq!(clean("o\u{2019}brien \u{2013} co"), "o'brien - co");
    }
}
