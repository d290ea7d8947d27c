// The checkout page: one page for those in the rollout, three steps for everyone else.
import { useFeatureFlagEnabled, usePostHog } from 'posthog-js/react'

export function CheckoutPage() {
  const posthog = usePostHog()
  const onePage = useFeatureFlagEnabled('new-checkout-flow')
  // A typo nobody noticed: this flag does not exist, so the banner never shows.
  const showBanner = posthog.isFeatureEnabled('new-chekout-flow')
  return onePage ? <OnePageCheckout banner={showBanner} /> : <ThreeStepCheckout />
}
