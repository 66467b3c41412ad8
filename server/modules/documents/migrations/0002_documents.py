"""documents: versions, access lists, read receipts, annotations, presenters

Revision ID: 0002_documents
Revises: 0001
Create Date: 2026-11-24 23:05:00

A branch of its own (``documents``) off 0001: the server upgrades to every
head, so other domains' branches never collide with this one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_documents"
down_revision = "0001"
branch_labels = ("documents",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presenters",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_presenters_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_presenters_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_presenters")),
    )
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("rects", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("color", sa.String(length=7), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_annotations_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_annotations_meeting_id_meetings"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_annotations_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annotations_user_id"), ["user_id", "document_id"],
                              unique=False)
    op.create_table(
        "document_access",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_document_access_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_document_access_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "user_id", name=op.f("pk_document_access")),
    )
    op.create_table(
        "document_reads",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("first_opened_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_document_reads_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_document_reads_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "user_id", name=op.f("pk_document_reads")),
    )
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("original_sha256", sa.String(length=64), nullable=True),
        sa.Column("original_size", sa.Integer(), nullable=True),
        sa.Column("original_filename", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("superseded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_document_versions_document_id_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_versions")),
        sa.UniqueConstraint("document_id", "version",
                            name=op.f("uq_document_versions_document_id")),
    )
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_versions_document_id"), ["document_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_document_versions_sha256"), ["sha256"],
                              unique=False)
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                      nullable=False))
        batch_op.add_column(sa.Column("access", sa.String(length=16), server_default="all",
                                      nullable=False))
        batch_op.add_column(sa.Column("original_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("original_size", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("original_filename", sa.String(length=300),
                                      nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("removed_at", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))
        for column in ("removed_at", "updated_at", "original_filename", "original_size",
                       "original_sha256", "access", "version"):
            batch_op.drop_column(column)
    op.drop_table("document_versions")
    op.drop_table("document_reads")
    op.drop_table("document_access")
    op.drop_table("annotations")
    op.drop_table("presenters")
