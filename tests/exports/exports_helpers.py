"""Reading what the exports wrote, for the tests."""

def sheet_of(content):
    import io

    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content)).worksheets[0]


def line_of(sheet, key):
    """The row of the sheet whose hidden id is ``key`` ("activity:12", "total:plan")."""
    for row in range(1, sheet.max_row + 1):
        if sheet[f"M{row}"].value == key:
            return row
    raise AssertionError(f"no row {key}")
