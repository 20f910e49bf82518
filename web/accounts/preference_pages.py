"""Preferences over HTTP: the page's scripts read and save them as JSON, the account page
saves them with a form, and every page gets them as `site_prefs` (the <html> data-theme)."""
from flask import Blueprint, flash, jsonify, redirect, request, url_for
from flask_login import current_user, login_required

from web.accounts import preferences

bp = Blueprint("preferences", __name__)


@bp.app_context_processor
def site_prefs() -> dict:
    signed_in = current_user and current_user.is_authenticated
    return {"site_prefs": preferences.of(current_user) if signed_in else dict(preferences.DEFAULTS),
            "preference_choices": preferences.CHOICES, "font_sizes": preferences.FONT_SIZES}


@bp.route("/account/preferences", methods=["GET"])
@login_required
def show():
    return jsonify(preferences.of(current_user))


@bp.route("/account/preferences", methods=["POST"])
@login_required
def update():
    if request.is_json:
        try:
            return jsonify(preferences.update(current_user, request.get_json(silent=True)))
        except preferences.PreferenceError as exc:
            return jsonify(error=str(exc)), 400
    changes = {key: request.form[key] for key in preferences.DEFAULTS if key in request.form}
    try:
        preferences.update(current_user, changes)
        flash("Preferences saved.")
    except preferences.PreferenceError as exc:
        flash(f"Preferences not saved: {exc}.")
    return redirect(url_for("users.account"))
