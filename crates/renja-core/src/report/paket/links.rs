//! Links from the package's index (HTML and XLSX) to the files beside it. Paths are already
//! safe names joined with `/` (`naming::paket`); here they are only encoded for the link.

/// `path` percent-encoded for an `href`: every byte but the unreserved ones (RFC 3986) and
/// the `/` between components.
pub(super) fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len() * 3 / 2);
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `path` as the target of a hyperlink in the XLSX index, relative to the index in the
/// package's root. Only what a relative link cannot hold is percent-encoded: the space, `%`,
/// `#` (it would start an anchor) and the characters rust_xlsxwriter escapes; other
/// characters, accented letters included, stay as they are, as Excel writes its own links.
///
/// rust_xlsxwriter takes a link holding `%20` as escaped already and leaves it alone, and
/// escapes every `%` of any other; so this is only for package paths, whose file names all
/// hold a space ("1.2.3.1 SK Tim.pdf").
pub(super) fn link_target(path: &str) -> String {
    let mut out = String::with_capacity(path.len() * 5 / 4);
    for c in path.chars() {
        match c {
            ' ' | '%' | '#' | '"' | '<' | '>' | '[' | ']' | '^' | '`' | '{' | '}' | '\\' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::naming::paket::berkas;

    #[test]
    fn link_targets_encode_only_what_a_link_cannot_hold() {
        assert_eq!(
            link_target("01 Manajemen/1.1 SK (2) & #3/1.1.1.1 100% é[x].pdf"),
            "01%20Manajemen/1.1%20SK%20(2)%20&%20%233/1.1.1.1%20100%25%20é%5Bx%5D.pdf"
        );
        // Every file name in the package holds a space, which is what keeps rust_xlsxwriter
        // from escaping the link a second time.
        for name in ["a", "#", "%", "CON.pdf", "x#y%z.pdf"] {
            assert!(berkas("1.1.1.1", name).contains(' '), "{name}");
        }
    }

    #[test]
    fn hrefs_are_percent_encoded() {
        assert_eq!(
            href("01 Manajemen/1.1 SK & \"x\"/1.1.1.1 <a>é.pdf"),
            "01%20Manajemen/1.1%20SK%20%26%20%22x%22/1.1.1.1%20%3Ca%3E%C3%A9.pdf"
        );
    }
}
