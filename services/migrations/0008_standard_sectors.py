"""The sectors (lĩnh vực) of administrative procedures, present after `migrate`, editable in the admin.

Named as the National Public Service Portal (dichvucong.gov.vn) and the National Database on Administrative
Procedures file the procedures that a province and its communes carry out, grouped here by the provincial body
that handles them since the 2025 reorganisation (the order of the list). Sectors already there (a demo or an
administrator made them) are kept; only their blank fields are filled in. The README's "Standard lists" says more.
"""

from django.db import migrations

# (name, English name)
SECTORS = [
    # Sở Tư pháp; the commune's civil status and certification
    ("Hộ tịch", "Civil status"),
    ("Chứng thực", "Certification"),
    ("Nuôi con nuôi", "Adoption"),
    ("Quốc tịch", "Nationality"),
    ("Lý lịch tư pháp", "Criminal records"),
    ("Công chứng", "Notarisation"),
    ("Luật sư", "Lawyers"),
    ("Trợ giúp pháp lý", "Legal aid"),
    ("Đấu giá tài sản", "Property auctions"),
    ("Giám định tư pháp", "Judicial expertise"),
    ("Hòa giải ở cơ sở", "Grassroots mediation"),
    ("Phổ biến, giáo dục pháp luật", "Legal dissemination and education"),
    ("Bồi thường nhà nước", "State compensation"),
    ("Đăng ký biện pháp bảo đảm", "Registration of security interests"),
    ("Thừa phát lại", "Bailiffs"),
    # Sở Tài chính (with planning and investment since 2025)
    ("Thành lập và hoạt động doanh nghiệp", "Business registration"),
    ("Thành lập và hoạt động của hộ kinh doanh", "Household businesses"),
    ("Thành lập và hoạt động của hợp tác xã (liên hiệp hợp tác xã)", "Cooperatives"),
    ("Đầu tư tại Việt Nam", "Investment in Viet Nam"),
    ("Đầu tư theo phương thức đối tác công tư", "Public-private partnership investment"),
    ("Quản lý công sản", "Public property"),
    # Sở Nội vụ (with labour and social affairs since 2025)
    ("Việc làm", "Employment"),
    ("Lao động, tiền lương", "Labour and wages"),
    ("An toàn, vệ sinh lao động", "Occupational safety and health"),
    ("Người có công", "People with meritorious services"),
    ("Công chức, viên chức", "Civil servants and public employees"),
    ("Tổ chức hành chính, đơn vị sự nghiệp công lập", "Administrative bodies and public service units"),
    ("Tổ chức phi chính phủ", "Associations and non-governmental organisations"),
    ("Thi đua, khen thưởng", "Emulation and commendation"),
    ("Văn thư và lưu trữ nhà nước", "Records and archives"),
    # Sở Y tế (with social protection and children since 2025)
    ("Khám bệnh, chữa bệnh", "Medical practice"),
    ("Dược phẩm", "Pharmaceuticals"),
    ("Y tế dự phòng", "Preventive medicine"),
    ("An toàn thực phẩm và dinh dưỡng", "Food safety and nutrition"),
    ("Trang thiết bị và công trình y tế", "Medical equipment and facilities"),
    ("Giám định y khoa", "Medical assessment"),
    ("Bảo trợ xã hội", "Social assistance"),
    ("Trẻ em", "Children"),
    ("Phòng, chống tệ nạn xã hội", "Prevention of social evils"),
    # Sở Giáo dục và Đào tạo (with vocational training since 2025)
    ("Giáo dục và Đào tạo", "Education and training"),
    ("Giáo dục nghề nghiệp", "Vocational education"),
    ("Thi, tuyển sinh", "Examinations and admissions"),
    ("Văn bằng, chứng chỉ", "Diplomas and certificates"),
    # Sở Xây dựng (with transport since 2025)
    ("Xây dựng", "Construction"),
    ("Quy hoạch xây dựng, kiến trúc", "Construction planning and architecture"),
    ("Nhà ở", "Housing"),
    ("Kinh doanh bất động sản", "Real estate business"),
    ("Hạ tầng kỹ thuật", "Technical infrastructure"),
    ("Đường bộ", "Roads"),
    ("Đường thủy nội địa", "Inland waterways"),
    # Sở Nông nghiệp và Môi trường
    ("Đất đai", "Land"),
    ("Môi trường", "Environment"),
    ("Tài nguyên nước", "Water resources"),
    ("Địa chất và khoáng sản", "Geology and minerals"),
    ("Khí tượng thủy văn", "Hydrometeorology"),
    ("Đo đạc, bản đồ và thông tin địa lý", "Surveying, mapping and geographic information"),
    ("Biển và hải đảo", "Seas and islands"),
    ("Trồng trọt", "Crop production"),
    ("Bảo vệ thực vật", "Plant protection"),
    ("Chăn nuôi", "Livestock"),
    ("Thú y", "Veterinary services"),
    ("Thủy sản", "Fisheries"),
    ("Lâm nghiệp", "Forestry"),
    ("Thủy lợi", "Irrigation"),
    ("Phòng, chống thiên tai", "Natural disaster prevention"),
    ("Quản lý chất lượng nông lâm sản và thủy sản", "Quality of agricultural, forestry and fishery products"),
    ("Kinh tế hợp tác và phát triển nông thôn", "Cooperative economy and rural development"),
    # Sở Văn hóa, Thể thao và Du lịch (with press, publishing and broadcasting since 2025)
    ("Di sản văn hóa", "Cultural heritage"),
    ("Nghệ thuật biểu diễn", "Performing arts"),
    ("Mỹ thuật, nhiếp ảnh và triển lãm", "Fine arts, photography and exhibitions"),
    ("Điện ảnh", "Cinema"),
    ("Thư viện", "Libraries"),
    ("Văn hóa cơ sở", "Grassroots culture"),
    ("Gia đình", "Family"),
    ("Quảng cáo", "Advertising"),
    ("Thể dục, thể thao", "Sports"),
    ("Lữ hành", "Travel services"),
    ("Báo chí", "Press"),
    ("Xuất bản, In và Phát hành", "Publishing, printing and distribution"),
    ("Phát thanh, truyền hình và thông tin điện tử", "Broadcasting and electronic information"),
    # Sở Khoa học và Công nghệ (with posts and telecommunications since 2025)
    ("Hoạt động khoa học và công nghệ", "Science and technology activities"),
    ("Tiêu chuẩn đo lường chất lượng", "Standards, metrology and quality"),
    ("Sở hữu trí tuệ", "Intellectual property"),
    ("Năng lượng nguyên tử, an toàn bức xạ và hạt nhân", "Atomic energy, radiation and nuclear safety"),
    ("Bưu chính", "Postal services"),
    ("Viễn thông và Internet", "Telecommunications and the Internet"),
    ("Tần số vô tuyến điện", "Radio frequencies"),
    # Sở Công Thương
    ("Điện", "Electricity"),
    ("Hóa chất", "Chemicals"),
    ("Vật liệu nổ công nghiệp", "Industrial explosives"),
    ("An toàn thực phẩm", "Food safety"),
    ("Lưu thông hàng hóa trong nước", "Domestic trade"),
    ("Xúc tiến thương mại", "Trade promotion"),
    ("Thương mại quốc tế", "International trade"),
    ("Kinh doanh khí", "Gas trading"),
    ("Công nghiệp địa phương", "Local industry"),
    # Sở Dân tộc và Tôn giáo
    ("Tín ngưỡng, tôn giáo", "Belief and religion"),
    ("Công tác dân tộc", "Ethnic affairs"),
    # Thanh tra tỉnh
    ("Giải quyết khiếu nại", "Complaints"),
    ("Giải quyết tố cáo", "Denunciations"),
    ("Tiếp công dân", "Citizen reception"),
    ("Phòng, chống tham nhũng", "Anti-corruption"),
    # Công an tỉnh
    ("Đăng ký, quản lý cư trú", "Residence registration"),
    ("Cấp, quản lý căn cước", "Identity cards"),
    ("Quản lý xuất nhập cảnh", "Exit and entry"),
    ("Đăng ký, quản lý con dấu", "Seals"),
    ("Phòng cháy, chữa cháy", "Fire prevention and fighting"),
]


def add_standard_sectors(apps, schema_editor):
    """Add the standard sectors that are missing; fill the blank fields of those already there."""
    from groundwork.models import add_standard_items

    add_standard_items(
        apps.get_model("services", "Sector"), [{"name": name, "name_en": english} for name, english in SECTORS]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0007_dossier_component_upload_panel"),
    ]

    operations = [
        # Going back leaves the sectors: procedures may already be filed under them, and they are editable data.
        migrations.RunPython(add_standard_sectors, migrations.RunPython.noop),
    ]
