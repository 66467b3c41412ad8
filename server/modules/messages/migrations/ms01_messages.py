"""messages: conversations, members, messages

Revision ID: ms01_messages
Revises: 0001
Create Date: 2026-12-04 10:40:00

A branch of its own (``messages``) off 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ms01_messages"
down_revision = "0001"
branch_labels = ("messages",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("last_message_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
        sa.UniqueConstraint("member_key", name=op.f("uq_conversations_member_key")),
    )
    op.create_table(
        "conversation_members",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("last_read_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"],
                                name=op.f("fk_conversation_members_conversation_id_conversations"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_conversation_members_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("conversation_id", "user_id",
                                name=op.f("pk_conversation_members")),
    )
    op.create_index(op.f("ix_conversation_members_user_id"), "conversation_members",
                    ["user_id"])
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("from_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=False),
        sa.Column("ref_kind", sa.String(length=16), nullable=True),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"],
                                name=op.f("fk_messages_conversation_id_conversations"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_id"], ["users.id"],
                                name=op.f("fk_messages_from_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index("ix_messages_conversation", "messages", ["conversation_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_messages_conversation", table_name="messages")
    op.drop_table("messages")
    op.drop_index(op.f("ix_conversation_members_user_id"), table_name="conversation_members")
    op.drop_table("conversation_members")
    op.drop_table("conversations")
