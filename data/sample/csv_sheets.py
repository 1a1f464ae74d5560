"""Shared by the sample builders: one UTF-8 (with BOM) CSV per sheet, LF line ends, in a folder named for the sample."""
import csv, os


def sheet_writer(folder):
    """Creates the folder and returns write(name, rows), which writes rows to <folder>/<name>.csv."""
    os.makedirs(folder, exist_ok=True)

    def write(name, rows):
        with open(os.path.join(folder, name + ".csv"), "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            for r in rows:
                w.writerow(r)

    return write
