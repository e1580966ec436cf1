"""The province's 96 commune-level units since 1 July 2025 (Nghị quyết 1677/NQ-UBTVQH15 of 16/6/2025), with the codes
of the Cục Thống kê list (Công văn 1027/CTK-CSCL, 25/6/2025, rows 1946–2041): 86 xã, 9 phường, 1 đặc khu.

The former units come from QUANG-NGAI-FACTS §1b (a public script following NQ 1677's numbering, checked in part
against the press); they are given only where that table gives them, and xã Sơn Tịnh's, which it marks uncertain, are
left out. Kinds of former units are written only where the source writes them. The former district (huyện, thị xã,
thành phố, abolished on 1/7/2025) follows the official numbering: each new unit keeps a code of one of its former
communes, whose code range is its old district's. Five units were left unchanged: Đăk Long, Ba Xa, Rờ Kơi, Mô Rai,
Ia Đal.

Former units are written "kind:Name" (tt = thị trấn, p = phường, x = xã, h = huyện; no prefix when the source does
not say), with "*" after the former district seat (huyện lỵ).
"""

import unicodedata

from django.db import migrations

QN, KT = "quang-ngai", "kon-tum"
XA, PHUONG, DAC_KHU = "xa", "phuong", "dac-khu"
KINDS = {"tt": "thi-tran", "p": "phuong", "x": "xa", "h": "huyen"}
KIND_EN = {XA: "Commune", PHUONG: "Ward", DAC_KHU: "Special Zone"}

TP_QN, TX_DP = "Thành phố Quảng Ngãi", "Thị xã Đức Phổ"
TP_KT = "Thành phố Kon Tum"

