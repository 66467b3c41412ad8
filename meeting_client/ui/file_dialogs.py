"""The app's file dialogs, built in one place so that they can be checked for language.

Qt's own file dialog is used where the platform offers none (Linux kiosks); its
words come from ``qt_vi.qm`` (see :func:`meeting_client.app.install_translator`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def file_dialog(parent: QWidget | None, title: str, path: str, file_filter: str, *,
                save: bool, options: QFileDialog.Option | None = None) -> QFileDialog:
    """A dialog to pick a file to open (``save=False``) or to write (``save=True``)."""
    dialog = QFileDialog(parent, title, path, file_filter)
    if options is not None:
        dialog.setOptions(options)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def ask_path(dialog: QFileDialog) -> str:
    """Run the dialog; the chosen path, or "" when cancelled."""
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""
