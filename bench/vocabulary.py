"""Word lists and templates that make the bench's documents look like a Vietnamese province's.

Everything here is data; bench/seeding.py and bench/import_rate.py draw from it with a seeded
random.Random, so two runs produce the same documents.
"""

import random

# The provincial portal, as the test suite names it.
PORTAL_NAME = "Ủy ban nhân dân tỉnh Quảng Ngãi"
PORTAL_NAME_EN = "Quang Ngai Provincial People's Committee"

# Commune-level units of the new Quảng Ngãi (QUANG-NGAI-FACTS.md §1a). The derived codes are unique
# (Sơn Hạ/Sơn Hà and Ba Tô/Ba Tơ would both fold to one code, so one of each pair is left out).
COMMUNES = [
    "Phường Trương Quang Trọng",
    "Phường Cẩm Thành",
    "Phường Nghĩa Lộ",
    "Phường Trà Câu",
    "Phường Đức Phổ",
    "Phường Sa Huỳnh",
    "Phường Kon Tum",
    "Phường Đăk Cấm",
    "Phường Đăk Bla",
    "Đặc khu Lý Sơn",
    "Xã Tư Nghĩa",
    "Xã Tịnh Khê",
    "Xã An Phú",
    "Xã Nguyễn Nghiêm",
    "Xã Khánh Cường",
    "Xã Bình Minh",
    "Xã Bình Chương",
    "Xã Bình Sơn",
    "Xã Vạn Tường",
    "Xã Đông Sơn",
    "Xã Trường Giang",
    "Xã Ba Gia",
    "Xã Sơn Tịnh",
    "Xã Thọ Phong",
    "Xã Vệ Giang",
    "Xã Nghĩa Giang",
    "Xã Trà Giang",
    "Xã Nghĩa Hành",
    "Xã Đình Cương",
    "Xã Thiện Tín",
    "Xã Phước Giang",
    "Xã Long Phụng",
    "Xã Mỏ Cày",
    "Xã Mộ Đức",
    "Xã Lân Phong",
    "Xã Trà Bồng",
    "Xã Đông Trà Bồng",
    "Xã Tây Trà",
    "Xã Thanh Bồng",
    "Xã Cà Đam",
    "Xã Sơn Hà",
    "Xã Sơn Linh",
    "Xã Sơn Thủy",
    "Xã Sơn Kỳ",
    "Xã Sơn Tây",
    "Xã Minh Long",
    "Xã Ba Tơ",
    "Xã Đặng Thùy Trâm",
    "Xã Măng Đen",
]
# The site `import_documents` writes into: not one of the searched sites' data set (it is emptied after each run).
IMPORT_COMMUNE = "Xã Đăk Hà"

# Hình thức văn bản: name, abbreviation (the sign in numbers), English name.
DOCUMENT_TYPES = [
    ("Quyết định", "QĐ", "Decision"),
    ("Nghị quyết", "NQ", "Resolution"),
    ("Kế hoạch", "KH", "Plan"),
    ("Chỉ thị", "CT", "Directive"),
    ("Công văn", "CV", "Official letter"),
    ("Thông báo", "TB", "Notice"),
    ("Báo cáo", "BC", "Report"),
]
# How often each type occurs, for the People's Committee (UBND) and for the People's Council (HĐND).
UBND_TYPE_WEIGHTS = {
    "Quyết định": 38,
    "Kế hoạch": 16,
    "Công văn": 20,
    "Thông báo": 10,
    "Báo cáo": 10,
    "Chỉ thị": 6,
}
HDND_TYPE_WEIGHTS = {"Nghị quyết": 70, "Thông báo": 10, "Báo cáo": 20}
# Share of decisions and resolutions that are legal normative documents, numbered with their year.
NORMATIVE_SHARE = 0.2

PROVINCE_UBND = "UBND tỉnh Quảng Ngãi"
PROVINCE_HDND = "HĐND tỉnh Quảng Ngãi"

LEGAL_FIELDS = [
    "Hành chính nhà nước",
    "Đất đai",
    "Xây dựng",
    "Giao thông vận tải",
    "Tài chính - Ngân sách",
    "Giáo dục và đào tạo",
    "Y tế",
    "Văn hóa - Thể thao - Du lịch",
    "Nông nghiệp và môi trường",
    "Công nghệ thông tin",
    "Lao động - Xã hội",
    "Kế hoạch và đầu tư",
    "Nội vụ",
    "Tư pháp",
    "Quốc phòng - An ninh",
]

