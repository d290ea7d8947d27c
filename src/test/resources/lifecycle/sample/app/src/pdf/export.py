# PDF export of invoices; the kill switch turns it off when the renderer misbehaves.
from posthog import Posthog

posthog = Posthog(project_api_key="phc_sample_not_a_key")


def export_allowed(user):
    return posthog.feature_enabled("pdf-export-enabled", user.distinct_id)


def holiday_discount(user):
    return posthog.get_feature_flag("holiday-banner-2024", user.distinct_id) is True
