"""Build a message, then send it: ``build_message`` is pure; ``send`` talks SMTP.

Every SMTP failure becomes one :class:`MailError` line saying what failed and what to do. The password
comes from the config (which read it from the environment) and is never put in a message or a log.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from monitor.config import EmailConfig
from monitor.errors import MailError

log = logging.getLogger(__name__)


def _address(text: str) -> Address:
    name, addr = parseaddr(text)
    user, _, domain = addr.partition("@")
    return Address(display_name=name, username=user, domain=domain)


def build_message(
    sender: str, to: list[str], subject: str, text: str, html: str, now: dt.datetime, domain: str | None = None
) -> EmailMessage:
    """A multipart/alternative message (plain text + HTML), UTF-8 headers, Date and Message-ID."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = _address(sender)
    msg["To"] = [_address(a) for a in to]
    msg["Date"] = format_datetime(now)
    sender_domain = domain or parseaddr(sender)[1].partition("@")[2] or "xxgk-monitor.local"
    msg["Message-ID"] = make_msgid(idstring="xxgk", domain=sender_domain)
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg


def send(email: EmailConfig, msg: EmailMessage) -> None:
    """Send one message with the configured SMTP server; raises :class:`MailError` with one line."""
    where = f"{email.host}:{email.port}"
    if email.username and not email.password:
        raise MailError(
            f"no SMTP password for {email.username} on {where}: set the environment variable {email.password_env}"
        )
    try:
        if email.security == "ssl":
            client = smtplib.SMTP_SSL(
                email.host, email.port, timeout=email.timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(email.host, email.port, timeout=email.timeout)
        with client:
            if email.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if email.username:
                client.login(email.username, email.password or "")
            client.send_message(msg)
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"SMTP login failed for {email.username} on {where}: check {email.password_env}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = ", ".join(exc.recipients)
        raise MailError(
            f"SMTP server {where} refused the recipients {refused}: check the addresses in the config"
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"SMTP server {where} does not support what was asked ({exc}): check email.security") from None
    except smtplib.SMTPException as exc:
        raise MailError(f"SMTP error from {where}: {exc}") from None
    except ssl.SSLError as exc:
        raise MailError(f"TLS failed with {where} ({exc.reason}): check email.security and email.port") from None
    except TimeoutError:
        raise MailError(f"SMTP server {where} timed out after {email.timeout:g} s: try again later") from None
    except OSError as exc:
        raise MailError(f"cannot connect to SMTP server {where}: {exc.strerror or exc}") from None
    log.info("mail sent to %s: %s", ", ".join(str(a) for a in msg["To"].addresses), msg["Subject"])
