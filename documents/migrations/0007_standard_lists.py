"""The standard document types and legal fields every Vietnamese province uses, present after `migrate`.

Both lists stay editable in the admin ("Danh mục văn bản"). Items already there (a demo or an administrator made
them) are kept; only their blank fields are filled in. Sources, also in the README ("Standard lists"):

- Document types: the forms of legal documents of Luật Ban hành văn bản quy phạm pháp luật 64/2025/QH15, Điều 4
  (`is_legal`), then the 29 administrative document types of Nghị định 30/2020/NĐ-CP, Điều 7, with the
  abbreviations of its Phụ lục III. Nghị quyết and Quyết định are in both: the legal ones carry a year in their
  number (16/2017/QĐ-UBND). Công văn has no abbreviation in the decree (its number carries the issuing unit's
  code); "CV" is kept because clerks' spreadsheets use it.
- Legal fields: the 45 topics (chủ đề) of the Bộ pháp điển, the Ministry of Justice's national classification of
  legal norms (phapdien.moj.gov.vn), in its order.
"""

from django.db import migrations

# (name, English name, abbreviation, legal form)
DOCUMENT_TYPES = [
    ("Hiến pháp", "Constitution", "", True),
    ("Bộ luật", "Code", "", True),
    ("Luật", "Law", "", True),
    ("Pháp lệnh", "Ordinance", "", True),
    ("Lệnh", "Order", "L", True),
    ("Nghị quyết", "Resolution", "NQ", True),
    ("Nghị quyết liên tịch", "Joint resolution", "NQLT", True),
    ("Nghị định", "Decree", "NĐ", True),
    ("Quyết định", "Decision", "QĐ", True),
    ("Thông tư", "Circular", "TT", True),
    ("Thông tư liên tịch", "Joint circular", "TTLT", True),
    ("Chỉ thị", "Directive", "CT", False),
    ("Quy chế", "Regulation", "QC", False),
    ("Quy định", "Rules", "QyĐ", False),
    ("Thông cáo", "Communiqué", "TC", False),
    ("Thông báo", "Notice", "TB", False),
    ("Hướng dẫn", "Guidance", "HD", False),
    ("Chương trình", "Programme", "CTr", False),
    ("Kế hoạch", "Plan", "KH", False),
    ("Phương án", "Scheme", "PA", False),
    ("Đề án", "Proposal", "ĐA", False),
    ("Dự án", "Project", "DA", False),
    ("Báo cáo", "Report", "BC", False),
    ("Biên bản", "Minutes", "BB", False),
    ("Tờ trình", "Submission", "TTr", False),
    ("Hợp đồng", "Contract", "HĐ", False),
    ("Công văn", "Official letter", "CV", False),
    ("Công điện", "Official dispatch", "CĐ", False),
    ("Bản ghi nhớ", "Memorandum of understanding", "GN", False),
    ("Bản thỏa thuận", "Agreement", "TTh", False),
    ("Giấy ủy quyền", "Letter of authorisation", "GUQ", False),
    ("Giấy mời", "Invitation", "GM", False),
    ("Giấy giới thiệu", "Letter of introduction", "GGT", False),
    ("Giấy nghỉ phép", "Leave permit", "GNP", False),
    ("Phiếu gửi", "Dispatch slip", "PG", False),
    ("Phiếu chuyển", "Transfer slip", "PC", False),
    ("Phiếu báo", "Notification slip", "PB", False),
    ("Thư công", "Official letter of courtesy", "", False),
]

# (name, English name): the Bộ pháp điển's topics 1 to 45.
LEGAL_FIELDS = [
    ("An ninh quốc gia", "National security"),
    ("Bảo hiểm", "Insurance"),
    ("Bưu chính, viễn thông", "Posts and telecommunications"),
    ("Bổ trợ tư pháp", "Judicial support services"),
    ("Cán bộ, công chức, viên chức", "Officials, civil servants and public employees"),
    ("Chính sách xã hội", "Social policy"),
    ("Công nghiệp", "Industry"),
    ("Dân số, gia đình, trẻ em, bình đẳng giới", "Population, family, children and gender equality"),
    ("Dân sự", "Civil matters"),
    ("Dân tộc", "Ethnic affairs"),
    ("Đất đai", "Land"),
    ("Doanh nghiệp, hợp tác xã", "Enterprises and cooperatives"),
    ("Giáo dục, đào tạo", "Education and training"),
    ("Giao thông, vận tải", "Transport"),
    ("Hành chính tư pháp", "Judicial administration"),
    ("Hình sự", "Criminal matters"),
    ("Kế toán, kiểm toán", "Accounting and auditing"),
    ("Khiếu nại, tố cáo", "Complaints and denunciations"),
    ("Khoa học, công nghệ", "Science and technology"),
    ("Lao động", "Labour"),
    ("Môi trường", "Environment"),
    ("Ngân hàng, tiền tệ", "Banking and currency"),
    ("Ngoại giao, điều ước quốc tế", "Foreign affairs and international treaties"),
    ("Nông nghiệp, nông thôn", "Agriculture and rural development"),
    ("Quốc phòng", "National defence"),
    ("Tài chính", "Finance"),
    ("Tài nguyên", "Natural resources"),
    ("Tài sản công, nợ công, dự trữ nhà nước", "Public assets, public debt and state reserves"),
    ("Thi đua, khen thưởng, các danh hiệu vinh dự nhà nước", "Emulation, commendation and state honours"),
    ("Thi hành án", "Enforcement of judgments"),
    ("Thống kê", "Statistics"),
    ("Thông tin, báo chí, xuất bản", "Information, press and publishing"),
    ("Thuế, phí, lệ phí, các khoản thu khác", "Taxes, fees, charges and other revenues"),
    ("Thương mại, đầu tư, chứng khoán", "Trade, investment and securities"),
    ("Tổ chức bộ máy nhà nước", "Organisation of the state apparatus"),
    ("Tổ chức chính trị - xã hội, hội", "Socio-political organisations and associations"),
    ("Tố tụng và các phương thức giải quyết tranh chấp", "Procedure and dispute resolution"),
    ("Tôn giáo, tín ngưỡng", "Religion and belief"),
    ("Trật tự, an toàn xã hội", "Public order and safety"),
    ("Tương trợ tư pháp", "Mutual legal assistance"),
    ("Văn hóa, thể thao, du lịch", "Culture, sports and tourism"),
    ("Văn thư lưu trữ", "Records and archives"),
    ("Xây dựng, nhà ở, đô thị", "Construction, housing and urban development"),
    ("Xây dựng pháp luật và thi hành pháp luật", "Law-making and law enforcement"),
    ("Y tế, dược", "Health and pharmaceuticals"),
]


def add_standard_lists(apps, schema_editor):
    """Add the standard types and fields that are missing; fill the blank fields of those already there."""
    from groundwork.models import add_standard_items

    add_standard_items(
        apps.get_model("legal_documents", "DocumentType"),
        [
            {"name": name, "name_en": english, "abbreviation": abbreviation, "is_legal": legal}
            for name, english, abbreviation, legal in DOCUMENT_TYPES
        ],
    )
    add_standard_items(
        apps.get_model("legal_documents", "LegalField"),
        [{"name": name, "name_en": english} for name, english in LEGAL_FIELDS],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("legal_documents", "0006_document_type_is_legal"),
    ]

    operations = [
        # Going back leaves the items: documents may already be filed under them, and they are editable data.
        migrations.RunPython(add_standard_lists, migrations.RunPython.noop),
    ]
