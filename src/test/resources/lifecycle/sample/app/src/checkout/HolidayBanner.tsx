// Shown on the storefront in December; its flag was deleted from the YAML, this code was not.
import { PostHogFeature } from 'posthog-js/react'

export function HolidayBanner() {
  return (
    <PostHogFeature flag="holiday-banner-2024" match={true}>
      <Banner text="Free shipping until the 24th" />
    </PostHogFeature>
  )
}
