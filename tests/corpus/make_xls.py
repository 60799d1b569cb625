"""Generates the .xls fixtures of tests/import.rs (Excel 97-2003 files, as old offices keep).

Run once with `pip install xlwt` then `python3 make_xls.py` in this folder; the .xls files are
committed, so the tests never need Python. Row numbers in comments are Excel's (1-based).
"""
import datetime

import xlwt

STACKED = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ"
DATE = xlwt.easyxf(num_format_str="dd/mm/yyyy")
MONEY = xlwt.easyxf(num_format_str="#,##0")
BOLD = xlwt.easyxf("font: bold on")


def households():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sach ho")
    sheet.write(0, 0, "UBND PHƯỜNG CHỢ QUÁN", BOLD)
    sheet.write(1, 0, "DANH SÁCH CÁC HỘ GIA ĐÌNH CHÍNH SÁCH NĂM 2026", BOLD)
    headers = ["STT", "HỌ VÀ TÊN", "NĂM SINH", "GIỚI TÍNH", "ĐỊA CHỈ", "DIỆN", "SĐT", "GHI CHÚ"]
    for col, text in enumerate(headers):
        sheet.write(3, col, text, BOLD)
    rows = [
        # row 5: accepted; birth year and phone as numbers (Excel drops the phone's 0)
        [1, "Nguyễn Thị Hằng", 1948, "Nữ", "Khu phố 3", "Gia đình liệt sĩ", 912345678, STACKED],
        # row 6: accepted
        [2, "Trương Văn Đức", 1955, "Nam", "Tổ 5, Khu phố 2", "Thương binh", "0987654321", ""],
        # row 7: year out of range
        [3, "Lê Thị Ánh", 1790, "Nữ", "Khu phố 1", "Hộ nghèo", "", ""],
        # row 8: no name
        [4, "", 1960, "Nam", "Khu phố 1", "Hộ nghèo", "", ""],
        # row 9: date of birth as an Excel date; unknown category
        [5, "Phạm Văn Tư", datetime.date(1950, 3, 12), "Nam", "Khu phố 4", "Cựu chiến binh", "", ""],
        # row 10: duplicate of row 5 (case and spacing differ)
        [6, "NGUYỄN THỊ HẰNG", 1948, "Nữ", "khu phố  3", "GĐLS", "", ""],
        # row 11: date of birth as an Excel date; accepted
        [7, "Đặng Thị Mười", datetime.date(1939, 1, 5), "Nữ", "Khu phố 4", "Mẹ VNAH", "", ""],
    ]
    for r, values in enumerate(rows, start=4):
        for col, value in enumerate(values):
            style = DATE if isinstance(value, datetime.date) else xlwt.Style.default_style
            sheet.write(r, col, value, style)
    # row 12 empty; row 13 the total; row 14 a signature
    sheet.write(12, 1, "Tổng cộng")
    sheet.write(12, 2, 7)
    sheet.write(13, 4, "Người lập biểu")
    book.save("households.xls")


def visits():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Tham hoi")
    sheet.write(0, 0, "DANH SÁCH THĂM HỎI, TẶNG QUÀ NHÂN NGÀY HỘI", BOLD)
    headers = ["TT", "Họ tên", "Địa chỉ", "Ngày thăm", "Người thăm", "Quà tặng",
               "Giá trị (đồng)", "Nguồn kinh phí", "Trạng thái"]
    for col, text in enumerate(headers):
        sheet.write(1, col, text, BOLD)
    for col in range(len(headers)):
        sheet.write(2, col, "(%d)" % (col + 1))
    rows = [
        # row 4: Excel date and number
        [1, "Nguyễn Thị Hằng", "Khu phố 3", datetime.date(2026, 8, 10), "Đ/c Bí thư Đảng ủy",
         "Tiền mặt", 500000, "Ngân sách", "Đã thăm"],
        # row 5: date and money as text
        [2, "Trương Văn Đức", "Tổ 5, Khu phố 2", "12/8/2026", "Trưởng Công an phường",
         "Quà", "300.000 đ", "Xã hội hóa", ""],
        # row 6: a date that does not exist
        [3, "Lê Văn Tám", "Khu phố 1", "31/02/2026", "", "Quà", 200000, "", ""],
    ]
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                style = DATE
            elif col == 6 and isinstance(value, int):
                style = MONEY
            else:
                style = xlwt.Style.default_style
            sheet.write(r, col, value, style)
    sheet.write(6, 0, "Cộng")
    sheet.write(6, 6, 1000000, MONEY)
    book.save("visits.xls")


households()
visits()
