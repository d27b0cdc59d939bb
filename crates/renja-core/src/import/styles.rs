//! What `calamine` does not read from an xlsx: each cell's fill colour (offices mark the
//! scheduled months of a tahapan by shading the cell), and the extent of a sheet, counted
//! from its XML before `calamine` builds a grid of it.
//!
//! - `xl/styles.xml`: `<fills>` (a solid or patterned fill's foreground colour) and
//!   `<cellXfs>` (each cell style's `fillId`). A cell's `s` attribute indexes `cellXfs`.
//! - A sheet's XML: `<c r="F12" s="7">` with or without a `<v>`. A shaded month cell often
//!   holds no value at all, so cells are recorded by style, not by value.
//! - The scan stops as soon as a sheet passes [`MAX_ROWS`], [`MAX_COLUMNS`] or [`MAX_CELLS`]
//!   (counting cells with a value): a sheet of 1,048,576 rows costs a read of its first rows.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};

/// The fill of each cell style (`cellXfs` index), `None` for no fill.
pub(crate) fn fills_by_style(xml: &[u8]) -> Vec<Option<String>> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut fills: Vec<Option<String>> = Vec::new();
    let mut styles: Vec<Option<String>> = Vec::new();
    let (mut in_fills, mut in_xfs) = (false, false);
    // The fill being read: its pattern, foreground and background colours.
    let mut pattern: Option<String> = None;
    let mut fg: Option<String> = None;
    let mut bg: Option<String> = None;
    let mut gradient = false;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "fills" => in_fills = !empty,
                "cellXfs" => in_xfs = !empty,
                "fill" if in_fills => {
                    (pattern, fg, bg, gradient) = (None, None, None, false);
                    if empty {
                        fills.push(None);
                    }
                }
                "patternFill" if in_fills => pattern = attr(&e, "patternType"),
                "gradientFill" if in_fills => gradient = true,
                "fgColor" if in_fills => fg = color(&e),
                "bgColor" if in_fills => bg = color(&e),
                "xf" if in_xfs => {
                    let id: Option<usize> = attr(&e, "fillId").and_then(|v| v.parse().ok());
                    styles.push(id.and_then(|i| fills.get(i).cloned().flatten()));
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "fills" => in_fills = false,
                "cellXfs" => in_xfs = false,
                "fill" if in_fills => {
                    let fill = if gradient {
                        Some("gradient".to_owned())
                    } else {
                        match pattern.as_deref() {
                            None | Some("none") | Some("gray125") => None,
                            Some("solid") => fg.take().or(bg.take()),
                            Some(_) => fg.take().or(bg.take()).or(Some("pattern".to_owned())),
                        }
                    };
                    fills.push(fill);
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    styles
}

/// XML's five entities decoded (names of sheets may hold `&amp;`).
pub(crate) fn unescape(value: &str) -> String {
    value
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.to_string())
}

/// A colour element as one string: `rgb`, or `theme:N[:tint]`, or `indexed:N`.
fn color(e: &BytesStart<'_>) -> Option<String> {
    if let Some(rgb) = attr(e, "rgb") {
        return Some(rgb.to_ascii_uppercase());
    }
    if let Some(theme) = attr(e, "theme") {
        return Some(match attr(e, "tint") {
            Some(tint) => format!("theme:{theme}:{tint}"),
            None => format!("theme:{theme}"),
        });
    }
    // Indexed 64 is "system foreground": what Excel writes for "no colour" in a pattern.
    attr(e, "indexed")
        .filter(|i| i != "64")
        .map(|i| format!("indexed:{i}"))
}

/// What the scan of one sheet found.
#[derive(Debug, Default)]
pub(crate) struct SheetScan {
    /// 0-based (row, col) → fill, for cells whose style has a fill.
    pub fills: HashMap<(u32, u32), String>,
    /// Whether the sheet is past a limit.
    pub too_big: bool,
}

