"""The one-click unsubscribe address of following's e-mails (outside the language prefixes: a machine's URL)."""

from django.urls import path

from . import views

urlpatterns = [
    path("huy-nhan-tin/<str:token>/", views.one_click_unsubscribe, name="following_unsubscribe"),
]
