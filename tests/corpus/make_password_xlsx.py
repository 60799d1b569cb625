"""Generates password.xlsx: a households list encrypted with the password "matkhau", as Excel
does with File > Info > Protect Workbook > Encrypt with Password (an OLE file holding an
EncryptedPackage). Needs `pip install xlsxwriter msoffcrypto-tool`; the result is committed.
"""
import io

from msoffcrypto.format.ooxml import OOXMLFile
import xlsxwriter

plain = io.BytesIO()
book = xlsxwriter.Workbook(plain, {"in_memory": True})
sheet = book.add_worksheet()
for col, text in enumerate(["Họ và tên", "Địa chỉ", "Diện"]):
    sheet.write(0, col, text)
for col, text in enumerate(["Nguyễn Văn An", "Tổ 1", "Hộ nghèo"]):
    sheet.write(1, col, text)
book.close()
plain.seek(0)

office = OOXMLFile(plain)
with open("password.xlsx", "wb") as out:
    office.encrypt("matkhau", out)
