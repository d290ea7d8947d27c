// Build output: never read.
class Flags { boolean on() { return posthog.getFeatureFlag("generated-flag") != null; } }
