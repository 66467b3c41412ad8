"""Organisation and people: units (a tree), positions, global roles, account state.

``tables`` holds the data, ``service`` the queries other modules may use,
``commands`` the ``org.*`` commands and ``auth.change_password``, ``cli`` the
``users import`` subcommand. The migration is the ``org`` Alembic branch.
"""
