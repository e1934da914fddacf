"""Curators invite a regional editor by e-mail: an account with a set-password link."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from regions.models import RegionMembership


@transaction.atomic
def invite_editor(
    request, email: str, regions, first_name: str = "", last_name: str = ""
):
    """Create (or reuse) the account for email, make it an editor of regions, and
    mail it: a new account gets a link to choose a password, an existing one
    only the news. Returns the user."""
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        user.set_unusable_password()
        user.save()
    for region in regions:
        RegionMembership.objects.get_or_create(user=user, region=region)
    context = {"user": user, "regions": [r.name for r in regions]}
    if user.has_usable_password():
        # An existing account keeps its password: tell it, never send a link
        # that would let whoever reads the mail set a new one.
        context["link"] = request.build_absolute_uri(reverse("login"))
        template = "registration/added_to_region_email.txt"
        subject = _("U bent redacteur geworden op de regiokaart")
    else:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
        context["link"] = request.build_absolute_uri(path)
        template = "registration/invitation_email.txt"
        subject = _("Uitnodiging voor de regiokaart")
    body = render_to_string(template, context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return user
