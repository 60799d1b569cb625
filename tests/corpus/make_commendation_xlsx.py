"""Writes de-nghi-khen-thuong.xlsx, a list as the commendation web software's template is
filled in an office: written by LibreOffice Calc (another writer than the tests'
rust_xlsxwriter), with its own shared strings and styles, merged header cells, and formulas
whose values Calc computed and saved. Used by tests/import_commendation.rs.

Run once with LibreOffice installed: `/usr/bin/python3 make_commendation_xlsx.py` in this
folder (the python3 that has the `uno` module); the .xlsx is committed. Row numbers in
comments are Excel's (1-based).
"""
import os
import subprocess
import time

import uno
from com.sun.star.beans import PropertyValue

HERE = os.path.dirname(os.path.abspath(__file__))
PIPE = "ngayhoi_corpus_%d" % os.getpid()

FORMS = [
    ("GKCT", "Giấy khen của Chủ tịch UBND cấp xã"),
    ("BKCT", "Bằng khen của Chủ tịch UBND cấp tỉnh"),
    ("BD", "Biểu dương"),
    ("CSTD", "Chiến sĩ thi đua cơ sở"),
]
KINDS = [("CANHAN", "Cá nhân"), ("TAPTHE", "Tập thể"), ("HOGIADINH", "Hộ gia đình")]

# Phân loại, Tên gọi, Tên, Chức vụ, Đơn vị công tác, Danh hiệu/Hình thức; "=" starts a formula.
ROWS = [
    # row 9
    ["CANHAN", "Ông", "Đặng Văn Lâm", "Tổ trưởng tổ dân phố 2", "Khu phố 3", "GKCT"],
    # row 10: the form written out
    ["CANHAN", "Bà", "Huỳnh Thị Ngọc Ánh", "Trưởng ban công tác Mặt trận", "Khu phố 1", "Giấy khen của Chủ tịch UBND phường"],
    # row 11: the code looked up from DANHMUC by a formula
    ["TAPTHE", "", "Tổ bảo vệ an ninh trật tự Khu phố 6", "", "", "=$DANHMUC.B4"],
    # row 12: the name joined by a formula
    ["HOGIADINH", "", '="Hộ ông "&"Trịnh Văn Phúc"', "", "Khu phố 2", "BD"],
    # row 13: a title that is not Ông/Bà
    ["CANHAN", "Thượng úy", "Nguyễn Quốc Bảo", "Phó Trưởng Công an phường", "Công an phường Chợ Quán", "GKCT"],
]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(120):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE)
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer")


def put(sheet, col, row, value):
    cell = sheet.getCellByPosition(col, row)
    if value.startswith("="):
        cell.setFormula(value)
    elif value:
        cell.setString(value)


def merge(sheet, c1, r1, c2, r2):
    sheet.getCellRangeByPosition(c1, r1, c2, r2).merge(True)


def build(doc):
    sheets = doc.getSheets()
    codes = sheets.getByIndex(0)
    codes.setName("DANHMUC")
    sheets.insertNewByName("HUONGDAN", 0)
    sheets.insertNewByName("DANHSACH", 2)
    guide = sheets.getByName("HUONGDAN")
    put(guide, 0, 0, "HƯỚNG DẪN NHẬP DANH SÁCH")
    put(guide, 0, 1, "Điền danh sách ở trang DANHSACH; mã phân loại và hình thức xem ở trang DANHMUC.")

    put(codes, 0, 0, "DANH MỤC DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG")
    for c, h in enumerate(["STT", "Mã", "Tên danh hiệu/hình thức", "", "Mã", "Phân loại"]):
        put(codes, c, 1, h)
    for i, (code, name) in enumerate(FORMS):
        codes.getCellByPosition(0, i + 2).setValue(i + 1)
        put(codes, 1, i + 2, code)
        put(codes, 2, i + 2, name)
    for i, (code, name) in enumerate(KINDS):
        put(codes, 4, i + 2, code)
        put(codes, 5, i + 2, name)

    sheet = sheets.getByName("DANHSACH")
    put(sheet, 0, 0, "ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN")
    merge(sheet, 0, 0, 2, 0)
    put(sheet, 4, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    merge(sheet, 4, 0, 7, 0)
    put(sheet, 0, 2, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
    merge(sheet, 0, 2, 7, 2)
    put(sheet, 0, 3, "(Kèm theo Tờ trình số 52/TTr-BCĐ ngày 14/8/2026)")
    merge(sheet, 0, 3, 7, 3)
    # rows 6 and 7: the header on two rows
    for c, h in [(0, "STT"), (1, "Phân loại khen thưởng"), (6, "Danh hiệu thi đua/Hình thức khen thưởng"), (7, "Ghi chú")]:
        put(sheet, c, 5, h)
        merge(sheet, c, 5, c, 6)
    put(sheet, 2, 5, "Thông tin đối tượng")
    merge(sheet, 2, 5, 5, 5)
    for c, h in [(2, "Tên gọi (Ông/Bà/Chức danh)"), (3, "Tên tập thể/cá nhân/hộ gia đình"), (4, "Chức vụ"), (5, "Đơn vị công tác")]:
        put(sheet, c, 6, h)
    # row 8: the numbering row
    for c in range(8):
        put(sheet, c, 7, "(%d)" % (c + 1))
    for i, row in enumerate(ROWS):
        put(sheet, 0, i + 8, "=ROW()-8")
        for c, value in enumerate(row):
            put(sheet, c + 1, i + 8, value)
    last = len(ROWS) + 8
    put(sheet, 0, last, "Tổng cộng")
    merge(sheet, 0, last, 2, last)
    put(sheet, 3, last, "=COUNTA(D9:D%d)" % last)
    put(sheet, 5, last + 2, "NGƯỜI LẬP BIỂU")
    put(sheet, 5, last + 5, "Lê Thị Thu Hà")
    doc.calculateAll()


def main():
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "--accept=pipe,name=%s;urp;" % PIPE]
    )
    try:
        ctx = connect()
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        build(doc)
        url = uno.systemPathToFileUrl(os.path.join(HERE, "de-nghi-khen-thuong.xlsx"))
        doc.storeToURL(url, (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office ends
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.terminate()
            office.wait()


if __name__ == "__main__":
    main()