# (code, kind, name, former province, former district, former units)
UNITS = [
    ("21211", XA, "Tịnh Khê", QN, TP_QN, "x:Tịnh Kỳ|x:Tịnh Châu|x:Tịnh Long|x:Tịnh Thiện|x:Tịnh Khê"),
    ("21172", PHUONG, "Trương Quang Trọng", QN, TP_QN, "p:Trương Quang Trọng|x:Tịnh Ấn Tây|x:Tịnh Ấn Đông|x:Tịnh An"),
    ("21034", XA, "An Phú", QN, TP_QN, "x:Nghĩa Hà|x:Nghĩa Dõng|x:Nghĩa Dũng|x:An Phú"),
    ("21025", PHUONG, "Cẩm Thành", QN, TP_QN, "p:Nguyễn Nghiêm|p:Trần Hưng Đạo|p:Nghĩa Chánh|p:Chánh Lộ"),
    ("21028", PHUONG, "Nghĩa Lộ", QN, TP_QN, "p:Lê Hồng Phong|p:Trần Phú|p:Quảng Phú|p:Nghĩa Lộ"),
    ("21451", PHUONG, "Trà Câu", QN, TX_DP, "Phổ Văn|Phổ Quang|Phổ An|Phổ Thuận"),
    ("21457", XA, "Nguyễn Nghiêm", QN, TX_DP, ""),
    ("21439", PHUONG, "Đức Phổ", QN, TX_DP, "p:Nguyễn Nghiêm*|p:Phổ Hòa|p:Phổ Minh|p:Phổ Vinh|p:Phổ Ninh"),
    ("21472", XA, "Khánh Cường", QN, TX_DP, ""),
    ("21478", PHUONG, "Sa Huỳnh", QN, TX_DP, "Phổ Thạnh|Phổ Châu"),
    ("21085", XA, "Bình Minh", QN, "Huyện Bình Sơn", ""),
    ("21100", XA, "Bình Chương", QN, "Huyện Bình Sơn", ""),
    (
        "21040",
        XA,
        "Bình Sơn",
        QN,
        "Huyện Bình Sơn",
        "tt:Châu Ổ*|Bình Thạnh|Bình Chánh|Bình Dương|Bình Nguyên|Bình Trung|Bình Long",
    ),
    ("21061", XA, "Vạn Tường", QN, "Huyện Bình Sơn", ""),
    ("21109", XA, "Đông Sơn", QN, "Huyện Bình Sơn", ""),
    ("21196", XA, "Trường Giang", QN, "Huyện Sơn Tịnh", ""),
    ("21205", XA, "Ba Gia", QN, "Huyện Sơn Tịnh", ""),
    ("21220", XA, "Sơn Tịnh", QN, "Huyện Sơn Tịnh", ""),
    ("21181", XA, "Thọ Phong", QN, "Huyện Sơn Tịnh", ""),
    ("21235", XA, "Tư Nghĩa", QN, "Huyện Tư Nghĩa", "tt:La Hà*|Nghĩa Trung|Nghĩa Thương|Nghĩa Hòa"),
    ("21238", XA, "Vệ Giang", QN, "Huyện Tư Nghĩa", "tt:Sông Vệ|Nghĩa Hiệp|Nghĩa Phương"),
    ("21250", XA, "Nghĩa Giang", QN, "Huyện Tư Nghĩa", ""),
    ("21244", XA, "Trà Giang", QN, "Huyện Tư Nghĩa", ""),
    ("21364", XA, "Nghĩa Hành", QN, "Huyện Nghĩa Hành", "tt:Chợ Chùa*|Hành Thuận|Hành Trung"),
    ("21385", XA, "Đình Cương", QN, "Huyện Nghĩa Hành", ""),
    ("21388", XA, "Thiện Tín", QN, "Huyện Nghĩa Hành", ""),
    ("21370", XA, "Phước Giang", QN, "Huyện Nghĩa Hành", ""),
    ("21409", XA, "Long Phụng", QN, "Huyện Mộ Đức", ""),
    ("21421", XA, "Mỏ Cày", QN, "Huyện Mộ Đức", ""),
    ("21400", XA, "Mộ Đức", QN, "Huyện Mộ Đức", "tt:Mộ Đức*|Đức Hòa|Đức Phú|Đức Tân"),
    ("21433", XA, "Lân Phong", QN, "Huyện Mộ Đức", ""),
    ("21115", XA, "Trà Bồng", QN, "Huyện Trà Bồng", "tt:Trà Xuân*|Trà Sơn|Trà Thủy"),
    ("21127", XA, "Đông Trà Bồng", QN, "Huyện Trà Bồng", ""),
    ("21154", XA, "Tây Trà", QN, "Huyện Trà Bồng", ""),
    ("21124", XA, "Thanh Bồng", QN, "Huyện Trà Bồng", ""),
    ("21136", XA, "Cà Đam", QN, "Huyện Trà Bồng", ""),
    ("21157", XA, "Tây Trà Bồng", QN, "Huyện Trà Bồng", ""),
    ("21292", XA, "Sơn Hạ", QN, "Huyện Sơn Hà", ""),
    ("21307", XA, "Sơn Linh", QN, "Huyện Sơn Hà", ""),
    ("21289", XA, "Sơn Hà", QN, "Huyện Sơn Hà", "tt:Di Lăng*|Sơn Bao|Sơn Thượng"),
    ("21319", XA, "Sơn Thủy", QN, "Huyện Sơn Hà", ""),
    ("21325", XA, "Sơn Kỳ", QN, "Huyện Sơn Hà", ""),
    ("21340", XA, "Sơn Tây", QN, "Huyện Sơn Tây", "Sơn Dung*|Sơn Long|Sơn Tân"),
    ("21334", XA, "Sơn Tây Thượng", QN, "Huyện Sơn Tây", ""),
    ("21343", XA, "Sơn Tây Hạ", QN, "Huyện Sơn Tây", ""),
    ("21361", XA, "Minh Long", QN, "Huyện Minh Long", "Long Hiệp*|Thanh An|Long Môn"),
    ("21349", XA, "Sơn Mai", QN, "Huyện Minh Long", ""),
    ("21529", XA, "Ba Vì", QN, "Huyện Ba Tơ", ""),
    ("21523", XA, "Ba Tô", QN, "Huyện Ba Tơ", ""),
    ("21499", XA, "Ba Dinh", QN, "Huyện Ba Tơ", ""),
    ("21484", XA, "Ba Tơ", QN, "Huyện Ba Tơ", "tt:Ba Tơ*|Ba Cung|Ba Bích"),
    ("21490", XA, "Ba Vinh", QN, "Huyện Ba Tơ", ""),
    ("21496", XA, "Ba Động", QN, "Huyện Ba Tơ", ""),
    ("21520", XA, "Đặng Thùy Trâm", QN, "Huyện Ba Tơ", ""),
    ("21538", XA, "Ba Xa", QN, "Huyện Ba Tơ", "="),
    ("21548", DAC_KHU, "Lý Sơn", QN, "Huyện Lý Sơn", "h:Lý Sơn"),
    ("23293", PHUONG, "Kon Tum", KT, TP_KT, "p:Quang Trung|p:Quyết Thắng|p:Thắng Lợi|p:Trường Chinh|p:Thống Nhất"),
    ("23284", PHUONG, "Đăk Cấm", KT, TP_KT, "Ngô Mây|Duy Tân|x:Đăk Cấm"),
    ("23302", PHUONG, "Đăk Bla", KT, TP_KT, "Trần Hưng Đạo|Lê Lợi|Nguyễn Trãi"),
    ("23317", XA, "Ngọk Bay", KT, TP_KT, ""),
    ("23326", XA, "Ia Chim", KT, TP_KT, ""),
    ("23332", XA, "Đăk Rơ Wa", KT, TP_KT, ""),
    ("23504", XA, "Đăk Pxi", KT, "Huyện Đăk Hà", ""),
    ("23512", XA, "Đăk Mar", KT, "Huyện Đăk Hà", ""),
    ("23510", XA, "Đăk Ui", KT, "Huyện Đăk Hà", ""),
    ("23515", XA, "Ngọk Réo", KT, "Huyện Đăk Hà", ""),
    ("23500", XA, "Đăk Hà", KT, "Huyện Đăk Hà", "tt:Đăk Hà*|Hà Mòn|Đăk La"),
    ("23428", XA, "Ngọk Tụ", KT, "Huyện Đăk Tô", ""),
    ("23401", XA, "Đăk Tô", KT, "Huyện Đăk Tô", "tt:Đăk Tô*|Tân Cảnh|Pô Kô|Diên Bình"),
    ("23430", XA, "Kon Đào", KT, "Huyện Đăk Tô", ""),
    ("23416", XA, "Đăk Sao", KT, "Huyện Tu Mơ Rông", ""),
    ("23419", XA, "Đăk Tờ Kan", KT, "Huyện Tu Mơ Rông", ""),
    ("23425", XA, "Tu Mơ Rông", KT, "Huyện Tu Mơ Rông", "Đăk Hà|Tu Mơ Rông"),
    ("23446", XA, "Măng Ri", KT, "Huyện Tu Mơ Rông", ""),
    ("23377", XA, "Bờ Y", KT, "Huyện Ngọc Hồi", "tt:Plei Kần*|Đăk Xú|Pờ Y"),
    ("23392", XA, "Sa Loong", KT, "Huyện Ngọc Hồi", ""),
    ("23383", XA, "Dục Nông", KT, "Huyện Ngọc Hồi", ""),
    ("23356", XA, "Xốp", KT, "Huyện Đăk Glei", ""),
    ("23365", XA, "Ngọc Linh", KT, "Huyện Đăk Glei", ""),
    ("23344", XA, "Đăk Plô", KT, "Huyện Đăk Glei", ""),
    ("23341", XA, "Đăk Pék", KT, "Huyện Đăk Glei", "tt:Đăk Glei*|Đăk Pék"),
    ("23374", XA, "Đăk Môn", KT, "Huyện Đăk Glei", ""),
    ("23527", XA, "Sa Thầy", KT, "Huyện Sa Thầy", "tt:Sa Thầy*|Sa Sơn|Sa Nhơn"),
    ("23534", XA, "Sa Bình", KT, "Huyện Sa Thầy", ""),
    ("23548", XA, "Ya Ly", KT, "Huyện Sa Thầy", ""),
    ("23538", XA, "Ia Tơi", KT, "Huyện Ia H'Drai", ""),
    ("23485", XA, "Đăk Kôi", KT, "Huyện Kon Rẫy", ""),
    ("23497", XA, "Kon Braih", KT, "Huyện Kon Rẫy", ""),
    ("23479", XA, "Đăk Rve", KT, "Huyện Kon Rẫy", "tt:Đăk Rve*|Đăk Pne"),
    ("23473", XA, "Măng Đen", KT, "Huyện Kon Plông", "tt:Măng Đen*|Măng Cành|Đăk Tăng"),
    ("23455", XA, "Măng Bút", KT, "Huyện Kon Plông", ""),
    ("23476", XA, "Kon Plông", KT, "Huyện Kon Plông", ""),
    ("23368", XA, "Đăk Long", KT, "Huyện Đăk Glei", "="),
    ("23530", XA, "Rờ Kơi", KT, "Huyện Sa Thầy", "="),
    ("23536", XA, "Mô Rai", KT, "Huyện Sa Thầy", "="),
    ("23535", XA, "Ia Đal", KT, "Huyện Ia H'Drai", "="),
]


