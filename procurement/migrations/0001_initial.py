"""Projects and procurement notices, their files, and the indexes of the notices listing."""

import django.db.models.deletion
import home.models.records
import modelcluster.fields
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

# The notices' text search (procurement/listing.py) matches this expression; PostgreSQL only (the SQLite demo
# matches the same folded text with LIKE).
TEXT_INDEX = (
    "CREATE INDEX procurement_notice_text ON procurement_noticepage "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, ''::text)))"
)


def create_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TEXT_INDEX)


def drop_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS procurement_notice_text")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0003_agency_name_en'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProcurementIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='giới thiệu chuyên mục')),
            ],
            options={
                'verbose_name': 'chuyên mục dự án, đấu thầu, mua sắm công',
                'verbose_name_plural': 'chuyên mục dự án, đấu thầu, mua sắm công',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, home.models.records.PublishedRecordMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ProjectPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('investor', models.CharField(help_text='Tên đầy đủ, ví dụ: Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh.', max_length=255, verbose_name='chủ đầu tư, bên mời thầu')),
                ('summary', models.TextField(max_length=2000, verbose_name='tóm tắt')),
                ('body', wagtail.fields.RichTextField(blank=True, verbose_name='nội dung chi tiết')),
                ('location', models.CharField(max_length=255, verbose_name='địa điểm thực hiện')),
                ('total_investment', models.PositiveBigIntegerField(help_text='Số tiền bằng đồng, không dấu chấm: 125000000000 là 125 tỷ đồng.', verbose_name='tổng mức đầu tư (đồng)')),
                ('capital_source', models.CharField(choices=[('ngan-sach-trung-uong', 'Ngân sách trung ương'), ('ngan-sach-dia-phuong', 'Ngân sách địa phương'), ('oda', 'Vốn ODA, vốn vay ưu đãi nước ngoài'), ('ppp', 'Đầu tư theo phương thức đối tác công tư (PPP)'), ('nhieu-nguon', 'Nhiều nguồn vốn'), ('khac', 'Nguồn vốn khác')], max_length=30, verbose_name='nguồn vốn')),
                ('capital_detail', models.CharField(blank=True, help_text='Ví dụ: ngân sách tỉnh 60%, ngân sách trung ương 40%.', max_length=255, verbose_name='chi tiết nguồn vốn')),
                ('project_group', models.CharField(blank=True, choices=[('quan-trong-quoc-gia', 'Dự án quan trọng quốc gia'), ('nhom-a', 'Dự án nhóm A'), ('nhom-b', 'Dự án nhóm B'), ('nhom-c', 'Dự án nhóm C')], max_length=30, verbose_name='nhóm dự án')),
                ('status', models.CharField(choices=[('chuan-bi', 'Chuẩn bị đầu tư'), ('dang-thuc-hien', 'Đang thực hiện'), ('hoan-thanh', 'Đã hoàn thành'), ('tam-dung', 'Tạm dừng, giãn tiến độ')], max_length=20, verbose_name='giai đoạn')),
                ('start_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='năm khởi công')),
                ('end_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='năm hoàn thành')),
                ('decision_number', models.CharField(help_text='Ví dụ: 1234/QĐ-UBND', max_length=100, verbose_name='số quyết định phê duyệt')),
                ('decision_authority', models.CharField(blank=True, help_text='Ví dụ: UBND tỉnh Quảng Ngãi', max_length=255, verbose_name='cơ quan phê duyệt')),
                ('trigger_date', models.DateField(db_index=True, help_text='Ngày ký quyết định phê duyệt dự án: dự án phải được đăng trong 10 ngày làm việc (Điều 9.1.d).', verbose_name='ngày phê duyệt')),
                ('agency', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='home.agency')),
            ],
            options={
                'verbose_name': 'dự án đầu tư',
                'verbose_name_plural': 'dự án đầu tư',
            },
            bases=(home.models.records.PublishedRecordMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='ProjectFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(blank=True, help_text='Để trống để dùng tên của tệp.', max_length=255, verbose_name='tên hiển thị')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtaildocs.document', verbose_name='tệp')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='procurement.projectpage')),
            ],
            options={
                'verbose_name': 'tệp đính kèm',
                'verbose_name_plural': 'tệp đính kèm',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='NoticePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('investor', models.CharField(help_text='Tên đầy đủ, ví dụ: Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh.', max_length=255, verbose_name='chủ đầu tư, bên mời thầu')),
                ('summary', models.TextField(max_length=2000, verbose_name='tóm tắt')),
                ('body', wagtail.fields.RichTextField(blank=True, verbose_name='nội dung chi tiết')),
                ('kind', models.CharField(choices=[('ke-hoach-lcnt', 'Kế hoạch lựa chọn nhà thầu'), ('moi-quan-tam', 'Thông báo mời quan tâm'), ('moi-so-tuyen', 'Thông báo mời sơ tuyển'), ('moi-thau', 'Thông báo mời thầu'), ('moi-chao-hang', 'Thông báo mời chào hàng'), ('ket-qua-lcnt', 'Kết quả lựa chọn nhà thầu'), ('mua-sam-cong', 'Mua sắm công')], max_length=20, verbose_name='loại thông tin')),
                ('package_name', models.CharField(max_length=500, verbose_name='tên gói thầu')),
                ('package_number', models.CharField(blank=True, help_text='Ví dụ: XL-01', max_length=100, verbose_name='số hiệu gói thầu')),
                ('notice_number', models.CharField(blank=True, help_text='Ví dụ: IB2600012345 (muasamcong.mpi.gov.vn).', max_length=50, verbose_name='mã thông báo trên Hệ thống mạng đấu thầu quốc gia')),
                ('field', models.CharField(choices=[('hang-hoa', 'Hàng hóa'), ('xay-lap', 'Xây lắp'), ('tu-van', 'Tư vấn'), ('phi-tu-van', 'Phi tư vấn'), ('hon-hop', 'Hỗn hợp')], max_length=20, verbose_name='lĩnh vực')),
                ('method', models.CharField(choices=[('dau-thau-rong-rai', 'Đấu thầu rộng rãi'), ('dau-thau-han-che', 'Đấu thầu hạn chế'), ('chi-dinh-thau', 'Chỉ định thầu'), ('chao-hang-canh-tranh', 'Chào hàng cạnh tranh'), ('mua-sam-truc-tiep', 'Mua sắm trực tiếp'), ('tu-thuc-hien', 'Tự thực hiện'), ('cong-dong', 'Tham gia thực hiện của cộng đồng'), ('dam-phan-gia', 'Đàm phán giá'), ('truong-hop-dac-biet', 'Lựa chọn nhà thầu trong trường hợp đặc biệt')], max_length=30, verbose_name='hình thức lựa chọn nhà thầu')),
                ('package_price', models.PositiveBigIntegerField(blank=True, help_text='Số tiền bằng đồng, không dấu chấm.', null=True, verbose_name='giá gói thầu (đồng)')),
                ('issued_on', models.DateField(help_text='Ngày phát hành thông báo, hồ sơ mời thầu.', verbose_name='ngày đăng tải')),
                ('closes_at', models.DateTimeField(blank=True, help_text='Ngày và giờ (giờ Việt Nam); bắt buộc với thông báo mời thầu, mời quan tâm, sơ tuyển, chào hàng.', null=True, verbose_name='thời điểm đóng thầu')),
                ('opens_at', models.DateTimeField(blank=True, help_text='Không được trước thời điểm đóng thầu.', null=True, verbose_name='thời điểm mở thầu')),
                ('status', models.CharField(choices=[('da-dang', 'Đã đăng tải'), ('da-sua-doi', 'Đã sửa đổi, gia hạn'), ('da-huy', 'Đã hủy')], default='da-dang', max_length=20, verbose_name='tình trạng')),
                ('status_note', models.CharField(blank=True, help_text='Bắt buộc khi thông báo đã được sửa đổi, gia hạn hoặc hủy.', max_length=500, verbose_name='lý do sửa đổi, gia hạn hoặc hủy')),
                ('winner', models.CharField(blank=True, max_length=500, verbose_name='nhà thầu trúng thầu')),
                ('winning_price', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='giá trúng thầu (đồng)')),
                ('trigger_date', models.DateField(db_index=True, help_text='Ngày phê duyệt kế hoạch, hồ sơ mời thầu hoặc kết quả lựa chọn nhà thầu: phải đăng trong 10 ngày làm việc (Điều 9.1.d).', verbose_name='ngày phê duyệt')),
                ('listed', models.BooleanField(default=False, editable=False)),
                ('investor_key', models.CharField(blank=True, editable=False, max_length=255)),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('agency', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='home.agency')),
                ('project', models.ForeignKey(blank=True, help_text='Để trống với gói mua sắm không thuộc dự án đầu tư nào.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='notices', to='procurement.projectpage', verbose_name='thuộc dự án')),
            ],
            options={
                'verbose_name': 'thông tin đấu thầu, mua sắm công',
                'verbose_name_plural': 'thông tin đấu thầu, mua sắm công',
            },
            bases=(home.models.records.PublishedRecordMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='NoticeFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(blank=True, help_text='Để trống để dùng tên của tệp.', max_length=255, verbose_name='tên hiển thị')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtaildocs.document', verbose_name='tệp')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='procurement.noticepage')),
            ],
            options={
                'verbose_name': 'tệp đính kèm',
                'verbose_name_plural': 'tệp đính kèm',
                'ordering': ['sort_order'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.AddIndex(
            model_name='projectpage',
            index=models.Index(fields=['agency', 'trigger_date'], name='procurement_project_agency'),
        ),
        migrations.AlterUniqueTogether(
            name='projectfile',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['listed', 'issued_on'], name='procurement_notice_issued'),
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['listed', 'closes_at'], name='procurement_notice_closes'),
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['agency', 'listed', 'issued_on'], name='procurement_notice_agency'),
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['kind', 'listed'], name='procurement_notice_kind'),
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['field', 'listed'], name='procurement_notice_field'),
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['method', 'listed'], name='procurement_notice_method'),
        ),
        migrations.AddIndex(
            model_name='noticepage',
            index=models.Index(fields=['investor_key', 'listed'], name='procurement_notice_investor'),
        ),
        migrations.RunPython(create_text_index, drop_text_index),
]
