# Search on the new index: its flag was made in PostHog's UI and never declared in the YAML.
def search_v2?(user)
  posthog.get_feature_flag('search-v2', user.id) == true
end
