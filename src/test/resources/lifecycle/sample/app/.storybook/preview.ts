// Hidden folder: never read.
export const parameters = { flag: posthog.isFeatureEnabled('storybook-only-flag') }
