"""documents: meeting papers (upload, conversion, versions, access, HTTP ranges),
annotations, follow-the-presenter."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.documents import tables
from server.modules.documents.cli import add_documents_parser
from server.modules.documents.commands import commands
from server.modules.documents.http import PREFIX, DocumentHttp
from server.modules.documents.snapshot import designated_presenter, shared_documents
from server.modules.documents.transfer import setup_documents

MODULE = Module(name="documents", tables=tables, commands=commands,
                exports=("tables", "access", "store", "convert", "service", "transfer"),
                migrations=migrations_of(__file__),
                snapshot={"documents": shared_documents,
                          "designated_presenter": designated_presenter},
                http={PREFIX: lambda services: DocumentHttp(services).get},
                cli=add_documents_parser,
                setup=setup_documents)
