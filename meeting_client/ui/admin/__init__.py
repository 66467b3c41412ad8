"""The Quản trị module: people (create, edit, deactivate, reset password) and units."""