# (topic, the legal fields it belongs to)
TOPICS = [
    ("đầu tư xây dựng đường giao thông nông thôn", ["Giao thông vận tải", "Xây dựng"]),
    ("nâng cấp, mở rộng đường giao thông liên xã", ["Giao thông vận tải", "Xây dựng"]),
    ("bảo đảm trật tự, an toàn giao thông", ["Giao thông vận tải", "Quốc phòng - An ninh"]),
    ("phòng, chống thiên tai và tìm kiếm cứu nạn", ["Nông nghiệp và môi trường", "Quốc phòng - An ninh"]),
    ("cải cách hành chính", ["Hành chính nhà nước", "Nội vụ"]),
    ("chuyển đổi số và phát triển chính quyền số", ["Công nghệ thông tin", "Hành chính nhà nước"]),
    ("cung cấp dịch vụ công trực tuyến", ["Công nghệ thông tin", "Hành chính nhà nước"]),
    ("xây dựng nông thôn mới", ["Nông nghiệp và môi trường", "Kế hoạch và đầu tư"]),
    ("quản lý, sử dụng đất đai", ["Đất đai"]),
    ("bồi thường, hỗ trợ và tái định cư khi Nhà nước thu hồi đất", ["Đất đai"]),
    ("cấp giấy chứng nhận quyền sử dụng đất", ["Đất đai"]),
    ("bảo vệ môi trường và thu gom rác thải sinh hoạt", ["Nông nghiệp và môi trường"]),
    ("phát triển kinh tế - xã hội", ["Kế hoạch và đầu tư"]),
    ("thu, chi ngân sách nhà nước", ["Tài chính - Ngân sách"]),
    ("quản lý, sử dụng tài sản công", ["Tài chính - Ngân sách"]),
    ("phòng cháy, chữa cháy và cứu nạn, cứu hộ", ["Quốc phòng - An ninh"]),
    ("bảo đảm an toàn thực phẩm", ["Y tế"]),
    ("phòng, chống dịch bệnh", ["Y tế"]),
    ("phát triển giáo dục mầm non và phổ thông", ["Giáo dục và đào tạo"]),
    ("phổ cập giáo dục, xóa mù chữ", ["Giáo dục và đào tạo"]),
    ("giảm nghèo bền vững", ["Lao động - Xã hội"]),
    ("thực hiện chính sách đối với người có công", ["Lao động - Xã hội"]),
    ("phát triển du lịch biển, đảo", ["Văn hóa - Thể thao - Du lịch"]),
    ("xây dựng đời sống văn hóa ở khu dân cư", ["Văn hóa - Thể thao - Du lịch"]),
    ("tuyển dụng, sử dụng và quản lý công chức", ["Nội vụ"]),
    ("phổ biến, giáo dục pháp luật", ["Tư pháp"]),
    ("đăng ký, quản lý hộ tịch", ["Tư pháp"]),
    ("tuyển chọn và gọi công dân nhập ngũ", ["Quốc phòng - An ninh"]),
    ("phát triển cây trồng chủ lực và chăn nuôi", ["Nông nghiệp và môi trường"]),
    ("khai thác và bảo vệ nguồn lợi thủy sản", ["Nông nghiệp và môi trường"]),
    ("đầu tư công trung hạn", ["Kế hoạch và đầu tư", "Tài chính - Ngân sách"]),
    ("thu hút đầu tư và hỗ trợ doanh nghiệp", ["Kế hoạch và đầu tư"]),
    ("quản lý trật tự xây dựng", ["Xây dựng"]),
    ("tiếp công dân, giải quyết khiếu nại, tố cáo", ["Hành chính nhà nước", "Tư pháp"]),
    ("hoạt động của Cổng thông tin điện tử", ["Công nghệ thông tin"]),
]
BODIES = [
    "Ban Chỉ đạo phòng, chống thiên tai",
    "Ban Chỉ đạo chuyển đổi số",
    "Ban Chỉ đạo xây dựng nông thôn mới",
    "Tổ công tác cải cách hành chính",
    "Hội đồng thi đua, khen thưởng",
    "Bộ phận Một cửa",
    "Trung tâm Phục vụ hành chính công",
    "Ban quản lý dự án đầu tư xây dựng",
    "Hội đồng tư vấn giải quyết khiếu nại",
    "Tổ giúp việc Ban Chỉ đạo",
]
PROJECTS = [
    "Dự án đường giao thông",
    "Dự án kè chống sạt lở bờ sông",
    "Dự án nâng cấp trường tiểu học",
    "Dự án cải tạo chợ",
    "Dự án nhà văn hóa thôn",
    "Dự án trạm y tế",
    "Dự án kênh mương nội đồng",
    "Dự án điện chiếu sáng công cộng",
]
HAMLETS = ["thôn An Hòa", "thôn Phú Lộc", "thôn Tân Lập", "thôn Đông Yên", "thôn Xuân Phổ", "tổ dân phố 3"]
MEETINGS = [
    "cuộc họp giao ban tháng",
    "buổi làm việc với các phòng, ban chuyên môn",
    "cuộc họp về tiến độ giải ngân vốn đầu tư công",
    "buổi kiểm tra tình hình phòng, chống thiên tai",
    "hội nghị sơ kết công tác cải cách hành chính",
]
PERIODS = ["quý I", "6 tháng đầu năm", "9 tháng", "quý IV và cả năm"]

