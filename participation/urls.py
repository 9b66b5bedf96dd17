"""Fixed routes of the participation module (see DESIGN.md, "Public URL contract")."""

app_name = "participation"
urlpatterns = []
