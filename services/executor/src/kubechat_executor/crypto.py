"""Cluster credentials encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

The key comes from settings (`KUBECHAT_ENCRYPTION_KEY`). Outside dev and test a missing or
placeholder key is refused at start-up; in dev a fixed, clearly-named key is used so a
developer's registry survives restarts.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

from kubechat.errors import KubeChatError

DEV_KEY_SEED = b"kubechat-dev-only-key-never-use-in-production"


def dev_key() -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(DEV_KEY_SEED).digest()).decode()


def valid_key(key: str) -> bool:
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return True


class Cipher:
    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode())

    def encrypt(self, plaintext: str) -> bytes:
        return self._fernet.encrypt(plaintext.encode())

    def decrypt(self, ciphertext: bytes) -> str:
        try:
            return self._fernet.decrypt(ciphertext).decode()
        except InvalidToken:
            raise KubeChatError(
                "stored cluster credentials cannot be decrypted: KUBECHAT_ENCRYPTION_KEY "
                "changed since they were registered"
            ) from None