# Templates by type: {topic} {body} {project} {hamlet} {place} {year} {start} {end} {meeting} {period}.
SUMMARIES = {
    "Quyết định": [
        "Về việc ban hành Quy chế {topic} trên địa bàn {place}",
        "Ban hành Quy chế hoạt động của {body} {place}",
        "Về việc phê duyệt {project} {hamlet}, {place}",
        "Về việc kiện toàn {body} {place}",
        "Về việc công bố danh mục thủ tục hành chính về {topic}",
        "Về việc giao chỉ tiêu kế hoạch {topic} năm {year}",
        "Quy định chi tiết một số nội dung về {topic}",
        "Về việc phê duyệt Đề án {topic} giai đoạn {start}-{end}",
    ],
    "Nghị quyết": [
        "Về {topic} trên địa bàn {place} giai đoạn {start}-{end}",
        "Quy định mức hỗ trợ {topic} năm {year}",
        "Về nhiệm vụ phát triển kinh tế - xã hội năm {year}",
        "Phê chuẩn dự toán thu, chi ngân sách năm {year}",
        "Về chủ trương đầu tư {project} {hamlet}",
    ],
    "Kế hoạch": [
        "Kế hoạch triển khai {topic} năm {year}",
        "Kế hoạch phát triển kinh tế - xã hội năm {year}",
        "Kế hoạch thực hiện {topic} giai đoạn {start}-{end}",
        "Kế hoạch kiểm tra công tác {topic} năm {year}",
    ],
    "Chỉ thị": [
        "Về việc tăng cường công tác {topic}",
        "Về việc chấn chỉnh, nâng cao hiệu quả {topic}",
        "Về việc triển khai các biện pháp {topic} năm {year}",
    ],
    "Công văn": [
        "V/v triển khai thực hiện {topic}",
        "V/v báo cáo kết quả {topic} {period} năm {year}",
        "V/v đôn đốc tiến độ {project} {hamlet}",
        "V/v tăng cường công tác {topic}",
    ],
    "Thông báo": [
        "Thông báo kết luận của Chủ tịch {authority} tại {meeting}",
        "Thông báo lịch tiếp công dân {period} năm {year}",
        "Thông báo tuyển dụng viên chức năm {year}",
        "Thông báo về việc {topic}",
    ],
    "Báo cáo": [
        "Báo cáo tình hình {topic} {period} năm {year}",
        "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {period} năm {year}",
        "Báo cáo sơ kết {topic} giai đoạn {start}-{end}",
    ],
}
BODY_SENTENCES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;",
    "Theo đề nghị của Văn phòng và các phòng chuyên môn.",
    "Giao các phòng, ban, đơn vị liên quan tổ chức triển khai thực hiện {topic}.",
    "Văn bản này có hiệu lực kể từ ngày ký.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để xem xét.",
    "Tổ chức kiểm tra, đánh giá kết quả {topic}, báo cáo trước ngày 15 tháng 12 năm {year}.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước và các nguồn huy động hợp pháp khác.",
]

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE_NAMES = ["Văn", "Thị", "Ngọc", "Minh", "Đức", "Thanh", "Hữu", "Quang", "Hoàng", "Xuân"]
GIVEN_NAMES = ["An", "Bình", "Cường", "Dũng", "Hải", "Hòa", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam", "Phúc"]
SIGNER_TITLES = {"UBND": ["Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch"], "HĐND": ["Chủ tịch", "Phó Chủ tịch"]}


def person_name(rng: random.Random) -> str:
    """A plausible Vietnamese full name, family name first."""
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def local_place(commune_name: str) -> str:
    """How a document names its commune: "Phường Kon Tum" -> "phường Kon Tum"."""
    return commune_name[0].lower() + commune_name[1:]
