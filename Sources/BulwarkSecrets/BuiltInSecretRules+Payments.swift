import BulwarkCore

extension BuiltInSecretRules {
    /// Stripe, Square, PayPal Braintree, Shopify.
    static var paymentDefinitions: [Definition] {
        [
            Definition(
                "stripe-secret-key", "Stripe", "Stripe live secret key", .critical,
                #"(?<![A-Za-z0-9_])(?<secret>sk_live_[A-Za-z0-9]{24,99})(?![A-Za-z0-9])"#, ["sk_live_"]
            ),
            Definition(
                "stripe-restricted-key", "Stripe", "Stripe live restricted key", .high,
                #"(?<![A-Za-z0-9_])(?<secret>rk_live_[A-Za-z0-9]{24,99})(?![A-Za-z0-9])"#, ["rk_live_"]
            ),
            Definition(
                "square-access-token", "Square", "Square access token", .critical,
                tokenStart + #"(?<secret>sq0atp-[0-9A-Za-z_-]{22}|EAAA[A-Za-z0-9_-]{60})"# + tokenEnd, ["sq0atp-", "eaaa"], entropy: 3.5
            ),
            Definition(
                "square-oauth-secret", "Square", "Square OAuth application secret", .critical,
                tokenStart + #"(?<secret>sq0csp-[0-9A-Za-z_-]{43})"# + tokenEnd, ["sq0csp-"]
            ),
            Definition(
                "braintree-access-token", "PayPal", "PayPal Braintree access token", .critical,
                #"(?<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})"#, ["access_token$production$"]
            ),
            Definition(
                "shopify-access-token", "Shopify", "Shopify access token", .high,
                #"(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa)_[a-fA-F0-9]{32})(?![A-Za-z0-9])"#, ["shpat_", "shpca_", "shppa_"]
            ),
            Definition(
                "shopify-shared-secret", "Shopify", "Shopify shared secret", .high,
                #"(?<![A-Za-z0-9_])(?<secret>shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9])"#, ["shpss_"]
            ),
        ]
    }
}
