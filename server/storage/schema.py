"""The one SQLAlchemy MetaData that every domain's tables belong to."""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def load_all_tables() -> MetaData:
    """Import every domain's tables so that ``metadata`` knows them all."""
    from server import events  # noqa: F401
    from server.minutes import tables as _minutes  # noqa: F401
    from server.modules.accounts import tables as _a  # noqa: F401
    from server.modules.documents import tables as _d  # noqa: F401
    from server.modules.hall import tables as _hall  # noqa: F401
    from server.modules.meetings import tables as _m  # noqa: F401
    from server.modules.org import tables as _org  # noqa: F401
    from server.modules.speakers import tables as _s  # noqa: F401
    from server.modules.voting import tables as _v  # noqa: F401
    from server.storage import idempotency  # noqa: F401

    return metadata