def parse_former(text: str) -> list[dict]:
    """"tt:La Hà*|Nghĩa Trung" -> [{"kind": "thi-tran", "name": "La Hà", "seat": True}, {"kind": "", …}]."""
    units = []
    for item in filter(None, text.split("|")):
        prefix, _colon, name = item.rpartition(":")
        seat = name.endswith("*")
        unit = {"kind": KINDS.get(prefix, ""), "name": name.rstrip("*")}
        if seat:
            unit["seat"] = True
        units.append(unit)
    return units


def english_name(kind: str, name: str) -> str:
    # As vietnam.text.fold_diacritics does (a migration keeps its own copy of what it needs).
    folded = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return f"{unicodedata.normalize('NFC', plain)} {KIND_EN[kind]}"


def add_units(apps, schema_editor):
    AdministrativeUnit = apps.get_model("territory", "AdministrativeUnit")
    existing = set(AdministrativeUnit.objects.values_list("code", flat=True))
    AdministrativeUnit.objects.bulk_create(
        [
            AdministrativeUnit(
                code=code,
                kind=kind,
                name=name,
                name_en=english_name(kind, name),
                former_province=province,
                former_district=district,
                former_units=[] if former == "=" else parse_former(former),
                unchanged=former == "=",
            )
            for code, kind, name, province, district, former in UNITS
            if code not in existing
        ]
    )


def remove_units(apps, schema_editor):
    apps.get_model("territory", "AdministrativeUnit").objects.filter(code__in=[unit[0] for unit in UNITS]).delete()


class Migration(migrations.Migration):
    dependencies = [("territory", "0001_units_and_heritage")]

    operations = [migrations.RunPython(add_units, remove_units)]
