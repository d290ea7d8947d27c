// Server-side check of the one-page checkout, for the API the mobile app calls.
package server

import "github.com/posthog/posthog-go"

func onePageCheckout(client posthog.Client, distinctID string) bool {
	enabled, _ := client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "new-checkout-flow", DistinctId: distinctID})
	return enabled == true
}
