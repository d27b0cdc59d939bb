#!/usr/bin/python3
"""Print what an XLSX workbook holds as JSON, for the report tests.

Usage: xlsx_dump.py FILE

Per worksheet: the cell values (with their types, so a text "=1+1" can be told from a
formula and a date, type "d", from a number), the number format of every cell that has one,
the hyperlinks (target as stored, tooltip), the merged ranges, the fill colour of every
filled cell, the bold, italic and underlined cells, the frozen pane, the rows repeated on
printed pages, the manual page breaks (the 1-based row each page ends with), the page setup
(orientation, paper size, fit to pages, margins, footer), the explicit row heights, the
column widths (by letter, and as [first, last, width] spans) and the images (row and column of their top-left corner). Needs openpyxl
(Debian: python3-openpyxl).
"""

import json
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl


def color(c):
    if c is None:
        return None
    if c.type == "rgb":
        return c.rgb
    if c.type == "theme":
        return "theme:%s" % c.theme
    if c.type == "indexed":
        return "indexed:%s" % c.indexed
    return None


NS = {
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
}


def images(archive, sheet_path):
    """The pictures drawn on a worksheet, read from the package itself: openpyxl only keeps
    images when Pillow is installed. Each as the 0-based row and column of its top-left."""
    base = posixpath.dirname(sheet_path)
    rels_path = posixpath.join(base, "_rels", posixpath.basename(sheet_path) + ".rels")
    if rels_path not in archive.namelist():
        return []
    found = []
    for rel in ET.fromstring(archive.read(rels_path)).findall("rel:Relationship", NS):
        if not rel.get("Type", "").endswith("/drawing"):
            continue
        drawing = posixpath.normpath(posixpath.join(base, rel.get("Target")))
        root = ET.fromstring(archive.read(drawing))
        for anchor in root:
            if anchor.find("xdr:pic", NS) is None:
                continue
            start = anchor.find("xdr:from", NS)
            found.append(
                {
                    "row": int(start.find("xdr:row", NS).text),
                    "col": int(start.find("xdr:col", NS).text),
                }
            )
    return found


def sheet_paths(archive):
    """Worksheet part names in workbook order."""
    wb = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    paths = []
    for s in wb.iter(main + "sheet"):
        target = targets[s.get(rid)]
        paths.append(target.lstrip("/") if target.startswith("/") else "xl/" + target)
    return paths


def sheet(ws, pictures):
    cells, types, fills, bold, italic, underline = {}, {}, {}, [], [], []
    formats, links = {}, {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.__class__.__name__ == "MergedCell":
                continue
            coord = cell.coordinate
            if cell.value is not None:
                value = cell.value
                if not isinstance(value, (int, float, str, bool)):
                    value = str(value)
                cells[coord] = value
                types[coord] = cell.data_type
                if cell.number_format != "General":
                    formats[coord] = cell.number_format
            if cell.hyperlink is not None:
                links[coord] = {
                    "target": cell.hyperlink.target,
                    "tooltip": cell.hyperlink.tooltip,
                }
            fill = cell.fill
            if fill is not None and fill.fill_type == "solid":
                fills[coord] = color(fill.fgColor)
            if cell.font is not None:
                if cell.font.b:
                    bold.append(coord)
                if cell.font.i:
                    italic.append(coord)
                if cell.font.u:
                    underline.append(coord)
    setup = ws.page_setup
    props = ws.sheet_properties.pageSetUpPr
    return {
        "name": ws.title,
        "max_row": ws.max_row,
        "max_column": ws.max_column,
        "cells": cells,
        "types": types,
        "formats": formats,
        "hyperlinks": links,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "fills": fills,
        "bold": bold,
        "italic": italic,
        "underline": underline,
        "freeze_panes": ws.freeze_panes,
        "print_title_rows": (ws.print_title_rows or "").replace("$", "") or None,
        "row_breaks": [b.id for b in ws.row_breaks.brk],
        "orientation": setup.orientation,
        "paper_size": int(setup.paperSize) if setup.paperSize is not None else None,
        "fit_to_page": bool(props.fitToPage) if props is not None else False,
        "fit_to_width": int(setup.fitToWidth) if setup.fitToWidth is not None else 1,
        "fit_to_height": int(setup.fitToHeight) if setup.fitToHeight is not None else 1,
        "margins": {
            "left": ws.page_margins.left,
            "right": ws.page_margins.right,
            "top": ws.page_margins.top,
            "bottom": ws.page_margins.bottom,
        },
        "footer": {
            "left": ws.oddFooter.left.text,
            "center": ws.oddFooter.center.text,
            "right": ws.oddFooter.right.text,
        },
        "row_heights": {
            str(r): d.height
            for r, d in ws.row_dimensions.items()
            if d.height is not None
        },
        "column_widths": {
            k: d.width for k, d in ws.column_dimensions.items() if d.width is not None
        },
        "columns": sorted(
            [d.min, d.max, d.width]
            for d in ws.column_dimensions.values()
            if d.width is not None and d.min is not None
        ),
        "images": pictures,
    }


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: xlsx_dump.py FILE")
    wb = openpyxl.load_workbook(sys.argv[1])
    with zipfile.ZipFile(sys.argv[1]) as archive:
        pictures = [images(archive, p) for p in sheet_paths(archive)]
    json.dump(
        {"sheets": [sheet(ws, pics) for ws, pics in zip(wb.worksheets, pictures)]},
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
