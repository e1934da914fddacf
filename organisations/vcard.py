"""A published contact person as a vCard (RFC 6350, version 3.0 for the widest
support in phones and mail programs): "Opslaan in contacten"."""

from organisations.models import ContactPerson


def _escape(value: str) -> str:
    """Text values: backslash, comma, semicolon and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def vcard(person: ContactPerson) -> str:
    organisation = person.organisation
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_escape(person.name)}",
        f"N:{_escape(person.name)};;;;",
        f"ORG:{_escape(organisation.name)}",
    ]
    if person.function:
        lines.append(f"TITLE:{_escape(person.function)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(person.phone)}")
    if organisation.website:
        lines.append(f"URL:{_escape(organisation.website)}")
    if person.is_demo:
        lines.append("NOTE:Demogegevens")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
