# The search before search-v2, still behind its flag.
def legacy_search?(user)
  posthog.is_feature_enabled('legacy-search', user.id)
end
