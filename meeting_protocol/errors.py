"""Error codes of the wire protocol (PROTOCOL.md) and their default sentences.

The code is what programs branch on; the message is for people and is
Vietnamese unless the session asked for English at login.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    BAD_REQUEST = "bad_request"
    UNKNOWN_TYPE = "unknown_type"
    UNAUTHENTICATED = "unauthenticated"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    INTERNAL = "internal"


DEFAULT_MESSAGES: dict[ErrorCode, dict[str, str]] = {
    ErrorCode.BAD_REQUEST: {
        "vi": "Yêu cầu không hợp lệ.",
        "en": "The request is not valid.",
    },
    ErrorCode.UNKNOWN_TYPE: {
        "vi": "Lệnh không được hỗ trợ.",
        "en": "Unknown command.",
    },
    ErrorCode.UNAUTHENTICATED: {
        "vi": "Cần đăng nhập để thực hiện thao tác này.",
        "en": "Please sign in first.",
    },
    ErrorCode.FORBIDDEN: {
        "vi": "Bạn không có quyền thực hiện thao tác này.",
        "en": "You are not allowed to do this.",
    },
    ErrorCode.NOT_FOUND: {
        "vi": "Không tìm thấy đối tượng được yêu cầu.",
        "en": "Not found.",
    },
    ErrorCode.CONFLICT: {
        "vi": "Thao tác mâu thuẫn với trạng thái hiện tại.",
        "en": "This contradicts the current state.",
    },
    ErrorCode.TOO_LARGE: {
        "vi": "Dữ liệu vượt quá giới hạn cho phép.",
        "en": "The payload is too large.",
    },
    ErrorCode.RATE_LIMITED: {
        "vi": "Gửi quá nhiều yêu cầu, vui lòng chờ giây lát.",
        "en": "Too many requests; please slow down.",
    },
    ErrorCode.INTERNAL: {
        "vi": "Lỗi máy chủ. Thao tác chưa được thực hiện.",
        "en": "Server error. Nothing was changed.",
    },
}


def default_message(code: ErrorCode, lang: str = "vi") -> str:
    texts = DEFAULT_MESSAGES[code]
    return texts.get(lang, texts["vi"])