/// "F12" → (11, 5), 0-based.
pub(crate) fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0u32, |acc, b| {
        acc * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = r[letters..].parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// Scan a sheet's XML for its extent and the fills of its cells (`styles` from
/// [`fills_by_style`]).
pub(crate) fn scan_sheet(xml: &[u8], styles: &[Option<String>]) -> SheetScan {
    let mut out = SheetScan::default();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut in_value = false;
    let mut valued_cells = 0u64;
    let (mut max_row, mut max_col) = (0u32, 0u32);
    let mut current = (0u32, 0u32);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "row" => {
                    row = attr(&e, "r")
                        .and_then(|r| r.parse::<u32>().ok())
                        .map_or(row + 1, |r| r);
                    col = 0;
                }
                "c" => {
                    col += 1;
                    current = match attr(&e, "r").and_then(|r| cell_ref(&r)) {
                        Some((r, c)) => {
                            col = c + 1;
                            (r, c)
                        }
                        None => (row.saturating_sub(1), col - 1),
                    };
                    let style: Option<usize> = attr(&e, "s").and_then(|s| s.parse().ok());
                    if let Some(fill) = style.and_then(|s| styles.get(s).cloned().flatten())
                        && current.0 < MAX_ROWS
                        && current.1 < MAX_COLUMNS
                    {
                        out.fills.insert(current, fill);
                        if out.fills.len() as u64 > MAX_CELLS {
                            out.too_big = true;
                            return out;
                        }
                    }
                }
                "v" | "is" => in_value = true,
                _ => {}
            },
            Event::Text(t) if in_value && !t.is_empty() => {
                in_value = false;
                valued_cells += 1;
                max_row = max_row.max(current.0 + 1);
                max_col = max_col.max(current.1 + 1);
                if max_row > MAX_ROWS
                    || max_col > MAX_COLUMNS
                    || valued_cells > MAX_CELLS
                    || u64::from(max_row) * u64::from(max_col) > MAX_CELLS
                {
                    out.too_big = true;
                    return out;
                }
            }
            Event::End(e) if matches!(e.local_name().as_ref(), "v" | "is") => in_value = false,
            _ => {}
        }
        buf.clear();
    }
    // Shading outside the cells with values (whole rows or columns styled to the sheet's
    // end) is not part of the table.
    out.fills.retain(|(r, c), _| *r < max_row && *c < max_col);
    out
}

/// The sheets of a workbook in order, each with the path of its XML inside the ZIP, from
/// `xl/workbook.xml` and `xl/_rels/workbook.xml.rels`.
pub(crate) fn sheet_paths(workbook: &[u8], rels: &[u8]) -> Vec<(String, String)> {
    let mut targets = HashMap::new();
    let mut reader = Reader::from_reader(rels);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let path = match target.strip_prefix('/') {
                        Some(abs) => abs.to_owned(),
                        None => format!("xl/{target}"),
                    };
                    targets.insert(id, path);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    let mut sheets = Vec::new();
    let mut reader = Reader::from_reader(workbook);
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                let name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "name")
                    .map(|a| unescape(&a.value));
                let id = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "r:id" || a.key.local_name().as_ref() == "id")
                    .map(|a| a.value.to_string());
                if let (Some(name), Some(path)) = (name, id.and_then(|i| targets.get(&i).cloned()))
                {
                    sheets.push((name, path));
                }
            }
            _ => {}
        }
        buf.clear();
    }
    sheets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("F12"), Some((11, 5)));
        assert_eq!(cell_ref("AA3"), Some((2, 26)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_ref("12"), None);
        assert_eq!(cell_ref("A0"), None);
    }

    #[test]
    fn fills_follow_cell_styles() {
        let xml = br#"<styleSheet><fills count="3"><fill><patternFill patternType="none"/></fill>
            <fill><patternFill patternType="gray125"/></fill>
            <fill><patternFill patternType="solid"><fgColor rgb="ff00b0f0"/><bgColor indexed="64"/></patternFill></fill>
            <fill><patternFill patternType="solid"><fgColor theme="4" tint="0.39"/></patternFill></fill>
            </fills><cellXfs count="3"><xf fillId="0"/><xf fillId="2" applyFill="1"/><xf fillId="3"/><xf/></cellXfs></styleSheet>"#;
        assert_eq!(
            fills_by_style(xml),
            vec![
                None,
                Some("FF00B0F0".to_owned()),
                Some("theme:4:0.39".to_owned()),
                None
            ]
        );
    }
}
